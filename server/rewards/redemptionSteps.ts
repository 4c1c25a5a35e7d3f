import type { Types } from 'mongoose';
import { assert } from '../core/assert';
import { conflict, isDomainError, notFound } from '../core/errors';
import { isDuplicateKey } from '../core/mongo';
import { findEntryByKey, getAccount, postEntry } from '../ledger';
import {
  Redemption,
  redemptionFailures,
  type RedemptionDoc,
  type RedemptionFailure,
} from './redemption.model';
import { Reward, type RewardDoc } from './reward.model';
import { consumeUnit, forgetUnit, returnUnit, takeUnit } from './stockHold';

/**
 * The steps of a redemption (SPEC R17, STYLE habit 3). Stock (on the reward), money (in the
 * journal) and the redemption are three documents and there are no transactions, so each step
 * is one single-document write that is safe to repeat, and the redemption records how far it
 * got. Any runner may take a PENDING redemption further from wherever it stands: the request
 * that opened it, a replay with the same key, or the recovery pass (resumeRedemptions.ts).
 *
 *   1. open     insert Redemption{PENDING} keyed (member, key), price and title snapshotted.
 *               A pre-check (frozen, stock 0, balance short) opens it FAILED straight away.
 *   2. reserve  take a unit of stock (stockHold.ts), then note `stockReserved`.
 *   3. debit    postEntry REDEMPTION -price, key `redeem:<memberId>:<clientKey>`, refused when
 *               frozen or not covered. A replay of the key returns the first entry.
 *   4. decide   PENDING -> DONE (with the entry) or PENDING -> FAILED (with the refusal's code),
 *               one conditional update: the first runner to decide wins, the others read it.
 *   5. unit     DONE consumes the unit, FAILED gives it back.
 * Killed between any two: the next runner repeats the step it stands at; nothing is taken twice.
 *
 * Compensation: if two runners race on one redemption, one may be refused (the balance fell
 * short a moment ago) and decide FAILED while the other's debit lands (the balance was topped up
 * in between). The debit of a FAILED redemption is money taken for nothing, so it is given back
 * by a COMPENSATION entry with key `compensate:<redemptionId>` (R17): at once by the runner whose
 * debit lost the decision, or by the recovery pass when it settles the redemption.
 */
export const debitKey = (r: Pick<RedemptionDoc, 'memberId' | 'idempotencyKey'>) =>
  `redeem:${r.memberId}:${r.idempotencyKey}`;
export const compensationKey = (r: Pick<RedemptionDoc, '_id'>) =>
  `compensate:${r._id.toHexString()}`;

const refOf = (r: RedemptionDoc) => ({ type: 'redemption', id: r._id.toHexString() });

/** Step 1. Returns the member's redemption for this key, opening it if it is the first call. */
export async function openRedemption(
  memberId: string,
  idempotencyKey: string,
  rewardId: string,
): Promise<RedemptionDoc> {
  const earlier = await findRedemption(memberId, idempotencyKey);
  if (earlier) return sameReward(earlier, rewardId);

  const reward = await Reward.findOne({ _id: rewardId, active: true })
    .select({ title: 1, price: 1, stock: 1 })
    .lean<Pick<RewardDoc, '_id' | 'title' | 'price' | 'stock'>>();
  if (!reward) throw notFound('Reward');
  const refusal = await refusalBeforeReserving(memberId, reward);
  const now = new Date();
  try {
    const opened = await Redemption.findOneAndUpdate(
      { memberId, idempotencyKey },
      {
        $setOnInsert: {
          rewardId,
          rewardTitle: reward.title,
          price: reward.price,
          status: refusal ? 'FAILED' : 'PENDING',
          failureCode: refusal,
          stockReserved: false,
          debitEntryId: null,
          compensationEntryId: null,
          settled: false,
          createdAt: now,
          updatedAt: now,
        },
      },
      { upsert: true, returnDocument: 'after', lean: true },
    );
    assert(opened, 'an upsert returns the document');
    return sameReward(opened, rewardId);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // A concurrent call with the same key opened it first: this call is its replay.
    const winner = await findRedemption(memberId, idempotencyKey);
    assert(winner, 'the redemption that won the key race exists');
    return sameReward(winner, rewardId);
  }
}

/**
 * Refuses early what would be refused later anyway, so that no unit is held for a request that
 * cannot succeed. Only a hint: the debit's own checks are the ones that count.
 */
async function refusalBeforeReserving(
  memberId: string,
  reward: Pick<RewardDoc, 'price' | 'stock'>,
): Promise<RedemptionFailure | null> {
  const account = await getAccount(memberId);
  if (account.frozen) return 'ACCOUNT_FROZEN';
  if (typeof reward.stock === 'number' && reward.stock < 1) return 'OUT_OF_STOCK';
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

/**
 * Moves a PENDING redemption forward. Conditioned on PENDING, so once any runner has decided,
 * every later write of a slower runner is a no-op and it reads the decision instead.
 */
async function advance(
  redemption: RedemptionDoc,
  changes: Partial<RedemptionDoc>,
): Promise<RedemptionDoc> {
  const moved = await Redemption.findOneAndUpdate(
    { _id: redemption._id, status: 'PENDING' },
    { $set: { ...changes, updatedAt: new Date() } },
    { returnDocument: 'after', lean: true },
  );
  return moved ?? reread(redemption._id);
}

async function reread(id: Types.ObjectId): Promise<RedemptionDoc> {
  const redemption = await Redemption.findById(id).lean<RedemptionDoc>();
  assert(redemption, `redemption ${id.toHexString()} exists (redemptions are never deleted)`);
  return redemption;
}

/** Step 2: reserve a unit of stock, or fail with OUT_OF_STOCK. */
export async function reserveStock(redemption: RedemptionDoc): Promise<RedemptionDoc> {
  if (redemption.status !== 'PENDING' || redemption.stockReserved) return redemption;
  const outcome = await takeUnit(redemption.rewardId, redemption._id.toHexString());
  if (outcome === 'outOfStock') return failRedemption(redemption, 'OUT_OF_STOCK');
  return advance(redemption, { stockReserved: true });
}

/**
 * Step 3: the debit. Returns the entry's id (the first posting's, on a replay of the key), or
 * the refusal's code when the account is frozen or the balance does not cover the price.
 */
export async function postDebit(
  redemption: RedemptionDoc,
): Promise<{ entryId: string } | { refusal: RedemptionFailure }> {
  assert(redemption.stockReserved, 'a redemption is debited only once its stock is reserved');
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

/** Step 4, success: DONE with the debit. If the redemption failed meanwhile, the debit is compensated. */
export async function confirmRedemption(
  redemption: RedemptionDoc,
  entryId: string,
): Promise<RedemptionDoc> {
  const decided = await advance(redemption, { status: 'DONE', debitEntryId: entryId });
  if (decided.status === 'DONE') {
    assert(decided.debitEntryId === entryId, `${debitKey(decided)}: one key, one debit`);
    return decided;
  }
  return compensateRedemption(decided);
}

/** Step 4, refusal: FAILED with the code every replay will answer. */
export function failRedemption(
  redemption: RedemptionDoc,
  code: RedemptionFailure,
): Promise<RedemptionDoc> {
  return advance(redemption, { status: 'FAILED', failureCode: code });
}

/** Step 5: the unit follows the decision. Repeatable; a no-op when no unit is held. */
export async function finishUnit(redemption: RedemptionDoc): Promise<void> {
  const redemptionId = redemption._id.toHexString();
  if (redemption.status === 'DONE') await consumeUnit(redemption.rewardId, redemptionId);
  if (redemption.status === 'FAILED') await returnUnit(redemption.rewardId, redemptionId);
}

/** Gives back the price of a FAILED redemption whose debit went through (R17). Repeatable. */
export async function compensateRedemption(redemption: RedemptionDoc): Promise<RedemptionDoc> {
  assert(redemption.status === 'FAILED', 'only a FAILED redemption is compensated');
  if (redemption.compensationEntryId) return redemption;
  const { entry } = await postEntry({
    memberId: redemption.memberId,
    amount: redemption.price,
    kind: 'COMPENSATION',
    idempotencyKey: compensationKey(redemption),
    ref: refOf(redemption),
  });
  const compensated = await Redemption.findOneAndUpdate(
    { _id: redemption._id },
    { $set: { compensationEntryId: entry._id.toHexString(), updatedAt: new Date() } },
    { returnDocument: 'after', lean: true },
  );
  assert(compensated, 'a compensated redemption exists');
  return compensated;
}

/** Steps 2 to 5 from wherever the redemption stands; returns it decided. */
export async function completeRedemption(opened: RedemptionDoc): Promise<RedemptionDoc> {
  let redemption = await reserveStock(opened);
  if (redemption.status === 'PENDING') {
    const debit = await postDebit(redemption);
    redemption =
      'entryId' in debit
        ? await confirmRedemption(redemption, debit.entryId)
        : await failRedemption(redemption, debit.refusal);
  }
  await finishUnit(redemption);
  return redemption;
}

/**
 * The recovery pass's last word on a decided redemption, once no runner can still be at work on
 * it: the unit follows the decision, a FAILED redemption whose debit landed after all is
 * compensated, the reward forgets it, and it is marked settled. Repeatable.
 */
export async function settleRedemption(decided: RedemptionDoc): Promise<RedemptionDoc> {
  assert(decided.status !== 'PENDING', 'only a decided redemption is settled');
  let redemption = decided;
  await finishUnit(redemption);
  if (redemption.status === 'FAILED' && !redemption.compensationEntryId) {
    const debit = await findEntryByKey(redemption.memberId, debitKey(redemption));
    if (debit) redemption = await compensateRedemption(redemption);
  }
  await forgetUnit(redemption.rewardId, redemption._id.toHexString());
  const settled = await Redemption.findOneAndUpdate(
    { _id: redemption._id },
    { $set: { settled: true, updatedAt: new Date() } },
    { returnDocument: 'after', lean: true },
  );
  assert(settled, 'a settled redemption exists');
  return settled;
}
