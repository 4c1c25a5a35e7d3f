/**
 * `npm run services`: makes sure a MongoDB-compatible server and Redis are up, prints
 * `MONGO_URL=...` and `REDIS_URL=...`, and exits, leaving them running (detached; their pids
 * are kept in .local/services.json and reused by the next call). `npm run services -- --stop`
 * stops what an earlier call started.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, redisAnswers, startServices } from './services';

const stateFile = join(projectRoot, '.local', 'services.json');
interface State {
  mongoUrl: string;
  redisUrl: string;
  pids: number[];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function readState(): State | null {
  if (!existsSync(stateFile)) return null;
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as State;
  } catch {
    return null;
  }
}

async function main() {
  const previous = readState();
  if (process.argv.includes('--stop')) {
    for (const pid of previous?.pids ?? []) if (alive(pid)) process.kill(pid, 'SIGTERM');
    rmSync(stateFile, { force: true });
    console.error('services stopped');
    return;
  }
  const log = (line: string) => console.error(line);
  let mongoUrl = process.env.MONGO_URL;
  let redisUrl = process.env.REDIS_URL;
  const reusable =
    previous &&
    previous.pids.every(alive) &&
    (!redisUrl && previous.redisUrl
      ? await redisAnswers(Number(new URL(previous.redisUrl).port))
      : true);
  if (reusable && previous) {
    mongoUrl ??= previous.mongoUrl;
    redisUrl ??= previous.redisUrl;
  } else {
    const started = await startServices({
      database: 'merit',
      dataDir: join(projectRoot, '.local', 'ferretdb'),
      detached: true,
      log,
    });
    for (const child of started.children) child.unref();
    mongoUrl = started.mongoUrl;
    redisUrl = started.redisUrl;
    const pids = started.children
      .map((c) => c.pid)
      .filter((p): p is number => typeof p === 'number');
    writeFileSync(stateFile, JSON.stringify({ mongoUrl, redisUrl, pids } satisfies State));
  }
  console.log(`MONGO_URL=${mongoUrl}`);
  console.log(`REDIS_URL=${redisUrl}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
