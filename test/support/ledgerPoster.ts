/**
 * The crash tests' victim (test/crash/ledgerCrash.test.ts): posts a deterministic series of
 * postings one after another through `postEntry` and prints `ACK <key> <entryId> <created>` once
 * each posting is acknowledged (or `REFUSED <key> <code>`), so that whatever it printed before a
 * SIGKILL was promised, and the one posting in flight was not. Lines are written synchronously
 * (stdout on a pipe is asynchronous in Node): an acknowledgement is in the pipe before the next
 * posting starts, so a kill cannot lose one.
 *
 * argv[2] is JSON: `{ series, from, count, accounts, crashAt? }`. Posting i of a series is the
 * same whoever posts it (key `<series>:<i>`, same member, kind, amount and day), so a restarted
 * child that begins at the first unacknowledged i retries exactly the posting that was in
 * flight. Kinds and amounts vary (credits, reversals that may go negative, redemptions that may
 * be refused for cover) over `accounts` members. With `crashAt`, the named crash point is armed
 * (server/core/crashPoint.ts) and the process kills itself there.
 */
import { writeSync } from 'node:fs';
import { loadConfig } from '../../server/config';
import { armCrashPoint } from '../../server/core/crashPoint';
import type { UtcDay } from '../../server/core/day';
import { isDomainError } from '../../server/core/errors';
import { connectMongo, disconnectMongo } from '../../server/core/mongo';
import { postEntry, type EntryKind, type Posting } from '../../server/ledger';

export interface PosterArgs {
  series: string;
  from: number;
  count: number;
  accounts: number;
  crashAt?: string;
}

/** A cheap integer hash: amounts that look random but are fixed by i. */
const mix = (i: number): number => {
  let x = (i + 1) * 2654435761;
  x ^= x >>> 15;
  return Math.abs(Math.imul(x, 2246822519) ^ (x >>> 13));
};

const kinds: { kind: EntryKind; sign: 1 | -1; amountMax: number }[] = [
  { kind: 'ACCRUAL', sign: 1, amountMax: 60 },
  { kind: 'ACCRUAL', sign: 1, amountMax: 60 },
  { kind: 'ACCRUAL', sign: 1, amountMax: 60 },
  { kind: 'REDEMPTION', sign: -1, amountMax: 40 },
  { kind: 'REDEMPTION', sign: -1, amountMax: 40 },
  { kind: 'REVERSAL', sign: -1, amountMax: 30 },
  { kind: 'REINSTATEMENT', sign: 1, amountMax: 20 },
  { kind: 'COMPENSATION', sign: 1, amountMax: 10 },
];

export function seriesPosting(args: Pick<PosterArgs, 'series' | 'accounts'>, i: number): Posting {
  const h = mix(i);
  const { kind, sign, amountMax } = kinds[h % kinds.length]!;
  const key = `${args.series}:${i}`;
  return {
    memberId: `${args.series}-m${(h >>> 8) % args.accounts}`,
    amount: sign * (1 + ((h >>> 4) % amountMax)),
    kind,
    day: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}` as UtcDay,
    idempotencyKey: key,
    ref: { type: 'crash-test', id: key },
  };
}

const say = (line: string) => writeSync(1, `${line}\n`);

async function main() {
  const args = JSON.parse(process.argv[2] ?? '{}') as PosterArgs;
  await connectMongo(loadConfig().mongoUrl);
  if (args.crashAt) armCrashPoint(args.crashAt);
  say('READY');
  for (let i = args.from; i < args.from + args.count; i++) {
    const posting = seriesPosting(args, i);
    try {
      const { entry, created } = await postEntry(posting);
      say(`ACK ${posting.idempotencyKey} ${entry._id.toHexString()} ${created}`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      say(`REFUSED ${posting.idempotencyKey} ${error.code}`);
    }
  }
  await disconnectMongo();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
