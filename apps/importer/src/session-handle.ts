import type { Remote } from './worker/session-rpc.ts';
import type { ImportSessionApi } from './worker/session-types.ts';

/**
 * The worker's session, boxed. The remote (`session-rpc.ts`) answers every property lookup with a
 * method, so Lit would take one for a directive (it looks up `_$litDirective$` on every bound
 * value); components receive this box instead and call `handle.remote`.
 */
export interface SessionHandle {
  readonly remote: Remote<ImportSessionApi>;
}
