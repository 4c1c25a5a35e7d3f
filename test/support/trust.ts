/**
 * Trust-and-safety test helpers: accruals posted the way the accrual job posts them (one ACCRUAL
 * per member-day, key `accrual:<memberId>:<day>`), and the staff operations as GraphQL text.
 */
import { recordActivity } from '../../server/activity';
import type { UtcDay } from '../../server/core/day';
import { postEntry } from '../../server/ledger';
import { Material } from '../../server/materials';

export async function accrue(memberId: string, day: string, amount: number): Promise<void> {
  await postEntry({
    memberId,
    amount,
    kind: 'ACCRUAL',
    day: day as UtcDay,
    idempotencyKey: `accrual:${memberId}:${day}`,
    ref: { type: 'accrual', id: `${memberId}:${day}` },
  });
}

export const accountFields = 'balance frozen lifetimeAccrued lifetimeReversed lifetimeReinstated';

export const banMutation = /* GraphQL */ `
  mutation ($memberId: ID!, $reason: String!) {
    banMember(memberId: $memberId, reason: $reason) {
      id
      banned
      roles
    }
  }
`;

export const unbanMutation = /* GraphQL */ `
  mutation ($memberId: ID!, $reason: String!) {
    unbanMember(memberId: $memberId, reason: $reason) {
      id
      banned
    }
  }
`;

export const reversalFields =
  'id memberId day amount reason evidence origin actorId status createdAt reinstatedBy reinstatedAt note';

export const reverseMutation = /* GraphQL */ `
  mutation ($memberId: ID!, $day: Date!, $reason: ReversalReason!, $evidence: String!, $amount: Int) {
    reverseAccrual(memberId: $memberId, day: $day, reason: $reason, evidence: $evidence, amount: $amount) {
      ${reversalFields}
    }
  }
`;

export const reinstateMutation = /* GraphQL */ `
  mutation ($id: ID!, $note: String!) {
    reinstateReversal(id: $id, note: $note) { ${reversalFields} }
  }
`;

export const auditLogQuery = /* GraphQL */ `
  query ($first: Int) {
    auditLog(first: $first) {
      nodes {
        seq
        action
        actorId
        targetId
        reason
        note
        data
      }
    }
  }
`;

/** Published materials inserted directly (the editor's flow is not under test here). */
export async function seedMaterials(
  materials: { id: string; authorId: string; siteId: string }[],
): Promise<void> {
  const now = new Date();
  await Material.collection.insertMany(
    materials.map((m) => ({
      _id: m.id,
      siteId: m.siteId,
      authorId: m.authorId,
      title: m.id,
      url: `https://${m.siteId}.example/${m.id}`,
      category: 'news',
      status: 'PUBLISHED',
      duplicateGroup: m.id,
      urlKey: `${m.siteId}.example/${m.id}`,
      fingerprint: null,
      createdAt: now,
      updatedAt: now,
      reviewedBy: 'editor',
      reviewedAt: now,
      rejectionReason: null,
    })) as never[],
  );
}

export interface SeedEvent {
  type: 'VIEW' | 'LIKE' | 'COMMENT' | 'SHARE';
  materialId: string;
  actorId: string;
  occurredAt: Date;
}

let eventCounter = 0;

/** Records events as a site would, through the activity module; every one must be accepted. */
export async function recordEvents(siteId: string, events: SeedEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += 1000) {
    const batch = events.slice(start, start + 1000).map((e) => ({
      id: `e${++eventCounter}`,
      type: e.type,
      materialId: e.materialId,
      actorId: e.actorId,
      occurredAt: e.occurredAt.toISOString(),
    }));
    const result = await recordActivity(siteId, batch, async () => undefined);
    if (result.rejected.length > 0) {
      throw new Error(`events rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`);
    }
  }
}
