import { deliverRows } from '../delivery.ts';
import { type HostConnection, HostHookError, HostTimeoutError } from '../host-connection.ts';
import { i18n } from '../i18n/i18n.ts';
import { savedMappings } from '../steps/match/saved-mappings.ts';
import type { Remote } from '../worker/session-rpc.ts';
import type { ImportSessionApi } from '../worker/session-types.ts';
import type { ReviewState, State } from './flow-state.ts';

/**
 * Delivers the reviewed rows to the host and says where the flow goes: the done step with what
 * was delivered, or the failure step in the user's words (the developer's detail went to the host
 * as an error event, and goes to the console here), from which Try again submits `review` again.
 */
export async function submitReview(
  host: HostConnection,
  session: Remote<ImportSessionApi>,
  review: ReviewState,
): Promise<State> {
  const { summary } = review;
  const mapping: Record<string, string> = {};
  for (const [key, source] of Object.entries(review.mapping)) {
    if (source !== null) mapping[key] = summary.headers[source] ?? '';
  }
  try {
    // Call site: on submit (rows go to the host through deliverRows only).
    const delivered = await deliverRows(host, session, {
      fileName: summary.fileName,
      encoding: summary.encoding,
      delimiter: summary.delimiter,
      ...(summary.sheet ? { sheet: summary.sheet } : {}),
      mapping,
      mappings: savedMappings(summary.headers, review.mapping, review.values),
    });
    return { step: 'done', delivered };
  } catch (error) {
    console.warn('csv-importer: delivery failed', error);
    const message =
      error instanceof HostTimeoutError
        ? i18n.t('failed.timeout')
        : error instanceof HostHookError
          ? i18n.t('failed.host')
          : i18n.t('failed.other');
    return { step: 'failed', message, back: review };
  }
}
