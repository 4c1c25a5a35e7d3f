/**
 * Proves, in a real browser, the member's personal account over a real ledger (R6, R11): the
 * balance is the journal's, the chart of daily net earnings draws a day made negative by a
 * reversal below the axis, the statement marks it, and the history lists every entry in words.
 * Entries are posted through the ledger's one write path, as accrual and support would.
 */
import { postEntry } from '../../server/ledger';
import { addDays, today as todayUtc, type UtcDay } from '../../server/core/day';
import { screenshot, settled, startBrowserApp, type BrowserApp } from './browser';

const member = { sub: 'chart-member', name: 'Noor Haddad', roles: ['MEMBER' as const] };

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp('browser_account');
  const today = todayUtc();
  const post = (key: string, amount: number, kind: 'ACCRUAL' | 'REVERSAL', day: UtcDay) =>
    postEntry({
      memberId: member.sub,
      amount,
      kind,
      day,
      idempotencyKey: key,
      ref: { type: 'test', id: key },
    });
  await post('a1', 500, 'ACCRUAL', addDays(today, -3));
  await post('a2', 300, 'ACCRUAL', addDays(today, -1));
  // Booked today, larger than today's earnings: today's net is negative (R11).
  await post('r1', -400, 'REVERSAL', addDays(today, -1));
});
afterAll(() => app?.close());
afterEach(() => expect(app.pageErrors).toEqual([]));

it('shows the balance, a negative day below the axis and the statement', async () => {
  const page = await app.open(member);
  await settled(page);
  expect(await page.getByTestId('balance').innerText()).toBe('400');
  const chart = page.getByTestId('earnings-chart');
  expect(await chart.getAttribute('data-negative-days')).toBe('1');
  expect(await chart.locator('.bar-negative').count()).toBeGreaterThanOrEqual(1);
  const negativeRow = page.getByRole('row').filter({ has: page.locator('td.negative') });
  expect(await negativeRow.locator('td.negative').innerText()).toBe('-400');
  await screenshot(page, 'member-account-chart');
});

it('lists the history with each entry in words', async () => {
  const page = await app.open(member, { path: '/history' });
  await settled(page);
  const rows = page.getByRole('table').getByRole('row');
  expect(await rows.count()).toBe(4); // header + 3 entries
  const text = await page.getByRole('table').innerText();
  expect(text).toContain('Daily earnings');
  expect(text).toContain('Reversal');
  await screenshot(page, 'member-history');
});
