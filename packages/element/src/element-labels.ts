/**
 * The element's own words, shown in the host page before any frame exists: the default trigger
 * button and the frame's accessible name. The frame's catalogs stay in the frame (the loader must
 * stay small), so these few strings are kept here, one entry per language the importer ships.
 * `messages` overrides them with the frame's keys `trigger.label` and `app.title`.
 */
const LABELS: Readonly<Record<string, readonly [trigger: string, title: string]>> = {
  en: ['Import a file', 'Import a spreadsheet'],
  de: ['Datei importieren', 'Tabelle importieren'],
  fr: ['Importer un fichier', 'Importer un tableau'],
  es: ['Importar un archivo', 'Importar una hoja de cálculo'],
  pt: ['Importar um arquivo', 'Importar uma planilha'],
  it: ['Importa un file', 'Importa un foglio di calcolo'],
  nl: ['Bestand importeren', 'Een spreadsheet importeren'],
  sv: ['Importera en fil', 'Importera ett kalkylark'],
  da: ['Importér en fil', 'Importér et regneark'],
  nb: ['Importer en fil', 'Importer et regneark'],
  fi: ['Tuo tiedosto', 'Tuo taulukko'],
  ar: ['استيراد ملف', 'استيراد جدول بيانات'],
};

/** The trigger's text and the frame's name in `locale` (a BCP 47 tag), English for a language not shipped. */
export function elementLabels(
  locale: string | undefined,
  messages: Readonly<Record<string, string>> | undefined,
): { trigger: string; title: string } {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  const base = language === 'no' || language === 'nn' ? 'nb' : language;
  const [trigger, title] = LABELS[base] ?? LABELS.en!;
  return { trigger: messages?.['trigger.label'] ?? trigger, title: messages?.['app.title'] ?? title };
}
