import { Redis } from 'ioredis';

/**
 * Redis clients fail fast while Redis is away (no offline queue, one retry), so a request that
 * needs Redis answers SERVICE_UNAVAILABLE at once instead of hanging; they keep reconnecting in
 * the background. The database number comes from the URL's path.
 */
export function createRedis(url: string, options: { name: string }): Redis {
  const client = new Redis(url, {
    connectionName: options.name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Connection errors are reported by readiness checks; an unhandled 'error' would crash.
  client.on('error', () => undefined);
  return client;
}

export async function pingRedis(client: Redis): Promise<boolean> {
  try {
    return client.status === 'ready' && (await client.ping()) === 'PONG';
  } catch {
    return false;
  }
}

export async function closeRedis(client: Redis): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/** Waits a little for the first connection; a Redis that is down must not stop start-up. */
export async function waitForRedis(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => (client.off('ready', onReady), resolve(false)), timeoutMs);
    const onReady = () => (clearTimeout(timer), resolve(true));
    client.once('ready', onReady);
  });
}
