import type { CustomValidator } from '@csv-importer/core/column-spec';
import {
  type CellValue,
  type EditRequest,
  type HostIssue,
  type HostToFrame,
  type HostValue,
  type IssueLevel,
  type MappingRequest,
  MappingResultSchema,
  messageId,
  PROTOCOL_VERSION,
  type ValidateRequest,
  ValidateResultSchema,
} from '@csv-importer/protocol';
import * as v from 'valibot';
import type { ImportedRow } from './events.ts';

type Awaitable<T> = T | Promise<T>;

/** A finding a hook reports; `level` defaults to `error`. */
export interface HookFinding {
  /** Index of the row, as the hook was given it. */
  readonly row: number;
  readonly column: string;
  readonly message: string;
  readonly level?: IssueLevel;
  readonly code?: string;
}

/** What a validate or edit hook returns: findings, and replacement values for cells. */
export interface HookResult {
  readonly issues?: readonly HookFinding[];
  readonly values?: readonly { readonly row: number; readonly column: string; readonly value: CellValue }[];
}

/** One row as a validate hook sees it. */
export interface HookRow<Row = ImportedRow> {
  readonly row: number;
  readonly record: Row;
}

/**
 * A column's own check, run in the host page (functions never cross into the frame): core's
 * `CustomValidator`, so the same column list re-validates with `validateRecords` on a server.
 * Return nothing, `null` or `true` for a valid value; a message, or `{ message, level }`, for an
 * invalid one. It may be async.
 */
export type ColumnValidator = CustomValidator;

/**
 * Functions of the host page the importer calls over its port. Each may be async; one that
 * throws, rejects or does not answer in time (`hookTimeoutMs`) becomes a `hook_failed` issue on
 * the rows it was asked about, never a hang.
 */
export interface ImporterHooks<Row = ImportedRow> {
  /** Checks a batch of rows after the importer's own validation. */
  validate?(rows: readonly HookRow<Row>[]): Awaitable<HookResult | readonly HookFinding[] | undefined>;
  /** Checks a row the user just edited; without it, `validate` gets that one row. */
  edit?(change: {
    readonly row: number;
    readonly column: string;
    readonly record: Row;
  }): Awaitable<HookResult | readonly HookFinding[] | undefined>;
  /** Suggests a mapping (field key to file header, `null` for none) from the file's headers. */
  mapping?(request: {
    readonly headers: readonly string[];
    readonly samples: readonly (readonly string[])[];
    readonly suggested: Readonly<Record<string, string | null>>;
  }): Awaitable<Record<string, string | null> | undefined>;
  /** Rewrites each delivered batch before the rows and complete events see it; runs in the page. */
  transform?(rows: readonly Row[], context: { readonly start: number }): Awaitable<readonly Row[]>;
}

type Reply = Extract<HostToFrame, { replyTo: string }>;

function normalize(result: HookResult | readonly HookFinding[] | undefined): HookResult {
  if (!result) return {};
  if (Array.isArray(result)) return { issues: result as readonly HookFinding[] };
  return result as HookResult;
}

function toHostIssue(finding: HookFinding): HostIssue {
  const issue: HostIssue = {
    row: finding.row,
    column: finding.column,
    level: finding.level ?? 'error',
    message: finding.message,
  };
  if (finding.code !== undefined) issue.code = finding.code;
  return issue;
}

const header = (replyTo: string) => ({
  version: PROTOCOL_VERSION as typeof PROTOCOL_VERSION,
  id: messageId(),
  replyTo,
});

/** A hook's answer that does not match the protocol is reported as the hook's error. */
function checked<S extends v.GenericSchema>(schema: S, reply: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, reply);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  throw new Error(`The hook returned an invalid result (${path ? `${path}: ` : ''}${issue.message}).`);
}

/**
 * Answers the frame's hook requests with the host's functions: per-column `validate` functions
 * first, then `hooks.validate` (or `hooks.edit`). Every failure becomes a `hook-error` reply.
 */
export class HookRunner {
  constructor(
    readonly hooks: ImporterHooks,
    readonly columnValidators: ReadonlyMap<string, ColumnValidator>,
  ) {}

  /** Which hooks the frame should call, for `init`. */
  get flags(): { validate: boolean; edit: boolean; mapping: boolean } {
    return {
      validate: typeof this.hooks.validate === 'function' || this.columnValidators.size > 0,
      edit: typeof this.hooks.edit === 'function',
      mapping: typeof this.hooks.mapping === 'function',
    };
  }

  async answer(request: ValidateRequest | EditRequest | MappingRequest): Promise<Reply> {
    try {
      switch (request.type) {
        case 'validate-request':
          return await this.#validate(request);
        case 'edit-request':
          return await this.#edit(request);
        case 'mapping-request':
          return await this.#mapping(request);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { type: 'hook-error', ...header(request.id), message: message.slice(0, 1000) };
    }
  }

  async #columns(rows: readonly HookRow[]): Promise<HostIssue[]> {
    const issues: HostIssue[] = [];
    for (const [column, check] of this.columnValidators) {
      for (const { row, record } of rows) {
        const outcome = await check(record[column] ?? null, record);
        if (!outcome || outcome === true) continue;
        const finding =
          typeof outcome === 'string'
            ? { message: outcome }
            : // A finding without its own message gets the column's name, never an empty one.
              { ...outcome, message: outcome.message || `The value of "${column}" is not valid.` };
        // Code `custom`: the frame reports it as validateRecords does the same function's finding.
        issues.push(toHostIssue({ ...finding, row, column, code: 'custom' }));
      }
    }
    return issues;
  }

  async #validate(request: ValidateRequest): Promise<Reply> {
    const rows = request.rows.map(({ row, record }) => ({ row, record }));
    const own = await this.#columns(rows);
    const result = normalize(this.hooks.validate ? await this.hooks.validate(rows) : undefined);
    return this.#result(request.id, own, result);
  }

  async #edit(request: EditRequest): Promise<Reply> {
    const rows = [{ row: request.row, record: request.record }];
    const own = await this.#columns(rows);
    const result = normalize(
      this.hooks.edit
        ? await this.hooks.edit({ row: request.row, column: request.column, record: request.record })
        : this.hooks.validate
          ? await this.hooks.validate(rows)
          : undefined,
    );
    return this.#result(request.id, own, result);
  }

  #result(replyTo: string, own: HostIssue[], result: HookResult): Reply {
    const values: HostValue[] = (result.values ?? []).map(({ row, column, value }) => ({
      row,
      column,
      value,
    }));
    return checked(ValidateResultSchema, {
      type: 'validate-result',
      ...header(replyTo),
      issues: [...own, ...(result.issues ?? []).map(toHostIssue)],
      values,
    });
  }

  async #mapping(request: MappingRequest): Promise<Reply> {
    const mapping = this.hooks.mapping
      ? await this.hooks.mapping({
          headers: request.headers,
          samples: request.samples,
          suggested: request.suggested,
        })
      : undefined;
    return checked(MappingResultSchema, {
      type: 'mapping-result',
      ...header(request.id),
      mapping: mapping ?? request.suggested,
    });
  }
}
