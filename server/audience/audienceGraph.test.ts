/**
 * The audience graph from events in hand: what each pair did on which days, who is new, and
 * focus, whose camouflage weighting makes activity on a popular author count less than activity
 * on a small one.
 */
import type { WindowEvent } from '../activity';
import type { UtcDay } from '../core/day';
import { AudienceGraph } from './audienceGraph';

const day = '2026-03-10' as UtcDay;
const event = (
  d: string,
  actorId: string,
  authorId: string,
  type: WindowEvent['type'] = 'VIEW',
) => ({
  day: d,
  type,
  actorId,
  authorId,
});

const events: WindowEvent[] = [
  // A bot: the small author on three days, nothing else.
  event('2026-03-08', 'bot', 'small'),
  event('2026-03-09', 'bot', 'small'),
  event('2026-03-10', 'bot', 'small'),
  // A reader: the small author today (with a like), a popular author on two days before.
  event('2026-03-10', 'reader', 'small'),
  event('2026-03-10', 'reader', 'small', 'LIKE'),
  event('2026-03-08', 'reader', 'popular'),
  event('2026-03-09', 'reader', 'popular'),
  // The popular author's audience.
  ...Array.from({ length: 50 }, (_, i) => event('2026-03-10', `fan${i}`, 'popular')),
  // Outside the window: ignored.
  event('2026-03-01', 'bot', 'other'),
  event('2026-03-11', 'bot', 'other'),
];
const graph = AudienceGraph.of(day, 7, events);

it('records each pair by day and engagement, inside the window only', () => {
  expect(graph.pair('bot', 'small')).toEqual({ today: true, priorDays: 2, engagedDays: 0 });
  expect(graph.pair('reader', 'small')).toEqual({ today: true, priorDays: 0, engagedDays: 1 });
  expect(graph.pair('reader', 'popular')).toEqual({ today: false, priorDays: 2, engagedDays: 0 });
  expect(graph.pair('bot', 'other')).toEqual({ today: false, priorDays: 0, engagedDays: 0 });
  expect(graph.pair('nobody', 'small')).toEqual({ today: false, priorDays: 0, engagedDays: 0 });
});

it('counts days seen before and audiences', () => {
  expect(graph.priorDays('reader')).toBe(2);
  expect(graph.priorDays('fan0')).toBe(0);
  expect(graph.audience('small')).toBe(2);
  expect(graph.audience('popular')).toBe(51);
  expect(graph.authorsToday('reader')).toBe(1);
  expect(graph.authorsToday('bot')).toBe(1);
  expect(graph.authorsToday('nobody')).toBe(0);
  expect(graph.hasHistory).toBe(true);
  // Two days with history: small had the bot on both, popular the reader on both.
  expect(graph.priorDailyAudience('small')).toBe(1);
  expect(graph.priorDailyAudience('popular')).toBe(1);
  expect(graph.priorDailyAudience('other')).toBe(0); // its only day is outside the window
  expect(graph.priorDailyAudience('nobody')).toBe(0);
  expect(
    AudienceGraph.of(
      day,
      7,
      events.filter((e) => e.day === day),
    ).hasHistory,
  ).toBe(false);
});

it('measures focus with activity on popular authors weighing less', () => {
  expect(graph.focus('bot', 'small')).toBe(1);
  // One day on a small author against two on a popular one: still more than a third.
  const focus = graph.focus('reader', 'small');
  expect(focus).toBeGreaterThan(1 / 3);
  expect(focus).toBeLessThan(1);
  expect(focus + graph.focus('reader', 'popular')).toBeCloseTo(1, 10);
  expect(graph.focus('fan0', 'small')).toBe(0);
});
