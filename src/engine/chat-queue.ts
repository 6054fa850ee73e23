/**
 * Runs work for one chat at a time, in arrival order, while different chats run side by side.
 * A failure in one task never blocks the tasks queued after it.
 */
export class ChatQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private active = 0;
  private idleWaiters: Array<() => void> = [];

  run(chatId: string, task: () => Promise<void>): Promise<void> {
    this.active++;
    const previous = this.tails.get(chatId) ?? Promise.resolve();
    const current = previous.then(task).finally(() => {
      if (this.tails.get(chatId) === tail) this.tails.delete(chatId);
      this.active--;
      if (this.active === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
    // The chain continues whatever this task did; the caller still sees its outcome.
    const tail = current.catch(() => undefined);
    this.tails.set(chatId, tail);
    return current;
  }

  /** Tasks queued or running. */
  size(): number {
    return this.active;
  }

  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

/** A set that forgets its oldest entries beyond `capacity`. */
export class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly capacity: number) {}

  /** Adds `key`; returns false when it was already there. */
  add(key: string): boolean {
    if (this.items.has(key)) return false;
    this.items.add(key);
    if (this.items.size > this.capacity) {
      const oldest = this.items.values().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
    return true;
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  get size(): number {
    return this.items.size;
  }
}
