import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CONTACT_COLUMNS, CONTACT_ROWS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { loadAndReview, submit, waitForEvent } from './importer-flow.ts';
import { openImporter } from './importer-helpers.ts';

// Code running inside the real importer frame (as an injected script would) tries every way a
// string becomes markup or script: an HTML sink, a script URL, eval and the Function
// constructor, a string timer, a policy of its own. Trusted Types and the CSP refuse each one,
// each refusal is reported as a CSP violation, and the importer then imports a file as before.

const e2e = useBrowserAndServers({ hosted: true });

/** Each attempt's outcome: `ran` when the string got through, else the error it threw. */
type Attempts = Record<string, string>;

/**
 * Runs in the frame's own context (Playwright's `frame.evaluate`), as an injected script would,
 * in a task of its own: code the DevTools protocol evaluates directly may call eval whatever
 * the CSP says, a later task of the page may not.
 */
function attack(): Promise<Attempts> {
  return new Promise((resolve) => setTimeout(() => resolve(attempts())));

  function attempts(): Attempts {
    const w = window as unknown as { ran?: string[]; violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    const outcomes: Attempts = {};
    const attempt = (name: string, run: () => void) => {
      try {
        run();
        outcomes[name] = 'ran';
      } catch (error) {
        outcomes[name] = `${(error as Error).name}: ${(error as Error).message}`;
      }
    };
    const div = document.createElement('div');
    attempt('innerHTML', () => {
      div.innerHTML = '<img src="x" onerror="(window.ran ??= []).push(\'innerHTML\')">';
    });
    attempt('insertAdjacentHTML', () => {
      document.body.insertAdjacentHTML('beforeend', '<b>markup</b>');
    });
    attempt('script src', () => {
      const script = document.createElement('script');
      script.src = "data:text/javascript,(window.ran ??= []).push('script src')";
      document.head.append(script);
    });
    attempt('script text', () => {
      const script = document.createElement('script');
      script.text = "(window.ran ??= []).push('script text')";
      document.head.append(script);
    });
    // biome-ignore lint/security/noGlobalEval: the test proves that eval is refused in the frame.
    attempt('eval', () => eval("(window.ran ??= []).push('eval')"));
    attempt('new Function', () => new Function("(window.ran ??= []).push('Function')")());
    attempt('string timer', () => {
      (setTimeout as (handler: string, ms: number) => number)("(window.ran ??= []).push('timer')", 0);
    });
    attempt('a policy of its own', () => {
      (
        window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }
      ).trustedTypes.createPolicy('attacker', { createHTML: (s: string) => s });
    });
    attempt("a second policy under the importer's name", () => {
      (
        window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }
      ).trustedTypes.createPolicy('csv-importer', { createScriptURL: (s: string) => s });
    });
    return outcomes;
  }
}

for (const mode of ['srcdoc', 'hosted'] as const) {
  describe(`Trusted Types and CSP in the real frame (${mode})`, () => {
    test('every string-to-code sink throws or is blocked, each is reported, and the importer still imports', async () => {
      const page = await e2e.browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const src = mode === 'hosted' ? `${e2e.hosted.url}/` : undefined;
      const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS, src });
      if (mode === 'hosted') assert.equal(new URL(frame.url()).origin, e2e.hosted.url);
      const outcomes = await frame.evaluate(attack);
      assert.match(outcomes.innerHTML!, /^TypeError: .*requires 'TrustedHTML' assignment/);
      assert.match(outcomes.insertAdjacentHTML!, /^TypeError: .*requires 'TrustedHTML' assignment/);
      assert.match(outcomes['script src']!, /^TypeError: .*requires 'TrustedScriptURL' assignment/);
      assert.match(outcomes['script text']!, /^TypeError: .*requires 'TrustedScript' assignment/);
      assert.match(outcomes.eval!, /^EvalError: /);
      assert.match(outcomes['new Function']!, /^EvalError: /);
      assert.match(outcomes['string timer']!, /^TypeError: .*requires 'TrustedScript' assignment/);
      assert.match(outcomes['a policy of its own']!, /^TypeError: .*Policy "attacker" disallowed/);
      assert.match(outcomes["a second policy under the importer's name"]!, /^TypeError: .*csv-importer/);
      // The refusals arrive as securitypolicyviolation events (Chromium also logs each).
      const policies = mode === 'hosted' ? 2 : 1;
      await frame.waitForFunction(
        (n) => (window as unknown as { violations: string[] }).violations.length >= n,
        9 * policies,
      );
      const violations = await frame.evaluate(
        () => (window as unknown as { violations: string[] }).violations,
      );
      const count = (directive: string) => violations.filter((v) => v.startsWith(`${directive} `)).length;
      // Each policy in force reports each refusal: hosted mode has the CSP as a header and as the
      // page's <meta>, srcdoc mode the <meta> only. Seven sinks, two policy creations.
      assert.equal(count('require-trusted-types-for'), 7 * policies, violations.join('\n'));
      assert.equal(count('trusted-types'), 2 * policies, violations.join('\n'));
      // Nothing ran: not the markup's handler, not the script, not the strings.
      await page.waitForTimeout(200);
      assert.equal(await frame.evaluate(() => (window as unknown as { ran?: string[] }).ran), undefined);
      assert.deepEqual(dialogs, []);
      // The importer's own code, Lit templates and the worker behind its policy, is untouched.
      await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
      await submit(frame);
      const complete = (await waitForEvent(page, 'csv-importer-complete')).find(
        (e) => e.type === 'csv-importer-complete',
      )!;
      assert.deepEqual(complete.rows, CONTACT_ROWS);
      await page.close();
    });
  });
}
