/**
 * At most `count` automatic replies per chat in `windowMs`: the end of any loop with another
 * auto-responder, and of a flood answered message by message. Once a chat reaches the cap the bot
 * stays quiet there until the chat has been calm (nothing it would have answered) for a whole
 * window, as the owner's alert says. Kept in memory (a restart starts afresh), bounded by the
 * chats active within the window.
 */
export interface CapDecision {
  /** Whether this answer may go out. */
  allowed: boolean;
  /** True the first time a chat hits the cap in a spell: the moment to tell the owner. */
  newlyCapped: boolean;
}

export class ReplyCap {
  private readonly sent = new Map<string, number[]>();
  /** Capped chats → the last answer refused there. */
  private readonly capped = new Map<string, number>();
  /** Prune when the maps grow past this; doubled after a prune that freed little (no work per message). */
  private pruneAt = 10_000;

  constructor(private readonly limit: { count: number; windowMs: number }) {}

  /** Records one automatic answer to `chat` at `now`, if the cap allows it. */
  take(chat: string, now: number): CapDecision {
    const { count, windowMs } = this.limit;
    const lastRefused = this.capped.get(chat);
    if (lastRefused !== undefined) {
      if (now - lastRefused < windowMs && now >= lastRefused) {
        // still busy: the quiet lasts until a whole window passes without anything to answer
        this.capped.set(chat, now);
        return { allowed: false, newlyCapped: false };
      }
      this.capped.delete(chat);
      this.sent.delete(chat);
    }
    const since = now - windowMs;
    const times = (this.sent.get(chat) ?? []).filter((t) => t > since && t <= now);
    if (times.length >= count) {
      this.sent.set(chat, times);
      this.capped.set(chat, now);
      return { allowed: false, newlyCapped: true };
    }
    times.push(now);
    this.sent.set(chat, times);
    if (this.sent.size > this.pruneAt) this.prune(now);
    return { allowed: true, newlyCapped: false };
  }

  /** Puts a chat in the quiet spell now (a loop seen); true the first time in a spell. */
  refuse(chat: string, now: number): boolean {
    const refused = this.capped.get(chat);
    this.capped.set(chat, now);
    return refused === undefined || now - refused >= this.limit.windowMs || now < refused;
  }

  /** How many answers the window allows. */
  get count(): number {
    return this.limit.count;
  }

  get size(): number {
    return this.sent.size;
  }

  private prune(now: number): void {
    const since = now - this.limit.windowMs;
    for (const [chat, times] of this.sent) {
      const refused = this.capped.get(chat);
      if (!times.some((t) => t > since) && (refused === undefined || refused <= since)) {
        this.sent.delete(chat);
        this.capped.delete(chat);
      }
    }
    // many chats really are active: wait until there are twice as many before looking again
    this.pruneAt = Math.max(10_000, this.sent.size * 2);
  }
}

/** Why a chat's automatic answers stop. */
export type CapReason = 'repeat' | 'same-answer' | 'flood' | 'ceiling';

/** What looks like a loop or a flood, per chat: read from what comes in and what would go out. */
export interface LoopLimits {
  /** The same message this many times within the window is a loop (another bot, a stuck sender). */
  repeats: number;
  /** The same answer this many times within `sameAnswerMs` would be a loop: the last is not sent. */
  sameAnswers: number;
  /** How close together the same answers make a loop: a bot answers in seconds, a person asks again later. */
  sameAnswerMs: number;
  /** More messages than this within a minute is more than a person types. */
  perMinute: number;
  windowMs: number;
}

export const LOOP_LIMITS: Omit<LoopLimits, 'windowMs'> = { repeats: 3, sameAnswers: 3, sameAnswerMs: 2 * 60_000, perMinute: 12 };

interface Seen {
  at: number;
  /** A hash of the text: the texts themselves are not kept. */
  fp: number;
}

/** Messages shorter than this never count as the same message repeated. */
const MIN_REPEAT_LENGTH = 12;
/** Messages kept per chat: enough for the flood rule (a minute's worth above the limit), bounded whatever the chat sends. */
const KEPT_INBOUND = 16;
/** Answers kept per chat: enough for the same-answer rule. */
const KEPT_ANSWERS = 4;

/** FNV-1a: a text's 32-bit fingerprint; a rare collision only makes two messages look alike. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The signs of a loop or a flood in one chat: the same message again and again, the bot about to
 * send the same answer again, or more messages than a person types. A shopper who asks fifteen
 * different things in five minutes shows none of them. Kept in memory, bounded like the cap.
 */
export class LoopGuard {
  private readonly chats = new Map<string, { inbound: Seen[]; answers: Seen[] }>();
  private pruneAt = 10_000;

  constructor(private readonly limits: LoopLimits) {}

  /** Records a message that came in; returns the reason it makes a loop or a flood, or null. */
  inbound(chat: string, text: string, now: number): CapReason | null {
    const state = this.state(chat, now);
    const fp = hash(text);
    state.inbound.push({ at: now, fp });
    if (state.inbound.length > KEPT_INBOUND) state.inbound.shift();
    if (state.inbound.filter((s) => s.at > now - 60_000).length > this.limits.perMinute) return 'flood';
    // pictures and stickers have no words to compare, and a person repeats "halo", "5" or "kak??"
    // while waiting: only a message of some length, the same again and again, is a loop
    if (text.length >= MIN_REPEAT_LENGTH && state.inbound.filter((s) => s.fp === fp).length >= this.limits.repeats) return 'repeat';
    return null;
  }

  /** Records an answer about to go out; 'same-answer' when it would be the same one once too often. */
  answer(chat: string, text: string, now: number): CapReason | null {
    const state = this.state(chat, now);
    const fp = hash(text);
    const same = state.answers.filter((s) => s.fp === fp && s.at > now - this.limits.sameAnswerMs).length;
    if (same + 1 >= this.limits.sameAnswers) return 'same-answer';
    state.answers.push({ at: now, fp });
    if (state.answers.length > KEPT_ANSWERS) state.answers.shift();
    return null;
  }

  get size(): number {
    return this.chats.size;
  }

  private state(chat: string, now: number): { inbound: Seen[]; answers: Seen[] } {
    const since = now - this.limits.windowMs;
    let state = this.chats.get(chat);
    if (!state) {
      state = { inbound: [], answers: [] };
      this.chats.set(chat, state);
      if (this.chats.size > this.pruneAt) this.prune(since);
    }
    // a clock that went back counts as a fresh start
    state.inbound = state.inbound.filter((s) => s.at > since && s.at <= now);
    state.answers = state.answers.filter((s) => s.at > since && s.at <= now);
    return state;
  }

  private prune(since: number): void {
    for (const [chat, s] of this.chats) if (!s.inbound.some((x) => x.at > since) && !s.answers.some((x) => x.at > since)) this.chats.delete(chat);
    this.pruneAt = Math.max(10_000, this.chats.size * 2);
  }
}
