/**
 * Debian's Chromium for the browser tests, launched the way this closed
 * network needs (no background networking, no component updates), with a
 * fresh throw-away profile per launch. A missing browser fails loudly: a silent
 * pass would hide that the pages were never tried.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SKIP_BROWSER_TESTS = process.env.SKIP_BROWSER_TESTS === '1';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install it with \`apt-get install -y chromium\`, ` +
        'or set SKIP_BROWSER_TESTS=1 to skip the browser tests',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
