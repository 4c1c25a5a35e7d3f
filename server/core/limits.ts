/**
 * Every bound of the system, in one place. Qualifiers go last so related names sort together.
 */
export const limits = {
  /** Largest page a list returns (SPEC §4: `first` outside 1..100 is refused, not clamped). */
  pageSizeMax: 100,
  pageSizeDefault: 20,
  /** recordActivity batch bound (SPEC §4). */
  activityBatchMax: 1000,
  /** An event may be this old when recorded (72 h) ... */
  eventAgeMsMax: 72 * 3_600_000,
  /** ... and this far ahead of the server clock (5 min). */
  eventLeadMsMax: 5 * 60_000,
  /** How far apart the clocks of two Merit processes (API, worker) may be. */
  clockSkewMsMax: 60_000,
  /** myStatement / analytics ranges. */
  statementRangeDaysMax: 366,
  /** programKpis: earner retention compares the first and last this-many days of the period. */
  kpiRetentionWindowDaysMax: 7,
  /** Free-text fields. */
  reasonLengthMax: 1000,
  evidenceLengthMax: 4000,
  titleLengthMax: 200,
  categoryLengthMax: 50,
  urlLengthMax: 2048,
  idempotencyKeyLengthMax: 200,
  idLengthMax: 128,
  /** Bounded retries of optimistic writes (seq races); a loop that exceeds this is a bug or overload. */
  retryAttemptsMax: 64,
  /** Upper bound of the random pause before such a retry grows to this (jittered, so racers spread out). */
  retryBackoffMsMax: 20,
  /** Ledger idempotency keys are composed by code (`redeem:<memberId>:<clientKey>`), so longer than a client's. */
  ledgerKeyLengthMax: 512,
  /** verify-ledger lists at most this many breaches (and counts all of them). */
  ledgerBreachesListedMax: 1000,
  /** Scans run in cursor batches of this size. */
  cursorBatchSize: 1000,
  /** A reward's price: GraphQL Int, and far below the safe integers once summed. */
  rewardPriceMax: 1_000_000_000,
  /** The catalogue is a short list, returned whole; bounded anyway. */
  rewardsListedMax: 500,
  /** A redemption untouched this long has no runner left at work: the recovery pass takes it over. */
  redemptionGraceMs: 2 * 60_000,
  /** The recovery pass handles at most this many redemptions per run; the rest wait for the next. */
  redemptionsResumedMax: 10_000,
  /** HTTP body bound: SPEC §4 asks for at least 1 MB; 1000 events fit well under this. */
  bodyBytesMax: 4 * 1024 * 1024,
  /** ADMIN settings: the daily budget (a GraphQL Int, far below the safe integers once summed). */
  dailyCapMax: 1_000_000_000,
  /** ADMIN settings: each scoring weight and the points-per-score conversion. */
  scoringWeightMax: 1_000_000,
  /** Accrual waits this long after closing a day before reading it: a recordActivity batch that
   * checked the day just before it closed lands its events meanwhile (milliseconds, usually). */
  dayCloseGraceMs: 2_000,
  /** Accrual postings in flight at once (different members); more than the database client's
   * pool (6 connections against FerretDB) only queues in the driver. */
  accrualPostingConcurrency: 6,
  /** Scoring spreads a day's events over this many local files by author, and then holds one
   * file's worth in memory at a time (activity/uniqueActorCounts.ts). */
  scoringBuckets: 64,
  /** Accrual posts the day's allocation in batches of this many members, each checkpointed. */
  accrualPostingBatch: 1000,
  /** The worker catches up this many ended days that were not accrued when it starts. */
  accrualCatchUpDays: 3,
  /** Account states a process remembers to start its next posting from (ledger/accountMemo.ts). */
  accountStatesRememberedMax: 10_000,
  /** Live pushes lost while Redis is away are logged at warn at most once per this interval. */
  livePushWarnIntervalMs: 10_000,
  /** Production query-shape limits (SPEC §4). */
  queryDepthMax: 15,
  queryAliasesMax: 50,
  queryCostMax: 20_000,
  queryTokensMax: 20_000,
} as const;
