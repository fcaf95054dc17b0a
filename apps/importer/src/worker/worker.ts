import * as Comlink from 'comlink';
import { answerPings } from './heartbeat.ts';
import { ImportSession } from './import-session.ts';

// A classic worker started from a Blob URL: the only kind an opaque-origin frame may start.
// The pings are answered before comlink sees them; the session beats from inside long loops.
const beat = answerPings(self);
Comlink.expose(new ImportSession({ beat }));
