/**
 * Debian's Chromium for the browser tests, launched the way this closed
 * network needs (no background networking, no component updates), with a
 * fresh throw-away profile per launch. A missing browser skips those tests
 * with a notice, as a missing Neo4j does, so `npm test` holds on a machine
 * with Node alone; REQUIRE_BROWSER=1 (CI) makes it a failure instead: a
 * green run there never hides that the pages were not tried.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REQUIRED = process.env.REQUIRE_BROWSER === '1';

/**
 * Why this run skips the browser tests (SKIP_BROWSER_TESTS=1, or no Chromium and
 * REQUIRE_BROWSER unset), or null when they run. Under REQUIRE_BROWSER=1 a missing
 * Chromium is not a reason: launchChromium then fails and says what to install.
 */
export function browserSkipReason(): string | null {
  if (process.env.SKIP_BROWSER_TESTS === '1') return 'SKIP_BROWSER_TESTS=1';
  if (!REQUIRED && !existsSync(CHROMIUM)) {
    return `${CHROMIUM} not found (apt-get install -y chromium, or CHROMIUM_PATH; REQUIRE_BROWSER=1 makes this a failure)`;
  }
  return null;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install it with \`apt-get install -y chromium\`, ` +
        'or point CHROMIUM_PATH at one (REQUIRE_BROWSER=1 is set, so the browser tests cannot be skipped)',
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

/** A page that may only talk to `origin`, recording what it tried elsewhere and what went wrong. */
export interface OfflinePage {
  context: BrowserContext;
  page: Page;
  /** Requests to any other host: refused by routing, or seen outside it (a WebSocket, a worker). */
  offHost: string[];
  /** Script errors and console errors (a CSP violation is reported as one). */
  problems: string[];
}

/** A fresh context (empty cache) and page on `origin`, every other host refused and recorded. */
export async function offlinePage(browser: Browser, origin: string): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const offHost: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    offHost.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) offHost.push(request.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { context, page, offHost, problems };
}
