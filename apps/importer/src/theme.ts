import { THEME_TOKENS, type Theme, ThemeSchema, themeProperty } from '@csv-importer/protocol';
import * as v from 'valibot';

/** The user's preference, which the `auto` color scheme follows (in every mode the same query). */
const prefersDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)');

/** While the theme asks for `auto`: the listener that re-applies the preference when it changes. */
let following: (() => void) | undefined;

/**
 * Applies the host's theme tokens as `--ci-*` custom properties on the document root, where the
 * UI reads them with `var(--ci-…, default)`. The tokens are checked again here against the
 * allow-list of syntaxes (the protocol already parsed them); a theme that does not pass is not
 * applied at all. Tokens left out of a new theme fall back to the UI's defaults.
 *
 * The color scheme becomes `data-color-scheme="light|dark"` and `color-scheme` on the root, which
 * the app's styles switch on; `auto` is resolved from `prefers-color-scheme` now and again each
 * time the preference changes.
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
  // Density is a word on the wire; the spacing scale multiplies lengths by a number.
  const density = checked.output.density;
  if (density) root.style.setProperty('--ci-density-scale', density === 'compact' ? '0.75' : '1.2');
  else root.style.removeProperty('--ci-density-scale');
  const scheme = checked.output.colorScheme;
  if (following) prefersDark?.removeEventListener('change', following);
  following = undefined;
  if (scheme === 'auto' && prefersDark) {
    const follow = () => setScheme(root, prefersDark.matches ? 'dark' : 'light');
    following = follow;
    prefersDark.addEventListener('change', follow);
    follow();
  } else setScheme(root, scheme === 'auto' ? undefined : scheme);
  return true;
}

function setScheme(root: HTMLElement, scheme: 'light' | 'dark' | undefined): void {
  if (scheme) {
    root.style.setProperty('color-scheme', scheme);
    root.dataset.colorScheme = scheme;
  } else {
    root.style.removeProperty('color-scheme');
    delete root.dataset.colorScheme;
  }
}
