/**
 * A job process that posts on command: opens the job context exactly as `npm run jobs` and the
 * worker do (`openJobContext`: MongoDB, settings, the live emitter), prints READY, then posts
 * each Posting read as a JSON line on stdin through `postEntry` and prints
 * `POSTED {"key","entryId","postedAtMs"}` (the time postEntry returned). Closes the context and
 * exits when stdin ends.
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/core/log';
import { postEntry, type Posting } from '../../server/ledger';
import { openJobContext } from '../../jobs/jobContext';

async function main() {
  const config = loadConfig();
  const context = await openJobContext(config, createLogger(config.logLevel, process.stderr));
  console.log('READY');
  for await (const line of createInterface({ input: process.stdin })) {
    const posting = JSON.parse(line) as Posting;
    const { entry } = await postEntry(posting);
    const posted = {
      key: posting.idempotencyKey,
      entryId: entry._id.toHexString(),
      postedAtMs: Date.now(),
    };
    console.log(`POSTED ${JSON.stringify(posted)}`);
  }
  await context.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
