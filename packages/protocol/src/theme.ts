import * as v from 'valibot';

/**
 * The theme tokens a host may send, each checked by syntax against an allow-list: a value that
 * could carry anything but a color, a length or a font list (`url(`, `;`, braces, backslashes,
 * comments) does not parse. The frame turns them into `--ci-*` custom properties.
 */

// #rgb, #rgba, #rrggbb, #rrggbbaa; a function of numbers (rgb, hsl, oklch…); or a color keyword.
const COLOR =
  /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([0-9.,%\s/+-]*(deg|turn|rad)?[0-9.,%\s/+-]*\)|[a-z]{3,30})$/i;
const LENGTH = /^(0|\d{1,4}(\.\d{1,4})?(px|rem|em|%))$/;
// Family names: letters, digits, spaces, hyphens, optionally quoted, separated by commas.
const FONT_FAMILY =
  /^\s*("[\w\s-]{1,60}"|'[\w\s-]{1,60}'|[\w\s-]{1,60})(\s*,\s*("[\w\s-]{1,60}"|'[\w\s-]{1,60}'|[\w\s-]{1,60}))*\s*$/;

const color = v.pipe(v.string(), v.maxLength(100), v.regex(COLOR, 'Expected a CSS color.'));
const length = v.pipe(
  v.string(),
  v.maxLength(20),
  v.regex(LENGTH, 'Expected a CSS length (px, rem, em or %).'),
);

export const ThemeSchema = v.strictObject({
  /** `auto` follows the user's `prefers-color-scheme`, and its changes while the importer is open. */
  colorScheme: v.optional(v.picklist(['light', 'dark', 'auto'])),
  colorPrimary: v.optional(color),
  colorBackground: v.optional(color),
  colorSurface: v.optional(color),
  colorText: v.optional(color),
  colorMuted: v.optional(color),
  colorBorder: v.optional(color),
  colorError: v.optional(color),
  colorWarning: v.optional(color),
  colorSuccess: v.optional(color),
  radius: v.optional(length),
  fontFamily: v.optional(
    v.pipe(v.string(), v.maxLength(300), v.regex(FONT_FAMILY, 'Expected a list of font family names.')),
  ),
  fontSize: v.optional(length),
  density: v.optional(v.picklist(['compact', 'comfortable'])),
});
export type Theme = v.InferOutput<typeof ThemeSchema>;
export type ThemeToken = keyof Theme;

/** Every token, in a stable order. */
export const THEME_TOKENS = Object.keys(ThemeSchema.entries) as ThemeToken[];

/** `colorPrimary` -> `--ci-color-primary`: the custom property the frame sets for a token. */
export function themeProperty(token: ThemeToken): string {
  return `--ci-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
