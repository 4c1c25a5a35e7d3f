/**
 * Proves that a redemption survives its process being killed at any step (SPEC §7, R17), with
 * stock, money and the redemption in separate documents and no transaction: a child process
 * redeeming through the request's own act (test/support/redeemer.ts) is SIGKILLed at each named
 * crash point, then the recovery pass (`resumeRedemptions`, grace 0) runs twice, as the worker
 * would (the first run finishes what is PENDING, the next settles it). After it, nothing is lost
 * and nothing doubled: the reward's stock plus the units kept by DONE redemptions is what ADMIN
 * set (each FAILED one gave its unit back), each DONE redemption has exactly one debit, each
 * FAILED one whose debit landed has exactly one COMPENSATION, the member's balance says the same,
 * and verify-ledger is clean.
 * - `redeem.afterReserve` (unit taken, no debit): the pass debits and decides DONE; if the member
 *   was frozen meanwhile, it decides FAILED and gives the unit back;
 * - `redeem.afterDebit` (debited, undecided): the pass decides DONE with that very debit; a
 *   member's retry with the same key does the same instead, and the pass then moves nothing;
 * - `redeem.afterDecision` (decided, mirror still PENDING): the pass mirrors the decision;
 * - a runner refused (frozen) decides FAILED after a racer's debit landed and the racer was
 *   killed: the pass gives back both the unit and the price (COMPENSATION).
 * Last, the worker's command `resume-redemptions` runs the same pass and exits 0.
 */
import { createLogger } from '../../server/core/log';
import { getAccount, setFrozen, verifyLedger } from '../../server/ledger';
import { Entry } from '../../server/ledger/entry.model';
import {
  compensationKey,
  debitKey,
  decideRedemption,
  findDecision,
  openRedemption,
  postDebit,
  Redemption,
  redeemReward,
  resumeRedemptions,
  takeUnit,
  upsertReward,
  type RedemptionDoc,
} from '../../server/rewards';
import { testEnv, useTestDatabase } from '../support/harness';
import { runTsx, spawnTsx } from '../support/processes';
import type { RedeemerArgs } from '../support/redeemer';
import { credit, stockAudit } from '../support/rewards';

const database = useTestDatabase('redeemcrash');
const env = testEnv(database);

const stockSet = 5;
const price = 30;
const balanceCredited = 100;

/** A member with `balanceCredited` bonuses and a fresh reward with `stockSet` units. */
async function setUp(name: string) {
  const memberId = `${name}-member`;
  await credit(memberId, balanceCredited);
  const reward = await upsertReward({ title: `${name} reward`, price, stock: stockSet });
  return { memberId, rewardId: reward._id, idempotencyKey: `${name}-key` };
}

/** Redeems in a child armed at `crashAt`, and checks that it died there, saying nothing. */
async function redeemAndDie(args: RedeemerArgs & { crashAt: string }): Promise<RedemptionDoc> {
  const child = spawnTsx('test/support/redeemer.ts', env, [JSON.stringify(args)]);
  expect(await child.exited).toBeNull();
  expect(child.process.signalCode).toBe('SIGKILL');
  expect(child.lines).toEqual([]);
  const left = await Redemption.findOne({
    memberId: args.memberId,
    idempotencyKey: args.idempotencyKey,
  }).lean<RedemptionDoc>();
  expect(left?.status).toBe('PENDING');
  return left!;
}

const log = createLogger('silent');
/** The worker's recovery pass, twice: the first run completes, the next one settles. */
async function recover() {
  const at = () => new Date(Date.now() + 1000);
  const first = await resumeRedemptions({ log, graceMs: 0, now: at() });
  const second = await resumeRedemptions({ log, graceMs: 0, now: at() });
  expect(first.errors + second.errors).toBe(0);
  return { first, second };
}

const asMember = (memberId: string) =>
  ({ kind: 'person', memberId, name: null, roles: new Set(['MEMBER'] as const) }) as const;
const noQuota = async () => undefined;

/**
 * Nothing lost, nothing doubled, for the member's only redemption of the reward. Returns it.
 */
async function expectAccountedFor(args: RedeemerArgs): Promise<RedemptionDoc> {
  const redemption = await Redemption.findOne({
    memberId: args.memberId,
    idempotencyKey: args.idempotencyKey,
  }).lean<RedemptionDoc>();
  expect(redemption).toMatchObject({ settled: true });
  const decision = await findDecision(redemption!);
  expect(decision?.status).toBe(redemption!.status);

  const audit = await stockAudit(args.rewardId);
  expect(audit.chainIntact).toBe(true);
  expect(audit.returned).toBeLessThanOrEqual(audit.taken);
  expect(audit.taken - audit.returned).toBe(audit.done);
  expect(audit.stock! + audit.done).toBe(stockSet);

  const debits = await Entry.find({ accountId: args.memberId, kind: 'REDEMPTION' }).lean();
  const compensations = await Entry.find({ accountId: args.memberId, kind: 'COMPENSATION' }).lean();
  expect(debits.map((e) => e.idempotencyKey)).toEqual(
    redemption!.status === 'DONE' || compensations.length > 0 ? [debitKey(redemption!)] : [],
  );
  if (redemption!.status === 'DONE') {
    expect(redemption!.debitEntryId).toBe(debits[0]!._id.toHexString());
    expect(compensations).toEqual([]);
  } else {
    // FAILED: a debit that landed anyway is given back, once.
    expect(compensations.map((e) => e.idempotencyKey)).toEqual(
      debits.length ? [compensationKey(redemption!)] : [],
    );
    expect(redemption!.compensationEntryId ?? null).toBe(
      compensations[0]?._id.toHexString() ?? null,
    );
  }
  const spent = redemption!.status === 'DONE' ? price : 0;
  expect((await getAccount(args.memberId)).balance).toBe(balanceCredited - spent);

  const verification = await verifyLedger();
  expect(verification.breaches).toEqual([]);
  expect(verification.ok).toBe(true);
  return redemption!;
}

describe.each(['redeem.afterReserve', 'redeem.afterDebit', 'redeem.afterDecision'])(
  'a kill at %s',
  (crashAt) => {
    it('is finished by the recovery pass: DONE, one unit, one debit', async () => {
      const args = await setUp(crashAt.replace('.', '-'));
      await redeemAndDie({ ...args, crashAt });
      const taken = await stockAudit(args.rewardId);
      expect(taken).toMatchObject({ stock: stockSet - 1, taken: 1, returned: 0 });
      const debited = await Entry.countDocuments({ accountId: args.memberId, kind: 'REDEMPTION' });
      expect(debited).toBe(crashAt === 'redeem.afterReserve' ? 0 : 1);
      expect(Boolean(await findDecision((await Redemption.findOne(args).lean())!))).toBe(
        crashAt === 'redeem.afterDecision',
      );

      const { first, second } = await recover();
      expect(first).toMatchObject({ completed: 1, compensated: 0 });
      expect(second).toMatchObject({ completed: 0, settled: 1, compensated: 0 });
      expect(await expectAccountedFor(args)).toMatchObject({ status: 'DONE', failureCode: null });
    });
  },
);

it('gives the unit back when the member was frozen before the recovery pass', async () => {
  const args = await setUp('frozen');
  await redeemAndDie({ ...args, crashAt: 'redeem.afterReserve' });
  await setFrozen(args.memberId, true);
  await recover();
  expect(await expectAccountedFor(args)).toMatchObject({
    status: 'FAILED',
    failureCode: 'ACCOUNT_FROZEN',
  });
  expect(await stockAudit(args.rewardId)).toMatchObject({ stock: stockSet, returned: 1 });
  // The member's retry answers what happened, and moves nothing.
  await expect(redeemReward(asMember(args.memberId), args, noQuota)).rejects.toMatchObject({
    code: 'ACCOUNT_FROZEN',
  });
  await expectAccountedFor(args);
});

it("is finished by the member's retry with the same key; the pass then moves nothing", async () => {
  const args = await setUp('retry');
  const left = await redeemAndDie({ ...args, crashAt: 'redeem.afterDebit' });
  const retried = await redeemReward(asMember(args.memberId), args, noQuota);
  expect(retried).toMatchObject({ _id: left._id, status: 'DONE' });
  const { first, second } = await recover();
  expect(first).toMatchObject({ completed: 0, settled: 1, compensated: 0 });
  expect(second.examined).toBe(0);
  expect(await expectAccountedFor(args)).toMatchObject({ status: 'DONE' });
});

it('compensates a FAILED redemption whose racer debited it and was killed', async () => {
  const args = await setUp('racer');
  // Runner A (this process) opens the redemption, takes the unit, and is refused its debit.
  const opened = await openRedemption(args.memberId, args.idempotencyKey, args.rewardId);
  expect(await takeUnit(args.rewardId, opened._id.toHexString())).toBe('taken');
  await setFrozen(args.memberId, true);
  expect(await postDebit(opened)).toEqual({ refusal: 'ACCOUNT_FROZEN' });
  await setFrozen(args.memberId, false);
  // Runner B (the member's retry, in a child) finds the unit taken, debits, and is killed.
  await redeemAndDie({ ...args, crashAt: 'redeem.afterDebit' });
  expect(await Entry.countDocuments({ accountId: args.memberId, kind: 'REDEMPTION' })).toBe(1);
  // Runner A decides on what it saw: FAILED wins, with B's debit in the journal.
  const decision = await decideRedemption(opened, {
    status: 'FAILED',
    failureCode: 'ACCOUNT_FROZEN',
    debitEntryId: null,
  });
  expect(decision.status).toBe('FAILED');

  const { first, second } = await recover();
  expect(first.completed + second.settled).toBe(2);
  expect(first.compensated + second.compensated).toBe(1);
  expect(await expectAccountedFor(args)).toMatchObject({
    status: 'FAILED',
    compensationEntryId: expect.any(String),
  });
  expect(await stockAudit(args.rewardId)).toMatchObject({ stock: stockSet, returned: 1 });
  // Another pass, later, changes nothing.
  const again = await resumeRedemptions({ log, graceMs: 0, now: new Date(Date.now() + 1000) });
  expect(again.examined).toBe(0);
  await expectAccountedFor(args);
});

it('runs as the resume-redemptions command, which finds nothing left to do', async () => {
  const lines = await runTsx('jobs/cli.ts', env, ['resume-redemptions']);
  expect(lines).toEqual(expect.arrayContaining(['resume-redemptions: ok', '  examined: 0']));
});
