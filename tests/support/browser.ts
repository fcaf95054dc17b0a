import { type Browser, chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/** Launches the headless Chromium the project tests with; `args` are added to its switches. */
export async function launchChromium(args: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: await findChromium(),
    args: [...CHROMIUM_ARGS, ...args],
    headless: true,
  });
}
