import { type Browser, chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/** Launches the headless Chromium the project tests with. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS, headless: true });
}
