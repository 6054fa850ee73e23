/**
 * The injected clock. Nothing outside this file reads the wall clock or arms a timer for
 * business time: plugins, the scheduler and dialogs all go through a Clock, so the simulator
 * and the tests can move time by hand.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` once the clock has reached `at` (epoch ms). */
  at(at: number, fn: () => void | Promise<void>): TimerHandle;
  /** Resolves after `ms` of clock time. */
  sleep(ms: number): Promise<void>;
}

/** Node refuses timeouts above 2^31-1 ms; we also re-check often so a suspended host catches up. */
const MAX_REAL_WAIT_MS = 60_000;

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  at(at: number, fn: () => void | Promise<void>): TimerHandle {
    let timer: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (): void => {
      const wait = at - Date.now();
      if (wait <= 0) {
        timer = undefined;
        void Promise.resolve().then(() => (cancelled ? undefined : fn()));
        return;
      }
      // Not unref'd: a pending reconnect or job is a reason for the bot to stay up.
      timer = setTimeout(
        () => {
          if (!cancelled) arm();
        },
        Math.min(wait, MAX_REAL_WAIT_MS),
      );
    };
    arm();
    return {
      cancel() {
        cancelled = true;
        if (timer) clearTimeout(timer);
      },
    };
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  }
}

interface PendingTimer {
  at: number;
  seq: number;
  fn: () => void | Promise<void>;
  cancelled: boolean;
}

/**
 * A clock that only moves when told to. Timers that come due while it moves fire in order, each
 * one with the clock set to its own moment, and `advanceTo` waits for every callback it started.
 * So a timer callback must never wait for this same clock to move (a `sleep` on it): that would
 * wait forever. Jobs and dialog timeouts only queue their messages for that reason.
 */
export class ManualClock implements Clock {
  private current: number;
  private timers: PendingTimer[] = [];
  private seq = 0;
  private moving: Promise<void> = Promise.resolve();

  constructor(start: number | Date) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  at(at: number, fn: () => void | Promise<void>): TimerHandle {
    const timer: PendingTimer = { at, seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return {
      cancel() {
        timer.cancelled = true;
      },
    };
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.at(this.current + Math.max(0, ms), resolve);
    });
  }

  /** Number of timers still waiting (cancelled ones excluded). */
  pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Moves forward by `ms`. */
  advance(ms: number): Promise<void> {
    return this.advanceTo(this.current + ms);
  }

  /**
   * Moves the clock to `target`, firing due timers in time order. The clock never moves
   * backwards: an earlier target only fires what is already due.
   */
  advanceTo(target: number | Date): Promise<void> {
    const goal = typeof target === 'number' ? target : target.getTime();
    const run = this.moving.then(() => this.runUntil(goal));
    this.moving = run.catch(() => undefined);
    return run;
  }

  private async runUntil(goal: number): Promise<void> {
    const end = Math.max(goal, this.current);
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      let next: PendingTimer | undefined;
      for (const t of this.timers) {
        if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      }
      if (!next) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.current = Math.max(this.current, next.at);
      await next.fn();
    }
    this.current = end;
  }
}
