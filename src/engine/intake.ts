import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { heldMessageSchema, unsentReplySchema, type HeldMessage } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Incoming } from '../transport/types.js';
import { BoundedSet, ChatQueue } from './chat-queue.js';
import { forgetHeldPicture, heldEntry, keepPicture, releaseMessage, restoreReply, storeReply } from './holding.js';
import type { Media } from './media.js';
import type { Outbox } from './outbox.js';
import { maskChat } from '../phone.js';

const SEEN_CAPACITY = 5_000;
/** How far the kept ring may grow past its capacity before its oldest keys are dropped. */
const SEEN_SLACK = 500;

/**
 * open: messages are answered. closing: the bot is stopping; what is in hand is answered, what
 * arrives is kept for the next start. holding: the grace is over; whatever has not started yet is
 * kept too. closed: the store is closed, nothing more is taken.
 */
export type Phase = 'open' | 'closing' | 'holding' | 'closed';

export interface IntakeOptions {
  store: Store;
  media: Media;
  outbox: Outbox;
  clock: Clock;
  log: Logger;
  /** The chat's key, the same for all of a person's ids: their messages queue together. */
  keyOf(chatId: string): string;
  config: {
    /** Messages older than this when taken back after a restart are recorded, not answered. */
    backlogMaxAgeMs: number;
    /**
     * How long a lone greeting ("halo", "p", "permisi kak") waits for the chat's next message, read
     * with it as one ("halo" + "mawar putih ready?" gets one complete answer); 0 answers at once.
     */
    readTogetherMs: number;
  };
  /** Reads a message: whether it is nothing but courtesy. */
  reader: { read(text: string): { readonly courtesyOnly: boolean } };
  /** Handles one message, in its chat's turn. */
  handle(msg: Incoming): Promise<void>;
}

/** At most this many messages are read as one. */
const TOGETHER_MAX = 4;
/** "p", "P", "ping": calls for attention before the question. */
const PINGS = /(?<![\p{L}\p{N}])(?:p+|ping)(?![\p{L}\p{N}])/giu;

/**
 * Where messages enter: a message delivered twice is taken once (the ids are kept in db.json, so
 * also across a restart), each person's messages are handled one at a time in the order they came,
 * and while the bot stops, what it cannot answer in time is kept in db.json (pictures under
 * data/media/) and answered after the next start, as are replies that had not gone out.
 */
export class Intake {
  private current: Phase = 'open';
  /** Chats whose message waits for the rest, each with how to wake it (with the next message, or null). */
  private readonly gathering = new Map<string, (next: Incoming | null) => void>();
  private readonly queue = new ChatQueue();
  private readonly seen = new BoundedSet(SEEN_CAPACITY);
  /** Messages queued for their chat and not taken up yet, with their stored entry if kept at the last stop. */
  private readonly waiting = new Map<Incoming, HeldMessage | null>();
  /** Order of arrival, so messages kept while stopping are answered in the order they came. */
  private arrivals = 0;
  private readonly arrival = new WeakMap<object, number>();
  private readonly holds: Promise<void>[] = [];

  constructor(private readonly opts: IntakeOptions) {
    for (const key of opts.store.data.seen) this.seen.add(key);
  }

  get phase(): Phase {
    return this.current;
  }

  /** Once the bot stops, a message waiting for the rest is answered with what it has. */
  set phase(phase: Phase) {
    this.current = phase;
    if (phase !== 'open') for (const wake of [...this.gathering.values()]) wake(null);
  }

  /** The transport's sink: queues a message for its chat. Resolves when it has been handled. */
  deliver(msg: Incoming): Promise<void> {
    const { log } = this.opts;
    if (this.phase === 'closed') {
      log.error({ msgId: msg.id, chat: maskChat(msg.chatId) }, 'a message arrived after the bot stopped and could not be kept');
      return Promise.resolve();
    }
    const chatKey = this.opts.keyOf(msg.chatId);
    if (!this.rememberSeen(`${chatKey}|${msg.id}`)) {
      log.debug({ msgId: msg.id }, 'duplicate message ignored');
      return Promise.resolve();
    }
    this.arrival.set(msg, ++this.arrivals);
    if (this.phase !== 'open') return this.hold(msg);
    return this.inTurn(chatKey, msg, null);
  }

  /** Messages in hand or waiting for their turn. */
  size(): number {
    return this.queue.size();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Runs `task` in the chat's turn, after the messages queued for it (a dialog's timeout, say). */
  inTurnOf(chatId: string, task: () => Promise<void>): Promise<void> {
    return this.queue.run(this.opts.keyOf(chatId), task);
  }

  /** Answers what was kept at the last stop (before anything new arrives) and sends the replies kept then. */
  release(): void {
    const { store, outbox, log } = this.opts;
    const now = this.opts.clock.now();
    const keptReplies = store.data.unsent.splice(0);
    if (keptReplies.length === 0 && store.data.held.length === 0) return;
    store.changed();
    const replies = this.valid(keptReplies, unsentReplySchema, 'kept reply');
    // each stays in db.json until it is taken up (see inTurn)
    const held = this.valid(store.data.held, heldMessageSchema, 'kept message');
    store.data.held = held;
    for (const r of replies) {
      const message = restoreReply(r);
      if (message) outbox.restore(r.chatId, message, r.queuedAt, r.keep === true);
    }
    for (const h of held) {
      const msg = releaseMessage(h, this.opts.media, now, this.opts.config.backlogMaxAgeMs);
      void this.inTurn(this.opts.keyOf(msg.chatId), msg, h);
    }
    log.info({ messages: held.length, replies: replies.length }, 'answering the messages and sending the replies kept at the last stop');
  }

  /** The grace is over: every message that has not been taken up yet is kept for the next start. */
  holdWaiting(): void {
    for (const [msg, kept] of this.waiting) {
      this.waiting.delete(msg);
      // one kept at the last stop is still in db.json as it was
      if (!kept) void this.hold(msg);
    }
  }

  /**
   * The last of stopping: waits for the pictures of kept messages, puts the kept messages in the
   * order they came, and keeps the replies that did not go out.
   */
  async keepForNextStart(waitForPictures: (pictures: Promise<unknown>) => Promise<unknown>): Promise<void> {
    const { store, outbox, log } = this.opts;
    await waitForPictures(Promise.allSettled(this.holds));
    // a message that waited in its chat's queue came before one kept as it arrived: keep that
    // order (entries from the last stop, not yet taken up, stay first; the sort is stable)
    store.data.held.sort((a, b) => (this.arrival.get(a as object) ?? 0) - (this.arrival.get(b as object) ?? 0));
    store.changed();
    const unsent = outbox.takeWaiting();
    if (unsent.length > 0) {
      store.data.unsent.push(...unsent.map((u) => storeReply(u.chatId, u.message, u.queuedAt, u.keep)));
      store.changed();
      log.warn({ unsent: unsent.length }, 'replies that could not be sent before stopping are kept for the next start');
    }
  }

  /** For !pelanggan: what is kept of these chats' messages. */
  describe(chatIds: readonly string[]): string[] {
    const kept = this.opts.store.data.held.filter((entry) => theirs(entry, chatIds)).length;
    return kept > 0 ? [`Pesan yang datang saat bot berhenti, dijawab setelah bot jalan lagi: ${kept} (isinya disimpan sampai dijawab)`] : [];
  }

  /** Erases what is kept of these chats: waiting and kept messages (with their pictures) and replies. */
  async forget(chatIds: readonly string[]): Promise<void> {
    const { store } = this.opts;
    for (const msg of this.waiting.keys()) if (chatIds.includes(msg.chatId)) this.waiting.delete(msg);
    const mine = store.data.held.filter((e) => theirs(e, chatIds));
    store.data.held = store.data.held.filter((e) => !theirs(e, chatIds));
    store.data.unsent = store.data.unsent.filter((e) => !theirs(e, chatIds));
    store.changed();
    for (const entry of mine) {
      const parsed = heldMessageSchema.safeParse(entry);
      if (parsed.success) await forgetHeldPicture(parsed.data, this.opts.media);
    }
  }

  /** Recent message keys, persisted so a message delivered again after a restart is not answered twice. */
  private rememberSeen(key: string): boolean {
    if (!this.seen.add(key)) return false;
    const { store } = this.opts;
    const ring = store.data.seen;
    ring.push(key);
    // trimmed in batches: dropping the oldest one at a time moves 5,000 keys on every message
    if (ring.length >= SEEN_CAPACITY + SEEN_SLACK) ring.splice(0, ring.length - SEEN_CAPACITY);
    store.changed();
    return true;
  }

  /**
   * Queues a message behind the others of its person (whichever of their ids it came on). `kept`
   * is its stored entry when it was kept at the last stop: the entry stays in db.json until the
   * message is taken up, so a stop before that keeps it again.
   */
  private async inTurn(chatKey: string, msg: Incoming, kept: HeldMessage | null): Promise<void> {
    const { log } = this.opts;
    this.waiting.set(msg, kept);
    // a message of the same chat waiting for the rest: this may be it
    if (!kept) this.gathering.get(chatKey)?.(msg);
    // no closure per message: the chat's turn is taken and given back around the work
    await this.queue.enter(chatKey);
    try {
      await this.take(chatKey, msg, kept);
    } catch (err) {
      log.error({ err, msgId: msg.id }, 'a message could not be processed');
    } finally {
      this.queue.leave(chatKey);
    }
  }

  /** A message's turn has come: it is answered, unless it was kept for the next start while it waited. */
  private async take(chatKey: string, first: Incoming, kept: HeldMessage | null): Promise<void> {
    const { store, log, media } = this.opts;
    if (!this.waiting.delete(first)) return;
    const msg = kept ? first : await this.together(chatKey, first);
    if (kept) {
      const i = store.data.held.indexOf(kept);
      if (i !== -1) store.data.held.splice(i, 1);
      store.changed();
      // on disk before it is answered: a power cut now must not bring it back for a second answer
      try {
        await store.flush();
      } catch (err) {
        log.error({ err }, 'could not save that a kept message was taken up');
      }
    }
    try {
      await this.opts.handle(msg);
    } finally {
      if (kept) await forgetHeldPicture(kept, media);
      if (this.phase === 'closed')
        log.warn({ msgId: msg.id, chat: maskChat(msg.chatId) }, 'a message was still being answered when the bot stopped; its replies may not have gone out');
    }
  }

  /**
   * A lone greeting waits up to the configured moment for the chat's next message, and the texts
   * are read as one; so do the next ones while they are still incomplete, up to TOGETHER_MAX. A
   * picture, a voice note or anything but text is not joined: it is answered in its own turn.
   */
  private async together(chatKey: string, first: Incoming): Promise<Incoming> {
    const ms = this.opts.config.readTogetherMs;
    if (ms <= 0) return first;
    let msg = first;
    for (let n = 1; n < TOGETHER_MAX && this.current === 'open' && isText(msg) && this.incomplete(msg.text); n++) {
      const next = this.nextOf(chatKey) ?? (await this.arrivalIn(chatKey, ms));
      if (!next || !isText(next) || this.waiting.get(next) !== null) break;
      this.waiting.delete(next);
      msg = { ...next, text: `${msg.text}\n${next.text}` };
    }
    if (msg !== first) this.opts.log.debug({ msgId: msg.id }, 'messages sent close together are read as one');
    return msg;
  }

  /** Nothing but courtesy, or the "p" people send to get attention: the question is still to come. */
  private incomplete(text: string): boolean {
    const rest = text.replace(PINGS, ' ').trim();
    return rest === '' || this.opts.reader.read(rest).courtesyOnly;
  }

  /** The chat's next message already waiting for its turn (not one kept at the last stop). */
  private nextOf(chatKey: string): Incoming | null {
    for (const [msg, kept] of this.waiting) if (kept === null && this.opts.keyOf(msg.chatId) === chatKey) return msg;
    return null;
  }

  /** The chat's next message, if it comes within `ms` of clock time (and the bot does not stop first). */
  private arrivalIn(chatKey: string, ms: number): Promise<Incoming | null> {
    return new Promise((resolve) => {
      const timer = this.opts.clock.at(this.opts.clock.now() + ms, () => wake(null));
      const wake = (next: Incoming | null): void => {
        timer.cancel();
        this.gathering.delete(chatKey);
        resolve(next);
      };
      this.gathering.set(chatKey, wake);
    });
  }

  /** Keeps a message for the next start: the bot is stopping and will not answer it in time. */
  private hold(msg: Incoming): Promise<void> {
    const { store, log, media } = this.opts;
    const entry = heldEntry(msg);
    this.arrival.set(entry, this.arrival.get(msg) ?? ++this.arrivals);
    store.data.held.push(entry);
    store.changed();
    log.info({ msgId: msg.id, chat: maskChat(msg.chatId) }, 'a message came while stopping; it is kept and answered after the next start');
    if (!msg.image) return Promise.resolve();
    const work = keepPicture(entry, msg.image, media, log).then(() => store.changed());
    this.holds.push(work);
    return work;
  }

  /** The entries that still have their shape; a damaged one is logged and left out. */
  private valid<T>(entries: unknown[], schema: z.ZodType<T>, what: string): T[] {
    const valid: T[] = [];
    for (const entry of entries) {
      const parsed = schema.safeParse(entry);
      if (parsed.success) valid.push(parsed.data);
      else
        this.opts.log.error(
          { problem: parsed.error.issues[0]?.message, path: parsed.error.issues[0]?.path.join('.') },
          `a ${what} in db.json was damaged and is left out`,
        );
    }
    return valid;
  }
}

/** Whether a kept entry belongs to one of these chats. */
function theirs(entry: unknown, ids: readonly string[]): boolean {
  return typeof entry === 'object' && entry !== null && ids.includes(String((entry as { chatId?: unknown }).chatId));
}

/** A text message, without a picture: the kind that may be read together with the next. */
function isText(msg: Incoming): boolean {
  return msg.kind === 'text' && !msg.image && !msg.tooOld;
}
