// Regenerates tests/fixtures/formats/orders.{xls,xlsx,ods,xlsb} from orders.fods, the workbook
// written by hand as flat OpenDocument XML (two visible sheets, one hidden, dates, a datetime,
// numbers, booleans, formulas with cached results, a merged title cell). LibreOffice writes the
// XLS, XLSX and ODS files; it cannot write XLSB, so SheetJS Community Edition (installed into a
// temporary folder, never a dependency of the project) converts LibreOffice's XLSX to XLSB.
// Not run by the tests: `node scripts/make-format-fixtures.mjs` needs `soffice` and the npm registry.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'formats');
const source = join(dir, 'orders.fods');
for (const format of ['xls', 'xlsx', 'ods'])
  execFileSync('soffice', ['--headless', '--convert-to', format, '--outdir', dir, source], {
    stdio: 'inherit',
  });

const scratch = mkdtempSync(join(tmpdir(), 'sheetjs-'));
try {
  execFileSync('npm', ['install', '--prefix', scratch, '--no-audit', '--no-fund', '@e965/xlsx@0.20.3'], {
    stdio: 'inherit',
  });
  const XLSX = await import(pathToFileURL(join(scratch, 'node_modules/@e965/xlsx/xlsx.mjs')).href);
  const workbook = XLSX.read(readFileSync(join(dir, 'orders.xlsx')), { type: 'buffer', cellNF: true });
  writeFileSync(join(dir, 'orders.xlsb'), XLSX.write(workbook, { type: 'buffer', bookType: 'xlsb' }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
