import { localeLanguage } from '@csv-importer/protocol';
import { BUILT_IN_CATALOGS } from './built-in-catalogs.ts';
import { en, type MessageKey } from './catalogs/en.ts';

export type { MessageKey };

const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** The languages this frame has a catalog of built in. */
export const BUILT_IN_LANGUAGES: readonly string[] = Object.keys(BUILT_IN_CATALOGS);

/**
 * The catalog language for a tag: `de-AT` → `de`, `no`/`nn` → `nb` (see `localeLanguage`), when
 * this frame has it built in or `added` (a catalog the host sent) is of that language; else `en`.
 */
export function catalogLanguage(tag: string | undefined, added?: { readonly language: string }): string {
  const language = localeLanguage(tag);
  return language in BUILT_IN_CATALOGS || added?.language === language ? language : 'en';
}

/** What the host is told when its locale's catalog reached the frame from nowhere. */
export function missingLocale(language: string): string {
  return (
    `No message catalog for "${language}" reached the importer, so it shows English. Add it on the page: ` +
    `a <script src=".../locales/${language}.iife.js"> beside the importer's script, or ` +
    `\`import ${language} from '@csv-importer/element/locales/${language}'\` and \`registerLocale(${language})\` (docs/i18n.md).`
  );
}

/**
 * Messages of one locale with the application's overrides on top. Numbers in messages follow
 * the locale's format; placeholders are filled with text, never markup.
 */
export class Translator {
  readonly locale: string;
  readonly language: string;
  readonly dir: 'ltr' | 'rtl';
  readonly #messages: Readonly<Record<string, string>>;
  // Made on first use: the process's first Intl.NumberFormat loads ICU data, tens of
  // milliseconds that should not land in the frame's start-up task (see main.ts).
  #numbersMade: Intl.NumberFormat | undefined;
  #pluralsMade: Intl.PluralRules | undefined;

  /**
   * The language asked for when neither this frame nor the host had its catalog: the messages are
   * English then, and the host is told (`locale_unavailable`).
   */
  readonly missing: string | undefined;

  /**
   * `catalog` is the locale's messages as the host added them, used when this frame has no
   * catalog of that language built in (a built-in one matches this frame's messages exactly).
   */
  constructor(
    locale = 'en',
    overrides: Readonly<Record<string, string>> = {},
    catalog?: { readonly language: string; readonly messages: Readonly<Record<string, string>> },
  ) {
    this.language = catalogLanguage(locale, catalog);
    const asked = localeLanguage(locale);
    this.missing = asked === this.language ? undefined : asked;
    // English text is marked English, and numbers in it written as English writes them.
    let tag = this.missing ? 'en' : locale;
    try {
      tag = Intl.getCanonicalLocales(tag)[0] ?? this.language;
    } catch {
      tag = this.language;
    }
    this.locale = tag;
    this.dir = RTL.has(this.language) ? 'rtl' : 'ltr';
    // English singular forms and issue messages must not leak into a language whose catalog
    // has none: the language's own generic message (`issue.invalid`) reads better there.
    const base = this.language === 'en' ? en : withoutOptional(en);
    const messages = BUILT_IN_CATALOGS[this.language] ?? catalog?.messages;
    this.#messages = { ...base, ...messages, ...overrides };
  }

  get #numbers(): Intl.NumberFormat {
    this.#numbersMade ??= new Intl.NumberFormat(this.locale);
    return this.#numbersMade;
  }

  get #plurals(): Intl.PluralRules {
    this.#pluralsMade ??= new Intl.PluralRules(this.locale);
    return this.#pluralsMade;
  }

  /** The message for `key` with `{name}` placeholders filled in. */
  t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
    const count = params.count ?? params.rowCount;
    const singular = typeof count === 'number' && this.#plurals.select(count) === 'one';
    const template = (singular && this.#messages[`${key}.one`]) || (this.#messages[key] ?? en[key]);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? this.#numbers.format(value) : value;
    });
  }

  /** Whether a key (such as `issue.some_code`) has a message. */
  has(key: string): key is MessageKey {
    return key in this.#messages;
  }

  number(value: number): string {
    return this.#numbers.format(value);
  }

  /**
   * A byte count as the locale writes it, in words: `1 byte`, `1,000 bytes`, `20 megabytes`,
   * `20 Megabyte`, `20 mégaoctets`. The long display, because the short one has no plural in
   * some locales (English `1,000 byte`). Multiples of 1024, as file managers count them.
   */
  bytes(value: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let unit = 0;
    let n = value;
    while (n >= 1024 && unit < units.length - 1) {
      n /= 1024;
      unit++;
    }
    return new Intl.NumberFormat(this.locale, {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'long',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(n);
  }

  /**
   * Every issue message of this catalog by code, placeholders left in (`{min}`), for the worker
   * to fill in where it writes many of them (the rows-with-errors export).
   */
  issueTemplates(): Record<string, string> {
    const templates: Record<string, string> = {};
    for (const key of Object.keys(this.#messages)) {
      if (key.startsWith('issue.') && !key.endsWith('.one'))
        templates[key.slice('issue.'.length)] = this.#messages[key]!;
    }
    return templates;
  }

  /** The message of an issue code, with a generic one for codes this catalog does not know. */
  issue(code: string, params: Readonly<Record<string, string | number>> = {}): string {
    const key = `issue.${code}`;
    if (this.has(key)) return this.t(key, params);
    // The application's own findings (hooks, custom checks) carry their text in `message`.
    return typeof params.message === 'string' && params.message !== ''
      ? params.message
      : this.t('issue.invalid');
  }
}

const CORE_ISSUES = new Set(['issue.required', 'issue.invalid_email', 'issue.duplicate', 'issue.invalid']);

function withoutOptional(messages: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(messages).filter(
      ([key]) => !key.endsWith('.one') && (!key.startsWith('issue.') || CORE_ISSUES.has(key)),
    ),
  );
}

/** The frame's translator; `start()` replaces it once the host has said which locale to use. */
export let i18n = new Translator('en');

export function setTranslator(translator: Translator): void {
  i18n = translator;
}
