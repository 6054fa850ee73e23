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
import { CHAT_SPELLINGS } from './engine/read/lexicon.js';
import { Reader } from './engine/read/reading.js';
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
import type { Signals } from './host/types.js';
import type { SeedData, Store } from './store/store.js';
import type { Incoming, Transport } from './transport/types.js';
import { AnswerLog } from './host/answers.js';

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
  const { config, clock, logger } = opts;
  const store = await openStore(opts);
  const core = coreServices(opts, store);
  const { customers, owners, texts, outbox, log } = core;
  // what the core keeps over a restart (messages that came while stopping, and replies), first in !pelanggan
  core.privacy.add('core', { describe: (ids) => intake.describe(ids), forget: (ids) => intake.forget(ids) });
  const host = new PluginHost({ ...core, config, clock, logger, store, inTurn: (chatId, task) => intake.inTurnOf(chatId, task) }, [
    ...builtinPlugins({ config, clock, store, customers, texts, commands: core.commands, privacy: core.privacy, answers: core.answers }),
    ...opts.plugins,
  ]);
  const send = new Send({ outbox, keyOf: (chatId) => customers.keyOf(chatId), cap: config.replyCap, log, notices: notices(texts, owners, customers) });
  const pipeline = new Pipeline<MessageContext>({
    ...core,
    send,
    clock,
    logger,
    commandPrefix: config.commandPrefix,
    takeoverMinutes: config.takeoverMinutes,
    handlers: host,
    ...(opts.handlerTimeoutMs !== undefined ? { handlerTimeoutMs: opts.handlerTimeoutMs } : {}),
  });
  const intake: Intake = new Intake({
    ...core,
    store,
    clock,
    keyOf: (chatId) => customers.keyOf(chatId),
    config,
    handle: (msg) => pipeline.process(msg),
  });
  return running(opts, store, core, host, intake);
}

type Core = ReturnType<typeof coreServices>;

/** The services around the store that the engine and the host share. */
function coreServices(opts: AppOptions, store: Store) {
  const { config, transport, clock, logger } = opts;
  const log = logger.child({ mod: 'app' });
  const tz = config.timeZone;
  const texts = new Texts(store, {
    week: () => formatWeek(store.data.hours, clock.now(), tz),
    nextOpening: () => describeOpening(nextOpening(store.data.hours, clock.now(), tz), clock.now(), tz),
    status: () => statusWord(store.data.hours, clock.now(), tz),
  });
  texts.define('core', CORE_TEXTS);
  texts.define('core', MENU_TEXTS);
  const customers = new Customers(store);
  const outbox = new Outbox({
    transport,
    clock,
    logger: logger.child({ mod: 'outbox' }),
    pacing: opts.pacing ?? NO_PACING,
    ...(opts.random ? { random: opts.random } : {}),
    onSent: (chatId, _message, at) => customers.recordOutbound(chatId, at),
  });
  return {
    log,
    texts,
    customers,
    outbox,
    menu: new Menu(store.slice(MENU_SLICE, menuSpec), texts),
    activity: new Activity(store.slice(ACTIVITY_SLICE, activitySpec), tz),
    media: new Media(config.dataDir),
    scheduler: new Scheduler({
      clock,
      timeZone: tz,
      logger: logger.child({ mod: 'scheduler' }),
      jobState: store.data.jobs,
      onStateChange: () => store.changed(),
    }),
    owners: new Owners(config.ownerNumbers, store, outbox, transport, log),
    audit: new AuditLog(config.dataDir, log),
    privacy: new PrivacyRegistry(),
    commands: new CommandRegistry<CommandHandler<MessageContext>>(),
    reader: new Reader<Signals>(CHAT_SPELLINGS),
    answers: new AnswerLog(),
  };
}

/** The app as its callers see it: start, deliver, idle and stop, over the parts wired above. */
function running(opts: AppOptions, store: Store, core: Core, host: PluginHost, intake: Intake): App {
  const { config, transport } = opts;
  const { scheduler, outbox, audit, customers, owners, log } = core;
  async function idle(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await intake.idle();
      await scheduler.idle();
      await outbox.idle();
      await audit.settled();
      if (intake.size() === 0 && outbox.size() === 0) return;
    }
  }
  const halt = (): void => {
    scheduler.stop();
    host.halt();
  };
  const parts = { intake, outbox, store, transport, log, halt, idle, background: () => host.backgroundDone(), settled: () => audit.settled() };
  return {
    store,
    texts: core.texts,
    menu: core.menu,
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
    stop: (graceMs = 5000) => stopBot(parts, graceMs),
  };
}
