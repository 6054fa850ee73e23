import { builtinPlugins } from './builtins/index.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { Activity, ACTIVITY_SLICE, activitySpec } from './engine/activity.js';
import { Customers } from './engine/customers.js';
import { Intake } from './engine/intake.js';
import { Media } from './engine/media.js';
import { NO_PACING, Outbox, type Pacing } from './engine/outbox.js';
import { Owners } from './engine/owners.js';
import { Pipeline } from './engine/pipeline.js';
import { Scheduler } from './engine/scheduler.js';
import { Send } from './engine/send.js';
import { stopBot } from './engine/shutdown.js';
import type { CommandHandler } from './host/commands/runner.js';
import { CommandRegistry } from './host/commands/registry.js';
import type { MessageContext } from './host/context.js';
import { Menu, MENU_SLICE, MENU_TEXTS, menuSpec } from './host/menu.js';
import { CORE_TEXTS, notices } from './host/notices.js';
import { openStore } from './host/slices.js';
import { PluginHost } from './host/plugin-host.js';
import { AuditLog, PrivacyRegistry } from './host/privacy.js';
import { Texts } from './host/texts.js';
import { describeOpening, formatWeek, nextOpening, statusWord } from './hours.js';
import type { Logger } from './logger.js';
import { maskPhone } from './phone.js';
import type { PluginDefinition } from './plugin-api.js';
import type { SeedData, Store } from './store/store.js';
import type { Incoming, Transport } from './transport/types.js';

/**
 * The app factory: the engine (intake, pipeline, send), the host with the built-in and the shop's
 * plugins, and the services between them, wired around one transport. main.ts, the simulator, the
 * tests and the benchmark all build the bot through here.
 */
export interface AppOptions {
  config: Config;
  transport: Transport;
  clock: Clock;
  logger: Logger;
  /** Plugins in middleware order. */
  plugins: readonly PluginDefinition[];
  seed?: SeedData & { menu?: unknown };
  pacing?: Pacing;
  storeWriteDelayMs?: number;
  random?: () => number;
  /** Real time after which a message whose handlers never finish is given up on. */
  handlerTimeoutMs?: number;
}

export { openStore, sliceSpecs } from './host/slices.js';

export interface App {
  readonly store: Store;
  readonly texts: Texts;
  readonly menu: Menu;
  readonly commands: CommandRegistry<CommandHandler<MessageContext>>;
  readonly scheduler: Scheduler;
  readonly outbox: Outbox;
  readonly customers: Customers;
  readonly config: Config;
  start(): Promise<void>;
  /** The transport's sink: queues a message for its chat. Resolves when it has been handled. */
  deliver(msg: Incoming): Promise<void>;
  /** Resolves when no message, job or send is pending. */
  idle(): Promise<void>;
  /** Resolves when the plugins' background work started with the bot (pictures, say) is done. */
  backgroundDone(): Promise<void>;
  /** Stops taking messages, lets work in progress finish (up to `graceMs`), and flushes the store. */
  stop(graceMs?: number): Promise<void>;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const { config, transport, clock, logger } = opts;
  const log = logger.child({ mod: 'app' });
  const tz = config.timeZone;
  const store = await openStore(opts);
  const texts = new Texts(store, {
    week: () => formatWeek(store.data.hours, clock.now(), tz),
    nextOpening: () => describeOpening(nextOpening(store.data.hours, clock.now(), tz), clock.now(), tz),
    status: () => statusWord(store.data.hours, clock.now(), tz),
  });
  texts.define('core', CORE_TEXTS);
  texts.define('core', MENU_TEXTS);
  const menu = new Menu(store.slice(MENU_SLICE, menuSpec), texts);
  const activity = new Activity(store.slice(ACTIVITY_SLICE, activitySpec), tz);
  const customers = new Customers(store);
  const media = new Media(config.dataDir);
  const outbox = new Outbox({
    transport,
    clock,
    logger: logger.child({ mod: 'outbox' }),
    pacing: opts.pacing ?? NO_PACING,
    ...(opts.random ? { random: opts.random } : {}),
    onSent: (chatId, _message, at) => customers.recordOutbound(chatId, at),
  });
  const scheduler = new Scheduler({
    clock,
    timeZone: tz,
    logger: logger.child({ mod: 'scheduler' }),
    jobState: store.data.jobs,
    onStateChange: () => store.changed(),
  });
  const owners = new Owners(config.ownerNumbers, store, outbox, transport, log);
  const audit = new AuditLog(config.dataDir, log);
  const privacy = new PrivacyRegistry();
  // what the core keeps over a restart (messages that came while stopping, and replies), first in !pelanggan
  privacy.add('core', { describe: (ids) => intake.describe(ids), forget: (ids) => intake.forget(ids) });
  const commands = new CommandRegistry<CommandHandler<MessageContext>>();
  const host = new PluginHost(
    {
      config,
      clock,
      logger,
      store,
      customers,
      owners,
      outbox,
      scheduler,
      activity,
      media,
      texts,
      menu,
      privacy,
      audit,
      commands,
      inTurn: (chatId, task) => intake.inTurnOf(chatId, task),
    },
    [...builtinPlugins({ config, clock, store, customers, texts, commands, privacy }), ...opts.plugins],
  );
  const send = new Send({ outbox, keyOf: (chatId) => customers.keyOf(chatId), cap: config.replyCap, log, notices: notices(texts, owners) });
  const pipeline = new Pipeline<MessageContext>({
    customers,
    activity,
    owners,
    send,
    clock,
    logger,
    commandPrefix: config.commandPrefix,
    takeoverMinutes: config.takeoverMinutes,
    handlers: host,
    ...(opts.handlerTimeoutMs !== undefined ? { handlerTimeoutMs: opts.handlerTimeoutMs } : {}),
  });
  const intake: Intake = new Intake({
    store,
    media,
    outbox,
    clock,
    log,
    keyOf: (chatId) => customers.keyOf(chatId),
    backlogMaxAgeMs: config.backlogMaxAgeMs,
    handle: (msg) => pipeline.process(msg),
  });

  async function idle(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await intake.idle();
      await scheduler.idle();
      await outbox.idle();
      await audit.settled();
      if (intake.size() === 0 && outbox.size() === 0) return;
    }
  }

  return {
    store,
    texts,
    menu,
    commands: host.commands,
    scheduler,
    outbox,
    customers,
    config,
    async start() {
      host.start();
      scheduler.start();
      intake.release();
      await transport.start((msg) => void intake.deliver(msg));
      log.info(
        { transport: transport.name, dataDir: config.dataDir, plugins: host.names, owners: owners.list().map(maskPhone), customers: customers.count() },
        'layani is running',
      );
    },
    deliver: (msg) => intake.deliver(msg),
    idle,
    backgroundDone: () => host.backgroundDone(),
    stop: (graceMs = 5000) =>
      stopBot(
        {
          intake,
          outbox,
          store,
          transport,
          log,
          halt: () => {
            scheduler.stop();
            host.halt();
          },
          idle,
          background: () => host.backgroundDone(),
          settled: () => audit.settled(),
        },
        graceMs,
      ),
  };
}
