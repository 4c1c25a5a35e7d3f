import { appendAudit } from '../audit';

/**
 * The one call site for the audit log of reviews (SPEC §3: every review is a privileged act):
 * an audit record keyed `review:<materialId>`. Publish and reject call it once the material has
 * reached its final status, so a retry after a crash may call it again and the key keeps one
 * record (a material is decided once, so one review record per material is the whole story).
 */
export interface Review {
  action: 'PUBLISH' | 'REJECT';
  materialId: string;
  reviewerId: string;
  reason: string | null;
}

export async function recordReview(review: Review): Promise<void> {
  await appendAudit({
    action: review.action === 'PUBLISH' ? 'REVIEW_PUBLISH' : 'REVIEW_REJECT',
    actorId: review.reviewerId,
    targetId: review.materialId,
    reason: review.reason,
    key: `review:${review.materialId}`,
  });
}
