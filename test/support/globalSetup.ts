/**
 * Jest global setup: one FerretDB (unless MONGO_URL is given) and Redis for the whole run.
 * Each test file then works in its own database and Redis key prefix (see harness.ts), so
 * files run in parallel without seeing each other.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServices, type StartedServices } from '../../scripts/services';

declare global {
  var meritServices: StartedServices | undefined;
}

export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'merit-test-ferretdb-'));
  const services = await startServices({
    database: 'merit_test',
    dataDir,
    ephemeral: true,
    log: (l) => console.log(l),
  });
  globalThis.meritServices = services;
  process.env.MERIT_TEST_MONGO_URL = services.mongoUrl;
  process.env.MERIT_TEST_REDIS_URL = services.redisUrl;
  process.env.MERIT_TEST_FERRET_DIR = dataDir;
}
