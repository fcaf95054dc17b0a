export {
  type BooleanColumn,
  type CellValue,
  COLUMN_TYPES,
  type ColumnSpec,
  ColumnSpecError,
  type ColumnType,
  type CustomResult,
  type CustomValidator,
  type DateColumn,
  type EmailColumn,
  type NumberColumn,
  type PhoneColumn,
  type RegexColumn,
  type RegexSource,
  type RowOf,
  type SelectColumn,
  type SelectOption,
  type StringColumn,
  type UrlColumn,
  type ValueOf,
} from './columns/column-spec.ts';
export { assertColumns, defineColumns } from './columns/define-columns.ts';
export {
  type DecodedText,
  DecodeError,
  type DecodeErrorCode,
  type DetectedEncoding,
  decodeFile,
  detectEncoding,
  ENCODINGS,
  type Encoding,
  encodingSamples,
  type FileKind,
  fileEncoding,
  LOW_CONFIDENCE,
  plausibility,
  sniffFile,
} from './decode/decode.ts';
export {
  type CsvOptions,
  csvCell,
  exportCsv,
  exportCsvChunks,
  exportRecordsCsv,
  type RecordsCsvOptions,
} from './export/export-csv.ts';
export {
  ISSUE_CODES,
  type Issue,
  type IssueCode,
  type IssueLevel,
  type IssueParams,
} from './issues/issue.ts';
export {
  type ColumnMatch,
  FUZZY_THRESHOLD,
  MATCH_LEVELS,
  type MatchLevel,
  type MatchOptions,
  matchColumns,
  matchLevel,
  normalizeHeader,
  unmatchedColumns,
} from './match/match.ts';
export { type MatchSummary, summarizeMatches } from './match/match-summary.ts';
export { matchValues, type ValueMatch } from './match/match-values.ts';
export { normalizeValue, similarity } from './match/normalize.ts';
export { OdsWorkbook } from './ods/ods.ts';
export {
  CERTAIN_HEADER_CONFIDENCE,
  detectHeaderRow,
  HEADER_SCAN_ROWS,
  type HeaderContext,
  type HeaderGuess,
  headerNames,
  leadingBlankLine,
} from './parse/header-row.ts';
export {
  batchRecords,
  type ColumnBatch,
  type ColumnRecordBatch,
  CsvTokenizer,
  checkReadLimits,
  DEFAULT_READ_LIMITS,
  DELIMITERS,
  type Dialect,
  detectDialect,
  findRaggedRows,
  type PackedColumn,
  parseColumnStream,
  parseEncodedColumnStream,
  parseTextStream,
  type ReadLimits,
  type RecordIssue,
  type RowBatch,
} from './parse/parse.ts';
export { RecordWidths } from './parse/ragged-rows.ts';
export {
  openSpreadsheet,
  type SpreadsheetBook,
  type SpreadsheetFormat,
  spreadsheetFormat,
} from './spreadsheet/open-spreadsheet.ts';
export { DEFAULT_SPREADSHEET_LIMITS, type SpreadsheetLimits } from './spreadsheet/sheet-grid.ts';
export { detectDateOrder, excelSerialToIso } from './types/date.ts';
export { detectDecimalSeparator } from './types/number.ts';
export type { CellInput, CellNote, ColumnHints } from './types/parsed.ts';
export { PHONE_COUNTRIES } from './types/phone.ts';
export { type DetectedHints, detectHints, readWithHints } from './validate/detect-hints.ts';
export { type TableRule, UniqueIndex, uniqueIndexes, validateTable } from './validate/table-checks.ts';
export { isOriginalNote, TypedCells } from './validate/typed-cells.ts';
export { UniqueRows, uniqueKey } from './validate/unique-rows.ts';
export {
  type CellResult,
  type CompiledColumn,
  compileColumn,
  compileColumnWithHints,
  validateCells,
  validateRow,
} from './validate/validate.ts';
export { type RecordsResult, validateRecords } from './validate/validate-records.ts';
export { XlsWorkbook } from './xls/xls.ts';
export { XlsbWorkbook } from './xlsb/xlsb.ts';
export {
  DEFAULT_WORKBOOK_LIMITS,
  readWorkbook,
  type SheetInfo,
  type SheetReadOptions,
  type SheetValue,
  Workbook,
  WorkbookError,
  type WorkbookErrorCode,
  type WorkbookLimits,
} from './xlsx/xlsx.ts';
