/**
 * The narrow API a plugin gets. A plugin is a folder under plugins/ whose index exports one
 * definition made with `definePlugin`. It never sees the socket or the whole database.
 */
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { Slice, SliceSpec } from './store/store.js';
import type { DialogSession, ShopProfile } from './store/schema.js';
import type { Incoming, Outgoing } from './transport/types.js';
import type { TextDefs } from './host/texts.js';
import type { MenuActionHandler, MenuItem } from './host/menu.js';
import type { OpeningHours } from './hours.js';

export type { Slice, SliceSpec, TextDefs, Incoming, Outgoing, DialogSession, MenuItem };

/** What a handler may know about the person writing. */
export interface CustomerInfo {
  chatId: string;
  number: string | null;
  /** The WhatsApp name, cleaned for use in a greeting; null when unknown or unusable. */
  name: string | null;
  firstSeen: number;
  /** The customer's previous message before this one; null on their first message. */
  previousSeenAt: number | null;
  /** The last time anything went out to this chat before this message; null if never. */
  lastOutboundAt: number | null;
  lastShopMessageAt: number | null;
  /** A person was asked to answer this chat until then (see `handOff`); null if never. */
  handoffUntil: number | null;
  /** The bot is paused in this chat until then (the shop took over); null if not. */
  pausedUntil: number | null;
  /** Messages from this customer, this one included. */
  messageCount: number;
}

export interface ReplyOptions {
  /** Sent before the other replies to the same message (the greeting uses it). */
  first?: boolean;
}

export interface DialogOptions {
  /** The dialog ends by itself after this much silence from the customer. */
  timeoutMs?: number;
}

/** The chat's dialog, seen from one plugin. */
export interface DialogControl<D = unknown> {
  /** This plugin's active session in this chat, or null (another plugin's session is not shown). */
  readonly current: (DialogSession & { data: D }) | null;
  /** True when any plugin has an active dialog in this chat. */
  readonly busy: boolean;
  start(step: string, data: D, options?: DialogOptions): void;
  /** Moves this plugin's session on; the timeout starts again. */
  update(step: string, data: D, options?: DialogOptions): void;
  end(): void;
}

/** Everything a handler needs for one incoming message. */
export interface BaseContext {
  readonly msg: Incoming;
  /** The message text, trimmed. */
  readonly text: string;
  readonly chatId: string;
  readonly customer: CustomerInfo;
  /** True when the sender is one of the shop's owners. */
  readonly isOwner: boolean;
  /** The clock's time while this message is handled. */
  readonly now: number;
  readonly log: Logger;
  /** Queues a reply to this chat. Replies go out in order after the handlers ran. */
  reply(message: string | Outgoing, options?: ReplyOptions): void;
  /** True once any handler replied to this message. */
  readonly replied: boolean;
  /** True when a handler hit a bug on this message; the core then sends one short apology. */
  readonly failed: boolean;
  /** "{nama}" for texts: the customer's name, or "Kak". */
  readonly salutation: string;
  /**
   * Marks the chat as waiting for a person (the owner was alerted) for `forMs`: meanwhile the bot
   * does not tell the customer it did not understand them.
   */
  handOff(forMs: number): void;
  /**
   * Says that a topic of this message has been answered ("harga" by the catalog's own price), so
   * a later, more generic answer to it (the "harga" quick reply) is not given as well.
   */
  markAnswered(topic: string): void;
  answered(topic: string): boolean;
}

export interface Context<S = unknown, C = unknown> extends BaseContext {
  /** This plugin's state slice. */
  readonly state: Slice<S>;
  /** This plugin's data for this customer. */
  readonly data: Slice<C>;
  readonly dialog: DialogControl;
}

export type Next = () => Promise<void>;
export type Middleware<S = unknown, C = unknown> = (ctx: Context<S, C>, next: Next) => Promise<void> | void;

export interface CommandContext<S = unknown, C = unknown> extends Context<S, C> {
  /** The command name as typed, without the prefix. */
  readonly command: string;
  /** Everything after the command name, trimmed; newlines are kept. */
  readonly args: string;
}

export interface CommandUsage {
  /** The form without the prefix, e.g. "sapaan hari <N>". */
  form: string;
  /** What it does, in a few words. */
  help: string;
}

export interface CommandDef<S = unknown, C = unknown> {
  name: string;
  aliases?: readonly string[];
  /** One line for the !bantuan list. */
  help: string;
  usage: readonly CommandUsage[];
  run(ctx: CommandContext<S, C>): void | Promise<void>;
}

export interface JobContext {
  readonly now: number;
  readonly log: Logger;
}

export interface DialogHandler<S = unknown, C = unknown> {
  /** Receives every message of a chat while this plugin's dialog is active there. */
  handle(ctx: Context<S, C>, session: DialogSession, next: Next): void | Promise<void>;
  /** Runs when a session times out; `chat` can still send to the customer. */
  expire?(chat: ChatHandle<C>, session: DialogSession): void | Promise<void>;
}

/** A known customer's chat, outside of a message (for jobs and dialog timeouts). */
export interface ChatHandle<C = unknown> {
  readonly chatId: string;
  readonly customer: CustomerInfo;
  readonly salutation: string;
  readonly data: Slice<C>;
  /** Queues a message to this chat; resolves once queued (the outbox paces and sends it). */
  send(message: string | Outgoing): Promise<void>;
}

/** What a plugin runs when a customer chooses its menu item: it gets its own view of the message. */
export type MenuItemAction<S = unknown, C = unknown> = (ctx: Context<S, C>, item: MenuItem) => void | Promise<void>;

export interface MenuApi<S = unknown, C = unknown> {
  /** The numbered main menu as text. */
  render(): string;
  items(): readonly MenuItem[];
  /** Takes over the menu item with this id. */
  claim(id: string, run: MenuItemAction<S, C>): void;
  /** The plugin that took over an item, if any. */
  claimedBy(id: string): string | undefined;
  action(id: string): MenuActionHandler | undefined;
  /** Changes the items (the owner's !menu edits). */
  update(fn: (state: { items: MenuItem[] }) => void): void;
}

export interface TextsApi {
  /** The current text (the owner's edit or the default). */
  get(key: string): string;
  /** The text with the shop's variables ({toko}, {alamat}, {jam}, {buka}, {status}) and `vars` filled in. */
  render(key: string, vars?: Readonly<Record<string, string>>): string;
  /** Fills the shop's variables and `vars` into any template. */
  fill(template: string, vars?: Readonly<Record<string, string>>): string;
  /** Replaces one of this plugin's own texts; refuses unknown {variables} with the list of valid ones. */
  set(key: string, value: string): { ok: true } | { ok: false; reason: string };
}

/** The shop's opening hours, in its time zone; `t` defaults to now. */
export interface HoursApi {
  get(): OpeningHours;
  isOpen(t?: number): boolean;
  /** The next moment the shop opens at or after `t` (t itself when open), or null. */
  nextOpening(t?: number): number | null;
  /** "sekarang", "besok pukul 09.00", "Senin, 5 Januari pukul 09.00". */
  describeNextOpening(t?: number): string;
  /** The week as lines ("Senin–Sabtu: 09.00–17.00"), with holidays and a closure coming up. */
  week(): string;
  /** Closes the shop from `from` until `to` (epoch ms), or ends such a closure (null). */
  setClosure(closure: { from: number; to: number } | null): void;
}

export interface MediaApi {
  /** Keeps a picture a message carried under data/media/; returns its path relative to the data folder. */
  save(image: Incoming['image'] & object, prefix: string): Promise<string>;
  /** The absolute path of a kept picture, for sending it. */
  path(relative: string): string;
}

export interface CustomersApi {
  get(chatId: string): CustomerInfo | null;
  findByNumber(digits: string): CustomerInfo | null;
}

export interface PluginApi<S = unknown, C = unknown> {
  readonly name: string;
  readonly log: Logger;
  readonly clock: Clock;
  readonly timeZone: string;
  readonly commandPrefix: string;
  readonly state: Slice<S>;
  readonly texts: TextsApi;
  readonly menu: MenuApi<S, C>;
  readonly customers: CustomersApi;
  shop(): ShopProfile;
  readonly hours: HoursApi;
  readonly media: MediaApi;
  /** Message middleware; plugins run in the app's explicit order. */
  use(mw: Middleware<S, C>): void;
  command(def: CommandDef<S, C>): void;
  /** A job on a 5-field cron expression in the shop's time zone. */
  schedule(name: string, cron: string, run: (job: JobContext) => void | Promise<void>): void;
  dialog(handler: DialogHandler<S, C>): void;
  /** This plugin's data for a customer. */
  customerData(chatId: string): Slice<C>;
  chat(chatId: string): ChatHandle<C> | null;
  /** Queues a message to every owner, in the chat each last wrote from. */
  notifyOwners(message: string | Outgoing): Promise<void>;
  /** Makes every change so far durable. Await it before telling anyone something "has been recorded". */
  flush(): Promise<void>;
  /**
   * Work that starts with the bot and runs beside the messages (preparing pictures, say). It
   * should check `signal.stopping` between steps and return soon once it is true; the bot waits
   * for it before closing the store.
   */
  background(fn: (signal: BackgroundSignal) => Promise<void>): void;
  /** Customer messages and new customers of one local day ("2026-12-01"). */
  activity(date: string): { messages: number; newCustomers: number };
  /** Adds lines about this plugin to summaries of a period (epoch ms, `to` excluded): "Pesanan terbuka: 3". */
  report(fn: (from: number, to: number) => string[]): void;
  /** Every plugin's summary lines for a period. */
  reports(from: number, to: number): string[];
  /** Runs when the shop types in a customer's chat by hand on its phone (the bot then steps aside). */
  onShopMessage(fn: (chatId: string, at: number) => void): void;
  /**
   * What this plugin keeps about a customer, for !pelanggan: lines to show, and how to erase it
   * (or anonymise what the shop's figures need) when the customer asks.
   */
  privacy(handler: { describe(chatIds: readonly string[]): string[]; forget(chatIds: readonly string[]): void | Promise<void> }): void;
}

export interface BackgroundSignal {
  readonly stopping: boolean;
}

export interface PluginDefinition<S = unknown, C = unknown> {
  name: string;
  description: string;
  state?: SliceSpec<S>;
  customer?: SliceSpec<C>;
  texts?: TextDefs;
  // Method syntax on purpose: it lets a PluginDefinition<S, C> stand in a list of PluginDefinition.
  setup(api: PluginApi<S, C>): void;
}

export function definePlugin<S = undefined, C = undefined>(def: PluginDefinition<S, C>): PluginDefinition<S, C> {
  return def;
}
