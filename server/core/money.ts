import { assert } from './assert';

/** An amount of bonuses: always a safe integer, signed (debits are negative). */
export type Bonus = number & { readonly __brand: 'Bonus' };

export function bonus(n: number): Bonus {
  assert(Number.isSafeInteger(n), `bonus must be a safe integer, got ${n}`);
  return n as Bonus;
}
