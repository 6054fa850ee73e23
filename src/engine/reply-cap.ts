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
