import { exportCsvChunks, type Issue } from '@csv-importer/core';
import { BEAT_MASK, type Dataset } from './dataset.ts';
import type { DeliveredRows } from './delivered-rows.ts';
import type { Validation } from './validation.ts';

/**
 * The rows with errors (not deleted) as CSV, written by core's writer: the fields' labels as
 * header, each cell as the user's text (so the file reads back as it was), and a last column
 * naming each row's problems (those delivered with it, the host's included) with `templates`
 * (issue code to the locale's message, `{param}` placeholders filled from the issue's params; an
 * unknown code shows the host's own `message`, else the `invalid` message).
 */
export function exportInvalidCsv(
  data: Dataset,
  validation: Validation,
  delivered: DeliveredRows,
  beat: () => void,
  labels: readonly string[],
  errorsHeader: string,
  templates: Record<string, string>,
): Blob {
  const columns = validation.columns;
  const labelOf = new Map(columns.map((column, f) => [column.spec.key, labels[f] ?? column.spec.key]));
  const describe = ({ code, params = {} }: Issue): string => {
    const own = typeof params.message === 'string' && params.message !== '' ? params.message : undefined;
    const template = templates[code] ?? own ?? templates.invalid ?? code;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
  };
  function* rows(): Generator<string[]> {
    yield [...labels, errorsHeader];
    for (let r = 0; r < data.rowCount; r++) {
      if ((r & BEAT_MASK) === 0) beat();
      if (data.isDeleted(r) || !validation.hasErrors(r)) continue;
      const values: string[] = [];
      for (let f = 0; f < columns.length; f++) values.push(data.raw(r, f));
      const problems = delivered
        .rowIssues(r)
        .filter((issue) => issue.level !== 'info')
        .map((issue) =>
          issue.column === '' ? describe(issue) : `${labelOf.get(issue.column)}: ${describe(issue)}`,
        );
      values.push(problems.join('; '));
      yield values;
    }
  }
  return new Blob([...exportCsvChunks(rows())], { type: 'text/csv' });
}
