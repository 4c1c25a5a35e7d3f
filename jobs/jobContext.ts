import type { Config } from '../server/config';
import { connectMongo, disconnectMongo } from '../server/core/mongo';
import type { Logger } from '../server/core/log';
import { startLivePublisher } from '../server/live';
import { configureSettings } from '../server/settings';
import type { JobContext } from './jobCommand';

/**
 * What a job process holds while jobs run (the CLI for one job, the worker for many): MongoDB,
 * the settings defaults, and the live publisher that pushes `balance` events for the entries
 * jobs post (SPEC §5). `close` releases all of it so the process can exit.
 */
export interface OpenJobContext extends JobContext {
  close(): Promise<void>;
}

export async function openJobContext(config: Config, log: Logger): Promise<OpenJobContext> {
  configureSettings(config, log);
  await connectMongo(config.mongoUrl);
  const live = await startLivePublisher(config, log);
  return {
    config,
    log,
    close: async () => {
      await live.close();
      await disconnectMongo();
    },
  };
}
