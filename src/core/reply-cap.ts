/**
 * At most `count` automatic replies per chat in `windowMs`: the end of any loop with another
 * auto-responder, and of a flood answered message by message. Kept in memory (a restart starts
 * afresh), bounded by the chats active within the window.
 */
export interface CapDecision {
  /** Whether this answer may go out. */
  allowed: boolean;
  /** True the first time a chat hits the cap in a spell: the moment to tell the owner. */
  newlyCapped: boolean;
}

export class ReplyCap {
  private readonly sent = new Map<string, number[]>();
  private readonly capped = new Set<string>();
  /** Prune when the map grows past this; doubled after a prune that freed little (no work per message). */
  private pruneAt = 10_000;

  constructor(private readonly limit: { count: number; windowMs: number }) {}

  /** Records one automatic answer to `chat` at `now`, if the cap allows it. */
  take(chat: string, now: number): CapDecision {
    const since = now - this.limit.windowMs;
    const times = (this.sent.get(chat) ?? []).filter((t) => t > since && t <= now);
    if (times.length === 0) this.capped.delete(chat); // a quiet window ends the spell
    if (times.length >= this.limit.count) {
      this.sent.set(chat, times);
      const newlyCapped = !this.capped.has(chat);
      this.capped.add(chat);
      return { allowed: false, newlyCapped };
    }
    times.push(now);
    this.sent.set(chat, times);
    if (this.sent.size > this.pruneAt) this.prune(now);
    return { allowed: true, newlyCapped: false };
  }

  get size(): number {
    return this.sent.size;
  }

  private prune(now: number): void {
    const since = now - this.limit.windowMs;
    for (const [chat, times] of this.sent) {
      if (!times.some((t) => t > since)) {
        this.sent.delete(chat);
        this.capped.delete(chat);
      }
    }
    // many chats really are active: wait until there are twice as many before looking again
    this.pruneAt = Math.max(10_000, this.sent.size * 2);
  }
}
