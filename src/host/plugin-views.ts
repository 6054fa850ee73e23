import type { Clock } from '../clock.js';
import type { ChatHandle, Context, DialogControl, DialogHandler, Middleware, PluginDefinition } from '../plugin-api.js';
import type { DialogSession } from '../store/schema.js';
import type { Slice, SliceSpec, Store } from '../store/store.js';
import { textOut, type Outgoing } from '../transport/types.js';
import type { Customers } from '../engine/customers.js';
import { isActive, type DialogTimers } from './dialogs.js';
import type { MessageRun } from '../engine/run.js';
import type { Outbox } from '../engine/outbox.js';

/** A plugin as the app holds it: its definition plus what it registered. */
export interface PluginRuntime {
  def: PluginDefinition;
  name: string;
  state: Slice<unknown>;
  customerSpec: SliceSpec | undefined;
  middleware: Middleware[];
  dialog: DialogHandler | undefined;
}

export interface PluginViewDeps {
  store: Store;
  customers: Customers;
  clock: Clock;
  outbox: Outbox;
  dialogTimers: () => DialogTimers;
}

/**
 * What one plugin sees of a message or a chat: its own slices, the chat's dialog seen from that
 * plugin, and replies that go through the message's run. Built per plugin so a plugin never
 * reaches another's data.
 */
export class PluginViews {
  /** The message run behind each context handed out, so a context can be re-viewed by another plugin. */
  private readonly runs = new WeakMap<object, MessageRun>();

  constructor(private readonly deps: PluginViewDeps) {}

  /** The run a context (made by `contextFor`) belongs to. */
  runOf = (ctx: object): MessageRun | undefined => this.runs.get(ctx);

  /** This plugin's data for one customer, created from its defaults on first use. */
  customerSlice = (rt: PluginRuntime, chatId: string): Slice<unknown> => {
    const { customers, store } = this.deps;
    const spec = rt.customerSpec;
    const get = (): unknown => {
      if (!spec) return undefined;
      const record = customers.get(chatId);
      if (!record) return spec.defaults();
      if (record.data[rt.name] === undefined) record.data[rt.name] = spec.defaults();
      return record.data[rt.name];
    };
    return {
      get,
      update: (fn) => {
        fn(get());
        store.changed();
      },
    };
  };

  setDialog = (chatId: string, session: DialogSession | null): void => {
    const record = this.deps.customers.get(chatId);
    if (!record) return;
    record.dialog = session;
    this.deps.store.changed();
    if (session) this.deps.dialogTimers().arm(chatId, session);
    else this.deps.dialogTimers().disarm(chatId);
  };

  dialogControl = (rt: PluginRuntime, chatId: string): DialogControl => {
    const { customers, clock } = this.deps;
    const mine = (): DialogSession | null => {
      const s = customers.get(chatId)?.dialog;
      return s && s.plugin === rt.name && isActive(s, clock.now()) ? s : null;
    };
    const make = (step: string, data: unknown, timeoutMs: number | undefined, startedAt: number): DialogSession => ({
      plugin: rt.name,
      step,
      data,
      startedAt,
      expiresAt: timeoutMs ? clock.now() + timeoutMs : null,
    });
    return {
      get current() {
        return mine();
      },
      get busy() {
        return isActive(customers.get(chatId)?.dialog, clock.now());
      },
      start: (step, data, options) => this.setDialog(chatId, make(step, data, options?.timeoutMs, clock.now())),
      update: (step, data, options) => this.setDialog(chatId, make(step, data, options?.timeoutMs, mine()?.startedAt ?? clock.now())),
      end: () => {
        if (mine()) this.setDialog(chatId, null);
      },
    };
  };

  contextFor = (rt: PluginRuntime, run: MessageRun): Context => {
    const { customers } = this.deps;
    const ctx: Context = {
      msg: run.msg,
      text: run.text,
      chatId: run.chatId,
      customer: run.customer,
      isOwner: run.isOwner,
      now: run.now,
      log: run.log,
      salutation: run.salutation,
      reply: (m, o) => run.handlerReply(m, o),
      handOff: (ms) => customers.handOff(run.chatId, run.now + ms),
      markAnswered: (topic) => void run.topics.add(topic),
      answered: (topic) => run.topics.has(topic),
      get replied() {
        return run.replied;
      },
      get failed() {
        return run.failed;
      },
      state: rt.state,
      data: this.customerSlice(rt, run.chatId),
      dialog: this.dialogControl(rt, run.chatId),
    };
    this.runs.set(ctx, run);
    return ctx;
  };

  /** A known customer's chat, for jobs and dialog timeouts; null for a chat that never wrote. */
  chatHandle = (rt: PluginRuntime, chatId: string): ChatHandle | null => {
    const { customers, outbox } = this.deps;
    const record = customers.get(chatId);
    if (!record) return null;
    const info = customers.info(record);
    return {
      chatId,
      customer: info,
      salutation: info.name ?? 'Kak',
      data: this.customerSlice(rt, chatId),
      // Resolves once queued, not once sent: a job awaiting its sends must not wait on pacing,
      // which (under a manual clock) only moves after the job returns.
      send: async (m: string | Outgoing) => {
        void outbox.enqueue(chatId, typeof m === 'string' ? textOut(m) : m);
      },
    };
  };
}
