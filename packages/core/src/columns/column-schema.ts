import * as v from 'valibot';
import { ISSUE_CODES } from '../issues/issue.ts';
import { RESERVED_KEYS } from './reserved-keys.ts';

/**
 * The wire shape of one column spec, as the host sends it to the frame: every field of
 * `ColumnSpec` except the `validate` function (the element strips it and runs it in the host
 * page). Strict objects, one per type, with bounded strings and arrays. It lives beside the spec
 * so one definition serves the protocol and the engine; it depends on valibot and the list of
 * issue codes only, so the element can import it without pulling in the parser.
 */
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const names = v.pipe(v.array(text(200)), v.maxLength(100));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const finite = v.pipe(v.number(), v.finite());

// A column may replace the message of any issue code (auto-fix notes included).
const ISSUE_MESSAGE_KEYS = ISSUE_CODES;

const key = v.pipe(
  name,
  v.check(
    (k) => !RESERVED_KEYS.has(k),
    'is reserved (it names a property every JavaScript object has); choose another key',
  ),
);

const base = {
  key,
  label: name,
  description: v.optional(text(1000)),
  example: v.optional(text(200)),
  required: v.optional(v.boolean()),
  unique: v.optional(v.union([v.boolean(), v.strictObject({ caseInsensitive: v.optional(v.boolean()) })])),
  synonyms: v.optional(names),
  default: v.optional(v.union([text(1000), finite, v.boolean()])),
  messages: v.optional(
    v.partial(
      v.strictObject(
        Object.fromEntries(ISSUE_MESSAGE_KEYS.map((k) => [k, text(500)])) as Record<
          (typeof ISSUE_MESSAGE_KEYS)[number],
          ReturnType<typeof text>
        >,
      ),
    ),
  ),
};

const StringColumnSchema = v.strictObject({
  ...base,
  type: v.optional(v.literal('string')),
  minLength: v.optional(count),
  maxLength: v.optional(count),
  trim: v.optional(v.boolean()),
});
const NumberColumnSchema = v.strictObject({
  ...base,
  type: v.picklist(['number', 'integer']),
  min: v.optional(finite),
  max: v.optional(finite),
  integer: v.optional(v.boolean()),
  decimals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20))),
  decimalSeparator: v.optional(v.picklist(['.', ','])),
});
const BooleanColumnSchema = v.strictObject({
  ...base,
  type: v.literal('boolean'),
  trueValues: v.optional(names),
  falseValues: v.optional(names),
});
const DateColumnSchema = v.strictObject({
  ...base,
  type: v.picklist(['date', 'datetime']),
  formats: v.optional(v.pipe(v.array(text(50)), v.maxLength(20))),
  min: v.optional(text(40)),
  max: v.optional(text(40)),
});
const PlainColumnSchema = v.strictObject({ ...base, type: v.picklist(['email', 'url']) });
const PhoneColumnSchema = v.strictObject({
  ...base,
  type: v.literal('phone'),
  defaultCountry: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{2}$/))),
});
const RegexColumnSchema = v.strictObject({
  ...base,
  type: v.literal('regex'),
  pattern: v.union([
    text(1000),
    v.strictObject({ pattern: text(1000), flags: v.optional(v.pipe(v.string(), v.regex(/^[dimsuv]*$/))) }),
  ]),
});
const SelectColumnSchema = v.strictObject({
  ...base,
  type: v.literal('select'),
  options: v.pipe(
    v.array(
      v.union([
        text(200),
        v.strictObject({ value: text(200), label: v.optional(text(200)), alternates: v.optional(names) }),
      ]),
    ),
    v.minLength(1),
    v.maxLength(10_000),
  ),
  multiple: v.optional(v.boolean()),
  separator: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(5))),
});

export const ColumnSpecSchema = v.variant('type', [
  StringColumnSchema,
  NumberColumnSchema,
  BooleanColumnSchema,
  DateColumnSchema,
  PlainColumnSchema,
  PhoneColumnSchema,
  RegexColumnSchema,
  SelectColumnSchema,
]);
