import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import {
  ICON_ATTRIBUTES,
  ICON_PATHS,
  type IconName,
  iconClass,
} from '../../apps/importer/src/icons/icon-paths.ts';
import { type HostileFile, hostileCorpus } from '../security/corpus.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { importButton, toReview, waitForEvent } from './importer-flow.ts';

const COLUMNS = [
  { key: 'name', label: 'Name' },
  { key: 'note', label: 'Note' },
];

/** How long one hostile file may take before the test calls it a hang. */
const HANG_MS = 15_000;

/** The icons' `<svg>`s as the frame may hold them: attributes, class and paths, from the icon module. */
const ICONS = {
  attributes: ICON_ATTRIBUTES as Record<string, string>,
  shapes: (Object.keys(ICON_PATHS) as IconName[]).map((name) => ({
    className: iconClass(name),
    paths: [...ICON_PATHS[name]],
  })),
};

/**
 * Elements or attributes through which markup could run script, anywhere in the frame's DOM.
 * Text from the file is shown in grid cells, column headers, samples and previews (`bdi`, row
 * headers, `pre`, the issue popover): no element of a dangerous kind may appear inside those at
 * all. Elsewhere the only `<svg>` allowed is one of the icon module's icons, exactly: its
 * attributes and their values, its class, and `<path d>` children that draw one icon.
 */
export function dangerousNodes(frame: Frame): Promise<string[]> {
  return frame.evaluate((icons) => {
    const DANGEROUS = [
      'script',
      'img',
      'svg',
      'iframe',
      'object',
      'embed',
      'video',
      'audio',
      'math',
      'link',
      'style',
      'base',
      'form',
    ];
    const USER_CONTENT =
      '[role=gridcell], [role=columnheader], bdi, th, pre, td.samples, .issue, [role=tooltip]';
    const isIcon = (el: Element): boolean => {
      const names = el.getAttributeNames();
      const expected = [...Object.keys(icons.attributes), 'class'];
      if (names.length !== expected.length || !names.every((n) => expected.includes(n))) return false;
      if (!Object.entries(icons.attributes).every(([n, value]) => el.getAttribute(n) === value)) return false;
      const paths = [...el.children];
      if (!paths.every((p) => p.tagName.toLowerCase() === 'path' && p.children.length === 0)) return false;
      if (!paths.every((p) => p.getAttributeNames().join() === 'd')) return false;
      const drawn = paths.map((p) => p.getAttribute('d')).join('\n');
      return icons.shapes.some(
        (shape) => shape.className === el.getAttribute('class') && shape.paths.join('\n') === drawn,
      );
    };
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        const inUserContent = el.parentElement?.closest(USER_CONTENT) != null;
        if (DANGEROUS.includes(tag)) {
          // The frame's own bootstrap script is expected; an icon of ours outside the file's text too.
          const bootstrap = tag === 'script' && root === document && el === document.scripts[0];
          const ownIcon = tag === 'svg' && !inUserContent && isIcon(el);
          if (!bootstrap && !ownIcon) found.push(inUserContent ? `${tag} in user content` : tag);
        }
        for (const attr of el.getAttributeNames()) {
          if (
            attr.startsWith('on') ||
            el.getAttribute(attr)?.trim().toLowerCase().startsWith('javascript:')
          ) {
            found.push(`${tag}[${attr}]`);
          }
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  }, ICONS);
}

type Outcome = { kind: 'error'; message: string } | { kind: 'import' };

/**
 * The longest a main thread may go without running its 20 ms timer while a hostile file is read.
 * A reader that freezes the thread (the frame once froze for minutes on a 2.5 KB workbook) fails
 * it by orders of magnitude; the bound is loose because two cores are shared by the test, the
 * browser and its worker. The measured figures are printed with each test.
 */
export const FROZEN_MS = 2_000;

export interface Responsiveness {
  /** Longest time between two runs of the 20 ms timer, the wait until the reading included. */
  readonly longestGapMs: number;
  /** Times the timer ran. */
  readonly ticks: number;
  /** Longest task the Long Tasks API reported (0 if none passed 50 ms). */
  readonly longestTaskMs: number;
}

/** Starts a probe in the document of `target`: a 20 ms timer and a long-task observer. */
export async function startProbe(target: Page | Frame): Promise<void> {
  await target.evaluate(() => {
    const w = window as unknown as {
      probe?: { last: number; gap: number; ticks: number; task: number; stop(): void };
    };
    w.probe?.stop();
    const probe = { last: performance.now(), gap: 0, ticks: 0, task: 0, stop: () => {} };
    const timer = setInterval(() => {
      const now = performance.now();
      probe.gap = Math.max(probe.gap, now - probe.last);
      probe.last = now;
      probe.ticks++;
    }, 20);
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.task = Math.max(probe.task, entry.duration);
    });
    try {
      observer.observe({ type: 'longtask' });
    } catch {
      // No Long Tasks API here: the timer alone measures.
    }
    probe.stop = () => {
      clearInterval(timer);
      observer.disconnect();
    };
    w.probe = probe;
  });
}

export async function readProbe(target: Page | Frame): Promise<Responsiveness> {
  return target.evaluate(() => {
    const probe = (
      window as unknown as { probe: { last: number; gap: number; ticks: number; task: number; stop(): void } }
    ).probe;
    const result = {
      longestGapMs: Math.round(Math.max(probe.gap, performance.now() - probe.last)),
      ticks: probe.ticks,
      longestTaskMs: Math.round(probe.task),
    };
    probe.stop();
    return result;
  });
}

/**
 * Registers the end-to-end tests of the hostile corpus (tests/security/corpus.ts) for the files
 * `select` picks: each through the real frame, in both modes, ends in a clear error or a correct
 * import, with no dangerous DOM node, no CSP violation, no page error, no dialog and no hang; in
 * hosted mode no request reaches the importer's origin either. For every workbook, the host
 * page's and the frame's main threads are watched while it is read (a 20 ms interval timer and
 * the Long Tasks API in each document): both must keep answering. With `boundedWork`, also the
 * header-matching and column-pattern cases; with `modes`, only those modes. Call it at the top
 * level of a test file; the corpus is split over three files so that each stays within the
 * runner's time per file.
 */
export function hostileCorpusTests(
  select: (file: HostileFile) => boolean,
  options: { readonly boundedWork?: boolean; readonly modes?: readonly ('srcdoc' | 'hosted')[] } = {},
): void {
  const e2e = useBrowserAndServers({ hosted: true });
  let page: Page;
  const pageErrors: string[] = [];

  async function openPage(src: string | undefined): Promise<void> {
    await page?.close();
    page = await e2e.browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      pageErrors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${e2e.host.url}/host.html`);
    if (src)
      await page.evaluate((src) => {
        document.querySelector('csv-importer')!.src = src;
      }, src);
  }

  /** A fresh importer frame, with CSP violations recorded inside it. */
  async function freshFrame(): Promise<Frame> {
    await page.evaluate((columns) => {
      const importer = document.querySelector('csv-importer')!;
      importer.close();
      importer.columns = columns as never;
      importer.open();
    }, COLUMNS);
    const frame = (await (await page.waitForSelector('csv-importer >> iframe')).contentFrame())!;
    await frame.waitForSelector('input[type=file]');
    await frame.evaluate(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return frame;
  }

  // Files are handed to the input by path: Playwright then sets them natively, where a buffer is
  // turned into a File by script inside the page, which blocks the frame's main thread for seconds
  // on a file of a few MB and would be measured as the importer's doing.
  const files = mkdtempSync(join(tmpdir(), 'hostile-'));
  after(() => rmSync(files, { recursive: true, force: true }));

  async function choose(frame: Frame, file: HostileFile): Promise<Outcome> {
    const path = join(files, file.name);
    writeFileSync(path, file.bytes);
    await frame.setInputFiles('input[type=file]', path);
    const alert = frame.getByRole('alert').first();
    const next = frame.getByRole('button', { name: 'Continue' });
    await alert.or(next).waitFor({ timeout: HANG_MS });
    if (await alert.isVisible()) return { kind: 'error', message: (await alert.textContent()) ?? '' };
    return { kind: 'import' };
  }

  for (const mode of options.modes ?? (['srcdoc', 'hosted'] as const)) {
    describe(`hostile input through the real frame (${mode} mode): a clear error or a correct import, no script, no crash`, () => {
      let served = 0;
      before(async () => {
        await openPage(mode === 'hosted' ? `${e2e.hosted.url}/` : undefined);
        await freshFrame();
        served = e2e.hosted.requests.length;
      });

      for (const file of hostileCorpus().filter(select)) {
        test(`${file.name} (${file.about.slice(0, 60)})`, async (t) => {
          const frame = await freshFrame();
          if (mode === 'hosted') assert.equal(new URL(frame.url()).origin, e2e.hosted.url);
          const before = pageErrors.length;
          const workbook = file.name.endsWith('.xlsx');
          if (workbook) await Promise.all([startProbe(page), startProbe(frame)]);
          const started = Date.now();
          const outcome = await choose(frame, file);
          if (workbook) {
            const elapsedMs = Date.now() - started;
            const [host, inFrame] = await Promise.all([readProbe(page), readProbe(frame)]);
            t.diagnostic(
              `${mode} ${file.name}: ${outcome.kind} after ${elapsedMs} ms; host ${JSON.stringify(host)}; frame ${JSON.stringify(inFrame)}`,
            );
            for (const [where, probe] of [
              ['host page', host],
              ['frame', inFrame],
            ] as const) {
              assert.ok(
                probe.longestGapMs < FROZEN_MS,
                `the ${where}'s main thread stopped for ${probe.longestGapMs} ms`,
              );
            }
          }
          if (file.code !== undefined && outcome.kind === 'error')
            assert.doesNotMatch(
              outcome.message,
              /Something went wrong/,
              'an internal error instead of a clear one',
            );
          if (file.expect === 'error')
            assert.equal(outcome.kind, 'error', `expected a clear error for ${file.name}`);
          if (file.expect === 'import')
            assert.equal(outcome.kind, 'import', `expected an import of ${file.name}`);
          if (outcome.kind === 'error') {
            assert.ok(outcome.message.trim().length > 20, `error message too vague: "${outcome.message}"`);
            assert.doesNotMatch(
              outcome.message.trim(),
              /^[a-z]+\.[a-z_]+$/,
              'a message key instead of a message',
            );
          } else {
            // Render every cell: the review step is where hostile text meets the DOM.
            await toReview(frame, HANG_MS);
            if (file.rows !== undefined) {
              const name = `Import ${file.rows} ${file.rows === 1 ? 'row' : 'rows'}`;
              await frame.getByRole('button', { name, exact: true }).waitFor({ timeout: 1000 });
            }
          }
          assert.deepEqual(await dangerousNodes(frame), []);
          assert.deepEqual(
            await frame.evaluate(() => (window as unknown as { violations: string[] }).violations),
            [],
          );
          assert.deepEqual(pageErrors.slice(before), []);
          // Each reopened frame loads its two files again; the file itself causes no request.
          if (mode === 'hosted') {
            const after = e2e.hosted.requests.slice(served);
            assert.ok(
              after.every((path) => path === '/' || path === '/importer.js'),
              `requests: ${after.join(', ')}`,
            );
          }
        });
      }
    });
  }

  if (!options.boundedWork) return;
  describe('work the file sets the size of ends in bounded time, both main threads answering (srcdoc mode)', () => {
    before(async () => {
      await openPage(undefined);
    });

    /** Opens a fresh frame with `columns`, picks `name` holding `bytes`, and measures until `done`. */
    async function measure(
      t: { diagnostic(message: string): void; todo(message: string): void },
      columns: unknown[],
      name: string,
      bytes: Buffer,
      done: (frame: Frame) => Promise<unknown>,
      frameTodo?: string,
    ): Promise<Frame> {
      await page.evaluate((columns) => {
        const importer = document.querySelector('csv-importer')!;
        importer.close();
        importer.columns = columns as never;
        importer.open();
      }, columns);
      const frame = (await (await page.waitForSelector('csv-importer >> iframe')).contentFrame())!;
      await frame.waitForSelector('input[type=file]');
      await Promise.all([startProbe(page), startProbe(frame)]);
      const started = Date.now();
      const path = join(files, name);
      writeFileSync(path, bytes);
      await frame.setInputFiles('input[type=file]', path);
      await done(frame);
      const elapsedMs = Date.now() - started;
      const [host, inFrame] = await Promise.all([readProbe(page), readProbe(frame)]);
      t.diagnostic(
        `${name}: done after ${elapsedMs} ms; host ${JSON.stringify(host)}; frame ${JSON.stringify(inFrame)}`,
      );
      assert.ok(
        host.longestGapMs < FROZEN_MS,
        `the host page's main thread stopped for ${host.longestGapMs} ms`,
      );
      // A freeze that is known and not yet fixed is reported as a TODO, not hidden.
      if (frameTodo !== undefined && inFrame.longestGapMs >= FROZEN_MS) t.todo(frameTodo);
      else
        assert.ok(
          inFrame.longestGapMs < FROZEN_MS,
          `the frame's main thread stopped for ${inFrame.longestGapMs} ms`,
        );
      return frame;
    }

    test('2,000 headers of 1,000 characters reach the matching step (fuzzy matching once took 17 s; now bounded)', async (t) => {
      const header = Array.from({ length: 2000 }, (_, i) => `${'Kundennummer des Eintrags '.repeat(38)}${i}`);
      header[3] = 'Name';
      // Numbers below the names: the header row is certain, so the flow goes straight to matching.
      const csv = `${header.join(',')}\r\n${header.map((_, i) => `${i}`).join(',')}\r\n`;
      await measure(t, COLUMNS, 'long-headers.csv', Buffer.from(csv), (frame) =>
        frame
          .getByRole('button', { name: 'Continue' })
          .or(importButton(frame))
          .first()
          .waitFor({ timeout: HANG_MS }),
      );
    });

    test('a catastrophic column pattern is refused when the importer starts, naming the column', async () => {
      await page.evaluate(() => {
        const w = window as unknown as { received: unknown[] };
        w.received.length = 0;
        const importer = document.querySelector('csv-importer')!;
        importer.close();
        importer.columns = [
          { key: 'name', label: 'Name' },
          { key: 'code', label: 'Code', type: 'regex', pattern: '^(a+)+$' },
        ] as never;
        importer.open();
      });
      const events = await waitForEvent(page, 'csv-importer-error');
      const error = events.find((e) => e.type === 'csv-importer-error')!;
      assert.equal(error.code, 'invalid_columns');
      assert.match(error.message ?? '', /column "code": pattern \/\^\(a\+\)\+\$\/ can take exponential time/);
    });

    test('a quadratic pattern over cells of 100,000 characters: the cells are too long, not tested for seconds', async (t) => {
      const cell = '1'.repeat(100_000);
      const csv = `name,code\r\n${Array.from({ length: 50 }, (_, i) => `n${i},${cell}`).join('\r\n')}\r\n`;
      await measure(
        t,
        [
          { key: 'name', label: 'Name' },
          { key: 'code', label: 'Code', type: 'regex', pattern: '\\d+x' },
        ],
        'long-codes.csv',
        Buffer.from(csv),
        async (frame) => toReview(frame, HANG_MS),
      );
    });
  });
}
