import { decideMaterial } from './decideMaterial';
import { PublicationClaim, type PublicationClaimDoc } from './duplicateGroup.model';
import { Material } from './material.model';

/**
 * Works out, and finishes, the publication of a duplicate group. Publishing is a chain of
 * inserts, each safe to repeat and each deciding something once (insertFirst.ts):
 *
 * 1. claim: insert `publicationClaims/<group>:<n>` for a material (publishMaterial.ts), where n
 *    is one more than the claims seen, so of two editors claiming at once one insert fails and
 *    that editor re-reads;
 * 2. decide the claimant PUBLISHED (its decision insert) unless it was decided already (only a
 *    rejection can come first: claims exist only for undecided materials);
 * 3. sweep: decide every other PENDING material of the group DUPLICATE.
 *
 * Claims are read in order: the first whose material ends PUBLISHED is the group's publication;
 * a claim whose material was rejected first is dead and the next claim counts. Dead stays dead
 * (decisions are final), so every reader agrees on the winner. Any caller completes steps 2 and
 * 3 exactly as the claiming editor would have (reviewer and time come from the claim): a retry,
 * another editor's publish in the group, a review attempt on a reviewed material, a submission
 * joining the group. So a crash after any step loses nothing and decides nothing twice.
 */
export interface GroupPublication {
  /** The claim that published the group, or null. */
  winner: PublicationClaimDoc | null;
  /** The number the next claim must take when there is no winner. */
  nextClaim: number;
}

export async function settleGroup(groupId: string): Promise<GroupPublication> {
  const claims = await PublicationClaim.find({ groupId })
    .sort({ n: 1 })
    .lean<PublicationClaimDoc[]>();
  for (const claim of claims) {
    const { decision } = await decideMaterial({
      _id: claim.materialId,
      status: 'PUBLISHED',
      reviewedBy: claim.claimedBy,
      reviewedAt: claim.claimedAt,
      rejectionReason: null,
    });
    if (decision.status !== 'PUBLISHED') continue;
    await sweepGroup(claim);
    return { winner: claim, nextClaim: claim.n + 1 };
  }
  return { winner: null, nextClaim: (claims.at(-1)?.n ?? 0) + 1 };
}

async function sweepGroup(winner: PublicationClaimDoc): Promise<void> {
  const pending = await Material.find(
    { duplicateGroup: winner.groupId, status: 'PENDING', _id: { $ne: winner.materialId } },
    { _id: 1 },
  ).lean();
  await Promise.all(
    pending.map((material) =>
      decideMaterial({
        _id: material._id,
        status: 'DUPLICATE',
        reviewedBy: winner.claimedBy,
        reviewedAt: winner.claimedAt,
        rejectionReason: null,
      }),
    ),
  );
}
