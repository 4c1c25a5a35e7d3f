/**
 * Proves R5 on the pure allocation with random inputs (fast-check): no amount is negative; the
 * sum never exceeds the cap and equals it exactly when demand exceeds it; under the cap everyone
 * gets their uncapped earning; over it each amount is within 1 of its exact proportional share
 * and never above the member's own earning; the result is the same whatever the input order; a
 * larger earning never gets a smaller amount. A few hand-made cases pin the tie-break.
 */
import fc from 'fast-check';
import { allocateBudget, earningOf, type MemberScore } from './allocateBudget';

const scoresArb = fc
  .uniqueArray(
    fc.record({
      memberId: fc.string({ minLength: 1, maxLength: 6 }),
      score: fc.oneof(
        fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 50 }),
      ),
    }),
    { selector: (s) => s.memberId, maxLength: 60 },
  )
  .map((rows) => rows.map((r) => ({ ...r, score: Math.abs(r.score) })));
const settingsArb = fc.record({
  dailyCap: fc.integer({ min: 1, max: 1_000_000 }),
  pointsPerScore: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 10, noNaN: true })),
});

const amountsOf = (scores: MemberScore[], settings: { dailyCap: number; pointsPerScore: number }) =>
  new Map(allocateBudget(scores, settings).amounts.map((a) => [a.memberId, a.amount as number]));

it('never issues a negative amount, nor more than the cap; exactly the cap when over', () => {
  fc.assert(
    fc.property(scoresArb, settingsArb, (scores, settings) => {
      const result = allocateBudget(scores, settings);
      const sum = result.amounts.reduce((s, a) => s + a.amount, 0);
      expect(result.amounts.every((a) => a.amount > 0 && Number.isSafeInteger(a.amount))).toBe(
        true,
      );
      expect(sum).toBe(result.issued);
      expect(sum).toBeLessThanOrEqual(settings.dailyCap);
      expect(result.capped).toBe(result.demand > settings.dailyCap);
      if (result.capped) expect(sum).toBe(settings.dailyCap);
      else expect(sum).toBe(result.demand);
    }),
    { numRuns: 500 },
  );
});

it('gives every member their earning under the cap, a share within 1 of exact over it', () => {
  fc.assert(
    fc.property(scoresArb, settingsArb, (scores, settings) => {
      const result = allocateBudget(scores, settings);
      const amounts = amountsOf(scores, settings);
      for (const { memberId, score } of scores) {
        const earning = earningOf(score, settings.pointsPerScore);
        const amount = amounts.get(memberId) ?? 0;
        if (!result.capped) {
          expect(amount).toBe(earning);
        } else {
          const exact = (settings.dailyCap * earning) / result.demand;
          expect(Math.abs(amount - exact)).toBeLessThan(1 + 1e-9);
          expect(amount).toBeLessThanOrEqual(earning);
        }
      }
    }),
    { numRuns: 500 },
  );
});

it('does not depend on the order of its input', () => {
  fc.assert(
    fc.property(
      scoresArb.chain((scores) =>
        fc.tuple(
          fc.constant(scores),
          fc.shuffledSubarray(scores, { minLength: scores.length, maxLength: scores.length }),
        ),
      ),
      settingsArb,
      ([scores, shuffled], settings) => {
        expect(allocateBudget(shuffled, settings)).toEqual(allocateBudget(scores, settings));
      },
    ),
    { numRuns: 300 },
  );
});

it('never gives a larger earning a smaller amount', () => {
  fc.assert(
    fc.property(scoresArb, settingsArb, (scores, settings) => {
      const amounts = amountsOf(scores, settings);
      const rows = scores.map((s) => ({
        earning: earningOf(s.score, settings.pointsPerScore),
        amount: amounts.get(s.memberId) ?? 0,
      }));
      for (const a of rows)
        for (const b of rows)
          if (a.earning > b.earning) expect(a.amount).toBeGreaterThanOrEqual(b.amount);
    }),
    { numRuns: 300 },
  );
});

it('shares an over-demanded cap by largest remainder, ties to the smaller member id', () => {
  // Demand 3 for a cap of 2: each exact share is 2/3; the two smallest ids get the leftovers.
  const three = [
    { memberId: 'carol', score: 1 },
    { memberId: 'alice', score: 1 },
    { memberId: 'bob', score: 1 },
  ];
  expect(allocateBudget(three, { dailyCap: 2, pointsPerScore: 1 }).amounts).toEqual([
    { memberId: 'alice', amount: 1 },
    { memberId: 'bob', amount: 1 },
  ]);
  // 70/20/10 of 7: exact 4.9, 1.4, 0.7 -> floors 4, 1, 0 and one leftover to the largest (0.9).
  const result = allocateBudget(
    [
      { memberId: 'a', score: 70 },
      { memberId: 'b', score: 20 },
      { memberId: 'c', score: 10 },
    ],
    { dailyCap: 7, pointsPerScore: 1 },
  );
  expect(result).toMatchObject({ demand: 100, issued: 7, capped: true, earnersUncapped: 3 });
  expect(result.amounts).toEqual([
    { memberId: 'a', amount: 5 },
    { memberId: 'b', amount: 1 },
    { memberId: 'c', amount: 1 },
  ]);
});

it('converts scores to whole bonuses, rounding down, and leaves out members who earn nothing', () => {
  const result = allocateBudget(
    [
      { memberId: 'a', score: 2.5 },
      { memberId: 'b', score: 0.4 },
      { memberId: 'c', score: 0 },
    ],
    { dailyCap: 100, pointsPerScore: 2 },
  );
  expect(result).toMatchObject({ demand: 5, issued: 5, capped: false, earnersUncapped: 1 });
  expect(result.amounts).toEqual([{ memberId: 'a', amount: 5 }]);
});

it('stays exact with earnings far beyond the safe integers', () => {
  const result = allocateBudget(
    [
      { memberId: 'a', score: 3e20 },
      { memberId: 'b', score: 1e20 },
    ],
    { dailyCap: 1_000_000_000, pointsPerScore: 1 },
  );
  expect(result.amounts).toEqual([
    { memberId: 'a', amount: 750_000_000 },
    { memberId: 'b', amount: 250_000_000 },
  ]);
});
