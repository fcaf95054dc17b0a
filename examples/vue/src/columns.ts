import { defineColumns, type RowOf } from '@csv-importer/core';

/** The contacts fields; `as const` lets `RowOf` type the rows the importer delivers. */
export const contactColumns = defineColumns([
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
] as const);

/** One imported contact: `{ firstName: string; …; phone: string | null; … }`. */
export type Contact = RowOf<typeof contactColumns>;
