import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { ACTIVITY_SLICE, activitySpec } from '../engine/activity.js';
import type { Logger } from '../logger.js';
import { Store, type SeedData, type SliceSpec } from '../store/store.js';
import { MENU_SLICE, menuSpec } from './menu.js';
import type { PluginDefinition } from './types.js';

/** Every slice the store holds: the core's own and each plugin's, as loading checks them. */
export function sliceSpecs(plugins: readonly PluginDefinition[]): { plugins: Map<string, SliceSpec>; customerData: Map<string, SliceSpec> } {
  const state = new Map<string, SliceSpec>([
    [MENU_SLICE, menuSpec as SliceSpec],
    [ACTIVITY_SLICE, activitySpec as SliceSpec],
  ]);
  const customerData = new Map<string, SliceSpec>();
  for (const p of plugins) {
    if (p.state) state.set(p.name, p.state);
    if (p.customer) customerData.set(p.name, p.customer);
  }
  return { plugins: state, customerData };
}

/**
 * Opens the shop's store with every plugin's slices, seeding a fresh one: what the app does at
 * start, and what a command-line tool does to work on the same data.
 */
export async function openStore(opts: {
  config: Config;
  logger: Logger;
  clock: Clock;
  plugins: readonly PluginDefinition[];
  seed?: SeedData & { menu?: unknown };
  storeWriteDelayMs?: number;
}): Promise<Store> {
  const { plugins: stateSpecs, customerData: customerSpecs } = sliceSpecs(opts.plugins);
  const seed: SeedData = { ...opts.seed, plugins: { ...opts.seed?.plugins } };
  if (opts.seed?.menu !== undefined && seed.plugins) seed.plugins[MENU_SLICE] = { items: opts.seed.menu };
  return Store.open({
    dir: opts.config.dataDir,
    logger: opts.logger,
    now: () => opts.clock.now(),
    seed,
    plugins: stateSpecs,
    customerData: customerSpecs,
    ...(opts.storeWriteDelayMs !== undefined ? { writeDelayMs: opts.storeWriteDelayMs } : {}),
  });
}
