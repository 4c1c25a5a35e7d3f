/**
 * What one actor adds to an author's counts (actorWeight.ts), on audience graphs from events in
 * hand: an ordinary reader counts in full; an id spread over many authors, a never-seen id and
 * an id devoted to one author day after day count less; every actor still counts something.
 */
import type { WindowEvent } from '../activity';
import { AudienceGraph } from '../audience';
import { addDays, type UtcDay } from '../core/day';
import { actorWeights } from './actorWeight';

const day = '2026-03-10' as UtcDay;
const view = (back: number, actorId: string, authorId: string): WindowEvent => ({
  day: addDays(day, -back),
  type: 'VIEW',
  actorId,
  authorId,
});
const days = (n: number) => Array.from({ length: n }, (_, i) => i);

const events: WindowEvent[] = [
  // A reader of three authors, every day of the week.
  ...days(8).flatMap((back) => ['a', 'b', 'c'].map((author) => view(back, 'reader', author))),
  // A viewer of 300 authors today, seen before.
  view(1, 'spreader', 'a'),
  ...days(300).map((i) => view(0, 'spreader', `author${i}`)),
  // A slow bot: only `target`, every day of the week.
  ...days(8).map((back) => view(back, 'bot', 'target')),
  // A fan of `target` who reads two others as much: not devoted.
  ...days(8).flatMap((back) => ['target', 'a', 'b'].map((author) => view(back, 'fan', author))),
  // Never seen before today.
  view(0, 'newcomer', 'target'),
];
const weight = actorWeights(AudienceGraph.of(day, 7, events));

it('counts an ordinary returning reader in full', () => {
  expect(weight('reader', 'a')).toBe(1000);
  expect(weight('fan', 'target')).toBe(1000);
});

it('bounds an actor whose day is spread over many authors', () => {
  // sqrt(3 / 300) = 0.1: 300 authors get one tenth each, 30 readers' worth in all, not 300.
  expect(weight('spreader', 'author7')).toBe(100);
});

it('weighs a never-seen id less, but only on a network with history', () => {
  expect(weight('newcomer', 'target')).toBe(500);
  const fresh = actorWeights(AudienceGraph.of(day, 7, [view(0, 'newcomer', 'target')]));
  expect(fresh('newcomer', 'target')).toBe(1000);
});

it('weighs an id devoted to one author less each day it comes back', () => {
  // Focus 1, seven days before: 1 / (1 + 7).
  expect(weight('bot', 'target')).toBe(125);
  const twoDays = actorWeights(
    AudienceGraph.of(day, 7, [view(1, 'bot', 'target'), view(0, 'bot', 'target')]),
  );
  expect(twoDays('bot', 'target')).toBe(500);
});

it('never weighs an actor at nothing', () => {
  const crowd = days(100_000).map((i) => view(0, 'one', `author${i}`));
  const thin = actorWeights(AudienceGraph.of(day, 7, [...crowd, view(1, 'one', 'x')]));
  expect(thin('one', 'author1')).toBe(5); // round(1000 * sqrt(3 / 100000))
});
