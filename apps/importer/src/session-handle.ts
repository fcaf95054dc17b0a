import type * as Comlink from 'comlink';
import type { ImportSessionApi } from './worker/session-types.ts';

/**
 * The worker's session, boxed. A comlink proxy answers every property lookup with another
 * proxy, so Lit would take one for a directive (it looks up `_$litDirective$` on every bound
 * value); components receive this box instead and call `handle.remote`.
 */
export interface SessionHandle {
  readonly remote: Comlink.Remote<ImportSessionApi>;
}
