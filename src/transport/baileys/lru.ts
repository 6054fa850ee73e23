import type { CacheStore } from '@whiskeysockets/baileys';

/**
 * A bounded cache in the shape Baileys takes for its caches. Baileys' own defaults grow without
 * bound (a known memory leak in the rc line); these keep at most `max` entries, each for at most
 * `ttlMs`, and live across reconnects.
 */
export class LruCache implements CacheStore {
  private readonly entries = new Map<string, { value: unknown; expires: number }>();

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // refresh its place: most recently used last
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value as T;
  }

  set<T>(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  del(key: string): boolean {
    return this.entries.delete(key);
  }

  flushAll(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
