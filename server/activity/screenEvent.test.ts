/**
 * Proves the per-event rules as pure functions at their boundaries: the 72-hour and 5-minute
 * window edges, which date-time spellings are readable (a zone is required), that the UTC day
 * comes from occurredAt whatever its offset, and what a material allows.
 */
import { parseEvent, screenMaterial, screenTime, type ScreenedEvent } from './screenEvent';

const now = new Date('2026-03-10T12:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const parse = (occurredAt: unknown, over: Record<string, unknown> = {}) =>
  parseEvent({ id: 'e1', type: 'VIEW', materialId: 'm1', actorId: 'a1', occurredAt, ...over });
const screened = (occurredAt: string) => parse(occurredAt) as ScreenedEvent;

it.each([
  [-72 * 3_600_000, null],
  [-72 * 3_600_000 - 1, 'TOO_OLD'],
  [5 * 60_000, null],
  [5 * 60_000 + 1, 'IN_FUTURE'],
  [0, null],
])('occurredAt now%+i ms is %s', (offset, reason) => {
  expect(screenTime(screened(at(offset)), now)).toBe(reason);
});

it.each([
  ['2026-03-10T11:59:00Z', '2026-03-10'],
  ['2026-03-10T01:30:00+02:00', '2026-03-09'],
  ['2026-03-09T23:30:00.123456-01:00', '2026-03-10'],
])('reads %s as UTC day %s', (occurredAt, day) => {
  expect(screened(occurredAt).day).toBe(day);
});

it.each([
  '2026-03-10T11:59:00',
  '2026-03-10',
  'yesterday',
  '2026-02-30T10:00:00Z',
  1773144000000,
  null,
])('refuses occurredAt %p', (occurredAt) => {
  expect(parse(occurredAt)).toBe('INVALID_OCCURRED_AT');
});

it('refuses blank or over-long ids and actors', () => {
  expect(parse(at(0), { id: '' })).toBe('INVALID_ID');
  expect(parse(at(0), { id: 'x'.repeat(129) })).toBe('INVALID_ID');
  expect(parse(at(0), { actorId: '  ' })).toBe('INVALID_ACTOR');
});

it('counts only published materials, never for their author', () => {
  const event = screened(at(0));
  expect(screenMaterial(event, undefined)).toBe('UNKNOWN_MATERIAL');
  for (const status of ['PENDING', 'REJECTED', 'DUPLICATE'] as const) {
    expect(screenMaterial(event, { status, authorId: 'author' })).toBe('NOT_PUBLISHED');
  }
  expect(screenMaterial(event, { status: 'PUBLISHED', authorId: 'a1' })).toBe('SELF_ACTIVITY');
  expect(screenMaterial(event, { status: 'PUBLISHED', authorId: 'author' })).toBeNull();
});
