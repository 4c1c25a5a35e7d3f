/**
 * `npm start`: the demo (SPEC §8). Starts FerretDB and Redis unless MONGO_URL / REDIS_URL are
 * given (database `merit_demo`, kept between runs), serves the API and the client on PORT exactly
 * as `npm run serve` does, seeds the demo network into it (scripts/demo/seedDemo.ts: the
 * database is reset first, so running it again starts over), and prints where to sign in.
 * Ctrl-C stops the server and whatever this command started.
 *
 * Always NODE_ENV=development: the personas sign in through /dev/sign-in, which production does
 * not have. Logs at warn unless LOG_LEVEL says otherwise, so the sign-in lines stay readable.
 * `npm start -- --reset` replaces a database that the demo did not make (resetDemoDatabase.ts).
 */
import { join } from 'node:path';
import { startServer, type MeritServer } from '../server/app';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/core/log';
import { clientRoutes, demoPersonas, ensureClientBuilt, signInPath } from '../server/client';
import { seedDemo, type DemoSummary } from './demo/seedDemo';
import { projectRoot, startServices, type StartedServices } from './services';

const say = (line = '') => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en');

function printSummary(base: string, summary: DemoSummary) {
  const m = summary.materials;
  const materials = m.PUBLISHED + m.PENDING + m.REJECTED + m.DUPLICATE;
  const events = summary.events.stored + summary.events.reported;
  say();
  say(`Merit demo is ready at ${base} (seeded in ${seconds(summary.durationMs)})`);
  say(
    `  ${summary.sites} sites, ${summary.members} members, ${materials} materials ` +
      `(${m.PUBLISHED} published, ${m.PENDING} pending, ${m.REJECTED} rejected, ${m.DUPLICATE} duplicate)`,
  );
  say(
    `  ${count(events)} activity events; ${summary.days.accrued} days accrued ` +
      `(${summary.days.from} to ${summary.days.to}, ${summary.days.capped} at the daily cap); ` +
      `${summary.openFlags} open fraud flag(s)`,
  );
  say();
  say('Sign in as:');
  const width = Math.max(...demoPersonas.map((p) => p.name.length));
  for (const persona of demoPersonas) {
    say(
      `  ${persona.name.padEnd(width)}  ${persona.roles.join(', ').padEnd(17)}  ${base}${signInPath(persona)}`,
    );
  }
  say();
  say('Ctrl-C stops the demo (the data stays for next time).');
}

async function main() {
  let services: StartedServices | null = null;
  let server: MeritServer | null = null;
  const clientBuild = new AbortController();
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    clientBuild.abort();
    await server?.close().catch(() => undefined);
    await services?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    services = await startServices({
      database: 'merit_demo',
      dataDir: join(projectRoot, '.local', 'demo-ferretdb'),
      log: say,
    });
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      MONGO_URL: services.mongoUrl,
      REDIS_URL: services.redisUrl,
    });
    const log = createLogger(config.logLevel);
    server = await startServer(config, { log, extraRoutes: clientRoutes(config) });
    const base = server.url.replace('127.0.0.1', 'localhost');
    // Builds client/dist in a child process, while the seed runs, when it is missing or older
    // than its sources; "ready" is printed once both are done.
    const clientBuilt = ensureClientBuilt({ log, signal: clientBuild.signal }).catch(
      (error: unknown) => {
        if (!clientBuild.signal.aborted)
          log.error({ err: error }, 'the client could not be built; the API keeps serving');
      },
    );
    say(`seeding the demo network (API at ${base}) ...`);
    const summary = await seedDemo({
      url: server.url,
      jwtSecret: config.jwtSecret,
      replaceForeignData: process.argv.includes('--reset'),
      log: (line) => say(`  ${line}`),
    });
    await clientBuilt;
    printSummary(base, summary);
  } catch (error) {
    if (stopping) return;
    console.error('the demo failed:', error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
