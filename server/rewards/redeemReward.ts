import { z } from 'zod';
import type { PersonViewer } from '../auth';
import { assert } from '../core/assert';
import type { RequestContext } from '../core/context';
import { DomainError } from '../core/errors';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import type { RedemptionDoc, RedemptionFailure } from './redemption.model';
import { completeRedemption, openRedemption } from './redemptionSteps';

/**
 * MEMBER spends bonuses on a reward (SPEC §4, R17). Debits the price at most once per
 * (member, idempotencyKey): the ledger key is `redeem:<memberId>:<clientKey>`.
 *
 * A replay returns the first redemption, whatever its outcome: DONE is returned again; FAILED
 * answers the same error code again (with the redemption's id in `extensions.redemptionId`),
 * even if the balance or the stock has changed since, so a client that retries after a lost
 * response learns what really happened. Trying again for real takes a new key. A replay that
 * finds the redemption PENDING (its first runner crashed or is still at work) takes it forward
 * through the same steps, so a retry after a crash finishes what the first call started.
 * The same key with another reward is CONFLICT.
 *
 * Crashes: see redemptionSteps.ts; whatever a crash leaves PENDING is finished by a replay or by
 * the recovery pass (resumeRedemptions.ts).
 */
export const redeemRewardArgs = z.object({
  rewardId: fields.id(),
  idempotencyKey: z
    .string()
    .min(1, 'must not be empty')
    .max(
      limits.idempotencyKeyLengthMax,
      `must be at most ${limits.idempotencyKeyLengthMax} characters`,
    ),
});

const failureMessages: Record<RedemptionFailure, string> = {
  OUT_OF_STOCK: 'This reward is out of stock',
  INSUFFICIENT_FUNDS: 'Your balance does not cover the price of this reward',
  ACCOUNT_FROZEN: 'Your account is frozen: nothing can be spent',
};

export async function redeemReward(
  viewer: PersonViewer,
  rawArgs: unknown,
  consumeQuota: RequestContext['consumeQuota'],
): Promise<RedemptionDoc> {
  const args = parseInput(redeemRewardArgs, rawArgs);
  await consumeQuota('redeem');
  const opened = await openRedemption(viewer.memberId, args.idempotencyKey, args.rewardId);
  const redemption = opened.status === 'PENDING' ? await completeRedemption(opened) : opened;
  if (redemption.status === 'FAILED') {
    const code = redemption.failureCode;
    assert(code, 'a FAILED redemption carries its code');
    throw new DomainError(code, failureMessages[code], {
      redemptionId: redemption._id.toHexString(),
    });
  }
  return redemption;
}
