export {
  assertColumns,
  COLUMN_TYPES,
  type ColumnSpec,
  ColumnSpecError,
  type ColumnType,
  defineColumns,
  type RowOf,
} from './columns/column-spec.ts';
export {
  type DecodedText,
  DecodeError,
  type DecodeErrorCode,
  type DetectedEncoding,
  decodeFile,
  detectEncoding,
} from './decode/decode.ts';
export type { Issue, IssueCode, IssueLevel } from './issues/issue.ts';
export { type ColumnMatch, matchColumns, normalizeHeader } from './match/match.ts';
export { DELIMITERS, type Dialect, detectDialect, parseTextStream, type RowBatch } from './parse/parse.ts';
export { type CellResult, type CompiledColumn, compileColumn, validateRow } from './validate/validate.ts';
