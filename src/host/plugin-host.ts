import { Chain, type Step } from '../engine/chain.js';
import type { ParsedCommand } from '../engine/classify.js';
import type { CustomerInfo } from '../engine/customers.js';
import type { Handlers } from '../engine/pipeline.js';

import { ReplyError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { DialogSession } from '../store/schema.js';

import type { Incoming } from '../transport/types.js';
import { makeApi } from './api.js';
import type { HostServices, PluginSite, Runtime } from './runtime.js';
import type { CommandRegistry } from './commands/registry.js';
import { CommandRunner, type CommandHandler } from './commands/runner.js';
import { addressee, type ContextServices, CustomerData, MessageContext } from './context.js';
import { Dialogs, isActive } from './dialogs.js';
import type { BackgroundSignal, ChatHandle, PluginDefinition } from './types.js';

const PLUGIN_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Where plugins live: it runs each plugin's setup with its own API, and turns what they register
 * into the one chain of middleware, the admin commands, jobs and events. It is the engine's
 * handler: it makes each message's context, runs the chain or the command, and reports failures.
 */
export class PluginHost implements Handlers<MessageContext>, PluginSite {
  readonly commands: CommandRegistry<CommandHandler<MessageContext>>;
  readonly dialogs: Dialogs;
  private readonly runtimes = new Map<string, Runtime>();
  private readonly stepOwners: Runtime[] = [];
  /** What every message's context shares, made once. */
  private contextServices: ContextServices | null = null;
  private readonly chainOf: Chain<MessageContext>;
  private readonly runner: CommandRunner<MessageContext>;
  private readonly background = { stopping: false, running: [] as Promise<void>[] };
  private readonly log: Logger;

  constructor(
    private readonly services: HostServices,
    plugins: readonly PluginDefinition[],
  ) {
    this.log = services.logger.child({ mod: 'host' });
    this.commands = services.commands;
    this.dialogs = new Dialogs(services.customers, services.store, services.clock, (chatId, session) => {
      void services.inTurn(chatId, () => this.expire(chatId, session)).catch((err: unknown) => this.log.error({ err }, 'dialog timeout failed'));
    });
    for (const def of plugins) this.install(def);
    this.commands.check();
    const steps: Step<MessageContext>[] = [];
    for (const rt of this.runtimes.values()) {
      const mw = rt.middleware;
      if (!mw) continue;
      this.stepOwners.push(rt);
      // The context's slices are its plugin's while its step runs (see MessageContext.enter).
      steps.push({ name: rt.name, run: (ctx, next) => mw(ctx as never, next) });
    }
    this.chainOf = new Chain(steps, (step, err, run) => this.failed(step, err, run));
    this.runner = new CommandRunner({
      registry: this.commands,
      prefix: services.config.commandPrefix,
      audit: services.audit,
      who: (ctx) => services.owners.ownerOf(ctx.msg) ?? (ctx.msg.selfChat ? 'self-chat' : null),
      enter: (ctx, command, raw) => {
        const rt = this.runtimes.get(command.plugin);
        if (rt) ctx.use(rt);
        ctx.command = raw.name;
        ctx.args = raw.args;
      },
    });
    for (const { key, problem } of services.texts.audit()) this.log.warn({ text: key, problem }, 'a stored text cannot be used as it is');
  }

  get names(): string[] {
    return [...this.runtimes.keys()];
  }

  // ---- the engine's handlers -----------------------------------------------------------------

  createRun(msg: Incoming, text: string, customer: CustomerInfo, isOwner: boolean, now: number, log: Logger): MessageContext {
    if (!this.contextServices) {
      const { customers, store, reader, menu } = this.services;
      const chain = this.chainOf;
      this.contextServices = { customers, store, reader, dialogs: this.dialogs, menu, stepOwners: this.stepOwners, positionOf: (name) => chain.indexOf(name) };
    }
    return new MessageContext(this.contextServices, msg, text, customer, isOwner, now, log);
  }

  /**
   * A customer's message through the chain. A dialog that holds the chat keeps its numbers: the
   * main menu is not read then. A dialog whose time ran out while nobody looked ends first, and
   * one that can no longer be read is dropped.
   */
  async chain(ctx: MessageContext): Promise<void> {
    const session = this.dialogs.session(ctx.chatId);
    const rt = session ? this.runtimes.get(session.plugin) : undefined;
    if (session && !isActive(session, ctx.now)) await this.expire(ctx.chatId, session);
    else if (session && (!rt || rt.dialogSchema?.safeParse(session.data).success === false)) {
      // a plugin that is gone, or a session from an older version or a damaged file: start over quietly
      ctx.log.warn({ plugin: session.plugin }, 'a dialog session could not be continued; it was dropped');
      this.dialogs.set(ctx.chatId, null);
    }
    const owner = this.dialogs.session(ctx.chatId)?.plugin ?? null;
    ctx.dialogOwner = owner;
    // read once, before any plugin runs
    void ctx.reading;
    await this.chainOf.run(ctx);
    if (owner) {
      // answered as a step of the dialog: its plugin replied and passed the message on to nobody
      ctx.inDialog = ctx.repliedBy(owner) && !Chain.calledNext(ctx, this.chainOf.indexOf(owner));
    }
    const plain = ctx.reading.plainLanguage;
    if (plain && !ctx.isOwner) this.services.customers.setLanguage(ctx.chatId, plain);
    const why = ctx.why();
    this.services.answers.record(this.services.customers.keyOf(ctx.chatId), ctx.now, why);
    if (this.log.isLevelEnabled('debug')) ctx.log.debug({ why }, 'message answered');
  }

  command(ctx: MessageContext, command: ParsedCommand | null): Promise<void> {
    return this.runner.run(ctx, command);
  }

  failed(step: string, err: unknown, run: MessageContext): void {
    if (err instanceof ReplyError) {
      run.reply(err.reply);
      return;
    }
    run.failed = true;
    run.log.error({ err, plugin: step, msgId: run.msg.id }, 'a plugin failed on a message; the other plugins carry on');
  }

  shopTyped(msg: Incoming, log: Logger): void {
    for (const rt of this.runtimes.values()) {
      for (const fn of rt.on['shop-message']) {
        try {
          fn(msg.chatId, msg.at);
        } catch (err) {
          log.error({ err, plugin: rt.name }, 'a plugin failed on a message the shop typed by hand');
        }
      }
    }
  }

  // ---- the plugins' other work ---------------------------------------------------------------

  /** Starts the plugins' background work. */
  start(): void {
    const signal: BackgroundSignal = this.background;
    for (const rt of this.runtimes.values()) {
      for (const fn of rt.on.start) {
        this.background.running.push(
          fn(signal).catch((err: unknown) => this.log.error({ err, plugin: rt.name }, "a plugin's background work failed; it carries on without")),
        );
      }
    }
    this.dialogs.armAll();
  }

  /** Tells background work to stop, and stops dialog timeouts. */
  halt(): void {
    this.background.stopping = true;
    this.dialogs.stop();
  }

  /** Resolves when the background work started with the bot is done. */
  async backgroundDone(): Promise<void> {
    await Promise.all(this.background.running);
  }

  /** Every plugin's report lines for a period. */
  reports(from: number, to: number): string[] {
    const lines: string[] = [];
    for (const rt of this.runtimes.values()) {
      for (const fn of rt.reports) {
        try {
          lines.push(...fn(from, to));
        } catch (err) {
          this.log.error({ err, plugin: rt.name }, 'a plugin could not report its figures');
        }
      }
    }
    return lines;
  }

  /** A known customer's chat, for jobs and dialog timeouts; null for a chat that never wrote. */
  chat(plugin: Runtime, chatId: string): ChatHandle | null {
    const { customers, outbox, store } = this.services;
    const record = customers.get(chatId);
    if (!record) return null;
    const customer = customers.info(record);
    return {
      chatId,
      customer,
      salutation: customer.name ?? 'Kak',
      language: customer.language ?? 'id',
      addressee: addressee(customer.language ?? 'id', customer.name, customer.name ?? 'Kak'),
      data: new CustomerData({ customers, store }, { pluginName: plugin.name, chatId, plugin }),
      // Resolves once queued, not once sent: a job awaiting its sends must not wait on pacing,
      // which (under a manual clock) only moves after the job returns.
      send: async (m) => {
        void outbox.enqueue(chatId, typeof m === 'string' ? { kind: 'text', text: m } : m);
      },
    };
  }

  private install(def: PluginDefinition): void {
    if (!PLUGIN_NAME.test(def.name)) throw new Error(`plugin name "${def.name}" must be lower-case letters, digits and dashes`);
    if (this.runtimes.has(def.name)) throw new Error(`two plugins are named "${def.name}"`);
    const { store, texts } = this.services;
    const rt: Runtime = {
      name: def.name,
      state: def.state ? store.slice(def.name, def.state) : { get: () => undefined, update: () => undefined },
      customerSpec: def.customer,
      middleware: null,
      dialogSchema: def.dialog,
      on: { start: [], 'shop-message': [], 'dialog-timeout': [] },
      reports: [],
    };
    this.runtimes.set(def.name, rt);
    if (def.texts) texts.define(def.name, def.texts);
    def.setup(makeApi(rt, this, this.services));
  }

  /** A session's time ran out: it ends, and its plugin may still tell the customer something. */
  private async expire(chatId: string, session: DialogSession): Promise<void> {
    const record = this.services.customers.get(chatId);
    if (!record || record.dialog !== session) return;
    this.dialogs.set(chatId, null);
    const rt = this.runtimes.get(session.plugin);
    const handle = rt ? this.chat(rt, chatId) : null;
    if (!rt || !handle) return;
    for (const fn of rt.on['dialog-timeout']) {
      try {
        await fn(handle, session);
      } catch (err) {
        this.log.error({ err, plugin: rt.name }, 'a dialog timeout handler failed');
      }
    }
  }
}
