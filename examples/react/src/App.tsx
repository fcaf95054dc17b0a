import '@csv-importer/element';
import type { CsvImporterCompleteEvent } from '@csv-importer/element';
// The element's JSX typing: tsc checks the props and `on…` handlers of <csv-importer> against it.
import type {} from '@csv-importer/element/react';
import { useState } from 'react';
import { type Contact, contactColumns as columns } from './columns';

interface Imported {
  rows: readonly Contact[];
  issueCount: number;
  fileName: string;
}

export function App() {
  const [imported, setImported] = useState<Imported>();

  function onComplete(event: CsvImporterCompleteEvent<Contact>) {
    setImported({ rows: event.rows, issueCount: event.issues.length, fileName: event.meta.fileName });
  }

  return (
    <>
      <h1>Contacts</h1>
      {/* React 19 sets `columns` as a property and adds the `on…` handler as an event listener. */}
      <csv-importer columns={columns} oncsv-importer-complete={onComplete}></csv-importer>
      {imported && (
        <>
          <p role="status">
            {imported.rows.length} rows from {imported.fileName}, {imported.issueCount} issues
          </p>
          <table>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key} data-key={column.key}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {imported.rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position.
                <tr key={index}>
                  {columns.map((column) => (
                    <td key={column.key}>{row[column.key]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
