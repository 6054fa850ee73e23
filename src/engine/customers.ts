import type { CustomerRecord } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Incoming } from '../transport/types.js';
import { formatPhone } from '../phone.js';
import { cleanName } from './names.js';

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
  /** The language the customer last wrote in plainly, before this message; null if never. */
  language: 'id' | 'en' | null;
}

/** How long a chat waits for a person after the bot told the customer one will answer. */
export const HANDOFF_MS = 60 * 60_000;

/** "*Rina* (+62 812-3456-7890)", for alerts to the owner. */
export function describeCustomer(info: Pick<CustomerInfo, 'name' | 'number'>): string {
  return `*${info.name ?? 'Pelanggan'}* (${info.number ? formatPhone(info.number) : 'nomor tidak diketahui'})`;
}

/**
 * Customer records, keyed by the chat id messages arrive on. A record is created on a customer's
 * first message (or when the shop writes to a new chat by hand) and never holds message texts.
 */
export class Customers {
  private byNumber = new Map<string, string>();

  constructor(private readonly store: Store) {
    for (const c of Object.values(store.data.customers)) if (c.number) this.byNumber.set(c.number, c.chatId);
  }

  /**
   * The record for a chat id, or for another id of the same chat: WhatsApp may address one
   * customer by phone number in one message and by LID in the next.
   */
  get(chatId: string): CustomerRecord | undefined {
    const customers = this.store.data.customers;
    return customers[chatId] ?? customers[this.store.data.aliases[chatId] ?? ''];
  }

  /** The storage key of the chat, following an alias. */
  keyOf(chatId: string): string {
    return this.get(chatId)?.chatId ?? chatId;
  }

  /**
   * Finds the record a message belongs to. A chat id seen for the first time joins the record of
   * its alternative id (or, in a one-to-one chat, of its sender's number), instead of starting a
   * second record for the same person.
   */
  private recordFor(msg: Incoming): CustomerRecord | undefined {
    const known = this.get(msg.chatId);
    if (known) return known;
    const other =
      (msg.chatIdAlt ? this.get(msg.chatIdAlt) : undefined) ??
      (msg.senderNumber && !msg.chatId.endsWith('@g.us') ? this.findByNumber(msg.senderNumber) : undefined);
    if (!other) return undefined;
    this.store.data.aliases[msg.chatId] = other.chatId;
    return other;
  }

  findByNumber(digits: string): CustomerRecord | undefined {
    const chatId = this.byNumber.get(digits);
    return chatId === undefined ? undefined : this.get(chatId);
  }

  count(): number {
    return Object.keys(this.store.data.customers).length;
  }

  /** Records an incoming customer message; returns the record and when they last wrote before. */
  touch(msg: Incoming): { record: CustomerRecord; previousSeenAt: number | null } {
    const customers = this.store.data.customers;
    let record = this.recordFor(msg);
    if (!record) {
      record = this.create(msg.chatId, msg.at);
      customers[msg.chatId] = record;
    }
    const previousSeenAt = record.messageCount > 0 ? record.lastSeen : null;
    record.messageCount++;
    record.lastSeen = Math.max(record.lastSeen, msg.at);
    this.learn(record, msg);
    this.store.changed();
    return { record, previousSeenAt };
  }

  /** The shop typed in this chat by hand. */
  recordShopMessage(msg: Incoming): void {
    const customers = this.store.data.customers;
    let record = this.recordFor(msg);
    if (!record) {
      record = this.create(msg.chatId, msg.at);
      customers[msg.chatId] = record;
    }
    record.lastShopMessageAt = Math.max(record.lastShopMessageAt ?? 0, msg.at);
    record.lastOutboundAt = Math.max(record.lastOutboundAt ?? 0, msg.at);
    this.store.changed();
  }

  recordOutbound(chatId: string, at: number): void {
    const record = this.get(chatId);
    if (!record) return;
    record.lastOutboundAt = Math.max(record.lastOutboundAt ?? 0, at);
    this.store.changed();
  }

  /** A person who writes without a record: an owner who never wrote as a customer. */
  static stranger(msg: Incoming): CustomerInfo {
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
      language: null,
    };
  }

  info(record: CustomerRecord, previousSeenAt: number | null = record.messageCount > 0 ? record.lastSeen : null): CustomerInfo {
    return {
      chatId: record.chatId,
      number: record.number,
      name: record.name,
      firstSeen: record.firstSeen,
      previousSeenAt,
      lastOutboundAt: record.lastOutboundAt,
      lastShopMessageAt: record.lastShopMessageAt,
      handoffUntil: record.handoffUntil,
      pausedUntil: record.pausedUntil,
      messageCount: record.messageCount,
      language: record.language,
    };
  }

  /** Remembers the language the customer wrote in plainly, for their next messages that do not say ("1", "ok"). */
  setLanguage(chatId: string, language: 'id' | 'en'): void {
    const record = this.get(chatId);
    if (!record || record.language === language) return;
    record.language = language;
    this.store.changed();
  }

  /** The bot stays quiet in this chat until `until` (null lifts a pause). */
  pause(chatId: string, until: number | null): void {
    const record = this.get(chatId);
    if (!record) return;
    record.pausedUntil = until;
    this.store.changed();
  }

  /** Chats paused at `now`, longest pause first. */
  paused(now: number): CustomerRecord[] {
    return Object.values(this.store.data.customers)
      .filter((c) => c.pausedUntil !== null && c.pausedUntil > now)
      .sort((a, b) => (b.pausedUntil ?? 0) - (a.pausedUntil ?? 0));
  }

  /** A person has been asked to answer this chat until `until`. */
  handOff(chatId: string, until: number): void {
    const record = this.get(chatId);
    if (!record) return;
    record.handoffUntil = Math.max(record.handoffUntil ?? 0, until);
    this.store.changed();
  }

  private create(chatId: string, at: number): CustomerRecord {
    return {
      chatId,
      number: null,
      name: null,
      firstSeen: at,
      lastSeen: at,
      messageCount: 0,
      lastOutboundAt: null,
      lastShopMessageAt: null,
      handoffUntil: null,
      pausedUntil: null,
      dialog: null,
      language: null,
      data: {},
    };
  }

  /** Every chat id the customer wrote on: the record's own and its aliases (a LID and a phone-number id). */
  idsOf(record: CustomerRecord): string[] {
    return [
      record.chatId,
      ...Object.entries(this.store.data.aliases)
        .filter(([, to]) => to === record.chatId)
        .map(([from]) => from),
    ];
  }

  /**
   * Erases a customer's record, its other ids and the ids of their messages kept to spot
   * duplicates. Returns every chat id the customer had, for the plugins to erase theirs.
   */
  forget(record: CustomerRecord): string[] {
    const data = this.store.data;
    const ids = this.idsOf(record);
    for (const id of ids) delete data.aliases[id];
    delete data.customers[record.chatId];
    if (record.number) this.byNumber.delete(record.number);
    data.seen = data.seen.filter((key) => !ids.some((id) => key.startsWith(`${id}|`)));
    this.store.changed();
    return ids;
  }

  private learn(record: CustomerRecord, msg: Incoming): void {
    const name = cleanName(msg.senderName);
    if (name) record.name = name;
    if (msg.senderNumber && record.number !== msg.senderNumber) {
      if (record.number) this.byNumber.delete(record.number);
      record.number = msg.senderNumber;
      this.byNumber.set(msg.senderNumber, record.chatId);
    }
  }
}
