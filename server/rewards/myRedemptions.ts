import { findPage, type Page, type PageArgs } from '../core/page';
import { Redemption } from './redemption.model';
import { presentRedemption, type RedemptionView } from './rewards.present';

/** A member's own redemptions, newest first; the filter always names the member (R2). */
export function myRedemptions(memberId: string, args: PageArgs): Promise<Page<RedemptionView>> {
  return findPage({
    model: Redemption,
    filter: { memberId },
    sortField: 'createdAt',
    direction: 'desc',
    args,
    present: presentRedemption,
  });
}
