import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { textOut, type Incoming, type Outgoing, type Transport } from '../transport/types.js';
import { isGroup } from './classify.js';
import type { Outbox } from './outbox.js';

/** An owner's chat is re-noted at most this often while it stays the same. */
const REMEMBER_EVERY_MS = 3_600_000;
/** How many WhatsApp ids (LIDs) are remembered per owner. */
const IDS_KEPT = 5;

/**
 * Who the owners are, and where they write from. An owner is known by phone number; the WhatsApp
 * ids (LIDs) they wrote from while their number was known are remembered, so a later message from
 * such an id is theirs even when no number comes with it. Anything else is not an owner (fail closed).
 */
export class Owners {
  private readonly numbers: ReadonlySet<string>;

  constructor(
    numbers: readonly string[],
    private readonly store: Store,
    private readonly outbox: Outbox,
    private readonly transport: Transport,
    private readonly log: Logger,
  ) {
    this.numbers = new Set(numbers);
  }

  get count(): number {
    return this.numbers.size;
  }

  /** The owners' numbers, as configured. */
  list(): string[] {
    return [...this.numbers];
  }

  /** The owner's digits when the sender is an owner, by number or by a remembered id; null in a group. */
  ownerOf(msg: Incoming): string | null {
    // An owner writing in a group is one member among others there: no admin commands, whose
    // answers would be read by the whole group.
    if (isGroup(msg.chatId)) return null;
    if (msg.senderNumber !== null) return this.numbers.has(msg.senderNumber) ? msg.senderNumber : null;
    if (msg.senderId === undefined) return null;
    for (const digits of this.numbers) if (this.store.data.owners[digits]?.ids.includes(msg.senderId)) return digits;
    return null;
  }

  /** Notes the chat an owner wrote from (alerts go there) and the id they wrote from. */
  remember(digits: string, msg: Incoming): void {
    const known = this.store.data.owners[digits];
    const ids = known?.ids ?? [];
    const newId = msg.senderId !== undefined && !ids.includes(msg.senderId);
    if (known && known.chatId === msg.chatId && !newId && msg.at - known.lastSeen < REMEMBER_EVERY_MS) return;
    this.store.data.owners[digits] = { chatId: msg.chatId, lastSeen: msg.at, ids: newId && msg.senderId ? [...ids, msg.senderId].slice(-IDS_KEPT) : ids };
    this.store.changed();
  }

  /**
   * Queues a message to every owner, in the chat each last wrote from. Queued, not awaited: an
   * alert is worth reading however late, and it waits for the connection as long as it takes.
   */
  notify(message: string | Outgoing): Promise<void> {
    if (this.numbers.size === 0) {
      this.log.warn('an owner alert could not be delivered: OWNER_NUMBERS is empty');
      return Promise.resolve();
    }
    const out = typeof message === 'string' ? textOut(message) : message;
    for (const digits of this.numbers)
      void this.outbox.enqueue(this.store.data.owners[digits]?.chatId ?? this.transport.chatIdForNumber(digits), out, { keep: true });
    return Promise.resolve();
  }
}
