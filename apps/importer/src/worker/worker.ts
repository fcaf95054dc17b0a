import { answerPings } from './heartbeat.ts';
import { ImportSession } from './import-session.ts';
import { expose } from './session-rpc.ts';

// A classic worker started from a Blob URL: the only kind an opaque-origin frame may start.
// The pings have a listener of their own, ahead of the session's calls (which pass them by, see
// session-rpc.ts); the session beats from inside long loops.
const beat = answerPings(self);
expose(new ImportSession({ beat }));
