import type { Issue, IssueCode } from '@csv-importer/core';
import type { DeliveredRecord, HostIssue, Init, ValidateResult } from '@csv-importer/protocol';
import type { HostConnection } from './host-connection.ts';
import type { Remote } from './worker/session-rpc.ts';
import type { ImportSessionApi, LoadSummary, Mapping, ValidationSummary } from './worker/session-types.ts';

/** Rows per validate-request; small enough that one batch is a short structured clone. */
const VALIDATE_BATCH = 2000;
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The issue code of a host hook's finding (`hooks.validate`, `hooks.edit`); its text is in
 * `params.message`, the hook's own code, if any, in `params.code`.
 */
export const HOST_ISSUE_CODE = 'host' as IssueCode;
/**
 * The code the element gives a column's own `validate` function's finding: it becomes the issue
 * `custom`, as `validateRecords` reports the same function's finding on the server.
 */
export const CUSTOM_CODE = 'custom' satisfies IssueCode;
/** The issue code of rows a failed or timed-out hook could not check. */
export const HOOK_FAILED_CODE = 'hook_failed' as IssueCode;

const timeoutOf = (init: Init) => init.options.hookTimeoutMs ?? DEFAULT_TIMEOUT_MS;

/** A host's finding as an issue: a column validator's as core's `custom`, a hook's as `host`. */
function toIssue(init: Init, issue: HostIssue): Issue {
  if (issue.code === CUSTOM_CODE) {
    const spec = init.columns.find((c) => c.key === issue.column);
    const message = spec?.messages?.custom ?? issue.message;
    return {
      row: issue.row,
      column: issue.column,
      code: CUSTOM_CODE,
      level: issue.level,
      params: { message },
    };
  }
  const params: Record<string, string> = { message: issue.message };
  if (issue.code) params.code = issue.code;
  return { row: issue.row, column: issue.column, code: HOST_ISSUE_CODE, level: issue.level, params };
}

/** Host findings about rows outside the batch it was asked about are ignored. */
function inRange(start: number, end: number) {
  return (x: { row: number }) => x.row >= start && x.row < end;
}

/**
 * Runs the host's validate hook over every row, in batches, and folds its findings into the
 * session; resolves with the counts the user sees. A batch whose hook throws or times out gets
 * one error per row (`hook_failed`), so unchecked rows are never delivered as clean.
 */
export async function validateWithHost(
  host: HostConnection,
  init: Init,
  session: Remote<ImportSessionApi>,
  validation: ValidationSummary,
  signal?: AbortSignal,
): Promise<ValidationSummary> {
  if (!init.options.hooks?.validate) return validation;
  const firstColumn = init.columns[0]!.key;
  let summary = validation;
  for (let start = 0; start < validation.rowCount; start += VALIDATE_BATCH) {
    if (signal?.aborted) break;
    const batch = await session.records(start, VALIDATE_BATCH);
    const end = start + batch.length;
    host.send({ type: 'progress', phase: 'validating', rows: start, total: validation.rowCount });
    let issues: Issue[];
    let values: ValidateResult['values'] = [];
    try {
      const reply = await host.request(
        {
          type: 'validate-request',
          rows: batch.map((r) => ({ row: r.index, record: r.record as DeliveredRecord })),
        },
        timeoutOf(init),
      );
      if (reply.type !== 'validate-result') throw new Error(`unexpected reply ${reply.type}`);
      issues = reply.issues.filter(inRange(start, end)).map((issue) => toIssue(init, issue));
      values = (reply.values ?? []).filter(inRange(start, end));
    } catch (error) {
      const message = (error as Error).message;
      issues = batch.map((r) => ({
        row: r.index,
        column: firstColumn,
        code: HOOK_FAILED_CODE,
        level: 'error' as const,
        params: { message },
      }));
    }
    summary = await session.applyHostFindings(start, end, issues, values);
  }
  return summary;
}

/**
 * Tells the host's edit hook that the user changed `column` of `row`, and folds its answer into
 * the session. The UI calls this after the engine re-validated the edited row. An answer that
 * arrives after `signal` aborted (a newer edit of the row is being checked) is dropped, so an
 * older answer never overwrites a newer one.
 */
export async function checkEditWithHost(
  host: HostConnection,
  init: Init,
  session: Remote<ImportSessionApi>,
  row: number,
  column: string,
  signal?: AbortSignal,
): Promise<ValidationSummary | undefined> {
  const hooks = init.options.hooks;
  if (!hooks?.edit && !hooks?.validate) return undefined;
  const [current] = await session.records(row, 1);
  if (!current) return undefined;
  let issues: Issue[];
  let values: ValidateResult['values'] = [];
  try {
    const reply = await host.request(
      hooks.edit
        ? { type: 'edit-request', row, column, record: current.record as DeliveredRecord }
        : { type: 'validate-request', rows: [{ row, record: current.record as DeliveredRecord }] },
      timeoutOf(init),
    );
    if (reply.type !== 'validate-result') throw new Error(`unexpected reply ${reply.type}`);
    issues = reply.issues.filter(inRange(row, row + 1)).map((issue) => toIssue(init, issue));
    values = (reply.values ?? []).filter(inRange(row, row + 1));
  } catch (error) {
    const message = (error as Error).message;
    issues = [{ row, column, code: HOOK_FAILED_CODE, level: 'error', params: { message } }];
  }
  if (signal?.aborted) return undefined;
  return session.applyHostFindings(row, row + 1, issues, values);
}

/**
 * Asks the host's mapping hook for a mapping, starting from the frame's own suggestion. Headers
 * the host names that the file does not have are ignored; a failed hook keeps the suggestion.
 */
export async function mappingFromHost(
  host: HostConnection,
  init: Init,
  summary: LoadSummary,
  suggested: Mapping,
): Promise<Mapping> {
  if (!init.options.hooks?.mapping) return suggested;
  const byHeader: Record<string, string | null> = {};
  for (const [key, index] of Object.entries(suggested)) {
    byHeader[key] = index === null ? null : (summary.headers[index] ?? null);
  }
  try {
    const reply = await host.request(
      {
        type: 'mapping-request',
        headers: [...summary.headers],
        samples: summary.samples.map((s) => [...s]),
        suggested: byHeader,
      },
      timeoutOf(init),
    );
    if (reply.type !== 'mapping-result') return suggested;
    const mapping: Record<string, number | null> = { ...suggested };
    for (const [key, header] of Object.entries(reply.mapping)) {
      if (!(key in mapping)) continue;
      if (header === null) mapping[key] = null;
      else if (summary.headers.includes(header)) mapping[key] = summary.headers.indexOf(header);
    }
    return mapping;
  } catch (error) {
    console.warn('csv-importer: the host mapping hook failed; keeping the suggestion', error);
    host.send({ type: 'error', code: 'hook_failed', message: (error as Error).message });
    return suggested;
  }
}
