/**
 * The redemption crash tests' victim (test/crash/redemptionCrash.test.ts): connects, arms the
 * named crash point of argv (server/core/crashPoint.ts), and redeems a reward through the act a
 * request runs (`redeemReward`), as the member of argv with the idempotency key of argv. Prints
 * `DONE <redemptionId>` or `REFUSED <code> <redemptionId>` if it lives to tell, written
 * synchronously so that a line printed is a line the parent reads.
 *
 * argv[2] is JSON: `{ memberId, rewardId, idempotencyKey, crashAt? }`.
 */
import { writeSync } from 'node:fs';
import { loadConfig } from '../../server/config';
import { armCrashPoint } from '../../server/core/crashPoint';
import { isDomainError } from '../../server/core/errors';
import { connectMongo, disconnectMongo } from '../../server/core/mongo';
import { redeemReward } from '../../server/rewards';

export interface RedeemerArgs {
  memberId: string;
  rewardId: string;
  idempotencyKey: string;
  crashAt?: string;
}

const say = (line: string) => writeSync(1, `${line}\n`);

async function main() {
  const args = JSON.parse(process.argv[2] ?? '{}') as RedeemerArgs;
  await connectMongo(loadConfig().mongoUrl);
  if (args.crashAt) armCrashPoint(args.crashAt);
  const viewer = {
    kind: 'person',
    memberId: args.memberId,
    name: null,
    roles: new Set(['MEMBER'] as const),
  } as const;
  try {
    const redemption = await redeemReward(
      viewer,
      { rewardId: args.rewardId, idempotencyKey: args.idempotencyKey },
      async () => undefined, // no rate limit in a crash test (and no Redis needed)
    );
    say(`DONE ${redemption._id.toHexString()}`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    say(`REFUSED ${error.code} ${String(error.extensions.redemptionId)}`);
  }
  await disconnectMongo();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
