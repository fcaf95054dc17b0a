// An esbuild plugin that marks valibot's schema calls as pure, so that a bundle drops the
// schemas it never uses. esbuild does not act on valibot's own `@__NO_SIDE_EFFECTS__`
// annotations (checked with esbuild 0.28: an unused `v.string()` stays in the bundle), so every
// module-level schema of the protocol stayed in every bundle that imports one of them: the
// hosted-mode loader carried the frame-side and embed-mode schemas. Valibot's constructors have
// no side effects. Lines that are comments are left alone (a `/*` inside one would end it).
import { readFile } from 'node:fs/promises';

const CALL = /\bv\.(\w+)\(/g;
const COMMENT = /^\s*(\/\/|\/\*|\*)/;

export const valibotPure = {
  name: 'valibot-pure',
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/](protocol|core)[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      const contents = text
        .split('\n')
        .map((line) => (COMMENT.test(line) ? line : line.replace(CALL, '/* @__PURE__ */ v.$1(')))
        .join('\n');
      return { contents, loader: 'ts' };
    });
  },
};
