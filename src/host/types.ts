/**
 * The types of the public plugin API. Plugins import them through src/plugin-api.ts; the host's
 * own modules import them from here, so the imports run one way.
 */
import type { Clock } from '../clock.js';
import type { Next } from '../engine/chain.js';
import type { CustomerInfo } from '../engine/customers.js';
import type { ReplyOptions } from '../engine/run.js';
import type { OpeningHours } from '../hours.js';
import type { Language } from '../engine/read/reading.js';
import type { Logger } from '../logger.js';
import type { DialogSession, MenuItem } from '../store/schema.js';
import type { Slice, SliceSpec } from '../store/store.js';
import type { Incoming, IncomingImage, Outgoing } from '../transport/types.js';
import type { CommandSpec, FormOptions } from './commands/registry.js';
import type { ArgsOf } from './commands/syntax.js';
import type { Topic } from '../engine/read/lexicon.js';
import type { Reading } from '../engine/read/reading.js';
import type { MenuChoice } from './menu.js';
import type { TextDefs } from './texts.js';
import type { ZodType } from 'zod';

/**
 * What plugins recognise in a message beyond the core's reading, each signal added by one plugin
 * (`api.recognise`) and read by any (`ctx.reading.signal(…)`); null when no plugin adds it.
 */
export interface Signals {
  /** The message is about a problem with a sale: damage, delay, a wrong item, a complaint. Added by the complaint plugin. */
  complaint: {
    /** It is a complaint to take down. */
    complaint: boolean;
    /** Said in so many words ("komplain", "kecewa"): a complaint of its own, not more of an earlier one. */
    explicit: boolean;
    /** What it is about (the complaint plugin's categories: "rusak", "warna", …). */
    category: string;
    /** Talk after a sale (goods that came, damage, thanks for an order): not a question about what to buy. */
    afterSale: boolean;
  };
  /** The owner's own quick replies the message matches (not the common topics'). Added by the quick replies. */
  ownAnswers: {
    /** The names of the owner's rules that answer it. */
    rules: string[];
  };
  /** The shop's products in the message. Added by the catalog. */
  products: {
    /** It names something the catalog has (a product's name, category or option). */
    mentioned: boolean;
    /** It names one as the customer's own: "mawarnya", "vasnya". */
    owned: boolean;
  };
}

/** A reading of a message, with the signals plugins add. */
export type MessageReading = Reading<Signals>;

/** The chat's dialog (a list the customer works through, a complaint being told), seen from one plugin. */
export interface DialogControl<D = unknown> {
  /** This plugin's active session in this chat, or null (another plugin's session is not shown). */
  readonly current: (DialogSession & { data: D }) | null;
  /** Starts this plugin's session in the chat (replacing any other plugin's). */
  start(step: string, data: D, options?: DialogOptions): void;
  /** Moves this plugin's session on; the timeout starts again. */
  update(step: string, data: D, options?: DialogOptions): void;
  /** Ends this plugin's session; another plugin's is left alone. */
  end(): void;
}

export interface DialogOptions {
  /** The dialog ends by itself after this much silence from the customer. */
  timeoutMs?: number;
}

/**
 * One incoming message as a plugin sees it. The bot makes one per message; `state`, `data` and
 * `dialog` are the running plugin's own.
 */
export interface Context<S = unknown, C = unknown> {
  /** The message as it came: its kind, text, picture and sender. */
  readonly msg: Incoming;
  /** The message text, trimmed. */
  readonly text: string;
  /** The chat to answer in. */
  readonly chatId: string;
  /** What the bot knows of the sender: name, number, when they wrote before, a hand-off. */
  readonly customer: CustomerInfo;
  /** True when the sender is one of the shop's owners. */
  readonly isOwner: boolean;
  /** The clock's time while this message is handled. */
  readonly now: number;
  /** A logger for this message (its id, the chat masked); message texts only at debug. */
  readonly log: Logger;
  /** "{nama}" for texts: the customer's name, or "Kak". */
  readonly salutation: string;
  /** The numbered main menu's choice this message makes; null when it makes none, or while a dialog holds the chat and its plugin has not passed the message on. */
  readonly choice: MenuChoice | null;
  /** The one reading of the message: its words and stems, whether it asks, its topics, codes and quantities. */
  readonly reading: MessageReading;
  /**
   * The language to answer in: the message's when it is plainly in one, else the one the customer
   * last wrote in ("1" after "can i see your catalog" is still English); Indonesian by default.
   */
  readonly language: Language;
  /** "{nama}" in the customer's language: the name or "Kak" in Indonesian; the name or "there" in English. */
  readonly addressee: string;
  /** Queues a reply to this chat. Replies go out in order after the handlers ran. */
  reply(message: string | Outgoing, options?: ReplyOptions): void;
  /** True once any plugin replied to this message. */
  readonly replied: boolean;
  /** True once this plugin replied to this message. */
  readonly repliedSelf: boolean;
  /** True when a plugin hit a bug on this message; the bot then sends one short apology. */
  readonly failed: boolean;
  /** Marks the chat as waiting for a person for `forMs`: meanwhile the bot does not say it did not understand. */
  handOff(forMs: number): void;
  /**
   * This plugin answered its part of the message; the plugins after it read only `rest` (its
   * `text` and `reading` become the rest's). Call before `next()`: "ada diskon kalau ambil 5?
   * ongkir ke siantar brp" is the owner's discount and the shop's shipping answer.
   */
  passOn(rest: string): void;
  /** A topic of this message was answered (the catalog gave the product's own price): generic answers to it are not given too. */
  markAnswered(topic: Topic): void;
  /** Whether a plugin marked the topic answered for this message. */
  answered(topic: Topic): boolean;
  /** This plugin's state slice. */
  readonly state: Slice<S>;
  /** This plugin's data for this customer. */
  readonly data: Slice<C>;
  /** This plugin's dialog in the chat. */
  readonly dialog: DialogControl;
}

export type Middleware<S = unknown, C = unknown> = (ctx: Context<S, C>, next: Next) => void | Promise<void>;

export interface CommandContext<S = unknown, C = unknown> extends Context<S, C> {
  /** The command name as typed, without the prefix. */
  readonly command: string;
  /** Everything after the command name, trimmed; newlines are kept. */
  readonly args: string;
}

/** Adds the forms of a command, each once: its syntax, what it does, and its handler. */
export interface CommandBuilder<S, C> {
  form<Syntax extends string>(
    syntax: Syntax,
    help: string,
    run: (ctx: CommandContext<S, C>, args: ArgsOf<Syntax>) => void | Promise<void>,
    options?: FormOptions,
  ): CommandBuilder<S, C>;
}

export interface JobContext {
  readonly now: number;
  /** A logger for this message (its id, the chat masked); message texts only at debug. */
  readonly log: Logger;
}

/** A known customer's chat, outside of a message (for jobs and dialog timeouts). */
export interface ChatHandle<C = unknown> {
  readonly chatId: string;
  readonly customer: CustomerInfo;
  readonly salutation: string;
  /** The language the customer last wrote in plainly, Indonesian by default. */
  readonly language: Language;
  /** "{nama}" in that language (see Context.addressee). */
  readonly addressee: string;
  readonly data: Slice<C>;
  /** Queues a message to this chat; resolves once queued (the outbox paces and sends it). */
  send(message: string | Outgoing): Promise<void>;
}

export interface BackgroundSignal {
  readonly stopping: boolean;
}

/** What a plugin can be told of, besides messages. */
export interface PluginEvents<C> {
  /**
   * The bot started: work that runs beside the messages (preparing pictures, say). It should check
   * `signal.stopping` between steps and return soon once it is true; the bot waits for it to stop.
   */
  start: (signal: BackgroundSignal) => Promise<void>;
  /** The shop typed in a customer's chat by hand on its phone (the bot then steps aside there). */
  'shop-message': (chatId: string, at: number) => void;
  /** This plugin's dialog in a chat timed out; `chat` can still send to the customer. */
  'dialog-timeout': (chat: ChatHandle<C>, session: DialogSession) => void | Promise<void>;
}

export interface TextsApi {
  /** The current text (the owner's edit or the default). */
  get(key: string): string;
  /** The text with the shop's variables ({toko}, {alamat}, {jam}, {buka}, {status}) and `vars` filled in. */
  render(key: string, vars?: Readonly<Record<string, string>>, language?: Language): string;
  /** Fills the shop's variables and `vars` into any template. */
  fill(template: string, vars?: Readonly<Record<string, string>>): string;
  /** Replaces one of this plugin's own texts; refuses unknown {variables} with the list of valid ones. */
  set(key: string, value: string): { ok: true } | { ok: false; reason: string };
}

export interface MenuApi {
  /** The numbered main menu as text (its title and closing line in English for 'en'). */
  render(language?: Language): string;
  /** The items, in their order. */
  items(): readonly MenuItem[];
  /** Answers the menu item with this id itself: the plugin's middleware gets the choice in `ctx.choice`. */
  claim(id: string): void;
  /** The plugin that answers an item itself, if any. */
  owner(id: string): string | undefined;
  /** Changes the items (the owner's !menu edits). */
  update(fn: (state: { items: MenuItem[] }) => void): void;
}

/** The shop's opening hours, in its time zone; `t` defaults to now. */
export interface HoursApi {
  /** The week, the holidays and any closure. */
  get(): OpeningHours;
  /** Whether the shop is open at `t`. */
  isOpen(t?: number): boolean;
  /** The next moment the shop opens at or after `t` (t itself when open), or null. */
  nextOpening(t?: number): number | null;
  /** "sekarang", "besok pukul 09.00", "Senin, 5 Januari pukul 09.00". */
  describeNextOpening(t?: number): string;
  /** Closes the shop from `from` until `to` (epoch ms), or ends such a closure (null). */
  setClosure(closure: { from: number; to: number } | null): void;
}

export interface MediaApi {
  /** Keeps a picture a message carried under data/media/; returns its path relative to the data folder. */
  save(image: IncomingImage, prefix: string): Promise<string>;
  /** The absolute path of a kept picture, for sending it. */
  path(relative: string): string;
}

/** A period's figures: customer messages and new customers, and every plugin's report lines. */
export interface Summary {
  messages: number;
  newCustomers: number;
  lines: string[];
}

export interface PrivacyHandler {
  /** Lines about what this plugin keeps for these chats, for !pelanggan. */
  describe(chatIds: readonly string[]): string[];
  /** Erases it, or anonymises what the shop's figures need, when the customer asks. */
  forget(chatIds: readonly string[]): void | Promise<void>;
}

export interface PluginApi<S = unknown, C = unknown> {
  /** This plugin's logger (pino, tagged with the plugin's name); message texts only at debug. */
  readonly log: Logger;
  /** The clock the bot runs on (injected, so tests control time). */
  readonly clock: Clock;
  /** The shop's IANA time zone. */
  readonly timeZone: string;
  /** What admin commands start with ("!"). */
  readonly commandPrefix: string;
  /** This plugin's persistent state. */
  readonly state: Slice<S>;
  /** The customer-facing texts, the owner's edits included. */
  readonly texts: TextsApi;
  /** The numbered main menu. */
  readonly menu: MenuApi;
  /** The opening hours. */
  readonly hours: HoursApi;
  /** Pictures kept under the data folder. */
  readonly media: MediaApi;
  /** Adds message middleware; plugins run in the app's explicit order. */
  use(mw: Middleware<S, C>): void;
  /** Declares an admin command; add its forms to what this returns. */
  command(spec: CommandSpec): CommandBuilder<S, C>;
  /** A job on a 5-field cron expression in the shop's time zone. */
  schedule(name: string, cron: string, run: (job: JobContext) => void | Promise<void>): void;
  /** Runs `fn` on an event other than a message. */
  on<E extends keyof PluginEvents<C>>(event: E, fn: PluginEvents<C>[E]): void;
  /** A known customer's chat, to send to outside of a message; null for a chat that never wrote. */
  chat(chatId: string): ChatHandle<C> | null;
  /** Queues a message to every owner, in the chat each last wrote from. */
  notifyOwners(message: string | Outgoing): Promise<void>;
  /** Makes every change so far durable. Await it before telling anyone something "has been recorded". */
  flush(): Promise<void>;
  /** Declares what this plugin keeps about a customer, for !pelanggan and erasing it. */
  privacy(handler: PrivacyHandler): void;
  /** Adds lines about this plugin to summaries of a period (epoch ms, `to` excluded): "Pesanan terbuka: 3". */
  report(fn: (from: number, to: number) => string[]): void;
  /** The figures of a period, every plugin's report lines included. */
  summary(from: number, to: number): Summary;
  /** Adds what this plugin recognises in every message, for all plugins to read as `ctx.reading.signal(key)`. */
  recognise<K extends keyof Signals>(key: K, fn: (reading: MessageReading) => Signals[K]): void;
  /** Teaches the reading the shop's own words (its products' names), kept whole, so their forms are known ("mawarnya"). */
  vocabulary(words: Iterable<string>): void;
  /** Reads a text as messages are read: for a part of one ("what follows 'pesan'"), or outside a message. */
  read(text: string): MessageReading;
  /**
   * Teaches the guesser these labelled messages on top of its built-in examples (the owner's
   * !ajari): it learns again from all of them, which takes about a second.
   */
  learn(examples: ReadonlyArray<{ label: string; text: string }>): void;
}

/** What a plugin's command-line tool gets: the plugin's state, and where to write. */
export interface ToolIO<S> {
  /** The plugin's state: read from db.json as it is, or opened for writing when the tool writes. */
  readonly state: Slice<S>;
  /** The data folder. */
  readonly dataDir: string;
  /** Prints a line for the person at the terminal. */
  out(line: string): void;
}

/**
 * A command-line tool of a plugin (`npm run tool -- <name> …`): the owner's way to work on the
 * plugin's data in bulk. A tool that writes is refused while the bot runs on the same folder.
 * Failures are thrown as ToolError, whose text is printed.
 */
export interface PluginTool<S> {
  /** How to use it, printed when it is called wrongly. */
  usage: string;
  /** Whether these arguments change the data. */
  writes(args: readonly string[]): boolean;
  run(args: readonly string[], io: ToolIO<S>): Promise<void>;
}

export interface PluginDefinition<S = unknown, C = unknown> {
  /** Lower-case letters, digits and dashes; names the plugin's slices and texts. */
  name: string;
  description: string;
  state?: SliceSpec<S>;
  customer?: SliceSpec<C>;
  texts?: TextDefs;
  /** Command-line tools, by name. */
  tools?: Readonly<Record<string, PluginTool<S>>>;
  /** The shape of this plugin's dialog data: a session that no longer has it is dropped before the message is read. */
  dialog?: ZodType<unknown>;
  // Method syntax on purpose: it lets a PluginDefinition<S, C> stand in a list of PluginDefinition.
  setup(api: PluginApi<S, C>): void;
}
