import { args, enumValue, request, type ArgValue } from './client';
import type {
  Account,
  AuditRecord,
  AuditVerification,
  DailyStatement,
  Day,
  DayIssuance,
  DuplicateGroup,
  FraudFlag,
  LedgerEntry,
  Material,
  MaterialInput,
  MaterialStatus,
  Member,
  Page,
  PageArgs,
  ProgramKpis,
  ProgramSettings,
  Redemption,
  Reversal,
  ReversalFilter,
  Reward,
  RewardInput,
  Simulation,
  Site,
  SupportAccountView,
  Weights,
} from './types';

/**
 * Every GraphQL operation of the client, in one place. Field selections follow SPEC §4; where
 * the spec leaves a type's fields open, the guess is marked `(not in SPEC)` so it is easy to
 * adjust once the API lands. A screen whose API is missing shows a plain "not available yet".
 */
const pageInfo = 'pageInfo { endCursor hasNextPage }';
const page = (fields: string) => `{ nodes { ${fields} } ${pageInfo} }`;
const enumOrUndefined = (value: string | undefined) => (value ? enumValue(value) : undefined);
const pageArgs = ({ first = 20, after }: PageArgs): Record<string, ArgValue> => ({
  first,
  after: after ?? undefined,
});

const memberFields = 'id name roles banned';
const accountFields = 'balance frozen lifetimeAccrued lifetimeReversed lifetimeSpent';
const entryFields = 'id kind amount balanceAfter day createdAt';
const statementFields = 'day accrued reversed reinstated spent net';
const materialFields = 'id siteId authorId title url category status createdAt';
const rewardFields = 'id title price stock active';
const redemptionFields = 'id reward { id title } price status compensated createdAt';
const reversalFields = 'id memberId day amount reason evidence origin actorId status createdAt'; // flat (not in SPEC)
const flagFields = 'id memberId day confidence status signals { code value detail }';
const auditFields = 'id action actorId targetId reason note createdAt';
const weightsFields = 'weights { view like comment share pointsPerScore }'; // (not in SPEC)

async function one<T>(operation: string, field: string): Promise<T> {
  const data = await request<Record<string, T>>(operation);
  return data[field] as T;
}

// Everyone signed in
export const fetchMe = () => one<Member>(`query Me { me { ${memberFields} } }`, 'me');
export const fetchSupportUrl = () => one<string>('query SupportUrl { supportUrl }', 'supportUrl');
export const fetchSites = () => one<Site[]>('query Sites { sites { id name domain } }', 'sites');

// Member: own data only (R2)
export const fetchMyAccount = () =>
  one<Account>(`query MyAccount { myAccount { ${accountFields} } }`, 'myAccount');

export const fetchMyStatement = (from: Day, to: Day) =>
  one<DailyStatement[]>(
    `query MyStatement { myStatement${args({ from, to })} { ${statementFields} } }`,
    'myStatement',
  );

export const fetchMyLedger = (paging: PageArgs) =>
  one<Page<LedgerEntry>>(
    `query MyLedger { myLedger${args(pageArgs(paging))} ${page(entryFields)} }`,
    'myLedger',
  );

export const fetchMyMaterials = (status: MaterialStatus | undefined, paging: PageArgs) =>
  one<Page<Material>>(
    `query MyMaterials { myMaterials${args({ status: enumOrUndefined(status), ...pageArgs(paging) })} ${page(materialFields)} }`,
    'myMaterials',
  );

export const submitMaterial = (input: MaterialInput) =>
  one<Material>(
    `mutation SubmitMaterial { submitMaterial${args({ input: { ...input } })} { ${materialFields} } }`,
    'submitMaterial',
  );

export const fetchRewards = () =>
  one<Reward[]>(`query Rewards { rewards { ${rewardFields} } }`, 'rewards');

export const redeemReward = (rewardId: string, idempotencyKey: string) =>
  one<Redemption>(
    `mutation RedeemReward { redeemReward${args({ rewardId, idempotencyKey })} { ${redemptionFields} } }`,
    'redeemReward',
  );

export const fetchMyRedemptions = (paging: PageArgs) =>
  one<Page<Redemption>>(
    `query MyRedemptions { myRedemptions${args(pageArgs(paging))} ${page(redemptionFields)} }`,
    'myRedemptions',
  );

// Editor
export const fetchModerationQueue = (siteId: string | undefined, paging: PageArgs) =>
  one<Page<DuplicateGroup>>(
    `query ModerationQueue { moderationQueue${args({ siteId, ...pageArgs(paging) })} ${page(`id materials { ${materialFields} }`)} }`,
    'moderationQueue',
  );

export const publishMaterial = (id: string) =>
  one<Material>(
    `mutation PublishMaterial { publishMaterial${args({ id })} { id status } }`,
    'publishMaterial',
  );

export const rejectMaterial = (id: string, reason: string) =>
  one<Material>(
    `mutation RejectMaterial { rejectMaterial${args({ id, reason })} { id status } }`,
    'rejectMaterial',
  );

// Moderator (the result type of ban/unban is not in SPEC: a Member is assumed)
export const banMember = (memberId: string, reason: string) =>
  one<Member>(
    `mutation BanMember { banMember${args({ memberId, reason })} { id banned } }`,
    'banMember',
  );

export const unbanMember = (memberId: string, reason: string) =>
  one<Member>(
    `mutation UnbanMember { unbanMember${args({ memberId, reason })} { id banned } }`,
    'unbanMember',
  );

// Support
export const fetchFraudFlags = (status: string | undefined, paging: PageArgs) =>
  one<Page<FraudFlag>>(
    `query FraudFlags { fraudFlags${args({ status: enumOrUndefined(status), ...pageArgs(paging) })} ${page(flagFields)} }`,
    'fraudFlags',
  );

export const confirmFraudFlag = (id: string, note: string) =>
  one<Reversal>(
    `mutation ConfirmFraudFlag { confirmFraudFlag${args({ id, note })} { id } }`,
    'confirmFraudFlag',
  );

export const dismissFraudFlag = (id: string, note: string) =>
  one<FraudFlag>(
    `mutation DismissFraudFlag { dismissFraudFlag${args({ id, note })} { id status } }`,
    'dismissFraudFlag',
  );

export const fetchReversals = (filter: ReversalFilter, paging: PageArgs) =>
  one<Page<Reversal>>(
    `query Reversals { reversals${args({ ...filter, status: enumOrUndefined(filter.status), ...pageArgs(paging) })} ${page(reversalFields)} }`,
    'reversals',
  );

export const reinstateReversal = (id: string, note: string) =>
  one<Reversal>(
    `mutation ReinstateReversal { reinstateReversal${args({ id, note })} { id status } }`,
    'reinstateReversal',
  );

/** Audited on the server: every call is a recorded look-up, so it runs only on request. */
export const fetchSupportAccount = (memberId: string, reason: string) =>
  one<SupportAccountView>(
    `query SupportAccount { supportAccount${args({ memberId, reason })} { member { ${memberFields} } account { ${accountFields} } ledger ${page(entryFields)} } }`,
    'supportAccount',
  );

export const fetchAuditLog = (paging: PageArgs) =>
  one<Page<AuditRecord>>(
    `query AuditLog { auditLog${args(pageArgs(paging))} ${page(auditFields)} }`,
    'auditLog',
  );

export const verifyAuditLog = () =>
  one<AuditVerification>(
    'query VerifyAuditLog { verifyAuditLog { ok checked firstBrokenAt } }',
    'verifyAuditLog',
  );

// Admin
export const fetchProgramSettings = () =>
  one<ProgramSettings>(
    `query ProgramSettings { programSettings { dailyCap ${weightsFields} } }`,
    'programSettings',
  );

export const updateProgramSettings = (input: { dailyCap?: number; weights?: Weights }) =>
  one<ProgramSettings>(
    `mutation UpdateProgramSettings { updateProgramSettings${args({ input: { ...input } })} { dailyCap ${weightsFields} } }`,
    'updateProgramSettings',
  );

/** The budget what-if over an accrued day; writes nothing. */
export const simulateAccrual = (day: Day, input: { dailyCap?: number; weights?: Weights }) =>
  one<Simulation>(
    `query SimulateAccrual { simulateAccrual${args({ day, input: { ...input } })} { day dailyCap demand issued earners capped giniCoefficient topDecileShare actualIssued actualEarners } }`,
    'simulateAccrual',
  );

export const fetchIssuance = (from: Day, to: Day) =>
  one<DayIssuance[]>(
    `query Issuance { issuance${args({ from, to })} { day cap issued reversed earners capped } }`,
    'issuance',
  );

export const fetchProgramKpis = (from: Day, to: Day) =>
  one<ProgramKpis>(
    `query ProgramKpis { programKpis${args({ from, to })} { engagementRate pointsUsedRate earnerRetentionRate earnerChurnRate activeEarners } }`,
    'programKpis',
  );

export const upsertReward = (input: RewardInput) =>
  one<Reward>(
    `mutation UpsertReward { upsertReward${args({ input: { ...input } })} { ${rewardFields} } }`,
    'upsertReward',
  );

export const upsertSite = (input: { id?: string; name: string; domain: string }) =>
  one<Site>(
    `mutation UpsertSite { upsertSite${args({ input: { ...input } })} { id name domain } }`,
    'upsertSite',
  );
