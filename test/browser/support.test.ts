/**
 * Proves, in a real browser, that support verifies the audit chain: privileged acts made through
 * the API appear in the audit log page, and "Verify chain" reports the chain intact with the
 * number of records checked.
 */
import { screenshot, settled, startBrowserApp, type BrowserApp } from './browser';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp('browser_support');
  const admin = await app.api.as({ sub: 'audit-admin', roles: ['ADMIN'] });
  for (const name of ['Game News', 'Guides']) {
    const site = await admin('mutation ($input: SiteInput!) { upsertSite(input: $input) { id } }', {
      input: { name, domain: `${name.toLowerCase().replace(' ', '-')}.example` },
    });
    expect(site.errors).toBeUndefined();
  }
});
afterAll(() => app?.close());
afterEach(() => expect(app.pageErrors).toEqual([]));

it('lists the audit records and verifies the chain', async () => {
  const page = await app.open(
    { sub: 'audit-support', name: 'Sam Lee', roles: ['SUPPORT'] },
    { path: '/support/audit' },
  );
  await settled(page);
  expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  const verdict = page.getByTestId('audit-verdict');
  await verdict.waitFor();
  expect(await verdict.innerText()).toMatch(/^The chain is intact: \d+ records checked\.$/);
  await screenshot(page, 'support-audit-verified');
});
