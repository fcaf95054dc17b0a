import '@csv-importer/element';
import type { CsvImporterCompleteEvent, ImportedRow, ImporterColumn } from '@csv-importer/element';
import { useState } from 'react';

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

interface Imported {
  rows: readonly ImportedRow[];
  issueCount: number;
  fileName: string;
}

export function App() {
  const [imported, setImported] = useState<Imported>();

  function onComplete(event: CsvImporterCompleteEvent) {
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
