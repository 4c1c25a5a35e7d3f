/**
 * Proves, in a real browser over the seeded demo network (scripts/demo/seedDemo.ts: the real
 * API, jobs and ledger, 30 days of history), what each role relies on:
 * - the member sees nothing about other members (R2): on every member screen, no other member's
 *   id or name is in the page, in any API response or in any socket frame the page receives, and
 *   the page only ever asks for the member's own data;
 * - the member's balance changes live, without a reload, when another process (a job process:
 *   `openJobContext` and its Redis emitter, as `npm run jobs` and the worker run) posts an entry
 *   (SPEC §5);
 * - the editor publishes one submission of a duplicate group and the whole group leaves the
 *   queue, the others now DUPLICATE (R8);
 * - the admin reads issuance against the cap day by day, exactly as the `issuance` query has it
 *   (chart and table), and the budget what-if recomputes a capped day under a larger budget;
 * - every persona's screens show the demo's data without an error.
 * Screenshots of each screen land in test-artifacts/browser/demo-*.png.
 */
import type { Page, Response } from 'playwright-core';
import { addDays, today } from '../../server/core/day';
import { Material } from '../../server/materials';
import { seedDemo, type DemoSummary } from '../../scripts/demo/seedDemo';
import { cast, demoPeople } from '../../scripts/demo/demoNetwork';
import type { Persona } from '../../server/client';
import { testEnv } from '../support/harness';
import { killChildren, spawnTsx } from '../support/processes';
import { screenshot, settled, startBrowserApp, type BrowserApp } from './browser';

/** A seed takes well under a minute on a quiet machine; a busy one may take a few times that. */
const seedMsMax = 240_000;

let app: BrowserApp;
let summary: DemoSummary;
beforeAll(async () => {
  app = await startBrowserApp('browser_demo');
  summary = await seedDemo({ url: app.api.url, jwtSecret: app.api.config.jwtSecret });
}, seedMsMax);
afterAll(async () => {
  killChildren();
  await app?.close();
});
afterEach(() => expect(app.pageErrors).toEqual([]));

const claimsOf = (person: Persona) => ({
  sub: person.memberId,
  name: person.name,
  roles: [...person.roles],
});
const open = (person: Persona, path: string) => app.open(claimsOf(person), { path });
const navLinks = (page: Page) => page.getByRole('navigation').getByRole('link');
/** The page's formats in English (client/src/format.ts). */
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const longDay = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
/** A whole number as the page writes it. */
const wholeNumber = (text: string) => Number(text.replace(/[−–]/g, '-').replace(/[^\d-]/g, ''));
/** Opens each screen of the navigation in turn, yielding its path once it has settled. */
async function* eachScreen(page: Page): AsyncGenerator<string> {
  await settled(page);
  const paths = await navLinks(page).evaluateAll((links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
  for (const path of paths) {
    await page.locator(`nav a[href="${path}"]`).click();
    await page.waitForURL((url) => url.pathname === path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await settled(page);
    yield path.slice(1).replace(/\//g, '-');
  }
}

describe('the member', () => {
  it('sees nothing about any other member, in the page or on the wire', async () => {
    const page = await open(cast.member, '/account');
    const bodies: Promise<string>[] = [];
    const frames: string[] = [];
    const fieldsAsked = new Set<string>();
    page.on('response', (response: Response) => {
      const path = new URL(response.url()).pathname;
      if (path !== '/graphql' && !path.startsWith('/socket.io/')) return;
      bodies.push(response.text().catch(() => ''));
      if (path === '/graphql') {
        const query = (response.request().postDataJSON() as { query?: string } | null)?.query;
        const root = /\{\s*(\w+)/.exec(query ?? '')?.[1];
        if (root) fieldsAsked.add(root);
      }
    });
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => frames.push(String(frame.payload))),
    );
    await page.reload(); // everything the page asks for from the start, its socket included

    const pages: string[] = [];
    for await (const _screen of eachScreen(page)) pages.push(await page.content());
    expect(pages).toHaveLength(4);

    const others = demoPeople.filter((person) => person !== cast.member);
    const received = [...(await Promise.all(bodies)), ...frames];
    const seen = [...pages, ...received].join('\n');
    expect(received.length).toBeGreaterThan(5);
    for (const other of others) {
      expect(seen).not.toContain(other.memberId);
      expect(seen).not.toContain(other.name);
    }
    expect(seen).toContain(cast.member.name);
    // Only the member's own data, the catalogue and the network's public facts were asked for.
    for (const field of fieldsAsked) {
      expect(['me', 'supportUrl', 'sites', 'rewards']).toContain(
        field.startsWith('my') ? 'me' : field,
      );
    }
  });

  it('sees the balance change live when a job process posts an entry, without a reload', async () => {
    const page = await open(cast.member, '/account');
    await settled(page);
    await page.locator('.live-live').waitFor(); // the socket has joined the member's room
    const before = wholeNumber(await page.getByTestId('balance').innerText());
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    const jobs = spawnTsx('test/support/jobPoster.ts', testEnv(app.api.database));
    await jobs.waitForLine(/^READY$/, 60_000);
    const day = addDays(today(), -45); // before the demo's history: a day no job has accrued
    jobs.send(
      JSON.stringify({
        memberId: cast.member.memberId,
        amount: 25,
        kind: 'ACCRUAL',
        day,
        idempotencyKey: `accrual:${cast.member.memberId}:${day}`,
        ref: { type: 'browser-test', id: day },
      }),
    );
    await jobs.waitForLine(/^POSTED /);
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="balance"]')?.textContent === expected,
      number.format(before + 25),
      { timeout: 10_000 },
    );
    expect(await page.locator('.delta.up').innerText()).toBe('+25');
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    await screenshot(page, 'demo-member-live-balance');
    jobs.process.stdin?.end();
    expect(await jobs.exited).toBe(0);
  });
});

describe('the editor', () => {
  it('publishes one of a duplicate group, and the whole group leaves the queue', async () => {
    const page = await open(cast.editor, '/review');
    await settled(page);
    const groups = page.locator('li.group');
    const groupsBefore = await groups.count();
    const group = groups.filter({ hasText: 'Neon Drift' });
    expect(await group.getByRole('article').count()).toBe(summary.pendingGroup.length);
    await screenshot(page, 'demo-editor-queue');

    const best = group.getByRole('article', { name: 'Neon Drift: the season 4 roadmap, leaked' });
    await best.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published. Any other submissions of the same material').waitFor();
    await group.waitFor({ state: 'detached' });
    expect(await groups.count()).toBe(groupsBefore - 1);
    await screenshot(page, 'demo-editor-queue-after-publish');

    const statuses = await Material.find({ _id: { $in: summary.pendingGroup } }, { status: 1 })
      .lean()
      .then((materials) => materials.map((m) => m.status).sort());
    expect(statuses).toEqual([
      ...Array(summary.pendingGroup.length - 1).fill('DUPLICATE'),
      'PUBLISHED',
    ]);
  });
});

describe('the admin', () => {
  interface DayIssuance {
    day: string;
    cap: number;
    issued: number;
    reversed: number;
    earners: number;
    capped: boolean;
  }

  const issuanceOf = async (from: string, to: string) => {
    const admin = await app.api.as(claimsOf(cast.admin));
    const response = await admin<{ issuance: DayIssuance[] }>(
      'query ($from: Date!, $to: Date!) { issuance(from: $from, to: $to) { day cap issued reversed earners capped } }',
      { from, to },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.issuance;
  };

  it('reads issuance against the daily cap, day by day, as the API has it', async () => {
    // The page's default period: the last 30 days, today included.
    const days = await issuanceOf(addDays(today(), -29), today());
    expect(days.some((d) => d.capped) && days.some((d) => !d.capped)).toBe(true);

    const page = await open(cast.admin, '/admin/analytics');
    await settled(page);
    const chart = page.getByTestId('issuance-chart');
    const capped = days.filter((d) => d.capped).length;
    expect(await chart.locator('div[role="img"]').getAttribute('aria-label')).toBe(
      `Issued bonuses per day against the daily budget over ${days.length} days; ${capped} day(s) reached the budget.`,
    );
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await chart.locator('.recharts-line').count()).toBe(1);

    const rows = page.locator('section[aria-labelledby="issuance-title"] tbody tr');
    const table = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
    expect(table).toEqual(
      [...days]
        .reverse()
        .map((d) => [
          longDay.format(new Date(`${d.day}T00:00:00Z`)),
          number.format(d.cap),
          number.format(d.issued),
          number.format(d.reversed),
          number.format(d.earners),
          d.capped ? 'Yes' : 'No',
        ]),
    );
    await screenshot(page, 'demo-admin-analytics');
  });

  it('recomputes a capped day under a larger budget with the what-if, writing nothing', async () => {
    const yesterday = addDays(today(), -1);
    const [accrued] = await issuanceOf(yesterday, yesterday);
    expect(accrued?.capped).toBe(true); // the demo's last budget phase is tight

    const page = await open(cast.admin, '/admin/settings');
    await settled(page);
    const whatIf = page.getByRole('form', { name: 'Budget what-if' });
    expect(await whatIf.getByLabel('Day').inputValue()).toBe(yesterday);
    await whatIf.getByLabel('Daily budget (bonuses)').fill(String(accrued!.cap * 100));
    await whatIf.getByRole('button', { name: 'Simulate' }).click();
    const result = page.getByTestId('whatif-result');
    await result.waitFor();

    const cells = async (row: string) =>
      result.getByRole('row', { name: row }).getByRole('cell').allInnerTexts();
    const [issued, actualIssued] = (await cells('Issued')).map(wholeNumber);
    const [earners, actualEarners] = (await cells('Earners')).map(wholeNumber);
    expect(actualIssued).toBe(accrued!.issued);
    expect(actualEarners).toBe(accrued!.earners);
    expect(issued).toBeGreaterThan(actualIssued!); // the cap no longer binds
    expect(earners).toBeGreaterThanOrEqual(actualEarners!);
    expect(await result.getByRole('definition').nth(1).innerText()).toBe('No'); // budget reached
    await screenshot(page, 'demo-admin-what-if');
    // Nothing was written: the day still reads as it was accrued.
    expect(await issuanceOf(yesterday, yesterday)).toEqual([accrued]);
  });
});

describe('every persona', () => {
  it.each(['member', 'editor', 'moderator', 'support', 'admin'] as const)(
    'sees the demo data on every %s screen, without an error',
    async (part) => {
      const person = cast[part];
      const page = await open(person, '/');
      for await (const screen of eachScreen(page)) {
        expect(await page.locator('.notice-error').count()).toBe(0);
        expect(await page.locator('main').innerText()).not.toMatch(/GraphQL|Cannot query/);
        await screenshot(page, `demo-${part}-${screen}`);
      }
    },
  );
});
