/**
 * Turns per chat: work for one chat runs one at a time, in arrival order, while different chats run
 * side by side. A chat with nothing in hand is entered at once, without allocating anything; only
 * work that arrives while its chat is busy waits, on a promise of its own.
 */
export class ChatQueue {
  /** Chats with work in hand, each with the wake-ups of the work waiting behind it (null: none). */
  private readonly busy = new Map<string, Array<() => void> | null>();
  private active = 0;
  private idleWaiters: Array<() => void> = [];

  /**
   * Takes the chat's turn: undefined when it is free now, else a promise that resolves when it is
   * this caller's turn. Every enter is paired with one `leave`, in a finally.
   */
  enter(chatKey: string): Promise<void> | undefined {
    this.active++;
    if (!this.busy.has(chatKey)) {
      this.busy.set(chatKey, null);
      return undefined;
    }
    let waiting = this.busy.get(chatKey) ?? null;
    if (waiting === null) {
      waiting = [];
      this.busy.set(chatKey, waiting);
    }
    const queue = waiting;
    return new Promise((resolve) => queue.push(resolve));
  }

  /** Gives the chat's turn to the work waiting next, if any. */
  leave(chatKey: string): void {
    this.active--;
    const next = this.busy.get(chatKey)?.shift();
    if (next) next();
    else this.busy.delete(chatKey);
    if (this.active === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Runs `task` in the chat's turn. A failure is the caller's to see and never blocks what comes after. */
  async run(chatKey: string, task: () => Promise<void>): Promise<void> {
    await this.enter(chatKey);
    try {
      await task();
    } finally {
      this.leave(chatKey);
    }
  }

  /** Work in hand or waiting for its turn. */
  size(): number {
    return this.active;
  }

  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

/**
 * A set that remembers at least its last `capacity` entries, and at most twice as many: two
 * generations, the older dropped whole when the newer fills. (Dropping the oldest entry one at a
 * time costs microseconds per add in V8, which walks past the deleted slots to find it.)
 */
export class BoundedSet {
  private current = new Set<string>();
  private previous = new Set<string>();
  constructor(private readonly capacity: number) {}

  /** Adds `key`; returns false when it was already there. */
  add(key: string): boolean {
    if (this.has(key)) return false;
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Set();
    }
    this.current.add(key);
    return true;
  }

  has(key: string): boolean {
    return this.current.has(key) || this.previous.has(key);
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
