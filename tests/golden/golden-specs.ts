import { defineColumns } from '../../packages/core/src/columns/define-columns.ts';

// The column specs the golden files were made with (packages/core/src/golden/fixtures.golden.test.ts)
// and that the parity suite (tests/e2e/parity.test.ts) gives the real element: one spec per fixture.

export const CONTACTS = defineColumns([
  { key: 'firstName', label: 'First name', required: true },
  { key: 'lastName', label: 'Last name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: true, unique: { caseInsensitive: true } },
  { key: 'phone', label: 'Phone', type: 'phone' },
  { key: 'dateOfBirth', label: 'Date of birth', type: 'date' },
  { key: 'country', label: 'Country', type: 'regex', pattern: '^[A-Z]{2}$' },
  { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'starter', 'pro', 'enterprise'] },
  { key: 'seats', label: 'Seats', type: 'integer', min: 0 },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'notes', label: 'Notes' },
] as const);

export const SALES = defineColumns([
  { key: 'firstName', label: 'First name', synonyms: ['Vorname'] },
  { key: 'lastName', label: 'Last name', synonyms: ['Nachname'] },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'revenue', label: 'Revenue', type: 'number', synonyms: ['Umsatz'] },
  { key: 'date', label: 'Date', type: 'date', formats: ['DD.MM.YYYY'], synonyms: ['Datum'] },
  { key: 'city', label: 'City', synonyms: ['Stadt'] },
] as const);

export const PEOPLE = defineColumns([
  { key: 'name', label: 'Name' },
  { key: 'city', label: 'City' },
  { key: 'amount', label: 'Amount', type: 'number', decimals: 2 },
] as const);

export const INVENTORY = defineColumns([
  { key: 'sku', label: 'SKU', type: 'regex', pattern: '^[A-Z]-\\d+$', unique: true },
  { key: 'name', label: 'Name', required: true },
  { key: 'price', label: 'Price', type: 'number', min: 0 },
  { key: 'stock', label: 'Stock', type: 'integer', min: 0 },
] as const);

export const CUSTOMERS = defineColumns([
  { key: 'id', label: 'Customer ID', type: 'integer', unique: true },
  { key: 'company', label: 'Company', required: true },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'signedUp', label: 'Signed up', type: 'date' },
  { key: 'spend', label: 'Monthly spend', type: 'number' },
  { key: 'vip', label: 'VIP', type: 'boolean' },
] as const);

/** Each fixture of the golden set: its file, its golden file's name, its spec, the sheet read. */
export const GOLDEN_SET = [
  { file: 'contacts.csv', golden: 'contacts', columns: CONTACTS },
  { file: 'sales-de-windows1252.csv', golden: 'sales-de-windows1252', columns: SALES },
  { file: 'unicode-text-utf16le.txt', golden: 'unicode-text-utf16le', columns: PEOPLE },
  { file: 'inventory-bom-preamble.csv', golden: 'inventory-bom-preamble', columns: INVENTORY },
  {
    file: 'customers-two-sheets.xlsx',
    golden: 'customers-two-sheets',
    columns: CUSTOMERS,
    sheet: 'Customers',
  },
] as const;
