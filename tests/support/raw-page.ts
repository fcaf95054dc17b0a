import type { Browser, CDPSession } from 'playwright-core';

// A page read through the browser's DevTools session, past Playwright's own bookkeeping:
// Playwright takes a page for crashed as soon as any frame of it crashed (an out-of-process
// iframe's renderer included) and refuses every call on it, though the page runs on.

export interface RawPage {
  /** The value of `expression` (JSON-serializable), evaluated in the page's main world. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` until it is truthy. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  detach(): Promise<void>;
}

/** Attaches to the page target whose URL is `url`. */
export async function rawPage(browser: Browser, url: string): Promise<RawPage> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'page' && t.url === url);
  if (!target) throw new Error(`no page target at ${url}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let id = 0;
  const waiting = new Map<
    number,
    (reply: { result?: { result: { value?: unknown } }; error?: unknown }) => void
  >();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply as never);
  });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const call = ++id;
    const reply = new Promise<{ result?: { result: { value?: unknown } }; error?: unknown }>((resolve) =>
      waiting.set(call, resolve),
    );
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: call,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true, awaitPromise: true },
      }),
    });
    const answer = await reply;
    waiting.delete(call);
    if (answer.error || !answer.result) throw new Error(`evaluate failed: ${JSON.stringify(answer.error)}`);
    return answer.result.result.value as T;
  };
  return {
    evaluate,
    async waitFor(expression, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await evaluate<boolean>(`Boolean(${expression})`))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    detach: () => cdp.detach(),
  };
}
