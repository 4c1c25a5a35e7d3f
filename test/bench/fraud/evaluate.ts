/**
 * Judges detection and scoring on one simulated network, in money first (`../shared/FRAUD.md`):
 * the share of a capped day's budget that injected fraud member-days keep, with the product's
 * scoring and without detection, after detection (every flagged member-day reversed), and under
 * the plain formula (weight x sqrt(unique actors), no defences: the same-run baseline); next to
 * their share of the day's counted events. Then precision, recall and false-positive rate per
 * scheme, the false positives by confounder, and whether honest authors' order of earnings still
 * follows their real audience (Spearman's rank correlation of amount and distinct real actors).
 *
 * Events go through `recordActivity` (the path every event takes), scoring through the accrual's
 * own `computeAllocation`, detection through `detectFraud`: nothing is re-implemented but the
 * plain-formula baseline.
 */
import { computeAllocation } from '../../../server/accrual';
import { allocateBudget, type MemberScore } from '../../../server/accrual/allocateBudget';
import { recordActivity } from '../../../server/activity';
import { detectFraud, FraudFlag } from '../../../server/fraud';
import { seedMaterials } from '../../support/trust';
import type { SimEvent, Simulation } from './simulation';

/** The bench's own weights (the real ones are secret and come from configuration). */
const benchWeights = { view: 1, like: 3, comment: 5, share: 8, pointsPerScore: 10 };

export interface SchemeResult {
  scheme: string;
  memberDays: number;
  caught: number;
  /** Share of the day's cap these member-days get without detection, and keep after it. */
  capShare: number;
  capShareKept: number;
}

export interface Evaluation {
  simulation: string;
  seed: number;
  events: number;
  dayEvents: number;
  honestActive: number;
  injected: number;
  flagged: number;
  truePositives: number;
  precision: number;
  recall: number;
  falsePositiveRate: number;
  /** Share of the day's counted events on injected member-days. */
  eventShare: number;
  /** Share of the cap injected member-days get: plain formula, this scoring, after detection. */
  capSharePlain: number;
  capShare: number;
  capShareKept: number;
  /** Share of the cap on honest member-days that were flagged (what false positives cost). */
  capShareFalselyFlagged: number;
  /** Spearman of honest amounts vs real audience, plain formula and this scoring. */
  orderPlain: number;
  order: number;
  schemes: SchemeResult[];
  falsePositives: { memberId: string; confounder: string; confidence: number; signals: string }[];
  seconds: { ingest: number; detect: number; score: number };
}

export async function evaluate(sim: Simulation, seed: number): Promise<Evaluation> {
  const authorOf = new Map(sim.materials.map((m) => [m.id, m.authorId]));
  const now = Date.now();
  // Only events the API accepts are counted: none of an author's own, none in the future.
  const counted = sim.events.filter((e) => authorOf.get(e.materialId) !== e.actorId && e.at <= now);
  const dayStartMs = Date.parse(`${sim.day}T00:00:00.000Z`);
  const onDay = counted.filter((e) => e.at >= dayStartMs && e.at < dayStartMs + 86_400_000);

  await seedMaterials(sim.materials);
  const t0 = performance.now();
  await ingest(counted);
  const t1 = performance.now();
  await detectFraud(sim.day, { autoReverseThreshold: null });
  const t2 = performance.now();
  const flags = await FraudFlag.find({ day: sim.day }).lean();
  const flagged = new Set(flags.map((f) => f.memberId));

  const { allocation } = await computeAllocation(
    sim.day,
    { dailyCap: Number.MAX_SAFE_INTEGER, weights: benchWeights },
    new Set(),
  );
  const t3 = performance.now();
  const amounts = cappedShares(
    allocation.amounts.map((a) => ({ memberId: a.memberId, score: a.amount })),
  );
  const plainAmounts = cappedShares(plainScores(onDay, authorOf, benchWeights));

  const activeAuthors = new Set(onDay.map((e) => authorOf.get(e.materialId)!));
  const honestActive = [...activeAuthors].filter((id) => !sim.truth.has(id));
  const truePositives = [...flagged].filter((id) => sim.truth.has(id)).length;
  const share = (of: Map<string, number>, members: Iterable<string>) => {
    const cap = [...of.values()].reduce((s, a) => s + a, 0);
    let sum = 0;
    for (const id of members) sum += of.get(id) ?? 0;
    return cap === 0 ? 0 : sum / cap;
  };
  const injected = [...sim.truth.keys()];
  const missed = injected.filter((id) => !flagged.has(id));
  const falselyFlagged = [...flagged].filter((id) => !sim.truth.has(id));

  const schemes = [...new Set(sim.truth.values())].map((scheme) => {
    const members = injected.filter((id) => sim.truth.get(id) === scheme);
    return {
      scheme,
      memberDays: members.length,
      caught: members.filter((id) => flagged.has(id)).length,
      capShare: share(amounts, members),
      capShareKept: share(
        amounts,
        members.filter((id) => !flagged.has(id)),
      ),
    };
  });
  const audience = realAudience(onDay, authorOf);
  const honestEarners = honestActive.filter((id) => (audience.get(id) ?? 0) > 0);
  const orderOf = (of: Map<string, number>) =>
    spearman(
      honestEarners.map((id) => audience.get(id)!),
      honestEarners.map((id) => of.get(id) ?? 0),
    );
  const eventsOf = (members: Set<string>) =>
    onDay.filter((e) => members.has(authorOf.get(e.materialId)!)).length;

  return {
    simulation: sim.name,
    seed,
    events: counted.length,
    dayEvents: onDay.length,
    honestActive: honestActive.length,
    injected: injected.length,
    flagged: flagged.size,
    truePositives,
    precision: flagged.size === 0 ? 1 : truePositives / flagged.size,
    recall: truePositives / injected.length,
    falsePositiveRate: falselyFlagged.length / honestActive.length,
    eventShare: eventsOf(new Set(injected)) / onDay.length,
    capSharePlain: share(plainAmounts, injected),
    capShare: share(amounts, injected),
    capShareKept: share(amounts, missed),
    capShareFalselyFlagged: share(amounts, falselyFlagged),
    orderPlain: orderOf(plainAmounts),
    order: orderOf(amounts),
    schemes,
    falsePositives: flags
      .filter((f) => !sim.truth.has(f.memberId))
      .map((f) => ({
        memberId: f.memberId,
        confounder: sim.confounders.get(f.memberId) ?? 'none',
        confidence: f.confidence,
        signals: f.signals.map((s) => `${s.code} ${s.value}`).join(', '),
      })),
    seconds: { ingest: (t1 - t0) / 1000, detect: (t2 - t1) / 1000, score: (t3 - t2) / 1000 },
  };
}

/** A capped day: half the demand is the budget, shared by largest remainder (R5). */
function cappedShares(scores: MemberScore[]): Map<string, number> {
  const demand = scores.reduce((sum, s) => sum + Math.floor(s.score), 0);
  const { amounts } = allocateBudget(scores, {
    dailyCap: Math.max(1, Math.floor(demand / 2)),
    pointsPerScore: 1,
  });
  return new Map(amounts.map((a) => [a.memberId, a.amount]));
}

/** The formula without defences: weight x sqrt(unique actors) per material and type. */
function plainScores(
  events: SimEvent[],
  authorOf: Map<string, string>,
  weights: typeof benchWeights,
): MemberScore[] {
  const actors = new Map<string, Set<string>>();
  for (const e of events) {
    const key = `${e.materialId}\u0000${e.type}`;
    const set = actors.get(key) ?? new Set<string>();
    set.add(e.actorId);
    actors.set(key, set);
  }
  const weightOf = {
    VIEW: weights.view,
    LIKE: weights.like,
    COMMENT: weights.comment,
    SHARE: weights.share,
  };
  const scores = new Map<string, number>();
  for (const [key, set] of actors) {
    const [materialId, type] = key.split('\u0000') as [string, SimEvent['type']];
    const author = authorOf.get(materialId)!;
    scores.set(author, (scores.get(author) ?? 0) + weightOf[type] * Math.sqrt(set.size));
  }
  return [...scores].map(([memberId, score]) => ({
    memberId,
    score: Math.floor(score * weights.pointsPerScore),
  }));
}

/** Distinct actors of each author's day that are people (events not sent by a farm). */
function realAudience(events: SimEvent[], authorOf: Map<string, string>): Map<string, number> {
  const actors = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.fake) continue;
    const author = authorOf.get(e.materialId)!;
    const set = actors.get(author) ?? new Set<string>();
    set.add(e.actorId);
    actors.set(author, set);
  }
  return new Map([...actors].map(([id, set]) => [id, set.size]));
}

function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j += 1;
    for (let k = i; k <= j; k++) result[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return result;
}

/** Spearman's rank correlation (Pearson on average ranks, so ties are handled). */
function spearman(xs: number[], ys: number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (rx.length - 1) / 2;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i]! - mean) * (ry[i]! - mean);
    dx += (rx[i]! - mean) ** 2;
    dy += (ry[i]! - mean) ** 2;
  }
  return dx === 0 || dy === 0 ? 0 : num / Math.sqrt(dx * dy);
}

let eventId = 0;

/** As the sites would send them: per site, batches of 1000, four clients at once. */
async function ingest(events: SimEvent[]): Promise<void> {
  const bySite = new Map<string, SimEvent[]>();
  for (const event of events) {
    const list = bySite.get(event.siteId) ?? [];
    list.push(event);
    bySite.set(event.siteId, list);
  }
  const batches: { siteId: string; events: SimEvent[] }[] = [];
  for (const [siteId, list] of bySite) {
    for (let i = 0; i < list.length; i += 1000)
      batches.push({ siteId, events: list.slice(i, i + 1000) });
  }
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const result = await recordActivity(
        batch.siteId,
        batch.events.map((e) => ({
          id: `b${++eventId}`,
          type: e.type,
          materialId: e.materialId,
          actorId: e.actorId,
          occurredAt: new Date(e.at).toISOString(),
        })),
        async () => undefined,
      );
      if (result.rejected.length > 0) {
        throw new Error(
          `the simulation sent refused events: ${JSON.stringify(result.rejected[0])}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}
