import type { Clock, TimerHandle } from '../clock.js';
import type { DialogSession } from '../store/schema.js';

/**
 * Timeouts of dialog sessions. Sessions live in the customer records (so they survive a restart);
 * this only keeps the timers, which are armed again from the records at start.
 */
export class DialogTimers {
  private readonly timers = new Map<string, TimerHandle>();

  constructor(
    private readonly clock: Clock,
    private readonly onExpire: (chatId: string, session: DialogSession) => void,
  ) {}

  arm(chatId: string, session: DialogSession): void {
    this.disarm(chatId);
    if (session.expiresAt === null) return;
    this.timers.set(
      chatId,
      this.clock.at(session.expiresAt, () => {
        this.timers.delete(chatId);
        this.onExpire(chatId, session);
      }),
    );
  }

  disarm(chatId: string): void {
    this.timers.get(chatId)?.cancel();
    this.timers.delete(chatId);
  }

  stop(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  get size(): number {
    return this.timers.size;
  }
}

export function isActive(session: DialogSession | null | undefined, now: number): session is DialogSession {
  return !!session && (session.expiresAt === null || session.expiresAt > now);
}
