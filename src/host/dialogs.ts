import type { Clock, TimerHandle } from '../clock.js';
import type { Customers } from '../engine/customers.js';
import type { DialogControl, DialogOptions } from './types.js';
import type { DialogSession } from '../store/schema.js';
import type { Store } from '../store/store.js';

export function isActive(session: DialogSession | null | undefined, now: number): session is DialogSession {
  return !!session && (session.expiresAt === null || session.expiresAt > now);
}

/**
 * Each chat's dialog: at most one at a time, owned by one plugin (a list the customer browses, a
 * complaint being told). Sessions live in the customer records, so they survive a restart; the
 * timeouts are timers on the injected clock, armed again from the records at start.
 */
export class Dialogs {
  private readonly timers = new Map<string, TimerHandle>();

  constructor(
    private readonly customers: Customers,
    private readonly store: Store,
    private readonly clock: Clock,
    /** A session's timeout came: the host ends it in the chat's turn and tells its plugin. */
    private readonly onTimeout: (chatId: string, session: DialogSession) => void,
  ) {}

  /** The chat's session, active or not. */
  session(chatId: string): DialogSession | null {
    return this.customers.get(chatId)?.dialog ?? null;
  }

  set(chatId: string, session: DialogSession | null): void {
    const record = this.customers.get(chatId);
    if (!record) return;
    record.dialog = session;
    this.store.changed();
    if (session) this.arm(chatId, session);
    else this.disarm(chatId);
  }

  /** A plugin's view of a chat's dialog; `who` may change plugin as a message goes down the chain. */
  control(who: DialogOwner): DialogControl {
    return new DialogView(this, who);
  }

  /** Arms the timeouts of the sessions kept in the records (at start). */
  armAll(): void {
    for (const record of Object.values(this.store.data.customers)) if (record.dialog) this.arm(record.chatId, record.dialog);
  }

  stop(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  now(): number {
    return this.clock.now();
  }

  private arm(chatId: string, session: DialogSession): void {
    this.disarm(chatId);
    if (session.expiresAt === null) return;
    this.timers.set(
      chatId,
      this.clock.at(session.expiresAt, () => {
        this.timers.delete(chatId);
        this.onTimeout(chatId, session);
      }),
    );
  }

  private disarm(chatId: string): void {
    this.timers.get(chatId)?.cancel();
    this.timers.delete(chatId);
  }
}

/** Whose view of whose dialog: a plugin's, in a chat. */
export interface DialogOwner {
  readonly pluginName: string;
  readonly chatId: string;
}

/** The chat's dialog seen from one plugin: it sees and changes only its own session. */
class DialogView implements DialogControl {
  constructor(
    private readonly dialogs: Dialogs,
    private readonly who: DialogOwner,
  ) {}

  get current(): DialogSession | null {
    const s = this.dialogs.session(this.who.chatId);
    return s && s.plugin === this.who.pluginName && isActive(s, this.dialogs.now()) ? s : null;
  }

  start(step: string, data: unknown, options?: DialogOptions): void {
    this.dialogs.set(this.who.chatId, this.make(step, data, options, this.dialogs.now()));
  }

  update(step: string, data: unknown, options?: DialogOptions): void {
    this.dialogs.set(this.who.chatId, this.make(step, data, options, this.current?.startedAt ?? this.dialogs.now()));
  }

  end(): void {
    if (this.current) this.dialogs.set(this.who.chatId, null);
  }

  private make(step: string, data: unknown, options: DialogOptions | undefined, startedAt: number): DialogSession {
    const now = this.dialogs.now();
    return { plugin: this.who.pluginName, step, data, startedAt, expiresAt: options?.timeoutMs ? now + options.timeoutMs : null };
  }
}
