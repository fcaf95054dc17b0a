import type { Encoding } from '@csv-importer/core/encodings';

/**
 * What each encoding is for, as the platform names it in the user's language (`Intl.DisplayNames`:
 * a script, a language or a UN M.49 region), and its code as people write it. "Cyrillic (KOI8-R)"
 * reads better than `koi8-r`, and needs no catalog entry per language.
 */
const NAMES: Readonly<
  Record<Encoding, readonly [kind: 'unicode' | 'script' | 'language' | 'region', of: string, code: string]>
> = {
  'utf-8': ['unicode', '', 'UTF-8'],
  'utf-16le': ['unicode', '', 'UTF-16 LE'],
  'utf-16be': ['unicode', '', 'UTF-16 BE'],
  'windows-1252': ['region', '155', 'Windows-1252'],
  'iso-8859-15': ['region', '155', 'ISO-8859-15'],
  'windows-1250': ['region', '151', 'Windows-1250'],
  'iso-8859-2': ['region', '151', 'ISO-8859-2'],
  'windows-1251': ['script', 'Cyrl', 'Windows-1251'],
  'koi8-r': ['script', 'Cyrl', 'KOI8-R'],
  'windows-1253': ['script', 'Grek', 'Windows-1253'],
  'windows-1254': ['language', 'tr', 'Windows-1254'],
  'windows-1257': ['language', 'lt,lv,et', 'Windows-1257'],
  shift_jis: ['language', 'ja', 'Shift_JIS'],
  'euc-jp': ['language', 'ja', 'EUC-JP'],
  'euc-kr': ['language', 'ko', 'EUC-KR'],
  gb18030: ['language', 'zh-Hans', 'GB18030'],
  big5: ['language', 'zh-Hant', 'Big5'],
};

/**
 * Region names for browsers whose ICU data lacks UN M.49 regions (Chromium as Debian builds it
 * returns "155" for Western Europe): English, better than a number.
 */
const REGIONS_IN_ENGLISH: Readonly<Record<string, string>> = {
  '155': 'Western Europe',
  '151': 'Eastern Europe',
};

/** "Cyrillic (KOI8-R)", "Westeuropa (Windows-1252)": an encoding by what it is for, in `locale`. */
export function encodingName(encoding: string, locale: string): string {
  const entry = NAMES[encoding as Encoding];
  if (!entry) return encoding;
  const [kind, of, code] = entry;
  if (kind === 'unicode') return `Unicode (${code})`;
  let names: string;
  try {
    const display = new Intl.DisplayNames([locale, 'en'], { type: kind, fallback: 'code' });
    names = of
      .split(',')
      .map((one) => {
        const name = display.of(one);
        return name && name !== one ? name : (REGIONS_IN_ENGLISH[one] ?? one);
      })
      .join(', ');
  } catch {
    return code;
  }
  return `${names} (${code})`;
}
