/**
 * A child process that races audit appends against other processes: connects, prints READY,
 * waits for a line on stdin (so all racers start together), appends argv[2] records at once
 * (actor argv[3]), and prints one JSON line: the seqs it got.
 */
import { once } from 'node:events';
import { appendAudit } from '../../server/audit';
import { connectMongo, disconnectMongo } from '../../server/core/mongo';

async function main() {
  const count = Number(process.argv[2] ?? '0');
  const actorId = process.argv[3] ?? 'racer';
  await connectMongo(process.env.MONGO_URL!);
  console.log('READY');
  await once(process.stdin, 'data');
  process.stdin.destroy(); // an open stdin would keep this process alive
  const records = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      appendAudit({ action: 'BAN', actorId, targetId: `m${i}`, reason: 'race' }),
    ),
  );
  console.log(JSON.stringify(records.map((r) => r.seq)));
  await disconnectMongo();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
