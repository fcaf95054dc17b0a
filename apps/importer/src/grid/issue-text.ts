import type { ColumnSpec } from '@csv-importer/core';
import { i18n } from '../i18n/i18n.ts';
import type { CellIssue } from '../worker/session-types.ts';

/** Options a message names before it says how many more there are. */
export const OPTIONS_NAMED = 5;

/**
 * A cell's issue as the user reads it beside the cell: the catalog's message for the code, with
 * what the field allows where that helps fix it (the select options, the date formats), the row
 * a duplicate repeats, and a doubtful date's reading in words.
 */
export function cellMessage(issue: CellIssue, field: ColumnSpec | undefined): string {
  const params = issue.params ?? {};
  switch (issue.code) {
    case 'duplicate':
      return typeof params.firstRow === 'number'
        ? i18n.t('review.duplicateOf', { row: params.firstRow + 1 })
        : i18n.issue(issue.code, params);
    case 'invalid_option':
      return field?.type === 'select'
        ? `${i18n.issue(issue.code, params)} ${i18n.t('review.allowedOptions', { options: optionList(field) })}`
        : i18n.issue(issue.code, params);
    case 'invalid_date':
    case 'invalid_datetime':
      return `${i18n.issue(issue.code, params)} ${i18n.t('review.dateExpected', { formats: dateFormats(field) })}`;
    case 'date_order_assumed':
      return typeof params.value === 'string' && typeof params.original === 'string'
        ? i18n.t('review.dateOrderRead', {
            original: params.original,
            date: longDate(params.value),
            order: i18n.t(params.order === 'DMY' ? 'review.dayFirst' : 'review.monthFirst'),
          })
        : i18n.issue(issue.code, params);
    default:
      return i18n.issue(issue.code, params);
  }
}

/** The first options of a select field by label, and how many more, as the locale lists them. */
export function optionList(field: ColumnSpec & { type: 'select' }): string {
  const labels = field.options.map((o) => (typeof o === 'string' ? o : (o.label ?? o.value)));
  const named = labels.slice(0, OPTIONS_NAMED);
  const more = labels.length - named.length;
  const items = more > 0 ? [...named, i18n.t('review.moreOptions', { count: more })] : named;
  return new Intl.ListFormat(i18n.locale, { type: 'disjunction' }).format(items);
}

/** The formats a date field takes, for the user: the listed ones, else the ISO form. */
export function dateFormats(field: ColumnSpec | undefined): string {
  const formats =
    field?.type === 'date' || field?.type === 'datetime'
      ? (field.formats ?? [field.type === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm'])
      : ['YYYY-MM-DD'];
  return new Intl.ListFormat(i18n.locale, { type: 'disjunction' }).format(formats);
}

/** An ISO date (or datetime) as the locale writes it in words: `April 3, 2024`. */
function longDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
