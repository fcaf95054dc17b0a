import { css, html, type LitElement, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { i18n } from '../i18n/i18n.ts';
import { type ChooserOption, type Filtered, filterOptions } from './option-filter.ts';

/** What a step tells its chooser. */
export interface ChooserConfig {
  /** Prefix of the listbox's and options' ids, unique in the step's shadow root. */
  readonly id: string;
  /** The options for the combobox `owner` (the match step notes fields other columns hold). */
  options(owner: string): readonly ChooserOption[];
  /** The user chose `value` for `owner`, with Enter or a click: the only moment anything changes. */
  commit(owner: string, value: string): void;
}

/** What one combobox shows while its list is closed. */
export interface ComboboxProps {
  /** The accessible name: the file column's header, the field and file value. */
  readonly label: string;
  /** The value chosen now (`''` for none). */
  readonly value: string;
  /** The text of the choice, shown in the box. */
  readonly text: string;
  readonly describedBy?: string | undefined;
}

interface OpenList {
  readonly owner: string;
  readonly label: string;
  /** What the user typed; `null` until they type (every option is offered). */
  readonly query: string | null;
  /** Index of the highlighted option among those shown; -1 for none. */
  readonly active: number;
  readonly input: HTMLInputElement;
}

/**
 * One searchable popup list shared by every combobox of a step, following the ARIA pattern of an
 * editable combobox with list autocomplete: each combobox is a text box that names the current
 * choice; typing filters the options, arrow keys move a highlight (`aria-activedescendant`), and
 * only Enter or a click chooses (arrowing past an option assigns nothing); Escape and Tab close
 * the list and keep the old choice. The list is rendered once, in the step's shadow root (ids
 * cannot point across shadow roots), beside the combobox that opened it, and holds at most
 * `MAX_SHOWN_OPTIONS` options: a step with hundreds of comboboxes and a field with a thousand
 * options still keeps a bounded DOM. The step renders `combobox(owner, props)` in each visible
 * row and `popup()` once.
 */
export class OptionChooser implements ReactiveController {
  static readonly styles = css`
    input.chooser {
      width: 100%;
      min-width: 120px;
      text-overflow: ellipsis;
      cursor: default;
      padding-inline-end: 24px;
      background-image: linear-gradient(45deg, transparent 50%, currentColor 50%),
        linear-gradient(135deg, currentColor 50%, transparent 50%);
      background-position: calc(100% - 13px) 50%, calc(100% - 8px) 50%;
      background-size: 5px 5px;
      background-repeat: no-repeat;
    }
    input.chooser:dir(rtl) {
      background-position: 8px 50%, 13px 50%;
    }
    .chooser-popup {
      position: fixed;
      z-index: 10;
      min-width: 220px;
      max-width: calc(100vw - 16px);
      background: var(--_bg);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: 0 6px 20px rgb(0 0 0 / 18%);
    }
    .chooser-popup[hidden] {
      display: none;
    }
    .chooser-popup ul {
      list-style: none;
      margin: 0;
      padding: 4px 0;
      max-height: min(280px, 45vh);
      overflow-y: auto;
    }
    .chooser-popup li {
      padding: 6px 10px;
      cursor: pointer;
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
      align-items: baseline;
    }
    .chooser-popup li[aria-selected='true'] {
      background: color-mix(in srgb, var(--_primary) 16%, var(--_bg));
      outline: 2px solid var(--_primary);
      outline-offset: -2px;
    }
    .chooser-popup li.current {
      font-weight: 600;
    }
    .chooser-popup li .note {
      color: var(--_muted);
      font-size: 0.9em;
      font-weight: normal;
    }
    .chooser-popup p {
      margin: 0;
      padding: 6px 10px;
      color: var(--_muted);
      font-size: 0.9em;
      border-top: 1px solid var(--_border);
    }
  `;

  #open: OpenList | undefined;
  #filtered: Filtered | undefined;

  constructor(
    private readonly host: LitElement,
    private readonly config: ChooserConfig,
  ) {
    host.addController(this);
  }

  get #listId(): string {
    return `${this.config.id}-list`;
  }

  #optionId(index: number): string {
    return `${this.config.id}-option-${index}`;
  }

  /** Whether the list is open for `owner` (any owner when omitted). */
  isOpen(owner?: string): boolean {
    return this.#open !== undefined && (owner === undefined || this.#open.owner === owner);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#stopWatching();
    this.#open = undefined;
  }

  hostUpdated(): void {
    if (!this.#open) return;
    this.#place();
    // The highlighted option is scrolled into the list's view by hand: scrollIntoView would
    // scroll the step too, which closes the list.
    const list = this.host.renderRoot.querySelector<HTMLElement>(`#${this.#listId}`);
    const option = list?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!list || !option) return;
    if (option.offsetTop < list.scrollTop) list.scrollTop = option.offsetTop;
    else if (option.offsetTop + option.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = option.offsetTop + option.offsetHeight - list.clientHeight;
  }

  /** The combobox of `owner`, the text box a row shows. */
  combobox(owner: string, props: ComboboxProps): TemplateResult {
    const open = this.#open?.owner === owner ? this.#open : undefined;
    return html`<input
      type="text"
      class="chooser"
      role="combobox"
      autocomplete="off"
      spellcheck="false"
      aria-autocomplete="list"
      aria-label=${props.label}
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${this.#listId}
      aria-activedescendant=${open && open.active >= 0 ? this.#optionId(open.active) : nothing}
      aria-describedby=${props.describedBy ?? nothing}
      data-owner=${owner}
      data-value=${props.value}
      title=${props.text}
      .value=${live(open?.query ?? props.text)}
      @focus=${(e: FocusEvent) => (e.currentTarget as HTMLInputElement).select()}
      @blur=${() => this.close()}
      @click=${(e: MouseEvent) => {
        if (this.#open?.owner === owner) this.close();
        else this.#show(e.currentTarget as HTMLInputElement, owner, props, null);
      }}
      @input=${(e: InputEvent) => {
        const input = e.currentTarget as HTMLInputElement;
        this.#show(input, owner, props, input.value);
      }}
      @keydown=${(e: KeyboardEvent) => this.#onKey(e, owner, props)}
    />`;
  }

  /** The shared list; rendered once by the step, hidden while no combobox is open. */
  popup(): TemplateResult {
    const open = this.#open;
    const filtered = open ? this.#filter(open) : { shown: [], hidden: 0 };
    const current = open?.input.dataset.value;
    return html`<div
      class="chooser-popup"
      ?hidden=${!open}
      @mousedown=${(e: MouseEvent) => e.preventDefault()}
    >
      <ul role="listbox" id=${this.#listId} aria-label=${open?.label ?? ''}>
        ${filtered.shown.map(
          (option, i) =>
            html`<li
              role="option"
              id=${this.#optionId(i)}
              class=${option.value === current ? 'current' : ''}
              aria-selected=${i === open?.active ? 'true' : 'false'}
              @click=${() => this.#choose(option)}
            >
              <span>${option.label}</span>${option.note ? html`<span class="note">${option.note}</span>` : nothing}
            </li>`,
        )}
      </ul>
      ${
        open && filtered.shown.length === 0
          ? html`<p>${i18n.t('chooser.noMatch', { query: open.query ?? '' })}</p>`
          : filtered.hidden > 0
            ? html`<p>${i18n.t('chooser.more', { hidden: filtered.hidden })}</p>`
            : nothing
      }
    </div>`;
  }

  /** Closes the list without choosing. */
  close(): void {
    if (!this.#open) return;
    this.#open = undefined;
    this.#filtered = undefined;
    this.#stopWatching();
    this.host.requestUpdate();
  }

  #filter(open: OpenList): Filtered {
    this.#filtered ??= filterOptions(this.config.options(open.owner), open.query ?? '');
    return this.#filtered;
  }

  #show(input: HTMLInputElement, owner: string, props: ComboboxProps, query: string | null): void {
    const was = this.#open;
    this.#open = { owner, label: props.label, query, active: -1, input };
    this.#filtered = undefined;
    const { shown } = this.#filter(this.#open);
    // Typing highlights the first match (Enter takes it); opening highlights the current choice.
    const active =
      query !== null && query.trim() !== ''
        ? shown.length > 0
          ? 0
          : -1
        : Math.max(
            0,
            shown.findIndex((o) => o.value === props.value),
          );
    this.#open = { ...this.#open, active: shown.length > 0 ? active : -1 };
    if (!was) this.#watch();
    this.host.requestUpdate();
  }

  #move(to: (active: number, count: number) => number): void {
    const open = this.#open;
    if (!open) return;
    const count = this.#filter(open).shown.length;
    if (count === 0) return;
    this.#open = { ...open, active: Math.max(0, Math.min(count - 1, to(open.active, count))) };
    this.host.requestUpdate();
  }

  #choose(option: ChooserOption): void {
    const open = this.#open;
    if (!open) return;
    this.close();
    this.config.commit(open.owner, option.value);
  }

  #onKey(event: KeyboardEvent, owner: string, props: ComboboxProps): void {
    const input = event.currentTarget as HTMLInputElement;
    const open = this.#open?.owner === owner ? this.#open : undefined;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) {
          if (event.key === 'ArrowUp') this.close();
          else if (!open) this.#show(input, owner, props, null);
        } else if (!open) this.#show(input, owner, props, null);
        else this.#move((a) => (event.key === 'ArrowDown' ? a + 1 : a - 1));
        return;
      case 'PageDown':
      case 'PageUp':
        if (!open) return;
        event.preventDefault();
        this.#move((a) => (event.key === 'PageDown' ? a + 10 : a - 10));
        return;
      case 'Enter': {
        if (!open) return;
        event.preventDefault();
        const option = this.#filter(open).shown[open.active];
        if (option) this.#choose(option);
        return;
      }
      case 'Escape':
        if (!open) return;
        // Used here: the importer does not close on this Escape.
        event.preventDefault();
        this.close();
        input.select();
        return;
      case 'Tab':
        this.close();
        return;
    }
  }

  /** Puts the list under (or, without room, above) the combobox that opened it. */
  #place(): void {
    const open = this.#open;
    const popup = this.host.renderRoot.querySelector<HTMLElement>('.chooser-popup');
    if (!open || !popup) return;
    if (!open.input.isConnected) {
      this.close();
      return;
    }
    const box = open.input.getBoundingClientRect();
    const width = Math.max(box.width, 220);
    const rtl = getComputedStyle(open.input).direction === 'rtl';
    const left = rtl ? box.right - width : box.left;
    popup.style.width = `${width}px`;
    popup.style.left = `${Math.max(8, Math.min(left, innerWidth - width - 8))}px`;
    const below = innerHeight - box.bottom;
    const height = popup.offsetHeight;
    popup.style.top = below >= height + 8 || below >= box.top ? `${box.bottom + 2}px` : '';
    popup.style.bottom = popup.style.top === '' ? `${innerHeight - box.top + 2}px` : '';
  }

  // Anything that moves the combobox (a scroll of the step or the page, a resize) closes the
  // list, as a native select's does: it is never left floating away from its box.
  readonly #onOutside = (event: Event): void => {
    const popup = this.host.renderRoot.querySelector('.chooser-popup');
    if (event.type === 'scroll' && popup && event.composedPath().includes(popup)) return;
    this.close();
  };

  #watch(): void {
    // A scroll inside the step's shadow root does not reach the document: both are watched.
    for (const target of [document, this.host.renderRoot])
      target.addEventListener('scroll', this.#onOutside, { capture: true, passive: true });
    window.addEventListener('resize', this.#onOutside);
  }

  #stopWatching(): void {
    for (const target of [document, this.host.renderRoot])
      target.removeEventListener('scroll', this.#onOutside, { capture: true });
    window.removeEventListener('resize', this.#onOutside);
  }
}
