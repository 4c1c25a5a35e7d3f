/**
 * Proves, in a real browser, redeeming from the member's rewards page (R17): a redemption the
 * balance covers succeeds and the balance drops; one it does not cover fails with words a member
 * understands (INSUFFICIENT_FUNDS), and nothing is spent. The balance comes from the real ledger.
 */
import { postEntry } from '../../server/ledger';
import { addDays, today } from '../../server/core/day';
import { screenshot, settled, startBrowserApp, type BrowserApp } from './browser';

const member = { sub: 'reward-member', name: 'Lina Berg', roles: ['MEMBER' as const] };

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp('browser_rewards');
  const admin = await app.api.as({ sub: 'reward-admin', roles: ['ADMIN'] });
  for (const input of [
    { title: 'Sticker pack', price: 300, stock: 5, active: true },
    { title: 'Headset', price: 5000, stock: null, active: true },
  ]) {
    const created = await admin(
      'mutation ($input: RewardInput!) { upsertReward(input: $input) { id } }',
      { input },
    );
    expect(created.errors).toBeUndefined();
  }
  await postEntry({
    memberId: member.sub,
    amount: 400,
    kind: 'ACCRUAL',
    day: addDays(today(), -1),
    idempotencyKey: 'accrual:reward-member',
    ref: { type: 'test', id: 'accrual' },
  });
});
afterAll(() => app?.close());
afterEach(() => expect(app.pageErrors).toEqual([]));

it('redeems what the balance covers and explains what it does not', async () => {
  const page = await app.open(member, { path: '/rewards' });
  await settled(page);
  await page.getByText('You have 400 bonuses to spend.').waitFor();

  const sticker = page.getByRole('listitem').filter({ hasText: 'Sticker pack' });
  await sticker.getByRole('button', { name: 'Redeem' }).click();
  await sticker.getByRole('button', { name: 'Yes, redeem' }).click();
  await sticker.getByText('Done! You redeemed “Sticker pack”.').waitFor();
  await page.getByText('You have 100 bonuses to spend.').waitFor();
  await page.getByRole('cell', { name: 'Sticker pack' }).waitFor();

  const headset = page.getByRole('listitem').filter({ hasText: 'Headset' });
  await headset.getByRole('button', { name: 'Redeem' }).click();
  await headset.getByRole('button', { name: 'Yes, redeem' }).click();
  await headset.getByText('You do not have enough bonuses for this yet.').waitFor();
  await page.getByText('You have 100 bonuses to spend.').waitFor();
  await screenshot(page, 'member-rewards');
});
