import { findAccrual, type Accrual } from '../../server/accrual';
import type { UtcDay } from '../../server/core/day';
import type { DemoClient } from './demoClient';
import { cast } from './demoNetwork';

/**
 * The staff's day after the history, through the API so that every act is checked and audited:
 * - support looks up the view farmer's account before deciding on the flag (audited look-up);
 * - the moderator bans the view farmer (account frozen, balance kept, R16); the flag stays OPEN
 *   for support to decide;
 * - support writes off part of the demo member's latest accrual (booked today, so today's net is
 *   negative on the member's statement and chart, R11);
 * - support writes off another member's accrual for a like ring, and a second support agent
 *   reinstates it with a note: it was a study group, not a ring (R20).
 */
export interface StaffActs {
  /** The demo member's accrual that was partly reversed. */
  reversedAccrual: Accrual;
  reversedAmount: number;
  reinstatedReversalId: string;
}

const lookUpQuery = /* GraphQL */ `
  query ($memberId: ID!, $reason: String!) {
    supportAccount(memberId: $memberId, reason: $reason) {
      account {
        balance
      }
    }
  }
`;
const banMutation = /* GraphQL */ `
  mutation ($memberId: ID!, $reason: String!) {
    banMember(memberId: $memberId, reason: $reason) {
      banned
    }
  }
`;
const reverseMutation = /* GraphQL */ `
  mutation (
    $memberId: ID!
    $day: Date!
    $reason: ReversalReason!
    $evidence: String!
    $amount: Int
  ) {
    reverseAccrual(
      memberId: $memberId
      day: $day
      reason: $reason
      evidence: $evidence
      amount: $amount
    ) {
      id
      amount
    }
  }
`;
const reinstateMutation = /* GraphQL */ `
  mutation ($id: ID!, $note: String!) {
    reinstateReversal(id: $id, note: $note) {
      id
      status
    }
  }
`;

/** The member's most recent accrual among `days`. */
async function latestAccrual(memberId: string, days: readonly UtcDay[]): Promise<Accrual> {
  for (const day of [...days].reverse()) {
    const accrual = await findAccrual(memberId, day);
    if (accrual) return accrual;
  }
  throw new Error(`${memberId} has no accrual to reverse in the history`);
}

export async function actAsStaff(
  client: DemoClient,
  pastDays: readonly UtcDay[],
  farmDay: UtcDay,
): Promise<StaffActs> {
  const [support, secondSupport, moderator] = await Promise.all([
    client.as(cast.support),
    client.as(cast.secondSupport),
    client.as(cast.moderator),
  ]);
  const farmer = cast.viewFarmer.memberId;
  await support(lookUpQuery, {
    memberId: farmer,
    reason: `Fraud flag on ${farmer} for ${farmDay}: checking the account before deciding.`,
  });
  await moderator(banMutation, {
    memberId: farmer,
    reason: `View farming on ${farmDay}: hundreds of reloads from a few dozen new visitors within minutes.`,
  });

  const reversedAccrual = await latestAccrual(cast.member.memberId, pastDays);
  const reversedAmount = Math.max(1, Math.round(reversedAccrual.amount * 0.6));
  await support(reverseMutation, {
    memberId: cast.member.memberId,
    day: reversedAccrual.day,
    reason: 'PLAGIARISM',
    evidence:
      'Reader report, confirmed: two paragraphs of the day’s most read review were taken from another site without credit. The share of the day it earned is written off.',
    amount: reversedAmount,
  });

  // Not the latest day, so that the reinstated member's week shows the reversal and its undoing.
  const ring = await latestAccrual(cast.wronglyReversed.memberId, pastDays.slice(0, -2));
  const { reverseAccrual } = await support<{ reverseAccrual: { id: string } }>(reverseMutation, {
    memberId: ring.memberId,
    day: ring.day,
    reason: 'VOTE_RING',
    evidence: `Six accounts liked each other’s guides within the hour on ${ring.day}.`,
  });
  await secondSupport(reinstateMutation, {
    id: reverseAccrual.id,
    note: 'Checked with the site: the likes come from a study group that follows her guides, not a ring.',
  });
  return { reversedAccrual, reversedAmount, reinstatedReversalId: reverseAccrual.id };
}
