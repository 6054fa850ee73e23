import { basename } from 'node:path';
import type { z } from 'zod';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { ReplyError, UsageError } from './errors.js';
import { maskPhone } from './phone.js';
import type { BackgroundSignal, BaseContext, CommandContext, CustomerInfo, PluginApi, PluginDefinition } from './plugin-api.js';
import { Store, type SeedData, type SliceSpec } from './store/store.js';
import { heldMessageSchema, unsentReplySchema, type CustomerRecord, type DialogSession, type HeldMessage } from './store/schema.js';
import { textOut, type Incoming, type Outgoing, type Transport } from './transport/types.js';
import { BoundedSet, ChatQueue } from './engine/chat-queue.js';
import { CommandRegistry, formatUsage, parseCommand, type ParsedCommand } from './host/commands/registry.js';
import { Customers, describeCustomer } from './engine/customers.js';
import { DialogTimers, isActive } from './host/dialogs.js';
import { Menu, MENU_TEXTS, menuSpec } from './host/menu.js';
import { Activity, ACTIVITY_SLICE, activitySpec } from './engine/activity.js';
import { ReplyCap } from './engine/reply-cap.js';
import { AuditLog, registerPrivacyCommand, type PrivacyHandler } from './host/privacy.js';
import { maskChat, NO_PACING, Outbox, type Pacing } from './engine/outbox.js';
import { Scheduler } from './engine/scheduler.js';
import { Texts, type TextDefs } from './host/texts.js';
import { registerBuiltins } from './builtins/core-commands.js';
import { Media } from './engine/media.js';
import { forgetHeldPicture, heldEntry, keepPicture, releaseMessage, restoreReply, storeReply } from './engine/holding.js';
import { registerHoursCommands } from './builtins/hours.js';
import { describeOpening, formatWeek, isOpen, nextOpening, statusWord } from './hours.js';
import { MessageRun } from './engine/run.js';
import { PluginViews, type PluginRuntime } from './host/plugin-views.js';

/**
 * The app factory: store, texts, menu, outbox, scheduler, commands and plugins wired around one
 * transport. main.ts, the simulator, the tests and the benchmark all build the bot through here.
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

export type CommandRunner = (run: MessageRun, parsed: ParsedCommand) => Promise<void>;

export interface App {
  readonly store: Store;
  readonly texts: Texts;
  readonly menu: Menu;
  readonly commands: CommandRegistry<CommandRunner>;
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

export const MENU_SLICE = 'core.menu';
const APOLOGY_WINDOW_MS = 10 * 60_000;
const HANDLER_TIMEOUT_MS = 60_000;
const SEEN_CAPACITY = 5_000;
/** Real time a whole stop may take: under the 9 s after which the process gives up (src/lifecycle.ts). */
const STOP_BUDGET_MS = 8_500;

export const CORE_TEXTS: TextDefs = {
  'maaf.kabar-admin': {
    default: '⚠️ Bot gagal menjawab pesan dari {pelanggan} karena kesalahan di bot (sudah dicatat di log). Mohon balas langsung di chat mereka.',
    help: 'kabar ke admin saat bot gagal menjawab pesan pelanggan',
    variables: ['pelanggan'],
  },
  'maaf.gangguan': {
    default: 'Mohon maaf Kak, sistem kami sedang ada kendala. Pesan Kakak sudah kami terima dan admin akan membalas secepatnya. 🙏',
    help: 'permintaan maaf ke pelanggan saat bot gagal karena kesalahan di bot',
  },
  'batas-balasan.kabar-admin': {
    default:
      '🔁 {pelanggan} sudah menerima {jumlah} balasan otomatis dalam {menit} menit. Bot berhenti membalas otomatis di chat itu sampai chatnya tenang (mungkin itu bot lain, atau pesan yang sangat banyak). Silakan lihat chatnya.',
    help: 'kabar ke admin saat satu chat mencapai batas balasan otomatis (REPLY_CAP)',
    variables: ['pelanggan', 'jumlah', 'menit'],
  },
};

const PLUGIN_NAME = /^[a-z][a-z0-9-]*$/;

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
export async function openStore(opts: Pick<AppOptions, 'config' | 'logger' | 'clock' | 'plugins' | 'seed' | 'storeWriteDelayMs'>): Promise<Store> {
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

export async function createApp(opts: AppOptions): Promise<App> {
  const { config, transport, clock, logger } = opts;
  const log = logger.child({ mod: 'app' });

  const names = new Set<string>();
  for (const p of opts.plugins) {
    if (!PLUGIN_NAME.test(p.name)) throw new Error(`plugin name "${p.name}" must be lower-case letters, digits and dashes`);
    if (names.has(p.name)) throw new Error(`two plugins are named "${p.name}"`);
    names.add(p.name);
  }

  const store = await openStore(opts);

  const hoursNow = {
    week: () => formatWeek(store.data.hours, clock.now(), config.timeZone),
    nextOpening: () => describeOpening(nextOpening(store.data.hours, clock.now(), config.timeZone), clock.now(), config.timeZone),
    status: () => statusWord(store.data.hours, clock.now(), config.timeZone),
  };
  const texts = new Texts(store, hoursNow);
  texts.define('core', CORE_TEXTS);
  texts.define('core', MENU_TEXTS);
  const menu = new Menu(store.slice(MENU_SLICE, menuSpec), texts);
  const activity = new Activity(store.slice(ACTIVITY_SLICE, activitySpec), config.timeZone);
  const replyCap = new ReplyCap(config.replyCap);
  const dialogCap = new ReplyCap({ count: config.replyCap.count * 5, windowMs: config.replyCap.windowMs });
  const privacyHandlers: PrivacyHandler[] = [];
  const audit = new AuditLog(config.dataDir, log);
  const reporters: Array<{ plugin: string; fn: (from: number, to: number) => string[] }> = [];
  const shopWatchers: Array<{ plugin: string; fn: (chatId: string, at: number) => void }> = [];
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
    timeZone: config.timeZone,
    logger: logger.child({ mod: 'scheduler' }),
    jobState: store.data.jobs,
    onStateChange: () => store.changed(),
  });
  const commands = new CommandRegistry<CommandRunner>();
  const queue = new ChatQueue();
  // Recent message keys, persisted so a message delivered again after a restart is not answered twice.
  const seen = new BoundedSet(SEEN_CAPACITY);
  for (const key of store.data.seen) seen.add(key);
  const rememberSeen = (key: string): boolean => {
    if (!seen.add(key)) return false;
    const ring = store.data.seen;
    ring.push(key);
    if (ring.length > SEEN_CAPACITY) ring.splice(0, ring.length - SEEN_CAPACITY);
    store.changed();
    return true;
  };
  const lastApology = new Map<string, number>();
  const owners = new Set(config.ownerNumbers);
  const handlerTimeoutMs = opts.handlerTimeoutMs ?? HANDLER_TIMEOUT_MS;
  const runtimes: PluginRuntime[] = [];
  const backgroundJobs: Array<{ plugin: string; fn: (signal: BackgroundSignal) => Promise<void> }> = [];
  const background = { stopping: false, running: [] as Promise<void>[] };
  const byName = new Map<string, PluginRuntime>();
  /**
   * open: messages are answered. closing: the bot is stopping; what is in hand is answered, what
   * arrives is held for the next start. holding: the grace is over; whatever has not started yet
   * is held too. closed: the store is closed, nothing more is taken.
   */
  let phase: 'open' | 'closing' | 'holding' | 'closed' = 'open';
  const holds: Promise<void>[] = [];
  /** Messages queued for their chat and not taken up yet, with their stored entry if kept at the last stop. */
  const waiting = new Map<Incoming, HeldMessage | null>();
  /** Order of arrival, so messages kept while stopping are answered in the order they came. */
  let arrivals = 0;
  const arrival = new WeakMap<object, number>();

  const toOut = (m: string | Outgoing): Outgoing => (typeof m === 'string' ? textOut(m) : m);

  const views = new PluginViews({ store, customers, clock, outbox, dialogTimers: () => dialogTimers });
  const { customerSlice, contextFor, chatHandle } = views;
  const setDialog = (chatId: string, session: DialogSession | null): void => views.setDialog(chatId, session);

  const dialogTimers = new DialogTimers(clock, (chatId, session) => {
    void queue.run(chatId, () => expireDialog(chatId, session)).catch((err: unknown) => log.error({ err }, 'dialog timeout failed'));
  });

  async function notifyOwners(message: string | Outgoing): Promise<void> {
    if (owners.size === 0) {
      log.warn('an owner alert could not be delivered: OWNER_NUMBERS is empty');
      return;
    }
    // Queued, not awaited, for the same reason as ChatHandle.send.
    // An alert is worth reading however late: it waits for the connection as long as it takes.
    for (const digits of owners) void outbox.enqueue(store.data.owners[digits]?.chatId ?? transport.chatIdForNumber(digits), toOut(message), { keep: true });
  }

  // ---- errors --------------------------------------------------------------------------

  function onHandlerError(plugin: string, err: unknown, run: MessageRun): void {
    if (err instanceof ReplyError) {
      run.reply(err.reply);
      return;
    }
    run.failed = true;
    run.log.error({ err, plugin, msgId: run.msg.id }, 'a plugin failed on a message; the other plugins carry on');
  }

  /** One short apology after the other answers when a handler failed, at most once per chat per 10 minutes. */
  function apologiseIfFailed(run: MessageRun): void {
    if (!run.failed || run.isOwner) return;
    const last = lastApology.get(run.chatId);
    if (last !== undefined && run.now - last < APOLOGY_WINDOW_MS && run.now >= last) return;
    lastApology.set(run.chatId, run.now);
    if (lastApology.size > 5000) lastApology.delete(lastApology.keys().next().value as string);
    run.reply(texts.render('maaf.gangguan', { nama: run.salutation }));
    // The apology promises that a person will answer: make sure one hears about it.
    void notifyOwners(texts.render('maaf.kabar-admin', { pelanggan: describeCustomer(run.customer) }));
  }

  // ---- plugins -------------------------------------------------------------------------

  for (const def of opts.plugins) {
    const rt: PluginRuntime = {
      def,
      name: def.name,
      state: def.state ? store.slice(def.name, def.state) : { get: () => undefined, update: () => undefined },
      customerSpec: def.customer,
      middleware: [],
      dialog: undefined,
    };
    runtimes.push(rt);
    byName.set(rt.name, rt);
    if (def.texts) texts.define(def.name, def.texts);
  }

  registerBuiltins({
    commands,
    texts,
    store,
    prefix: config.commandPrefix,
    customers,
    clock,
    timeZone: config.timeZone,
    takeoverMinutes: config.takeoverMinutes,
  });
  registerHoursCommands({ commands, store, clock, timeZone: config.timeZone, prefix: config.commandPrefix });
  registerPrivacyCommand({
    commands,
    store,
    customers,
    clock,
    timeZone: config.timeZone,
    prefix: config.commandPrefix,
    handlers: privacyHandlers,
    logger: log,
  });

  // What the core keeps over a restart: messages that came while the bot stopped, and replies.
  const theirs = (entry: unknown, ids: readonly string[]): boolean =>
    typeof entry === 'object' && entry !== null && ids.includes(String((entry as { chatId?: unknown }).chatId));
  privacyHandlers.push({
    plugin: 'core',
    describe: (ids) => {
      const kept = store.data.held.filter((entry) => theirs(entry, ids)).length;
      return kept > 0 ? [`Pesan yang datang saat bot berhenti, dijawab setelah bot jalan lagi: ${kept} (isinya disimpan sampai dijawab)`] : [];
    },
    forget: async (ids) => {
      for (const msg of waiting.keys()) if (ids.includes(msg.chatId)) waiting.delete(msg);
      const [mine, others] = [store.data.held.filter((e) => theirs(e, ids)), store.data.held.filter((e) => !theirs(e, ids))];
      store.data.held = others;
      store.data.unsent = store.data.unsent.filter((e) => !theirs(e, ids));
      store.changed();
      for (const entry of mine) {
        const parsed = heldMessageSchema.safeParse(entry);
        if (parsed.success) await forgetHeldPicture(parsed.data, media);
      }
    },
  });

  // A copy of the data every night, the newest BACKUP_KEEP kept: what a damaged db.json falls back on.
  scheduler.add('core.backup', '15 3 * * *', async (job) => {
    const path = await store.backup(job.now, config.backupKeep);
    job.log.info({ backup: path, keep: config.backupKeep }, 'daily backup written');
  });
  // A disk that refuses writes: the data stays in memory and is retried; the owner hears once per spell.
  store.onWriteError((err, failures) => {
    if (failures !== 1) return;
    void notifyOwners(
      `⚠️ Bot tidak bisa menyimpan data ke disk (${(err as NodeJS.ErrnoException).code ?? err.message}). Data tetap di memori dan terus dicoba lagi. Mohon periksa ruang disk atau izin folder data; rinciannya ada di log.`,
    );
  });
  for (const { key, problem } of texts.audit()) log.warn({ text: key, problem }, 'a stored text cannot be used as it is');

  for (const rt of runtimes) {
    const plog = logger.child({ plugin: rt.name });
    const api: PluginApi = {
      name: rt.name,
      log: plog,
      clock,
      timeZone: config.timeZone,
      commandPrefix: config.commandPrefix,
      state: rt.state,
      texts: {
        get: (k) => texts.get(k),
        render: (k, v) => texts.render(k, v),
        fill: (t, v) => texts.fill(t, v),
        set: (k, v) => (texts.def(k)?.plugin === rt.name ? texts.set(k, v) : { ok: false, reason: `teks "${k}" bukan milik plugin ${rt.name}` }),
      },
      menu: {
        render: () => menu.render(),
        items: () => menu.items(),
        // The claiming plugin's action sees the message as that plugin (its own slices and dialog).
        claim: (id, action) =>
          menu.claim(rt.name, id, (ctx, item) => {
            const run = views.runOf(ctx);
            if (!run) throw new Error(`menu item "${id}" was run outside of a message`);
            return action(contextFor(rt, run), item);
          }),
        claimedBy: (id) => menu.claimedBy(id),
        action: (id) => menu.action(id),
        update: (fn) => menu.update(fn),
      },
      customers: {
        get: (chatId) => {
          const r = customers.get(chatId);
          return r ? customers.info(r) : null;
        },
        findByNumber: (digits) => {
          const r = customers.findByNumber(digits);
          return r ? customers.info(r) : null;
        },
      },
      shop: () => store.data.shop,
      media: { save: (image, prefix) => media.save(image, prefix), path: (rel) => media.path(rel) },
      hours: {
        get: () => store.data.hours,
        isOpen: (t = clock.now()) => isOpen(store.data.hours, t, config.timeZone),
        nextOpening: (t = clock.now()) => nextOpening(store.data.hours, t, config.timeZone),
        describeNextOpening: (t = clock.now()) => describeOpening(nextOpening(store.data.hours, t, config.timeZone), t, config.timeZone),
        week: () => formatWeek(store.data.hours, clock.now(), config.timeZone),
        setClosure: (closure) => {
          store.data.hours.closure = closure;
          store.changed();
        },
      },
      use: (mw) => {
        rt.middleware.push(mw);
      },
      command: (cmd) => {
        commands.add(rt.name, cmd, async (run, parsed) => {
          // Object.assign keeps the context's live getters (replied, failed); a spread would freeze them.
          const ctx: CommandContext = Object.assign(contextFor(rt, run), { command: parsed.name, args: parsed.args });
          await cmd.run(ctx);
        });
      },
      schedule: (name, cron, fn) => scheduler.add(`${rt.name}.${name}`, cron, (job) => fn(job)),
      dialog: (handler) => {
        if (rt.dialog) throw new Error(`plugin ${rt.name} registered two dialog handlers`);
        rt.dialog = handler;
      },
      customerData: (chatId) => customerSlice(rt, chatId),
      chat: (chatId) => chatHandle(rt, chatId),
      notifyOwners,
      flush: () => store.flush(),
      background: (fn) => void backgroundJobs.push({ plugin: rt.name, fn }),
      activity: (date) => activity.day(date),
      report: (fn) => void reporters.push({ plugin: rt.name, fn }),
      onShopMessage: (fn) => void shopWatchers.push({ plugin: rt.name, fn }),
      privacy: (handler) => void privacyHandlers.push({ plugin: rt.name, describe: (ids) => handler.describe(ids), forget: (ids) => handler.forget(ids) }),
      reports: (from, to) =>
        reporters.flatMap((r) => {
          try {
            return r.fn(from, to);
          } catch (err) {
            log.error({ err, plugin: r.plugin }, 'a plugin could not report its figures');
            return [];
          }
        }),
    };
    rt.def.setup(api);
  }

  // ---- the pipeline --------------------------------------------------------------------

  async function expireDialog(chatId: string, session: DialogSession): Promise<void> {
    const record = customers.get(chatId);
    if (!record || record.dialog !== session) return;
    setDialog(chatId, null);
    const rt = byName.get(session.plugin);
    const handle = rt ? chatHandle(rt, chatId) : null;
    if (!rt?.dialog?.expire || !handle) return;
    try {
      await rt.dialog.expire(handle, session);
    } catch (err) {
      log.error({ err, plugin: rt.name, chat: maskChat(chatId) }, 'a dialog timeout handler failed');
    }
  }

  type Layer = { plugin: string; run: (run: MessageRun, next: () => Promise<void>) => Promise<void> | void };

  const dialogLayer: Layer = {
    plugin: 'core.dialog',
    run: async (run, next) => {
      const record = customers.get(run.chatId);
      const session = record?.dialog;
      if (!session) return next();
      if (!isActive(session, run.now)) {
        await expireDialog(run.chatId, session);
        return next();
      }
      const rt = byName.get(session.plugin);
      if (!rt?.dialog) {
        setDialog(run.chatId, null);
        return next();
      }
      const handler = rt.dialog;
      // answered by the dialog itself (a step through a list), unless it passes the message on
      run.inDialog = true;
      await guarded(
        rt.name,
        run,
        (n) =>
          handler.handle(contextFor(rt, run), session, () => {
            run.inDialog = false;
            return n();
          }),
        next,
      );
    },
  };

  const layers: Layer[] = [dialogLayer];
  for (const rt of runtimes) {
    for (const mw of rt.middleware) layers.push({ plugin: rt.name, run: (run, next) => mw(contextFor(rt, run), next) });
  }

  /**
   * One plugin's step with its error boundary. `next` may be called once; if the plugin throws
   * before calling it, the chain still goes on, so one plugin's bug never silences the others.
   */
  async function guarded(plugin: string, run: MessageRun, step: (next: () => Promise<void>) => Promise<void> | void, next: () => Promise<void>): Promise<void> {
    let called = false;
    const once = (): Promise<void> => {
      if (called) {
        // Reported here rather than rejected: a plugin that does not await next() would otherwise
        // leave a rejection nobody handles.
        onHandlerError(plugin, new Error(`plugin ${plugin} called next() twice`), run);
        return Promise.resolve();
      }
      if (run.abandoned) return Promise.resolve();
      called = true;
      run.plugin = plugin;
      return next();
    };
    run.plugin = plugin;
    try {
      await step(once);
    } catch (err) {
      onHandlerError(plugin, err, run);
      if (!called && !run.abandoned && !(err instanceof ReplyError)) await next();
    }
  }

  function runChain(run: MessageRun): Promise<void> {
    const dispatch = (i: number): Promise<void> => {
      const layer = layers[i];
      if (!layer) return Promise.resolve();
      if (layer === dialogLayer) return Promise.resolve(layer.run(run, () => dispatch(i + 1)));
      return guarded(
        layer.plugin,
        run,
        (n) => layer.run(run, n),
        () => dispatch(i + 1),
      );
    };
    return dispatch(0);
  }

  async function runCommand(run: MessageRun, parsed: ParsedCommand): Promise<void> {
    const prefix = config.commandPrefix;
    const command = commands.find(parsed.name);
    // the owner's number as matched: also when they wrote from a LID that carries no number
    const who = ownerOf(run.msg) ?? (run.msg.selfChat ? 'self-chat' : null);
    run.log.info({ cmd: command?.name ?? parsed.name, owner: who === 'self-chat' ? who : maskPhone(who) }, 'admin command');
    if (command) void audit.record({ at: run.now, owner: who, command: command.name, args: parsed.args });
    run.log.debug({ args: parsed.args }, 'admin command arguments');
    if (!command) {
      const guess = commands.suggest(parsed.name);
      run.reply(
        [
          `Perintah *${prefix}${parsed.name}* tidak dikenal.`,
          guess ? `Maksud Kakak *${prefix}${guess}*?` : '',
          `Ketik *${prefix}bantuan* untuk melihat semua perintah.`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return;
    }
    try {
      await command.runner(run, parsed);
    } catch (err) {
      if (err instanceof UsageError) run.reply(`⚠️ ${err.reply}\n\n${formatUsage(command, prefix, parsed.args)}`);
      else if (err instanceof ReplyError) run.reply(err.reply);
      else {
        run.log.error({ err, cmd: command.name, msgId: run.msg.id }, 'an admin command failed');
        run.reply(
          `Maaf, perintah *${prefix}${command.name}* gagal karena kesalahan di bot; rinciannya ada di log (pesan ${run.msg.id}). Periksa hasilnya dengan *${prefix}${command.name}* sebelum mencoba lagi.`,
        );
      }
    }
  }

  function ownerInfo(msg: Incoming): CustomerInfo {
    return {
      chatId: msg.chatId,
      number: msg.senderNumber,
      name: null,
      firstSeen: msg.at,
      previousSeenAt: null,
      lastOutboundAt: null,
      lastShopMessageAt: null,
      handoffUntil: null,
      pausedUntil: null,
      messageCount: 0,
    };
  }

  /**
   * Where each owner writes from, and the WhatsApp ids (LIDs) they wrote from while their number
   * was known: a later message from such an id is the owner's even when no number comes with it.
   */
  function rememberOwner(digits: string, msg: Incoming): void {
    const known = store.data.owners[digits];
    const ids = known?.ids ?? [];
    const newId = msg.senderId !== undefined && !ids.includes(msg.senderId);
    if (known && known.chatId === msg.chatId && !newId && msg.at - known.lastSeen < 3_600_000) return;
    store.data.owners[digits] = { chatId: msg.chatId, lastSeen: msg.at, ids: newId && msg.senderId ? [...ids, msg.senderId].slice(-5) : ids };
    store.changed();
  }

  /** The owner's digits when the sender is an owner, by number or by a remembered id; fail closed. */
  function ownerOf(msg: Incoming): string | null {
    if (msg.senderNumber !== null) return owners.has(msg.senderNumber) ? msg.senderNumber : null;
    if (msg.senderId === undefined) return null;
    for (const digits of owners) if (store.data.owners[digits]?.ids.includes(msg.senderId)) return digits;
    return null;
  }

  /** The shop typed in a customer's chat by hand: the bot steps aside there. */
  function shopTookOver(msg: Incoming, mlog: Logger): void {
    customers.recordShopMessage(msg);
    for (const w of shopWatchers) {
      try {
        w.fn(msg.chatId, msg.at);
      } catch (err) {
        mlog.error({ err, plugin: w.plugin }, 'a plugin failed on a message the shop typed by hand');
      }
    }
    // Counted from when the shop wrote: a hand-typed message from the backlog may already be old.
    const until = msg.at + config.takeoverMinutes * 60_000;
    if (until <= clock.now()) return;
    const current = customers.get(msg.chatId)?.pausedUntil ?? null;
    if (current === null || current < until) customers.pause(msg.chatId, until);
    mlog.info({ minutes: config.takeoverMinutes }, 'the shop answered by hand; the bot is quiet in this chat');
  }

  async function processMessage(msg: Incoming): Promise<void> {
    const now = clock.now();
    const mlog = logger.child({ msgId: msg.id, chat: maskChat(msg.chatId) });
    if (msg.fromShop && !msg.selfChat) {
      shopTookOver(msg, mlog);
      return;
    }
    // An owner writing in a group is one member among others there: no admin commands, whose
    // answers would be read by the whole group.
    const inGroup = msg.chatId.endsWith('@g.us');
    const ownerDigits = inGroup ? null : ownerOf(msg);
    const isOwner = msg.selfChat === true || ownerDigits !== null;
    if (msg.tooOld) {
      // Recorded, not answered (nor run, for an old command): a reply hours late confuses.
      if (!isOwner) {
        const { previousSeenAt } = customers.touch(msg);
        activity.count(msg.at, previousSeenAt === null);
      }
      mlog.info('a message from the offline backlog is too old to answer; it was recorded');
      return;
    }
    const text = msg.text.trim();
    const parsed = isOwner ? parseCommand(text, config.commandPrefix) : null;
    if (ownerDigits !== null) rememberOwner(ownerDigits, msg);
    if (parsed) {
      const record = customers.get(msg.chatId);
      const run = new MessageRun(msg, text, record ? customers.info(record) : ownerInfo(msg), true, now, mlog);
      await watched(run, runCommand(run, parsed));
      dispatch(run);
      return;
    }
    if (msg.selfChat) return; // notes the shop writes to itself are not customer messages
    if (isOwner && text.startsWith(config.commandPrefix)) {
      // "!" or "!!" alone: the owner meant a command, not a customer message
      const run = new MessageRun(msg, text, ownerInfo(msg), true, now, mlog);
      run.reply(`Ketik *${config.commandPrefix}bantuan* untuk melihat semua perintah admin.`);
      dispatch(run);
      return;
    }
    const { record, previousSeenAt } = customers.touch(msg);
    if (!isOwner) activity.count(now, previousSeenAt === null);
    mlog.debug({ kind: msg.kind, text: msg.text }, 'message received');
    if (record.pausedUntil !== null && record.pausedUntil > now) {
      mlog.debug('the bot is paused in this chat; not answering');
      return;
    }
    const run = new MessageRun(msg, text, customers.info(record, previousSeenAt), isOwner, now, mlog);
    await watched(run, runChain(run));
    apologiseIfFailed(run);
    dispatch(run);
  }

  /**
   * A handler that never finishes would block its chat for good. After `handlerTimeoutMs` of real
   * time the message is given up on: the bug is logged with the plugin that was running, the
   * customer gets the apology, and the chat moves on. Real time on purpose: a hang is not
   * business time, and the simulator's clock stands still between lines.
   */
  async function watched(run: MessageRun, work: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), handlerTimeoutMs);
      timer.unref();
    });
    const outcome = await Promise.race([work.then(() => 'done' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      onHandlerError(run.plugin, new Error(`no answer after ${handlerTimeoutMs} ms; the message was given up on`), run);
      run.abandoned = true;
      work.catch((err: unknown) => run.log.error({ err }, 'a message that was given up on failed later'));
    }
  }

  function dispatch(run: MessageRun): void {
    const ordered = [...run.replies.filter((r) => r.first), ...run.replies.filter((r) => !r.first)];
    if (ordered.length === 0) return;
    // Answers to a customer count against the chat's cap; the owner's do not. Steps through a
    // list the customer is working through (browsing the catalog is many quick answers by design)
    // have a cap five times higher: a loop inside a dialog ends too.
    if (!run.isOwner) {
      const cap = run.inDialog ? dialogCap : replyCap;
      const decision = cap.take(customers.keyOf(run.chatId), run.now);
      if (!decision.allowed) {
        run.log.info({ cap: cap.count, windowMinutes: config.replyCap.windowMs / 60_000 }, 'reply cap reached in this chat; not answering for now');
        if (decision.newlyCapped) {
          void notifyOwners(
            texts.render('batas-balasan.kabar-admin', {
              pelanggan: describeCustomer(run.customer),
              jumlah: String(cap.count),
              menit: String(Math.round(config.replyCap.windowMs / 60_000)),
            }),
          );
        }
        return;
      }
    }
    for (const r of ordered) void outbox.enqueue(run.chatId, r.message);
  }

  function deliver(msg: Incoming): Promise<void> {
    if (phase === 'closed') {
      log.error({ msgId: msg.id, chat: maskChat(msg.chatId) }, 'a message arrived after the bot stopped and could not be kept');
      return Promise.resolve();
    }
    const chatKey = customers.keyOf(msg.chatId);
    if (!rememberSeen(`${chatKey}|${msg.id}`)) {
      logger.debug({ msgId: msg.id }, 'duplicate message ignored');
      return Promise.resolve();
    }
    arrival.set(msg, ++arrivals);
    if (phase !== 'open') return hold(msg);
    return answerInTurn(chatKey, msg, null);
  }

  /**
   * Queues a message behind the others of its person (whichever of their ids it came on). `kept`
   * is its stored entry when it was kept at the last stop: the entry stays in db.json until the
   * message is taken up, so a stop before that keeps it again.
   */
  function answerInTurn(chatKey: string, msg: Incoming, kept: HeldMessage | null): Promise<void> {
    waiting.set(msg, kept);
    return queue
      .run(chatKey, async () => {
        // kept for the next start while it waited (the bot is stopping)
        if (!waiting.delete(msg)) return;
        if (kept) {
          const i = store.data.held.indexOf(kept);
          if (i !== -1) store.data.held.splice(i, 1);
          store.changed();
          // on disk before it is answered: a power cut now must not bring it back for a second answer
          await store.flush().catch((err: unknown) => log.error({ err }, 'could not save that a kept message was taken up'));
        }
        try {
          await processMessage(msg);
        } finally {
          if (kept) await forgetHeldPicture(kept, media);
          if (phase === 'closed')
            log.warn(
              { msgId: msg.id, chat: maskChat(msg.chatId) },
              'a message was still being answered when the bot stopped; its replies may not have gone out',
            );
        }
      })
      .catch((err: unknown) => {
        log.error({ err, msgId: msg.id }, 'a message could not be processed');
      });
  }

  /** The grace is over: every message that has not been taken up yet is kept for the next start. */
  function holdWaiting(): void {
    for (const [msg, kept] of waiting) {
      waiting.delete(msg);
      // one kept at the last stop is still in db.json as it was
      if (!kept) void hold(msg);
    }
  }

  /** Keeps a message for the next start: the bot is stopping and will not answer it in time. */
  function hold(msg: Incoming): Promise<void> {
    const entry = heldEntry(msg);
    arrival.set(entry, arrival.get(msg) ?? ++arrivals);
    store.data.held.push(entry);
    store.changed();
    log.info({ msgId: msg.id, chat: maskChat(msg.chatId) }, 'a message came while stopping; it is kept and answered after the next start');
    if (!msg.image) return Promise.resolve();
    const work = keepPicture(entry, msg.image, media, log).then(() => store.changed());
    holds.push(work);
    return work;
  }

  /** The entries that still have their shape; a damaged one is logged and left out. */
  function validEntries<T>(entries: unknown[], schema: z.ZodType<T>, what: string): T[] {
    const valid: T[] = [];
    for (const entry of entries) {
      const parsed = schema.safeParse(entry);
      if (parsed.success) valid.push(parsed.data);
      else
        log.error(
          { problem: parsed.error.issues[0]?.message, path: parsed.error.issues[0]?.path.join('.') },
          `a ${what} in db.json was damaged and is left out`,
        );
    }
    return valid;
  }

  /** Answers what was held at the last stop (before anything new arrives) and sends the replies kept then. */
  function release(): void {
    const now = clock.now();
    const keptReplies = store.data.unsent.splice(0);
    if (keptReplies.length === 0 && store.data.held.length === 0) return;
    store.changed();
    const replies = validEntries(keptReplies, unsentReplySchema, 'kept reply');
    // each stays in db.json until it is taken up (see answerInTurn)
    const held = validEntries(store.data.held, heldMessageSchema, 'kept message');
    store.data.held = held;
    for (const r of replies) {
      const message = restoreReply(r);
      if (message) outbox.restore(r.chatId, message, r.queuedAt, r.keep === true);
    }
    for (const h of held) {
      const msg = releaseMessage(h, media, now, config.backlogMaxAgeMs);
      void answerInTurn(customers.keyOf(msg.chatId), msg, h);
    }
    log.info({ messages: held.length, replies: replies.length }, 'answering the messages and sending the replies kept at the last stop');
  }

  async function idle(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await queue.idle();
      await scheduler.idle();
      await outbox.idle();
      await audit.settled();
      if (queue.size() === 0 && outbox.size() === 0) return;
    }
  }

  const app: App = {
    store,
    texts,
    menu,
    commands,
    scheduler,
    outbox,
    customers,
    config,
    async start() {
      for (const job of backgroundJobs) {
        const signal: BackgroundSignal = {
          get stopping() {
            return background.stopping;
          },
        };
        background.running.push(
          job.fn(signal).catch((err: unknown) => log.error({ err, plugin: job.plugin }, "a plugin's background preparation failed; it carries on without")),
        );
      }
      scheduler.start();
      if (store.recovery) {
        // said once: the damaged file has been moved aside, so the next start is a normal one
        const r = store.recovery;
        const lost = r.backupTime !== null ? Math.max(0, Math.round((clock.now() - r.backupTime) / 3_600_000)) : null;
        void notifyOwners(
          r.restoredFrom
            ? `⚠️ File data bot (db.json) rusak saat bot mulai. File itu disimpan utuh sebagai ${basename(r.corruptPath)}, dan bot memakai cadangan ${basename(r.restoredFrom)}. Perubahan sejak cadangan itu (sekitar ${lost} jam terakhir) tidak ada: periksa pesanan, keluhan dan pengaturan terbaru.`
            : `⚠️ File data bot (db.json) rusak saat bot mulai dan tidak ada cadangan yang baik. File itu disimpan utuh sebagai ${basename(r.corruptPath)}; bot mulai lagi dengan pengaturan awal. Hubungi yang memasang bot untuk memulihkannya.`,
        );
      }
      for (const record of Object.values(store.data.customers) as CustomerRecord[]) {
        if (record.dialog) dialogTimers.arm(record.chatId, record.dialog);
      }
      release();
      await transport.start((msg) => void deliver(msg));
      log.info(
        {
          transport: transport.name,
          dataDir: config.dataDir,
          plugins: runtimes.map((r) => r.name),
          owners: [...owners].map(maskPhone),
          customers: customers.count(),
        },
        'layani is running',
      );
    },
    deliver,
    idle,
    backgroundDone: async () => {
      await Promise.all(background.running);
    },
    /**
     * Stops in an order that loses nothing WhatsApp already handed over:
     * 1. new messages are no longer taken: they are kept in the store for the next start;
     * 2. messages in hand are answered and their replies sent, for up to `graceMs`; what has not
     *    started by then is kept too;
     * 3. nothing more is sent (a "typing…" under way is cut short and its message kept), and the
     *    store is written;
     * 4. the connection is closed without logging out (what it delivers on its way out is kept);
     * 5. replies that did not go out are kept, and the store is written and closed.
     */
    async stop(graceMs = 5000) {
      // every wait below comes out of one budget, so the whole stop ends before `docker stop` kills
      const until = Date.now() + STOP_BUDGET_MS;
      const left = (cap: number): number => Math.max(0, Math.min(cap, until - Date.now()));
      scheduler.stop();
      dialogTimers.stop();
      background.stopping = true;
      // What the connection already received is in hand; from here on, arrivals are kept.
      await settles(transport.drain?.() ?? Promise.resolve(), left(1000));
      phase = 'closing';
      log.info({ graceMs }, 'stopping: new messages are kept for the next start; those in hand are being finished');
      if (!(await settles(idle(), left(graceMs)))) {
        phase = 'holding';
        holdWaiting();
        log.warn({ inHand: queue.size(), replies: outbox.size() }, 'stopping with work still pending; what has not started is kept for the next start');
      }
      // nothing more goes out: a "typing…" under way is cut short (kept), a send already with WhatsApp ends
      outbox.close();
      await settles(outbox.idle(), left(1000));
      await store.flush().catch((err: unknown) => log.error({ err }, 'the data could not be saved while stopping; trying again at the end'));
      if (!(await settles(transport.stop(), left(3000)))) log.warn('the WhatsApp connection did not close in time');
      phase = 'holding';
      holdWaiting();
      await settles(queue.idle(), left(1000));
      await settles(Promise.allSettled(holds), left(2000));
      // a message that waited in its chat's queue came before one kept as it arrived: keep that
      // order (entries from the last stop, not yet taken up, stay first; the sort is stable)
      store.data.held.sort((a, b) => (arrival.get(a as object) ?? 0) - (arrival.get(b as object) ?? 0));
      store.changed();
      const unsent = outbox.takeWaiting();
      if (unsent.length > 0) {
        store.data.unsent.push(...unsent.map((u) => storeReply(u.chatId, u.message, u.queuedAt, u.keep)));
        store.changed();
        log.warn({ unsent: unsent.length }, 'replies that could not be sent before stopping are kept for the next start');
      }
      phase = 'closed';
      await settles(Promise.all(background.running), left(1000));
      await audit.settled();
      await store.close();
    },
  };
  return app;
}

/** Whether `work` settles within `ms` of real time (stopping is real time, whatever the clock). */
async function settles(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const outcome = await Promise.race([work.then(() => 'done' as const), timeout]);
  clearTimeout(timer);
  return outcome === 'done';
}

export type { BaseContext };
export { MessageRun };
