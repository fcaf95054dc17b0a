/**
 * The catalog language of a BCP 47 tag, as both sides name catalogs: its language subtag in lower
 * case (`de-AT` → `de`, `pt_BR` → `pt`), with Norwegian (`no`, `nn`) read from the Bokmål
 * catalog `nb`. The element looks a host-added catalog up by it; the frame its built-in ones.
 */
export function localeLanguage(tag: string | undefined): string {
  const language = (tag ?? 'en').toLowerCase().split(/[-_]/)[0] || 'en';
  return language === 'no' || language === 'nn' ? 'nb' : language;
}
