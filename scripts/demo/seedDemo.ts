import { addDays, today as todayOf, type UtcDay } from '../../server/core/day';
import { forEachBounded } from '../../server/core/forEachBounded';
import { FraudFlag } from '../../server/fraud';
import { Material, materialStatuses, type MaterialStatus } from '../../server/materials';
import { actAsStaff, type StaffActs } from './actAsStaff';
import { accrueHistory } from './accrueHistory';
import { dayActivity, viewFarmActivity, type PublishedMaterial } from './demoActivity';
import { demoClient } from './demoClient';
import { cast, demoPeople, demoSites, historyOf, planMaterials } from './demoNetwork';
import { openCatalogue, type Catalogue } from './openCatalogue';
import { recordHistory, type RecordedHistory } from './recordHistory';
import { resetDemoDatabase } from './resetDemoDatabase';
import { submitMaterials } from './submitMaterials';

/**
 * Seeds the demo network (demoNetwork.ts) into the database of a Merit API running in this
 * process, the way it would have grown: ADMIN creates the sites, members sign in and submit,
 * the editor reviews, the sites report 30 days of activity, the daily chain (accrue, then
 * detect fraud) runs for every past day while ADMIN moves the budget, then staff act on what
 * the chain found and members redeem. Everything a person does goes through the GraphQL API at
 * `url` with their token (so validation, rate limits and audit records are real); the jobs run
 * in-process with the jobs' own code; only events older than the API's 72-hour window are
 * written directly (recordHistory.ts).
 *
 * The database is reset first (resetDemoDatabase.ts), so seeding again starts over. Running in
 * the API's process matters: the seed shares its database connection.
 */
export interface SeedDemoOptions {
  /** Base URL of the Merit API served by this process. */
  url: string;
  /** The API's JWT secret: people's and sites' tokens are minted with it. */
  jwtSecret: string;
  now?: Date;
  /** Replace a database that the demo did not make (resetDemoDatabase.ts). */
  replaceForeignData?: boolean;
  /** Progress, one line per step. */
  log?: (line: string) => void;
}

export interface DemoSummary {
  durationMs: number;
  sites: number;
  members: number;
  materials: Record<MaterialStatus, number>;
  /** Material ids of the duplicate group left in the editor's queue. */
  pendingGroup: string[];
  events: RecordedHistory;
  /** Past days accrued, oldest first, and how many of them reached the cap. */
  days: { from: UtcDay; to: UtcDay; accrued: number; capped: number };
  farmDay: UtcDay;
  openFlags: number;
  staff: StaffActs;
  catalogue: Catalogue;
}

/** Members who may sign in at once: each is created on first sight of their token. */
const signInsInFlightMax = 4;

/**
 * Once per process: the reset empties a database that this process's memories (the ledger's
 * remembered account states, ingestion's closed days) take to only ever grow, and a second seed
 * would post after states that no longer exist. `npm start` is one process per run.
 */
let seededInThisProcess = false;

export async function seedDemo(options: SeedDemoOptions): Promise<DemoSummary> {
  if (seededInThisProcess) throw new Error('the demo seed runs once per process; start another');
  seededInThisProcess = true;
  const startedAt = Date.now();
  let stepStartedAt = startedAt;
  const log = (line: string) => {
    const at = Date.now();
    options.log?.(`${line} (${((at - stepStartedAt) / 1000).toFixed(1)} s)`);
    stepStartedAt = at;
  };
  const now = options.now ?? new Date();
  const history = historyOf(todayOf(now));
  const pastDays = history.slice(0, -1);
  const farmDay = addDays(todayOf(now), -2);
  const client = demoClient(options.url, options.jwtSecret);
  const admin = await client.as(cast.admin);

  await resetDemoDatabase({ replaceForeignData: options.replaceForeignData });
  for (const site of demoSites) {
    await admin('mutation ($input: SiteInput!) { upsertSite(input: $input) { id } }', {
      input: { id: site.id, name: site.name, domain: site.domain },
    });
  }
  await forEachBounded(demoPeople, signInsInFlightMax, async (person) => {
    const signedIn = await client.as(person);
    await signedIn('query { me { id } }');
  });
  log(`${demoSites.length} sites, ${demoPeople.length} members`);

  const plan = planMaterials();
  const ids = await submitMaterials(plan, client, cast.editor);
  log(`${plan.length} materials submitted and reviewed`);

  const published: PublishedMaterial[] = plan
    .filter((m) => m.fate === 'PUBLISH')
    .map((m) => ({ ...m, id: ids.get(m.key)! }));
  const readers = demoPeople.map((p) => p.memberId);
  const events = history.flatMap((day, i) => dayActivity(i, day, published, readers, now));
  const farmed = published
    .filter((m) => m.authorId === cast.viewFarmer.memberId)
    .sort((a, b) => b.firstDay - a.firstDay)[0]!;
  events.push(...viewFarmActivity(farmDay, farmed));
  const recorded = await recordHistory(events, client, now);
  log(`${events.length} activity events (${recorded.reported} reported by the sites)`);

  const accrued = await accrueHistory(pastDays, admin);
  log(
    `${accrued.days.length} days accrued (${accrued.days.filter((d) => d.capped).length} capped), ${accrued.flagsRaised} fraud flags`,
  );

  const staff = await actAsStaff(client, pastDays, farmDay);
  const issues = accrued.days.map((d) => d.issued).sort((a, b) => a - b);
  const earners = demoPeople.filter(
    (p) => p.roles.includes('MEMBER') && p !== cast.member && p !== cast.viewFarmer,
  );
  const catalogue = await openCatalogue(client, issues[issues.length >> 1] ?? 1, earners);
  log(`${catalogue.redeemed} redemptions, ${catalogue.refused} refused`);

  const materials = Object.fromEntries(
    await Promise.all(
      materialStatuses.map(async (status) => [status, await Material.countDocuments({ status })]),
    ),
  ) as Record<MaterialStatus, number>;
  return {
    durationMs: Date.now() - startedAt,
    sites: demoSites.length,
    members: demoPeople.length,
    materials,
    pendingGroup: plan.filter((m) => m.group === 'pending').map((m) => ids.get(m.key)!),
    events: recorded,
    days: {
      from: pastDays[0]!,
      to: pastDays[pastDays.length - 1]!,
      accrued: accrued.days.length,
      capped: accrued.days.filter((d) => d.capped).length,
    },
    farmDay,
    openFlags: await FraudFlag.countDocuments({ status: 'OPEN' }),
    staff,
    catalogue,
  };
}
