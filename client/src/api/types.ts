/** The shapes the client reads, as SPEC §4 names them. `Day` is 'YYYY-MM-DD' (UTC). */
export type Day = string;

export const roleNames = ['MEMBER', 'EDITOR', 'MODERATOR', 'SUPPORT', 'ADMIN'] as const;
export type Role = (typeof roleNames)[number] | 'SITE';

export interface Page<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}
export type PageArgs = { first?: number; after?: string | null };

export interface Member {
  id: string;
  name: string | null;
  roles: Role[];
  banned: boolean;
}

export interface Account {
  balance: number;
  frozen: boolean;
  lifetimeAccrued: number;
  lifetimeReversed: number;
  lifetimeSpent: number;
}

export interface DailyStatement {
  day: Day;
  accrued: number;
  reversed: number;
  reinstated: number;
  spent: number;
  net: number;
}

export const entryKinds = [
  'ACCRUAL',
  'REVERSAL',
  'REINSTATEMENT',
  'REDEMPTION',
  'COMPENSATION',
] as const;
export interface LedgerEntry {
  id: string;
  kind: (typeof entryKinds)[number];
  amount: number;
  balanceAfter: number;
  day: Day;
  createdAt: string;
}

export const materialStatuses = ['PENDING', 'PUBLISHED', 'REJECTED', 'DUPLICATE'] as const;
export type MaterialStatus = (typeof materialStatuses)[number];
export interface Material {
  id: string;
  siteId: string;
  authorId?: string;
  title: string;
  url: string;
  category: string;
  status: MaterialStatus;
  createdAt: string;
}
export interface DuplicateGroup {
  id: string;
  materials: Material[];
}
export interface MaterialInput {
  siteId: string;
  title: string;
  url: string;
  category: string;
}

export interface Site {
  id: string;
  name: string;
  domain: string;
}

export interface Reward {
  id: string;
  title: string;
  price: number;
  stock: number | null;
  active: boolean;
}
export interface RewardInput {
  id?: string;
  title: string;
  price: number;
  stock: number | null;
  active: boolean;
}
export interface Redemption {
  id: string;
  reward: { id: string; title: string };
  price: number;
  status: 'PENDING' | 'DONE' | 'FAILED';
  /** A redemption the system could not fulfil is compensated automatically (R17). */
  compensated: boolean;
  createdAt: string;
}

/** The balance event of SPEC §5. */
export interface BalanceEvent {
  balance: number;
  delta: number;
  kind: LedgerEntry['kind'];
  entryId: string;
  at: string;
}

export interface SupportAccountView {
  member: Member;
  account: Account;
  ledger: Page<LedgerEntry>;
}

export const reversalReasons = [
  'FAKE_VIEWS',
  'VOTE_RING',
  'SELF_PROMOTION',
  'PLAGIARISM',
  'RULES_VIOLATION',
] as const;
export const reversalStatuses = ['ACTIVE', 'REINSTATED'] as const;
export interface Reversal {
  id: string;
  memberId: string;
  day: Day;
  amount: number;
  reason: (typeof reversalReasons)[number];
  evidence: string;
  origin: 'DETECTOR' | 'STAFF';
  actorId: string | null;
  status: (typeof reversalStatuses)[number];
  createdAt: string;
}
export interface ReversalFilter {
  memberId?: string;
  from?: Day;
  to?: Day;
  status?: Reversal['status'];
}

export const fraudFlagStatuses = ['OPEN', 'CONFIRMED', 'DISMISSED'] as const;
export interface FraudFlag {
  id: string;
  memberId: string;
  day: Day;
  confidence: number;
  status: string;
  /** Whatever the detector reports: a word, or a small record of facts. */
  signals: (string | Record<string, unknown>)[];
}

export interface AuditRecord {
  id: string;
  action: string;
  actorId: string;
  targetId: string | null;
  reason: string | null;
  note: string | null;
  createdAt: string;
}
export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The seq of the first record that does not match the chain. */
  firstBrokenAt: number | null;
}

/** Received at run time from the ADMIN settings API only; never part of the bundle (R14). */
export const weightNames = ['view', 'like', 'comment', 'share', 'pointsPerScore'] as const;
export type Weights = Record<(typeof weightNames)[number], number>;
export interface ProgramSettings {
  dailyCap: number;
  weights: Weights;
}

export interface DayIssuance {
  day: Day;
  cap: number;
  issued: number;
  reversed: number;
  earners: number;
  capped: boolean;
}
/** A rate is null when its denominator is 0 (no active member, nothing issued...): undefined, not 0 %. */
export interface ProgramKpis {
  engagementRate: number | null;
  pointsUsedRate: number | null;
  earnerRetentionRate: number | null;
  earnerChurnRate: number | null;
  activeEarners: number;
}
/** The budget what-if: an accrued day recomputed under other settings (writes nothing). */
export interface Simulation {
  day: Day;
  dailyCap: number;
  /** The sum of the uncapped earnings (fractional). */
  demand: number;
  issued: number;
  earners: number;
  capped: boolean;
  giniCoefficient: number;
  topDecileShare: number;
  /** What the day really issued, and to how many, for comparison. */
  actualIssued: number;
  actualEarners: number;
}
