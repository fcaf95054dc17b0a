import '@csv-importer/element';
import type { ImporterColumn } from '@csv-importer/element';

const columns: ImporterColumn[] = [
  { key: 'firstName', label: 'First name', required: true },
  { key: 'lastName', label: 'Last name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: true },
  { key: 'phone', label: 'Phone' },
  { key: 'dateOfBirth', label: 'Date of birth' },
  { key: 'country', label: 'Country' },
  { key: 'plan', label: 'Plan' },
  { key: 'seats', label: 'Seats' },
  { key: 'active', label: 'Active' },
  { key: 'notes', label: 'Notes' },
];

const importer = document.querySelector('csv-importer')!;
const table = document.querySelector<HTMLTableElement>('#rows')!;
const summary = document.querySelector<HTMLElement>('#summary')!;
const log = document.querySelector<HTMLElement>('#log')!;
importer.columns = columns;

function logLine(text: string): void {
  log.textContent += `${new Date().toLocaleTimeString()}  ${text}\n`;
}

importer.addEventListener('csv-importer-complete', (event) => {
  logLine(`complete: ${event.rows.length} rows, ${event.issues.length} issues from ${event.meta.fileName}`);
  summary.textContent = `${event.rows.length} rows from ${event.meta.fileName} (${event.meta.encoding}, "${event.meta.delimiter}"), ${event.issues.length} issues.`;
  const invalid = new Set(event.issues.map((i) => `${i.row}:${i.column}`));
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const c of columns) head.appendChild(document.createElement('th')).textContent = c.key;
  const body = table.createTBody();
  event.rows.forEach((row, index) => {
    const tr = body.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      // textContent: a cell is data, never markup.
      td.textContent = String(row[c.key] ?? '');
      if (invalid.has(`${index}:${c.key}`)) td.className = 'invalid';
    }
  });
});
importer.addEventListener('csv-importer-error', (event) => logLine(`error ${event.code}: ${event.message}`));
importer.addEventListener('csv-importer-close', () => logLine('close'));
