import * as v from 'valibot';
import { COLUMN_TYPES } from './column-spec.ts';

/**
 * The wire shape of one column spec, as the host sends it to the frame. It lives beside the
 * spec so that one definition serves the protocol and the engine; it has no dependency beyond
 * valibot, so the element can import it without pulling in the parser.
 */
export const ColumnSpecSchema = v.strictObject({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  label: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  type: v.optional(v.picklist(COLUMN_TYPES)),
  required: v.optional(v.boolean()),
  synonyms: v.optional(v.array(v.pipe(v.string(), v.maxLength(200)))),
  description: v.optional(v.pipe(v.string(), v.maxLength(1000))),
});
