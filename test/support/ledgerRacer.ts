/**
 * A child process that races postings against other processes: connects, prints READY, waits
 * for a line on stdin (so that all racers start together), posts every posting of its argv JSON
 * at once, and prints one JSON line: the outcome of each ({ key, code, entryId, created }).
 */
import { once } from 'node:events';
import { connectMongo, disconnectMongo } from '../../server/core/mongo';
import { postEntry, type Posting } from '../../server/ledger';

async function main() {
  const postings = JSON.parse(process.argv[2] ?? '[]') as Posting[];
  await connectMongo(process.env.MONGO_URL!);
  console.log('READY');
  await once(process.stdin, 'data');
  process.stdin.destroy(); // an open stdin would keep this process alive
  const outcomes = await Promise.allSettled(postings.map((posting) => postEntry(posting)));
  const report = outcomes.map((outcome, i) => ({
    key: postings[i]!.idempotencyKey,
    code:
      outcome.status === 'fulfilled'
        ? 'OK'
        : ((outcome.reason as { code?: string }).code ?? String(outcome.reason)),
    entryId: outcome.status === 'fulfilled' ? outcome.value.entry._id.toHexString() : null,
    created: outcome.status === 'fulfilled' ? outcome.value.created : null,
  }));
  console.log(JSON.stringify(report));
  await disconnectMongo();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
