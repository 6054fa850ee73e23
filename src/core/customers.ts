import type { CustomerInfo } from '../plugin-api.js';
import type { CustomerRecord } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Incoming } from '../transport/types.js';
import { formatPhone } from '../phone.js';
import { cleanName } from './names.js';

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

  get(chatId: string): CustomerRecord | undefined {
    return this.store.data.customers[chatId];
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
    let record = customers[msg.chatId];
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
    let record = customers[msg.chatId];
    if (!record) {
      record = this.create(msg.chatId, msg.at);
      customers[msg.chatId] = record;
    }
    record.lastShopMessageAt = Math.max(record.lastShopMessageAt ?? 0, msg.at);
    record.lastOutboundAt = Math.max(record.lastOutboundAt ?? 0, msg.at);
    this.store.changed();
  }

  recordOutbound(chatId: string, at: number): void {
    const record = this.store.data.customers[chatId];
    if (!record) return;
    record.lastOutboundAt = Math.max(record.lastOutboundAt ?? 0, at);
    this.store.changed();
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
    };
  }

  /** The bot stays quiet in this chat until `until` (null lifts a pause). */
  pause(chatId: string, until: number | null): void {
    const record = this.store.data.customers[chatId];
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
    const record = this.store.data.customers[chatId];
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
      data: {},
    };
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
