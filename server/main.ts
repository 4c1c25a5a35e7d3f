import { loadConfigOrExit } from './config';
import { createLogger } from './core/log';
import { startServer } from './app';
import { clientRoutes, ensureClientBuilt } from './client';

/** `npm run serve`: the API and the client. Never seeds data, never runs scheduled jobs. */
async function main() {
  const config = loadConfigOrExit();
  const log = createLogger(config.logLevel);
  if (config.jwtSecretEphemeral)
    log.warn('JWT_SECRET is not set: using a random secret for this process only');
  const server = await startServer(config, { log, extraRoutes: clientRoutes(config) });
  // Builds client/dist in a child process when it is missing or older than its sources.
  const clientBuild = new AbortController();
  ensureClientBuilt({ log, signal: clientBuild.signal }).catch((error: unknown) => {
    if (!clientBuild.signal.aborted)
      log.error({ err: error }, 'the client could not be built; the API keeps serving');
  });
  const stop = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    clientBuild.abort();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error('merit API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
