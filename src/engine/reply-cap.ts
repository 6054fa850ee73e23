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

/**
 * What a chat sent or was sent lately, oldest first, as pairs in one array of plain numbers:
 * when, and a hash of the text (the texts themselves are not kept). Not an object per message:
 * the guard keeps this for every chat active in the window, thousands of them on a busy day.
 */
type Trail = number[];

function push(trail: Trail, at: number, fp: number, keep: number): void {
  trail.push(at, fp);
  if (trail.length > 2 * keep) trail.splice(0, 2);
}

/** How many entries since `after` (exclusive), with this hash when one is given. */
function countIn(trail: Trail, after: number, fp?: number): number {
  let n = 0;
  for (let i = 0; i < trail.length; i += 2) if ((trail[i] as number) > after && (fp === undefined || trail[i + 1] === fp)) n++;
  return n;
}

/** What lies in (since, now]: the same array when that is all of it. A clock that went back counts as a fresh start. */
function within(trail: Trail, since: number, now: number): Trail {
  let all = true;
  for (let i = 0; i < trail.length && all; i += 2) all = (trail[i] as number) > since && (trail[i] as number) <= now;
  if (all) return trail;
  const out: Trail = [];
  for (let i = 0; i < trail.length; i += 2)
    if ((trail[i] as number) > since && (trail[i] as number) <= now) out.push(trail[i] as number, trail[i + 1] as number);
  return out;
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
  private readonly chats = new Map<string, { inbound: Trail; answers: Trail }>();
  private pruneAt = 10_000;

  constructor(private readonly limits: LoopLimits) {}

  /** Records a message that came in; returns the reason it makes a loop or a flood, or null. */
  inbound(chat: string, text: string, now: number): CapReason | null {
    const state = this.state(chat, now);
    const fp = hash(text);
    push(state.inbound, now, fp, KEPT_INBOUND);
    if (countIn(state.inbound, now - 60_000) > this.limits.perMinute) return 'flood';
    // pictures and stickers have no words to compare, and a person repeats "halo", "5" or "kak??"
    // while waiting: only a message of some length, the same again and again, is a loop
    if (text.length >= MIN_REPEAT_LENGTH && countIn(state.inbound, Number.NEGATIVE_INFINITY, fp) >= this.limits.repeats) return 'repeat';
    return null;
  }

  /** Records an answer about to go out; 'same-answer' when it would be the same one once too often. */
  answer(chat: string, text: string, now: number): CapReason | null {
    const state = this.state(chat, now);
    const fp = hash(text);
    const same = countIn(state.answers, now - this.limits.sameAnswerMs, fp);
    if (same + 1 >= this.limits.sameAnswers) return 'same-answer';
    push(state.answers, now, fp, KEPT_ANSWERS);
    return null;
  }

  get size(): number {
    return this.chats.size;
  }

  private state(chat: string, now: number): { inbound: Trail; answers: Trail } {
    const since = now - this.limits.windowMs;
    let state = this.chats.get(chat);
    if (!state) {
      state = { inbound: [], answers: [] };
      this.chats.set(chat, state);
      if (this.chats.size > this.pruneAt) this.prune(since);
    }
    state.inbound = within(state.inbound, since, now);
    state.answers = within(state.answers, since, now);
    return state;
  }

  private prune(since: number): void {
    for (const [chat, s] of this.chats) if (countIn(s.inbound, since) === 0 && countIn(s.answers, since) === 0) this.chats.delete(chat);
    this.pruneAt = Math.max(10_000, this.chats.size * 2);
  }
}
