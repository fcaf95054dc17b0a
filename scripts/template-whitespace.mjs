// An esbuild plugin for the frame app: the literal text of Lit's `html` and `css` templates loses
// the indentation after each line break (a line break and its indentation become one line break,
// which HTML and CSS read as the same white space). esbuild keeps template text as written, and the
// app's templates are indented source: about 1 KB gzip of the script-tag bundle. The app renders
// no template text where white space is shown as is (its <pre> and <textarea> hold interpolated
// values only, which are not touched). In `css` templates the line breaks after `{`, `}`, `;` and
// `,`, and the space before `{`, go too (about 0.25 KB gzip), and so do comments (the styles say
// why in comments: about 0.5 KB gzip); the app's style sheets have no string or URL that holds
// such a sequence or a comment's `/*`.
import { readFile } from 'node:fs/promises';

/** `source` with the literal text of every `html` and `css` tagged template collapsed. */
export function collapseTemplates(source) {
  let out = '';
  let i = 0;
  const n = source.length;

  /** Copies a quoted string or a comment starting at `i`. */
  function skipQuoted(quote) {
    const start = i;
    i++;
    while (i < n && source[i] !== quote) i += source[i] === '\\' ? 2 : 1;
    i++;
    out += source.slice(start, i);
  }

  /** Copies code until the `}` closing a `${` (at depth 0), or to the end of the source. */
  function code(untilBrace) {
    let depth = 0;
    while (i < n) {
      const c = source[i];
      if (c === "'" || c === '"') skipQuoted(c);
      else if (c === '/' && source[i + 1] === '/') {
        const end = source.indexOf('\n', i);
        const stop = end === -1 ? n : end;
        out += source.slice(i, stop);
        i = stop;
      } else if (c === '/' && source[i + 1] === '*') {
        const end = source.indexOf('*/', i + 2);
        const stop = end === -1 ? n : end + 2;
        out += source.slice(i, stop);
        i = stop;
      } else if (c === '`') {
        const tag = /\b(html|css)$/.exec(source.slice(Math.max(0, i - 5), i))?.[1];
        template(tag !== undefined, tag === 'css');
      } else if (c === '{') {
        depth++;
        out += c;
        i++;
      } else if (c === '}') {
        if (untilBrace && depth === 0) return;
        depth--;
        out += c;
        i++;
      } else {
        out += c;
        i++;
      }
    }
  }

  /** Copies a template literal starting at its backtick, collapsing its text when `collapse`. */
  function template(collapse, style = false) {
    out += '`';
    i++;
    let text = '';
    const flush = () => {
      const collapsed = collapse ? text.replace(/\n[ \t]+/g, '\n') : text;
      // In CSS, white space after `{`, `}`, `;` or `,` and before `{` or `}` separates nothing.
      out += style
        ? collapsed
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/([{};,])\n/g, '$1')
            .replace(/\n\}/g, '}')
            .replace(/ \{/g, '{')
        : collapsed;
      text = '';
    };
    while (i < n) {
      const c = source[i];
      if (c === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        flush();
        out += '`';
        i++;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        code(true);
        out += '}';
        i++;
      } else {
        text += c;
        i++;
      }
    }
    flush();
  }

  code(false);
  return out;
}

/** The plugin: the app's own TypeScript modules (not its tests, not its dependencies). */
export const templateWhitespace = {
  name: 'template-whitespace',
  setup(build) {
    build.onLoad({ filter: /[\\/]apps[\\/]importer[\\/]src[\\/].*\.ts$/ }, async (args) =>
      args.path.endsWith('.test.ts')
        ? undefined
        : { contents: collapseTemplates(await readFile(args.path, 'utf8')), loader: 'ts' },
    );
  },
};
