import { summarizeMatches } from '@csv-importer/core';
import { css, html, LitElement, nothing } from 'lit';
import { i18n } from '../../i18n/i18n.ts';
import type { LoadSummary, Mapping } from '../../worker/session-types.ts';

/**
 * The match step's one-line summary: how many of the file's columns go to a field, and how many
 * of those were suggested below "sure" and deserve a look ("8 of 10 columns matched, 2 to check").
 * Announced politely when it changes.
 */
export class MatchSummaryLine extends LitElement {
  static override styles = css`
    p {
      margin: 0 0 0.75em;
      font-weight: 600;
    }
  `;

  static override properties = {
    summary: { attribute: false },
    mapping: { attribute: false },
    manual: { attribute: false },
  };
  declare summary: LoadSummary | undefined;
  declare mapping: Mapping;
  /** Fields whose column the user chose, by hand or in an earlier import: they need no check. */
  declare manual: ReadonlySet<string>;

  constructor() {
    super();
    this.mapping = {};
    this.manual = new Set();
  }

  override render() {
    const summary = this.summary;
    if (!summary) return nothing;
    const { columns, matched, toCheck } = summarizeMatches(
      summary.headers.length,
      this.mapping,
      summary.suggestions,
      this.manual,
    );
    const line = i18n.t('match.summary', { matched, count: columns });
    return html`<p role="status">
      ${toCheck > 0 ? `${line}, ${i18n.t('match.toCheck', { check: toCheck })}` : line}
    </p>`;
  }
}
customElements.define('csv-match-summary', MatchSummaryLine);

declare global {
  interface HTMLElementTagNameMap {
    'csv-match-summary': MatchSummaryLine;
  }
}
