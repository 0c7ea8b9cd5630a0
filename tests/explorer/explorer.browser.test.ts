/**
 * The explorer as a person uses it, in headless Chromium: open `/`, pick a
 * saved example, run it, read the result, open the schema docs. Every request
 * to another host is refused and recorded, so the test proves the page works
 * offline; a Content-Security-Policy violation or a script error fails it too.
 * Leaves a screenshot in artifacts/explorer.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { EXAMPLES } from '../../src/server/examples';
import { launchChromium, offlinePage, browserSkipReason } from '../helpers/browser';
import { startTestService, type TestService } from '../helpers/service';
import { PROJECT_ROOT } from '../../src/paths';

const SCREENSHOT = join(PROJECT_ROOT, 'artifacts', 'explorer.png');
const EXAMPLE = 'Talks of KubeCon EU 2020 with speakers and their companies';
const TALK_FROM_FIXTURES = 'Open Source Intrusion Detection for Containers at Shopify';

const skipReason = browserSkipReason();
const skip = skipReason !== null;
if (skip) console.warn(`${skipReason}: the explorer browser test is SKIPPED.`);

(skip ? describe.skip : describe)('GraphQL explorer in a browser', () => {
  let service: TestService | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let offHost: string[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    service = await startTestService();
    browser = await launchChromium();
    ({ page, offHost, problems } = await offlinePage(browser, `${service.url}/`));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  test('opens, runs a saved example, shows the docs, and asks no other host', async () => {
    if (!service) throw new Error('service did not start');
    const response = await page.goto(`${service.url}/`);
    expect(response?.status()).toBe(200);

    const queryEditor = page.locator('.graphiql-query-editor .CodeMirror');
    await queryEditor.waitFor({ state: 'visible', timeout: 20_000 });

    // Every saved example is offered, after the placeholder.
    expect(await page.locator('#explorer-example option').count()).toBe(EXAMPLES.length + 1);
    await page.selectOption('#explorer-example', { label: EXAMPLE });
    await page.locator('.graphiql-query-editor', { hasText: 'TalksOfKubeConEu2020' }).waitFor();
    expect(new URL(page.url()).searchParams.get('example')).toBe('talks-kubecon-eu-2020');

    const answered = page.waitForResponse(
      (r) =>
        r.url() === `${service?.url}/graphql` &&
        (r.request().postData() ?? '').includes('TalksOfKubeConEu2020'),
    );
    await page.click('.graphiql-execute-button');
    expect((await answered).status()).toBe(200);
    const result = page.locator('.result-window', { hasText: TALK_FROM_FIXTURES });
    await result.waitFor({ timeout: 10_000 });
    const resultText = await result.innerText();
    expect(resultText).toContain('"totalCount": 1');
    expect(resultText).not.toContain('"errors"');

    await page.click('[aria-label="Show Documentation Explorer"]');
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    // The Query type's own page lists its fields, so the schema really loaded.
    await docs.getByText('talks', { exact: true }).first().waitFor();
    expect(await docs.innerText()).toContain('editions');

    mkdirSync(join(PROJECT_ROOT, 'artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // The address names the example, so a shared link opens it again.
    await page.reload();
    await page.locator('.graphiql-query-editor', { hasText: 'TalksOfKubeConEu2020' }).waitFor();
    expect(await page.inputValue('#explorer-example')).toBe('talks-kubecon-eu-2020');

    expect(offHost).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
