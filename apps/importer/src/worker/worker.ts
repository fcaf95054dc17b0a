import * as Comlink from 'comlink';
import { ImportSession } from './import-session.ts';

// A classic worker started from a Blob URL: the only kind an opaque-origin frame may start.
Comlink.expose(new ImportSession());
