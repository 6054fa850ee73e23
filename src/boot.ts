import { createApp, type App } from './app.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { PluginDefinition } from './plugin-api.js';
import type { Pacing } from './engine/outbox.js';
import { PLUGINS } from './plugins.js';
import { loadSeed } from './store/seed.js';
import type { Transport } from './transport/types.js';

/** Builds the real bot (all plugins, the shop's seed) around a transport and a clock. */
export async function bootApp(opts: {
  config: Config;
  transport: Transport;
  clock: Clock;
  logger: Logger;
  pacing?: Pacing;
  storeWriteDelayMs?: number;
  plugins?: readonly PluginDefinition[];
}): Promise<App> {
  const { seed, path } = loadSeed(opts.config.seedFile, opts.config.dataDir);
  opts.logger.debug({ seed: path }, 'seed chosen');
  return createApp({ ...opts, plugins: opts.plugins ?? PLUGINS, seed });
}
