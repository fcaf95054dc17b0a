import { join } from 'node:path';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveStatic } from '../../scripts/static-server.mjs';

export interface TestServer {
  readonly url: string;
  /** Paths requested so far, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** The repository root; tests run from it. */
export const ROOT = process.cwd();
export const FIXTURES = join(ROOT, 'tests/fixtures');

/**
 * The host page's server on `http://localhost:…`: test pages, the built element, the fixtures.
 * Another origin (`http://127.0.0.1:…`) can be started beside it for cross-origin tests.
 */
export function serveHost(host = 'localhost'): Promise<TestServer> {
  return serveStatic({
    host,
    mounts: {
      '/': join(ROOT, 'tests/e2e/pages'),
      '/element/': join(ROOT, 'packages/element/dist'),
      '/fixtures/': FIXTURES,
    },
  });
}
