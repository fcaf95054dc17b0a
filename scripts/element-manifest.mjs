// Generates custom-elements.json (schema 2.1.0) for <csv-importer> from the class comment and the
// documented properties of packages/element/src/csv-importer.component.ts. The class comment is
// the API spec (@summary, @event, @slot, @csspart, @cssprop); each public property's one-line doc
// (on its `declare`) and its entry in the PROPERTIES table give the members and attributes. Kept
// small on purpose: the standard analyzer needs the TypeScript compiler API, which the native
// TypeScript 7 has not.
import { readFile } from 'node:fs/promises';

const MODULE = 'src/csv-importer.component.ts';

/** The text of a JSDoc block without its stars. */
const clean = (doc) =>
  doc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();

/** `@tag name - description` lines of a class comment. */
function tagged(text, tag) {
  const out = [];
  for (const match of text.matchAll(
    new RegExp(`^@${tag}\\s+(\\S+)\\s+-\\s+([^\\n]+(?:\\n(?!@)[^\\n]+)*)`, 'gm'),
  )) {
    out.push({ name: match[1], description: match[2].replace(/\s*\n\s*/g, ' ').trim() });
  }
  return out;
}

/** Builds the manifest object from the component's source. */
export function elementManifest(source) {
  const classMatch = source.match(
    /(\/\*\*(?:(?!\*\/)[\s\S])*?@summary[\s\S]*?\*\/)\s*export class (\w+) extends (\w+)/,
  );
  if (!classMatch) throw new Error(`${MODULE}: no documented class found`);
  const [, classDoc, className, superclass] = classMatch;
  const text = clean(classDoc);
  const description = text
    .split(/\n@/)[0]
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  const summary = text.match(/^@summary\s+(.+)$/m)?.[1].trim();

  const members = [];
  const attributes = [];
  // The options of each property, from the PROPERTIES table: `name: { initial: …, attribute: '…', … },`.
  const table = source.match(/^const PROPERTIES = \{\n([\s\S]*?)\n\} satisfies/m)?.[1];
  if (!table) throw new Error(`${MODULE}: no PROPERTIES table found`);
  const optionsOf = new Map();
  for (const [, name, options] of table.matchAll(/^\s*(\w+): \{([^\n]*)\},?$/gm))
    optionsOf.set(name, options);
  const property = /\/\*\*\s*((?:(?!\*\/)[\s\S])*?)\s*\*\/\s*declare\s+(\w+):\s*([^;]+?);/g;
  for (const [, doc, name, type] of source.matchAll(property)) {
    const options = optionsOf.get(name);
    if (options === undefined) throw new Error(`${MODULE}: property ${name} is not in PROPERTIES`);
    const member = { kind: 'field', name, description: clean(`/**${doc}*/`).replace(/\s*\n\s*/g, ' ') };
    member.type = { text: type.replace(/\s+/g, ' ').trim().replace(/^\| /, '') };
    const initial = options.match(/initial: (?:Object\.freeze\((.*?)\)|([^,]+))(?:,|\s*$)/);
    if (initial) member.default = (initial[1] ?? initial[2]).trim();
    const attributeName = options.match(/attribute: '([^']+)'/)?.[1];
    if (attributeName) {
      member.attribute = attributeName;
      if (/reflect: true/.test(options)) member.reflects = true;
      attributes.push({
        name: attributeName,
        fieldName: name,
        description: member.description,
        type: member.type,
      });
    }
    members.push(member);
  }
  const method =
    /\/\*\*\s*((?:(?!\*\/)[\s\S])*?)\s*\*\/\s*\n\s*(?:async\s+)?(\w+)\(([^)]*)\):\s*([\w<>]+)\s*\{/g;
  for (const [, doc, name, params, returns] of source.matchAll(method)) {
    const parameters = params
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => {
        const [, pname, optional, type] = p.match(/^(\w+)(\?)?:\s*(.+)$/);
        return { name: pname, ...(optional ? { optional: true } : {}), type: { text: type } };
      });
    members.push({
      kind: 'method',
      name,
      description: clean(`/**${doc}*/`).replace(/\s*\n\s*/g, ' '),
      ...(parameters.length > 0 ? { parameters } : {}),
      return: { type: { text: returns } },
    });
  }
  const declaration = {
    kind: 'class',
    name: className,
    tagName: 'csv-importer',
    customElement: true,
    summary,
    description,
    superclass: { name: superclass },
    members,
    attributes,
    events: tagged(text, 'event'),
    slots: tagged(text, 'slot'),
    cssParts: tagged(text, 'csspart'),
    cssProperties: tagged(text, 'cssprop'),
  };
  return {
    schemaVersion: '2.1.0',
    readme: '',
    modules: [
      {
        kind: 'javascript-module',
        path: MODULE,
        declarations: [declaration],
        exports: [
          { kind: 'js', name: className, declaration: { name: className, module: MODULE } },
          {
            kind: 'custom-element-definition',
            name: 'csv-importer',
            declaration: { name: className, module: MODULE },
          },
        ],
      },
    ],
  };
}

/** Reads the component at `path` and returns the manifest as JSON text. */
export async function elementManifestJson(path) {
  return `${JSON.stringify(elementManifest(await readFile(path, 'utf8')), null, 2)}\n`;
}
