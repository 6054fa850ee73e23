import type { Customers, CustomerInfo } from '../engine/customers.js';
import { MessageRun } from '../engine/run.js';
import { Chain } from '../engine/chain.js';
import type { Logger } from '../logger.js';
import type { Language, Reader } from '../engine/read/reading.js';
import type { Topic } from '../engine/read/lexicon.js';
import type { CommandContext, DialogControl, MessageReading, Signals } from './types.js';
import type { Slice, SliceSpec, Store } from '../store/store.js';
import type { Incoming } from '../transport/types.js';
import type { DialogOwner, Dialogs } from './dialogs.js';
import type { MenuChoice } from './menu.js';
import type { Why } from './answers.js';

/** A plugin as the host holds it: its definition's name, its slices, and what it registered. */
export interface PluginRuntime {
  readonly name: string;
  readonly state: Slice<unknown>;
  readonly customerSpec: SliceSpec | undefined;
}

/** What contexts read through: the customers' records, the dialogs, the plugins by step. */
export interface ContextServices {
  customers: Customers;
  reader: Reader<Signals>;
  store: Store;
  dialogs: Dialogs;
  /** Reads the main menu's choice in a message. */
  menu: { choose(reading: MessageReading): MenuChoice | null };
  /** The plugin of each step of the chain, by position. */
  stepOwners: readonly PluginRuntime[];
  /** The position of a plugin's step in the chain, or -1. */
  positionOf(plugin: string): number;
}

/** The plugin nobody is: what a context is before any plugin runs. */
const CORE: PluginRuntime = { name: 'core', state: { get: () => undefined, update: () => undefined }, customerSpec: undefined };

/**
 * The one context of a message. It is the engine's run (replies, failure, place in the chain) and
 * what a plugin sees of the message; `state`, `data` and `dialog` follow the plugin whose step is
 * running, so the context is not rebuilt for each plugin.
 */
export class MessageContext extends MessageRun implements CommandContext {
  plugin: PluginRuntime = CORE;
  command = '';
  args = '';
  private chosen: MenuChoice | null | undefined;
  /** The plugin whose dialog held the chat when the message came. */
  dialogOwner: string | null = null;
  private topics: Set<Topic> | null = null;
  private marks: string[] | null = null;
  private read: MessageReading | null = null;
  private dataView: CustomerData | null = null;
  private dialogView: DialogControl | null = null;

  constructor(
    private readonly services: ContextServices,
    msg: Incoming,
    text: string,
    customer: CustomerInfo,
    isOwner: boolean,
    now: number,
    log: Logger,
  ) {
    super(msg, text, customer, isOwner, now, log);
  }

  override enter(index: number, step: string): void {
    super.enter(index, step);
    this.plugin = this.services.stepOwners[index] ?? CORE;
  }

  /** Hands the context to a plugin outside the chain (an admin command's). */
  use(plugin: PluginRuntime): void {
    this.plugin = plugin;
    this.step = plugin.name;
  }

  /** The message's one reading: made before the chain runs, or when first asked for (a command's). */
  get reading(): MessageReading {
    this.read ??= this.services.reader.read(this.text);
    return this.read;
  }

  get language(): Language {
    return this.reading.plainLanguage ?? this.customer.language ?? 'id';
  }

  get addressee(): string {
    return addressee(this.language, this.customer.name, this.salutation);
  }

  /**
   * The main menu's choice the message makes, read when first asked for. While a dialog holds the
   * chat its numbers are the dialog's: to the other plugins the choice is null until the dialog's
   * plugin passes the message on (a number that is not on its list, "menu" while browsing), and
   * then the message is the menu's like any other. The dialog's plugin sees the choice, and reads
   * its own step first.
   */
  get choice(): MenuChoice | null {
    const owner = this.dialogOwner;
    // the dialog's own plugin reads its step first, and then may read the choice
    if (owner !== null && owner !== this.plugin.name && !Chain.calledNext(this, this.services.positionOf(owner))) return null;
    if (this.chosen === undefined) this.chosen = this.services.menu.choose(this.reading);
    return this.chosen;
  }

  get pluginName(): string {
    return this.plugin.name;
  }

  get state(): Slice<unknown> {
    return this.plugin.state;
  }

  get data(): Slice<unknown> {
    this.dataView ??= new CustomerData(this.services, this);
    return this.dataView;
  }

  get dialog(): DialogControl {
    this.dialogView ??= this.services.dialogs.control(this);
    return this.dialogView;
  }

  get repliedSelf(): boolean {
    return this.repliedBy(this.plugin.name);
  }

  passOn(rest: string): void {
    this.narrow(rest);
    this.read = null;
    this.chosen = undefined;
  }

  handOff(forMs: number): void {
    this.services.customers.handOff(this.chatId, this.now + forMs);
  }

  markAnswered(topic: Topic): void {
    this.topics ??= new Set();
    this.topics.add(topic);
    (this.marks ??= []).push(`${this.plugin.name}:${topic}`);
  }

  /**
   * Why the message got its answer, for the debug line the host writes after the chain: who
   * replied, the topics each plugin answered, the dialog that held the chat, the menu's choice.
   */
  why(): Why {
    const by: string[] = [];
    for (const r of this.replies) if (!by.includes(r.by)) by.push(r.by);
    const chosen = this.chosen;
    const menu = chosen ? (chosen.kind === 'item' ? chosen.item.id : chosen.kind) : null;
    const leaned = this.read?.leanedOn ?? null;
    return { by, topics: this.marks ?? [], dialog: this.dialogOwner, menu, guess: leaned ? `${leaned.label} ${leaned.score.toFixed(2)}` : null };
  }

  answered(topic: Topic): boolean {
    return this.topics?.has(topic) ?? false;
  }
}

/**
 * A plugin's data for one customer, created from the plugin's defaults on first use; `who` may
 * change plugin as a message goes down the chain.
 */
export class CustomerData implements Slice<unknown> {
  constructor(
    private readonly services: Pick<ContextServices, 'customers' | 'store'> & { specOf?: (plugin: string) => SliceSpec | undefined },
    private readonly who: DialogOwner & { readonly plugin?: PluginRuntime },
  ) {}

  get(): unknown {
    const plugin = this.who.pluginName;
    const spec = this.who.plugin?.customerSpec ?? this.services.specOf?.(plugin);
    if (!spec) return undefined;
    const record = this.services.customers.get(this.who.chatId);
    if (!record) return spec.defaults();
    if (record.data[plugin] === undefined) record.data[plugin] = spec.defaults();
    return record.data[plugin];
  }

  update(fn: (draft: unknown) => void): void {
    fn(this.get());
    this.services.store.changed();
  }
}

/** How the texts address a customer: the name or "Kak" in Indonesian; the name or "there" in English. */
export function addressee(language: Language, name: string | null, salutation: string): string {
  return language === 'en' ? (name ?? 'there') : salutation;
}
