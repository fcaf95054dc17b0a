import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import '@csv-importer/element';
import type { CsvImporterCompleteEvent, ImportedRow, ImporterColumn } from '@csv-importer/element';

interface Imported {
  rows: readonly ImportedRow[];
  issueCount: number;
  fileName: string;
}

/** The contacts page: imports a file with <csv-importer> and shows the rows it delivered. */
@Component({
  selector: 'app-root',
  // Lets the template use <csv-importer>, bind its properties and listen to its events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Contacts</h1>
    <csv-importer [columns]="columns" (csv-importer-complete)="onComplete($event)"></csv-importer>
    @if (imported(); as imported) {
      <p role="status">
        {{ imported.rows.length }} rows from {{ imported.fileName }}, {{ imported.issueCount }} issues
      </p>
      <table>
        <thead>
          <tr>
            @for (column of columns; track column.key) {
              <th [attr.data-key]="column.key">{{ column.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of imported.rows; track $index) {
            <tr>
              @for (column of columns; track column.key) {
                <td>{{ row[column.key] }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class App {
  protected readonly columns: ImporterColumn[] = [
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

  protected readonly imported = signal<Imported | undefined>(undefined);

  protected onComplete(event: CsvImporterCompleteEvent): void {
    this.imported.set({ rows: event.rows, issueCount: event.issues.length, fileName: event.meta.fileName });
  }
}
