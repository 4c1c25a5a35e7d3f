/**
 * A second Merit API as a child process (several API processes behind one Redis, SPEC §5):
 * `startServer` with the configuration of its environment (`testEnv`: same database and Redis
 * prefix as the test file that spawned it), prints `LISTENING <url>`, and closes on SIGTERM.
 * Without the client build step of server/main.ts, which no API test needs.
 */
import { startServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/core/log';

async function main() {
  const config = loadConfig();
  const server = await startServer(config, { log: createLogger(config.logLevel, process.stderr) });
  console.log(`LISTENING ${server.url}`);
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
