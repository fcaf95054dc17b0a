/** English messages. Other catalogs mirror these keys; the host may override any of them. */
export const en = {
  'upload.title': 'Upload a file',
  'upload.hint': 'CSV or TSV, with a header row. The file stays on this device.',
  'upload.choose': 'Choose a file',
  'upload.drop': 'or drop it here',
  'upload.reading': 'Reading {fileName}: {rows} rows',
  'match.title': 'Match columns',
  'match.field': 'Field',
  'match.column': 'Column in your file',
  'match.samples': 'Sample values',
  'match.none': '(not imported)',
  'match.requiredMissing': 'Choose a column for every required field: {fields}.',
  'match.continue': 'Continue',
  'review.title': 'Review and fix',
  'review.summary': '{rowCount} rows, {invalidRowCount} with errors ({errorCount} errors).',
  'review.previous': 'Previous rows',
  'review.next': 'Next rows',
  'review.range': 'Rows {from}–{to} of {total}',
  'review.submit': 'Import {rowCount} rows',
  'review.back': 'Back',
  'done.title': 'Import complete',
  'done.summary': '{rowCount} rows were handed to the application.',
  'error.empty_file': 'The file is empty. Choose a file with a header row and at least one row of data.',
  'error.not_text':
    'This file is not a CSV or text file (it looks like an image, archive or document). Export your data as CSV and try again.',
  'error.too_many_columns': 'This file has more columns than the importer reads. {message}',
  'error.cell_too_long': 'A cell in this file is longer than the importer accepts. {message}',
  'error.file_too_large': 'This file is too large. {message}',
  'error.too_many_rows': 'This file has too many rows. {message}',
  'error.internal': 'Something went wrong while reading the file: {message}',
  'error.again': 'Choose another file',
  'issue.required': 'This field is required.',
  'issue.invalid_email': 'This is not a valid e-mail address.',
} as const;

export type MessageKey = keyof typeof en;

/** Fills `{name}` placeholders; values are text, never markup. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  // An issue code the catalog does not know yet shows its code rather than breaking the page.
  return (en[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
