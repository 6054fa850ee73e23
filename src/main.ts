import { join } from 'node:path';
import type { App } from './app.js';
import { bootApp } from './boot.js';
import { SystemClock } from './clock.js';
import { exitOnBadConfig, loadConfig, type Config } from './config.js';
import type { Pacing } from './engine/outbox.js';
import { HEALTH_FILE, HealthWriter } from './health.js';
import { handleProcessEnd } from './lifecycle.js';
import { createLogger } from './logger.js';
import { SeedError } from './store/seed.js';
import { StoreOpenError } from './store/store.js';
import { BaileysTransport } from './transport/baileys/index.js';

/**
 * The only impure entry point: env → config → store → transport → plugins → signals.
 */
export function livePacing(config: Config): Pacing {
  // About a person's typing speed, but never under half a second nor over four.
  return { minGapMs: config.sendMinGapMs, jitter: 0.3, typingPerCharMs: 35, typingMinMs: 500, typingMaxMs: 4000 };
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) exitOnBadConfig(loaded.problems);
  const config = loaded.config;
  const logger = createLogger({ level: config.logLevel });
  const clock = new SystemClock();
  // Signals and crashes are handled from here on, while the bot is still starting too: as PID 1
  // in a container, Node would otherwise ignore SIGTERM until `docker stop` kills it.
  let app: App | null = null;
  let health: HealthWriter | null = null;
  handleProcessEnd({
    stop: async () => {
      await app?.stop(5000);
      await health?.stop();
    },
    flush: () => app?.store.flush() ?? Promise.resolve(),
    logger,
    exit: (code) => process.exit(code),
  });
  if (config.ownerNumbers.length === 0) {
    logger.warn('OWNER_NUMBERS is empty: only the shop phone\'s own "message yourself" chat can use admin commands, and owner alerts go nowhere');
  }
  const transport = new BaileysTransport({
    dataDir: config.dataDir,
    clock,
    logger,
    connectTimeoutMs: config.connectTimeoutMs,
    ...(config.webSocketUrl ? { webSocketUrl: config.webSocketUrl } : {}),
    ...(config.pairingNumber ? { pairingNumber: config.pairingNumber } : {}),
    allowGroups: config.allowGroups,
    backlogMaxAgeMs: config.backlogMaxAgeMs,
  });
  let booted: App;
  try {
    booted = await bootApp({ config, transport, clock, logger, pacing: livePacing(config) });
  } catch (err) {
    if (err instanceof StoreOpenError || err instanceof SeedError) {
      process.stderr.write(`layani cannot start: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  app = booted;
  const writer = new HealthWriter({
    path: join(config.dataDir, HEALTH_FILE),
    clock,
    logger,
    report: () => {
      const s = transport.status();
      return {
        connection: { state: s.state, since: s.since, disconnectedSince: s.disconnectedSince, me: s.me, stopped: s.stopped },
        lastInboundAt: s.lastInboundAt,
        lastOutboundAt: s.lastOutboundAt,
        queue: booted.outbox.size(),
        sendFailures: s.sendFailures,
        reconnects: s.reconnects,
      };
    },
  });
  health = writer;
  await booted.start();
  await writer.start();
}

main().catch((err: unknown) => {
  process.stderr.write(`layani could not start: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
