import { i18n } from '../../i18n/i18n.ts';
import type { ValidationSummary } from '../../worker/session-types.ts';

/**
 * The review step's one-line summary of the counts, also announced after changes: how many rows
 * and how many of them with errors (or that all are valid), and in large-file mode, where the
 * valid rows are (the grid holds only the rows with issues).
 */
export function summaryText(v: ValidationSummary): string {
  const counts =
    v.invalidRowCount === 0
      ? i18n.t('review.allValid', { rowCount: v.rowCount })
      : i18n.t('review.summary', {
          rowCount: v.rowCount,
          invalidRowCount: v.invalidRowCount,
          errorCount: v.errorCount,
        });
  // Large-file mode holds only the rows with issues: the user hears where the others are.
  if (!v.largeFile) return counts;
  return `${counts} ${i18n.t('review.largeFile', { rowCount: v.rowCount, validCount: v.largeFile.validRows })}`;
}
