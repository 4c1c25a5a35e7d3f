import { Types } from 'mongoose';
import { assert } from '../core/assert';
import { crashPoint } from '../core/crashPoint';
import { conflict, isDomainError, notFound } from '../core/errors';
import { insertFirst } from '../core/insertFirst';
import { isDuplicateKey } from '../core/mongo';
import { findEntryByKey, getAccount, postEntry } from '../ledger';
import {
  Redemption,
  redemptionFailures,
  type RedemptionDoc,
  type RedemptionFailure,
} from './redemption.model';
import { RedemptionDecision, type RedemptionDecisionDoc } from './redemptionDecision.model';
import { Reward, type RewardDoc } from './reward.model';
import { returnUnit, takeUnit } from './stockHold';
import { readStockTip } from './stockJournal';

/**
 * The steps of a redemption (SPEC R17, STYLE habit 3). Stock (the stock journal), money (the
 * ledger's journal) and the redemption are separate documents and there are no transactions;
 * and on FerretDB v1 a conditional update decides nothing (two racers can both pass its filter).
 * So every step that decides is an insert against a unique index, keyed so that repeating it is
 * harmless, and any runner may take a PENDING redemption forward from wherever it stands: the
 * request that opened it, a replay with the same key, or the recovery pass (resumeRedemptions.ts).
 *
 *   1. open     insert Redemption{PENDING}, unique (member, key), price and title snapshotted.
 *               A pre-check (frozen, no stock, balance short) opens it FAILED and settled at once.
 *   2. reserve  take a unit: stock move `take:<redemptionId>` (stockHold.ts); none left: FAILED.
 *   3. debit    postEntry REDEMPTION -price, key `redeem:<memberId>:<clientKey>`, refused when
 *               frozen or not covered (then FAILED). A replay of the key returns the first entry.
 *   4. decide   insert the decision (`_id` = redemption id): the first runner's outcome wins,
 *               every other runner reads it.
 *   5. follow   FAILED gives the unit back (`return:<redemptionId>`, only if taken); then the
 *               decision is mirrored onto the redemption.
 * Crash points (test/crash/): `redeem.afterReserve` (unit taken, no debit), `redeem.afterDebit`
 * (debited, undecided), `redeem.afterDecision` (decided, unit and mirror not followed). Killed
 * anywhere, the redemption stays PENDING (or is decided but mirrored PENDING) and the next runner
 * repeats each step: the keys make the repeats no-ops, so no unit and no bonus moves twice.
 *
 * Compensation: if two runners race on one redemption, one may be refused (the balance fell
 * short a moment ago) and decide FAILED while the other's debit lands (the balance was topped up
 * in between), or a unit may come back between one runner's OUT_OF_STOCK and another's take.
 * The debit of a FAILED redemption is money taken for nothing, so it is given back by a
 * COMPENSATION entry with key `compensate:<redemptionId>` (R17): at once by the runner whose
 * debit lost the decision, or by the recovery pass when it settles the redemption; the unit goes
 * back the same ways. (A runner that takes or debits after the decision and is killed before
 * following it, more than a grace period after the decision, would escape both: accepted.)
 */
export const debitKey = (r: Pick<RedemptionDoc, 'memberId' | 'idempotencyKey'>) =>
  `redeem:${r.memberId}:${r.idempotencyKey}`;
export const compensationKey = (r: Pick<RedemptionDoc, '_id'>) =>
  `compensate:${r._id.toHexString()}`;

const idOf = (r: Pick<RedemptionDoc, '_id'>) => r._id.toHexString();
const refOf = (r: RedemptionDoc) => ({ type: 'redemption', id: idOf(r) });

/** Step 1. Returns the member's redemption for this key, opening it if it is the first call. */
export async function openRedemption(
  memberId: string,
  idempotencyKey: string,
  rewardId: string,
): Promise<RedemptionDoc> {
  const earlier = await findRedemption(memberId, idempotencyKey);
  if (earlier) return sameReward(earlier, rewardId);

  const reward = await Reward.findOne({ _id: rewardId, active: true })
    .select({ title: 1, price: 1 })
    .lean<Pick<RewardDoc, '_id' | 'title' | 'price'>>();
  if (!reward) throw notFound('Reward');
  const refusal = await refusalBeforeReserving(memberId, reward);
  const now = new Date();
  const opened: RedemptionDoc = {
    _id: new Types.ObjectId(),
    memberId,
    idempotencyKey,
    rewardId,
    rewardTitle: reward.title,
    price: reward.price,
    status: refusal ? 'FAILED' : 'PENDING',
    failureCode: refusal,
    debitEntryId: null,
    compensationEntryId: null,
    // Refused up front: no unit, no debit, nothing for the recovery pass to tidy.
    settled: refusal !== null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await Redemption.collection.insertOne(opened);
    return opened;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // A concurrent call with the same key opened it first: this call is its replay.
    const winner = await findRedemption(memberId, idempotencyKey);
    assert(winner, 'the redemption that won the key race exists');
    return sameReward(winner, rewardId);
  }
}

/**
 * Refuses early what would be refused later anyway, so that no unit is taken for a request that
 * cannot succeed. Only a hint: the stock move's and the debit's own checks are the ones that count.
 */
async function refusalBeforeReserving(
  memberId: string,
  reward: Pick<RewardDoc, '_id' | 'price'>,
): Promise<RedemptionFailure | null> {
  const [account, tip] = await Promise.all([getAccount(memberId), readStockTip(reward._id)]);
  if (account.frozen) return 'ACCOUNT_FROZEN';
  if (tip.stock !== null && tip.stock < 1) return 'OUT_OF_STOCK';
  if (account.balance < reward.price) return 'INSUFFICIENT_FUNDS';
  return null;
}

function sameReward(redemption: RedemptionDoc, rewardId: string): RedemptionDoc {
  if (redemption.rewardId !== rewardId) {
    throw conflict('This idempotencyKey was already used to redeem another reward');
  }
  return redemption;
}

const findRedemption = (memberId: string, idempotencyKey: string) =>
  Redemption.findOne({ memberId, idempotencyKey }).lean<RedemptionDoc>();

export const findDecision = (r: Pick<RedemptionDoc, '_id'>) =>
  RedemptionDecision.findById(idOf(r)).lean<RedemptionDecisionDoc>();

/** Steps 2 to 5 from wherever the redemption stands; returns it decided (and mirrored). */
export async function completeRedemption(redemption: RedemptionDoc): Promise<RedemptionDoc> {
  const decided = await findDecision(redemption);
  if (decided) return followDecision(redemption, decided, null);
  const { decision, debitEntryId } = await runToDecision(redemption);
  return followDecision(redemption, decision, debitEntryId);
}

/** Steps 2 to 4. `debitEntryId` is this runner's own debit, if it posted (or replayed) one. */
async function runToDecision(
  redemption: RedemptionDoc,
): Promise<{ decision: RedemptionDecisionDoc; debitEntryId: string | null }> {
  const unit = await takeUnit(redemption.rewardId, idOf(redemption));
  if (unit === 'outOfStock') {
    return { decision: await decideFailed(redemption, 'OUT_OF_STOCK'), debitEntryId: null };
  }
  crashPoint('redeem.afterReserve');
  const debit = await postDebit(redemption);
  if ('refusal' in debit) {
    return { decision: await decideFailed(redemption, debit.refusal), debitEntryId: null };
  }
  crashPoint('redeem.afterDebit');
  const decision = await decideRedemption(redemption, {
    status: 'DONE',
    failureCode: null,
    debitEntryId: debit.entryId,
  });
  return { decision, debitEntryId: debit.entryId };
}

/**
 * Step 3: the debit. Returns the entry's id (the first posting's, on a replay of the key), or
 * the refusal's code when the account is frozen or the balance does not cover the price.
 */
export async function postDebit(
  redemption: RedemptionDoc,
): Promise<{ entryId: string } | { refusal: RedemptionFailure }> {
  try {
    const { entry, sameTerms } = await postEntry({
      memberId: redemption.memberId,
      amount: -redemption.price,
      kind: 'REDEMPTION',
      idempotencyKey: debitKey(redemption),
      ref: refOf(redemption),
      requireCover: true,
      refuseIfFrozen: true,
    });
    assert(sameTerms, `debit ${debitKey(redemption)} was posted before with other terms`);
    return { entryId: entry._id.toHexString() };
  } catch (error) {
    if (isDomainError(error) && isRedemptionFailure(error.code)) return { refusal: error.code };
    throw error;
  }
}

const isRedemptionFailure = (code: string): code is RedemptionFailure =>
  (redemptionFailures as readonly string[]).includes(code);

/** Step 4: the first outcome inserted stands; returns it, whoever inserted it. */
export async function decideRedemption(
  redemption: RedemptionDoc,
  outcome: Pick<RedemptionDecisionDoc, 'status' | 'failureCode' | 'debitEntryId'>,
): Promise<RedemptionDecisionDoc> {
  assert(
    (outcome.status === 'DONE') === (outcome.debitEntryId !== null) &&
      (outcome.status === 'FAILED') === (outcome.failureCode !== null),
    `redemption ${idOf(redemption)}: DONE carries its debit, FAILED its code`,
  );
  const { doc } = await insertFirst(RedemptionDecision, {
    _id: idOf(redemption),
    ...outcome,
    decidedAt: new Date(),
  });
  return doc;
}

const decideFailed = (redemption: RedemptionDoc, code: RedemptionFailure) =>
  decideRedemption(redemption, { status: 'FAILED', failureCode: code, debitEntryId: null });

/**
 * Step 5: the unit follows the decision, a debit of this runner that lost to FAILED is given
 * back, and the decision is mirrored onto the redemption. Repeatable.
 */
async function followDecision(
  redemption: RedemptionDoc,
  decision: RedemptionDecisionDoc,
  ownDebitEntryId: string | null,
): Promise<RedemptionDoc> {
  crashPoint('redeem.afterDecision');
  let compensationEntryId = redemption.compensationEntryId ?? null;
  if (decision.status === 'FAILED') {
    await returnUnit(redemption.rewardId, idOf(redemption));
    if (ownDebitEntryId) compensationEntryId = await compensate(redemption);
  } else if (ownDebitEntryId) {
    assert(
      decision.debitEntryId === ownDebitEntryId,
      `${debitKey(redemption)}: one key, one debit`,
    );
  }
  return mirror(redemption, decision, { compensationEntryId, settled: redemption.settled });
}

/** Gives back the price of a FAILED redemption whose debit went through (R17). Repeatable. */
async function compensate(redemption: RedemptionDoc): Promise<string> {
  const { entry, sameTerms } = await postEntry({
    memberId: redemption.memberId,
    amount: redemption.price,
    kind: 'COMPENSATION',
    idempotencyKey: compensationKey(redemption),
    ref: refOf(redemption),
  });
  assert(sameTerms, `${compensationKey(redemption)} was posted before with other terms`);
  return entry._id.toHexString();
}

/**
 * Writes the decision (and what followed it) onto the redemption, in one update that always
 * carries the whole decision: on FerretDB v1 an update writes back the whole document it read,
 * so a slow writer may put back an older copy; every writer writing the same decision makes
 * that harmless, and `settled: true` is only ever written together with it.
 */
async function mirror(
  redemption: RedemptionDoc,
  decision: RedemptionDecisionDoc,
  follow: { compensationEntryId: string | null; settled: boolean },
): Promise<RedemptionDoc> {
  const mirrored = {
    status: decision.status,
    failureCode: decision.failureCode ?? null,
    debitEntryId: decision.debitEntryId ?? null,
    ...(follow.compensationEntryId ? { compensationEntryId: follow.compensationEntryId } : {}),
    ...(follow.settled ? { settled: true } : {}),
  };
  const unchanged = Object.entries(mirrored).every(
    ([field, value]) => (redemption[field as keyof RedemptionDoc] ?? null) === value,
  );
  if (unchanged) return redemption;
  const updatedAt = new Date();
  await Redemption.updateOne({ _id: redemption._id }, { $set: { ...mirrored, updatedAt } });
  return { ...redemption, ...mirrored, updatedAt };
}

/**
 * The recovery pass's last word on a decided redemption, once no runner can still be at work on
 * it: a FAILED one gives its unit back if it still holds one and, if its debit landed after all
 * (a racer's), gets its COMPENSATION; then it is mirrored and marked settled. Repeatable.
 */
export async function settleRedemption(redemption: RedemptionDoc): Promise<RedemptionDoc> {
  const decision = await findDecision(redemption);
  assert(decision, `redemption ${idOf(redemption)} (${redemption.status}) has its decision`);
  let compensationEntryId = redemption.compensationEntryId ?? null;
  if (decision.status === 'FAILED') {
    await returnUnit(redemption.rewardId, idOf(redemption));
    const debit = await findEntryByKey(redemption.memberId, debitKey(redemption));
    if (debit) compensationEntryId = await compensate(redemption);
  }
  return mirror(redemption, decision, { compensationEntryId, settled: true });
}
