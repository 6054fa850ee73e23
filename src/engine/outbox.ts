import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { maskChat } from '../phone.js';
import { NotConnectedError, type Outgoing, type Transport } from '../transport/types.js';

/**
 * Every message layani sends goes through the outbox: one sender for the whole process, paced
 * with jitter, "typing…" before each message, each chat's messages in order, and chats served in
 * turn so one busy chat does not hold up the others.
 */
export const WHATSAPP_MAX_TEXT = 4096;

export interface Pacing {
  /** The least time between two sends, across all chats. */
  minGapMs: number;
  /** ±fraction applied to the gap, e.g. 0.3. */
  jitter: number;
  /** "typing…" time per character, clamped to [typingMinMs, typingMaxMs]; 0 disables it. */
  typingPerCharMs: number;
  typingMinMs: number;
  typingMaxMs: number;
}

export const NO_PACING: Pacing = { minGapMs: 0, jitter: 0, typingPerCharMs: 0, typingMinMs: 0, typingMaxMs: 0 };

export interface OutboxOptions {
  transport: Transport;
  clock: Clock;
  logger: Logger;
  pacing: Pacing;
  random?: () => number;
  /** Called after each successful send. */
  onSent?: (chatId: string, message: Outgoing, at: number) => void;
  /** Real time a send may take before it counts as failed. */
  sendTimeoutMs?: number;
  /** A reply that waited longer than this (for a reconnect) is dropped: a stale answer confuses. */
  maxAgeMs?: number;
  /** At most this many messages wait; beyond it the oldest is dropped. */
  maxQueued?: number;
}

const MAX_AGE_MS = 60 * 60_000;
const MAX_TRIES = 20;
const MAX_QUEUED = 1000;

const SEND_TIMEOUT_MS = 30_000;

/** Rejects when `work` has not settled within `ms` of real time (a hung network call is real time). */
async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Item {
  chatId: string;
  message: Outgoing;
  queuedAt: number;
  /** Order of arrival across all chats. */
  seq: number;
  /** Sends that found no usable connection; a message is not put back for ever. */
  tries: number;
  /** Never too old to send: an alert to the owner is worth reading however late. */
  keep: boolean;
  done: (sent: boolean) => void;
}

export function typingTime(message: Outgoing, pacing: Pacing): number {
  if (pacing.typingPerCharMs <= 0) return 0;
  const length = message.kind === 'text' ? message.text.length : (message.caption?.length ?? 0);
  return Math.min(pacing.typingMaxMs, Math.max(pacing.typingMinMs, length * pacing.typingPerCharMs));
}

/** Splits a text longer than WhatsApp allows at paragraph, then line, then word boundaries. */
export function splitText(text: string, max = WHATSAPP_MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 2) cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

export class Outbox {
  private readonly queues = new Map<string, Item[]>();
  /** Chats with something queued, in the order they are served. */
  private readonly turn: string[] = [];
  private pumping: Promise<void> | null = null;
  private lastSentAt = -Infinity;
  private current: Item | null = null;
  private seq = 0;
  private readonly random: () => number;
  private idleWaiters: Array<() => void> = [];
  /** Set by close(): nothing more is sent; what waits is taken with takeWaiting(). */
  private closed = false;
  /** True while the message in hand is with the transport (it may have gone out). */
  private sending = false;
  /**
   * Aborted when the outbox closes: the send in hand, "typing…", is cut short and its message kept.
   * One for all sends (the transports remove their listeners); a closed outbox sends nothing more.
   */
  private readonly abort = new AbortController();
  sentCount = 0;
  failedCount = 0;
  /** Messages dropped because they waited too long or the queue was full. */
  droppedCount = 0;

  constructor(private readonly opts: OutboxOptions) {
    this.random = opts.random ?? Math.random;
  }

  /**
   * Queues a message; resolves true once sent, false if sending failed (already logged). `keep`:
   * it does not expire while the connection is down (an owner alert).
   */
  enqueue(chatId: string, message: Outgoing, options: { keep?: boolean } = {}): Promise<boolean> {
    const pieces: Outgoing[] = message.kind === 'text' ? splitText(message.text).map((text) => ({ kind: 'text', text })) : [clampCaption(message)];
    const results = pieces.map(
      (piece) =>
        new Promise<boolean>((done) => {
          let queue = this.queues.get(chatId);
          if (!queue) {
            queue = [];
            this.queues.set(chatId, queue);
            this.turn.push(chatId);
          }
          queue.push({ chatId, message: piece, queuedAt: this.opts.clock.now(), seq: this.seq++, tries: 0, keep: options.keep === true, done });
        }),
    );
    while (this.size() > (this.opts.maxQueued ?? MAX_QUEUED)) this.dropOldest();
    this.kick();
    return Promise.all(results).then((r) => r.every(Boolean));
  }

  /**
   * Puts back a reply kept from before a restart, with the time it was first queued, so it is still
   * dropped once it is too old to make sense.
   */
  restore(chatId: string, message: Outgoing, queuedAt: number, keep = false): void {
    let queue = this.queues.get(chatId);
    if (!queue) {
      queue = [];
      this.queues.set(chatId, queue);
      this.turn.push(chatId);
    }
    queue.push({ chatId, message, queuedAt, seq: this.seq++, tries: 0, keep, done: () => undefined });
    this.kick();
  }

  /** Stops sending (the bot is stopping): the send under way finishes, the rest waits for takeWaiting(). */
  close(): void {
    this.closed = true;
    if (this.sending) this.abort.abort();
  }

  /**
   * Removes and returns every message that has not gone out, in the order they were queued: the
   * one in hand too, unless the transport already has it.
   */
  takeWaiting(): Array<{ chatId: string; message: Outgoing; queuedAt: number; keep: boolean }> {
    const items: Item[] = [];
    if (this.current && !this.sending) {
      items.push(this.current);
      this.current = null;
    }
    for (const queue of this.queues.values()) items.push(...queue);
    this.queues.clear();
    this.turn.length = 0;
    items.sort((a, b) => a.seq - b.seq);
    for (const item of items) item.done(false);
    return items.map(({ chatId, message, queuedAt, keep }) => ({ chatId, message, queuedAt, keep }));
  }

  /** Messages not sent yet, the one being sent included. */
  size(): number {
    let n = this.current ? 1 : 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Resolves when everything queued so far has been sent or has failed. */
  idle(): Promise<void> {
    if (!this.pumping) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private kick(): void {
    if (this.pumping || this.closed) return;
    this.pumping = this.pump()
      .catch((err: unknown) => {
        // Nothing in pump() should throw; if it does, the message in hand fails and the rest go on.
        this.opts.logger.error({ err }, 'the outbox hit a bug');
        this.current?.done(false);
        this.current = null;
      })
      .finally(() => {
        this.pumping = null;
        if (this.size() > 0 && !this.closed) this.kick();
        else for (const w of this.idleWaiters.splice(0)) w();
      });
  }

  private next(): Item | undefined {
    const chatId = this.turn.shift();
    if (chatId === undefined) return undefined;
    const queue = this.queues.get(chatId);
    const item = queue?.shift();
    if (queue && queue.length > 0) this.turn.push(chatId);
    else this.queues.delete(chatId);
    return item;
  }

  private dropOldest(): void {
    let oldest: { chatId: string; seq: number } | null = null;
    for (const [chatId, queue] of this.queues) {
      const head = queue[0];
      if (head && (!oldest || head.seq < oldest.seq)) oldest = { chatId, seq: head.seq };
    }
    if (!oldest) return;
    const queue = this.queues.get(oldest.chatId);
    const item = queue?.shift();
    if (queue && queue.length === 0) {
      this.queues.delete(oldest.chatId);
      this.turn.splice(this.turn.indexOf(oldest.chatId), 1);
    }
    if (!item) return;
    this.droppedCount++;
    this.opts.logger.error({ chat: maskChat(item.chatId) }, 'the outbox is full; the oldest waiting message was dropped');
    item.done(false);
  }

  private putBack(item: Item): void {
    const queue = this.queues.get(item.chatId);
    if (queue) {
      queue.unshift(item);
      this.turn.splice(this.turn.indexOf(item.chatId), 1);
    } else this.queues.set(item.chatId, [item]);
    this.turn.unshift(item.chatId);
  }

  private async pump(): Promise<void> {
    const { transport, clock, pacing, logger } = this.opts;
    for (let item = this.closed ? undefined : this.next(); item; item = this.closed ? undefined : this.next()) {
      this.current = item;
      if (!transport.isReady()) await transport.whenReady();
      // Taken by takeWaiting() while it waited: it is kept for the next start, not sent now.
      if (this.current !== item) return;
      const waited = clock.now() - item.queuedAt;
      if (!item.keep && waited > (this.opts.maxAgeMs ?? MAX_AGE_MS)) {
        this.current = null;
        this.droppedCount++;
        logger.warn({ chat: maskChat(item.chatId), waitedMinutes: Math.round(waited / 60_000) }, 'a reply waited too long for the connection and was dropped');
        item.done(false);
        continue;
      }
      if (pacing.minGapMs > 0) {
        const gap = pacing.minGapMs * (1 + pacing.jitter * (this.random() * 2 - 1));
        const wait = this.lastSentAt + gap - clock.now();
        if (wait > 0) await clock.sleep(wait);
        if (this.current !== item) return;
      }
      const typingMs = typingTime(item.message, pacing);
      this.sending = true;
      try {
        try {
          const options = { signal: this.abort.signal, ...(typingMs > 0 ? { typingMs } : {}) };
          await within(transport.send(item.chatId, item.message, options), (this.opts.sendTimeoutMs ?? SEND_TIMEOUT_MS) + typingMs, 'a send');
        } finally {
          this.sending = false;
        }
        this.lastSentAt = clock.now();
        this.sentCount++;
        this.current = null;
        this.opts.onSent?.(item.chatId, item.message, this.lastSentAt);
        item.done(true);
      } catch (err) {
        if (this.closed && err instanceof NotConnectedError) {
          // cut short by close(): nothing went out; takeWaiting() keeps it for the next start
          this.current = null;
          this.putBack(item);
          continue;
        }
        if ((err instanceof NotConnectedError || !transport.isReady()) && ++item.tries <= MAX_TRIES) {
          // The connection dropped under this send: keep the message first in line for its chat.
          logger.warn({ err, chat: maskChat(item.chatId) }, 'the connection dropped while sending; the message waits for the reconnect');
          this.current = null;
          this.putBack(item);
          continue;
        }
        this.current = null;
        this.failedCount++;
        logger.error({ err, chat: maskChat(item.chatId), kind: item.message.kind }, 'a message could not be sent');
        item.done(false);
      }
    }
    this.current = null;
  }
}

function clampCaption(message: Extract<Outgoing, { kind: 'image' }>): Outgoing {
  if (!message.caption || message.caption.length <= 1024) return message;
  return { ...message, caption: `${message.caption.slice(0, 1023)}…` };
}

/** Chat ids carry phone numbers; logs at info level only show them masked. */
