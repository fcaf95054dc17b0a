import { THEME_TOKENS, type Theme, ThemeSchema, themeProperty } from '@csv-importer/protocol';
import * as v from 'valibot';

/**
 * Applies the host's theme tokens as `--ci-*` custom properties on the document root, where the
 * UI reads them with `var(--ci-…, default)`. The tokens are checked again here against the
 * allow-list of syntaxes (the protocol already parsed them); a theme that does not pass is not
 * applied at all. Tokens left out of a new theme fall back to the UI's defaults.
 */
export function applyTheme(theme: Theme | undefined, root: HTMLElement = document.documentElement): boolean {
  const checked = v.safeParse(ThemeSchema, theme ?? {});
  if (!checked.success) {
    console.warn('csv-importer: ignored a theme that is not allowed', theme);
    return false;
  }
  for (const token of THEME_TOKENS) {
    const value = checked.output[token];
    if (value === undefined) root.style.removeProperty(themeProperty(token));
    else root.style.setProperty(themeProperty(token), value);
  }
  if (checked.output.colorScheme) root.style.setProperty('color-scheme', checked.output.colorScheme);
  else root.style.removeProperty('color-scheme');
  return true;
}
