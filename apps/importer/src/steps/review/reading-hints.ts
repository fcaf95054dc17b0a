import { css, html, LitElement, nothing } from 'lit';
import { i18n, type MessageKey } from '../../i18n/i18n.ts';
import { controls } from '../../styles/shared-styles.ts';
import { CHOICES, type HintValue, type HintView, type Reading } from './hint-views.ts';

const CHOICE_LABEL: Record<HintValue, MessageKey> = {
  ',': 'hints.decimalComma',
  '.': 'hints.decimalPoint',
  DMY: 'hints.dayFirst',
  MDY: 'hints.monthFirst',
};
const STATEMENT: Record<HintValue, MessageKey> = {
  ',': 'hints.readDecimalComma',
  '.': 'hints.readDecimalPoint',
  DMY: 'hints.readDayFirst',
  MDY: 'hints.readMonthFirst',
};

/** A reading as people write it in the UI's language: `1234.56`, `4 March 2024`; or "not valid". */
export function formatReading(reading: Reading): string {
  if (reading === null) return i18n.t('hints.notValid');
  if (typeof reading === 'number')
    return new Intl.NumberFormat(i18n.locale, { useGrouping: false, maximumFractionDigits: 20 }).format(
      reading,
    );
  const [y, m, d] = reading.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

/** The sentence that says how a field is read now, with its example. */
export function statement(view: HintView): string {
  const index = CHOICES[view.kind].indexOf(view.value as never);
  return i18n.t(STATEMENT[view.value], {
    field: view.field.label,
    example: view.example.text,
    value: formatReading(view.example.readings[index] ?? null),
  });
}

/** The question about a field the file leaves open, in plain words with a cell of the file. */
export function question(view: HintView): string {
  const [first, second] = view.example.readings.map(formatReading);
  if (!view.twoWays)
    return i18n.t('hints.askGeneral', {
      field: view.field.label,
      examples: [view.example.text, ...view.others].join('; '),
    });
  const params = { field: view.field.label, example: view.example.text };
  return view.kind === 'decimalSeparator'
    ? i18n.t('hints.askDecimal', { ...params, comma: first!, point: second! })
    : i18n.t('hints.askDate', { ...params, dayFirst: first!, monthFirst: second! });
}

/**
 * How the file's numbers and dates are read, on the review step. Questions the file leaves open
 * (`1,234`; `04/03/2024`) come first, as a banner, each with the two readings of a cell of the
 * user's own file to choose from; then one sentence per hint applied (a decimal comma, day-first
 * dates) with a Change button that offers the same choice. A choice calls `onAnswer`, which
 * reads every row again (deleted rows come back and undo starts afresh, which `resets` says
 * beside the choices when there is something to lose); meanwhile the buttons wait.
 */
export class ReadingHints extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        margin-bottom: 8px;
      }
      .ask {
        border: 1px solid var(--_warning);
        background: var(--_warning-bg);
        border-radius: var(--_radius);
        padding: 8px 12px;
        margin-bottom: 8px;
      }
      .question {
        margin: 8px 0 4px;
        font-weight: 600;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 8px;
        margin: 4px 0;
      }
      button[aria-pressed='true'] {
        border-color: var(--_primary);
        box-shadow: inset 0 0 0 1px var(--_primary);
      }
      h3:focus {
        outline: none;
      }
      ul {
        margin: 0;
        padding-inline-start: 1.2em;
      }
      li {
        margin: 2px 0;
      }
      li button {
        min-height: 26px;
        padding: 0 8px;
        margin-inline-start: 6px;
      }
    `,
  ];

  static override properties = {
    views: { attribute: false },
    busy: { type: Boolean },
    resets: { type: Boolean },
    onAnswer: { attribute: false },
    changing: { state: true },
  };
  declare views: readonly HintView[];
  /** The rows are being read again after a choice. */
  declare busy: boolean;
  /** A choice would bring deleted rows back and clear undo: the user is told before choosing. */
  declare resets: boolean;
  declare onAnswer: (view: HintView, value: HintValue) => Promise<void>;

  /** The field whose reading the user is changing. */
  declare private changing: string | null;

  constructor() {
    super();
    this.views = [];
    this.busy = false;
    this.resets = false;
    this.onAnswer = async () => {};
    this.changing = null;
  }

  async #answer(view: HintView, value: HintValue): Promise<void> {
    await this.onAnswer(view, value);
    this.changing = null;
    await this.updateComplete;
    // The question or the choice the focus was on is gone: the list of readings takes it.
    this.renderRoot.querySelector<HTMLElement>('h3.read')?.focus();
  }

  #choices(view: HintView, labelledBy: string) {
    return html`<div class="choices" role="group" aria-labelledby=${labelledBy}>
      ${CHOICES[view.kind].map(
        (value, i) =>
          html`<button
            ?disabled=${this.busy}
            aria-pressed=${view.ask ? nothing : String(view.value === value)}
            @click=${() => this.#answer(view, value)}
          >
            ${i18n.t(CHOICE_LABEL[value], {
              example: view.example.text,
              value: formatReading(view.example.readings[i] ?? null),
            })}
          </button>`,
      )}
    </div>
    ${this.resets ? html`<p class="muted">${i18n.t('hints.resets')}</p>` : nothing}`;
  }

  override render() {
    const asked = this.views.filter((v) => v.ask);
    const read = this.views.filter((v) => !v.ask);
    if (this.views.length === 0) return nothing;
    return html`${
      asked.length > 0
        ? html`<section class="ask" aria-labelledby="ask-title">
            <h3 id="ask-title">${i18n.t('hints.askTitle')}</h3>
            ${asked.map(
              (view, i) => html`<p class="question" id=${`q-${i}`}>${question(view)}</p>
                ${
                  view.twoWays && view.others.length > 0
                    ? html`<p class="muted">${i18n.t('hints.others', { examples: view.others.join('; ') })}</p>`
                    : nothing
                }
                ${this.#choices(view, `q-${i}`)}`,
            )}
          </section>`
        : nothing
    }
    ${
      read.length > 0
        ? html`<section aria-labelledby="read-title">
            <h3 class="read" id="read-title" tabindex="-1">${i18n.t('hints.title')}</h3>
            <ul>
              ${read.map(
                (view, i) => html`<li>
                  <span id=${`s-${i}`}>${statement(view)}</span>
                  ${
                    this.changing === view.field.key
                      ? html`${this.#choices(view, `s-${i}`)}
                          <button @click=${() => (this.changing = null)}>${i18n.t('common.cancel')}</button>`
                      : html`<button
                          aria-label=${i18n.t('hints.changeLabel', { field: view.field.label })}
                          ?disabled=${this.busy}
                          @click=${() => (this.changing = view.field.key)}
                        >
                          ${i18n.t('hints.change')}
                        </button>`
                  }
                </li>`,
              )}
            </ul>
          </section>`
        : nothing
    }
    ${this.busy ? html`<p role="status">${i18n.t('match.validating')}</p>` : nothing}`;
  }
}
customElements.define('csv-reading-hints', ReadingHints);

declare global {
  interface HTMLElementTagNameMap {
    'csv-reading-hints': ReadingHints;
  }
}
