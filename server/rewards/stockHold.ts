import { appendStockMove, findStockMove } from './stockJournal';

/**
 * A redemption's unit of stock, as moves of the stock journal (stockJournal.ts) keyed by the
 * redemption: `take:<redemptionId>` and `return:<redemptionId>`. The unique key makes each
 * happen at most once whatever the retries, replays, racing runners or crashes; the unique seq
 * makes "a unit is left" race-free, so stock never goes below zero.
 *
 * A DONE redemption keeps its unit (its TAKE is the unit consumed); a FAILED one gives it back
 * with a RETURN, and only if it took one. A reward that is unlimited when the redemption comes
 * to it writes no TAKE (there is nothing to count), so a FAILED one has nothing to give back
 * even if ADMIN limits the stock meanwhile; a unit taken from a limited stock that ADMIN has made
 * unlimited since goes back as a RETURN that leaves it unlimited.
 */
export type TakeOutcome = 'taken' | 'unlimited' | 'outOfStock';

export const takeKey = (redemptionId: string) => `take:${redemptionId}`;
export const returnKey = (redemptionId: string) => `return:${redemptionId}`;

export async function takeUnit(rewardId: string, redemptionId: string): Promise<TakeOutcome> {
  const key = takeKey(redemptionId);
  const outcome = await appendStockMove<'unlimited' | 'outOfStock'>(rewardId, key, (tip) => {
    if (tip.stock === null) return { decline: 'unlimited' };
    if (tip.stock < 1) return { decline: 'outOfStock' };
    return { kind: 'TAKE', stockAfter: tip.stock - 1 };
  });
  return 'declined' in outcome ? outcome.declined : 'taken';
}

/** Gives back the unit this redemption took, if it took one. Repeatable. */
export async function returnUnit(rewardId: string, redemptionId: string): Promise<void> {
  if (!(await findStockMove(rewardId, takeKey(redemptionId)))) return;
  await appendStockMove<never>(rewardId, returnKey(redemptionId), (tip) => ({
    kind: 'RETURN',
    stockAfter: tip.stock === null ? null : tip.stock + 1,
  }));
}
