import cron, { type ScheduledTask } from 'node-cron';
import type { Clock, TimerHandle } from '../clock.js';
import type { Logger } from '../logger.js';
import { localTime } from '../time.js';

/**
 * Scheduled jobs on cron expressions, in the shop's time zone. node-cron parses and matches the
 * expressions; the timing follows the injected clock, so jobs fire in the simulator and in tests
 * when simulated time passes their moment, and live when real time does.
 *
 * After a long pause of the real clock (a suspended host), missed runs are skipped, not replayed.
 * A simulated clock moving forward fires every run it passes, each at its own moment.
 */
export interface JobRecord {
  lastRunAt: number;
}

export interface SchedulerOptions {
  clock: Clock;
  timeZone: string;
  logger: Logger;
  /** Persisted last runs, so a restart within the same minute does not run a job twice. */
  jobState: Record<string, JobRecord>;
  onStateChange: () => void;
}

export interface JobRun {
  now: number;
  log: Logger;
}

interface Job {
  name: string;
  expression: string;
  task: ScheduledTask;
  fields: { minute: Set<number>; hour: Set<number> };
  run: (job: JobRun) => void | Promise<void>;
  timer: TimerHandle | null;
  nextAt: number | null;
}

const MINUTE = 60_000;
/** Searching further than this for the next run means the expression (e.g. 30 February) never fires. */
const HORIZON_MS = 366 * 24 * 60 * MINUTE;

export function validateCron(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return 'needs 5 fields: minute hour day-of-month month day-of-week';
  const detailed = cron.validateDetailed(expression);
  if (!detailed.valid) return detailed.errors.map((e) => e.message).join('; ');
  return null;
}

export class Scheduler {
  private readonly jobs = new Map<string, Job>();
  private running = false;
  private active = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly opts: SchedulerOptions) {}

  add(name: string, expression: string, run: (job: JobRun) => void | Promise<void>): void {
    if (this.jobs.has(name)) throw new Error(`job "${name}" is already scheduled`);
    const problem = validateCron(expression);
    if (problem) throw new Error(`job "${name}": cron "${expression}" ${problem}`);
    const parsed = cron.parse(expression);
    const task = cron.createTask(expression, () => undefined, { timezone: this.opts.timeZone, name });
    const job: Job = {
      name,
      expression,
      task,
      fields: { minute: new Set(parsed.minute), hour: new Set(parsed.hour) },
      run,
      timer: null,
      nextAt: null,
    };
    this.jobs.set(name, job);
    if (this.running) this.arm(job, this.opts.clock.now());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const now = this.opts.clock.now();
    for (const job of this.jobs.values()) this.arm(job, now);
  }

  stop(): void {
    this.running = false;
    for (const job of this.jobs.values()) {
      job.timer?.cancel();
      job.timer = null;
      job.nextAt = null;
      void job.task.destroy();
    }
  }

  /** Next run of each job, for status displays and tests. */
  nextRuns(): Record<string, number | null> {
    const out: Record<string, number | null> = {};
    for (const job of this.jobs.values()) out[job.name] = job.nextAt;
    return out;
  }

  /** Resolves when no job is running. */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** When the named job would run next after `after`, or null. */
  nextRunAfter(name: string, after: number): number | null {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named "${name}"`);
    return this.nextMatch(job, after);
  }

  /** The first minute strictly after `after` that matches the job, or null within a year. */
  private nextMatch(job: Pick<Job, 'task' | 'fields'>, after: number): number | null {
    let t = Math.floor(after / MINUTE) * MINUTE + MINUTE;
    const end = after + HORIZON_MS;
    while (t <= end) {
      const { hour, minute } = localTime(t, this.opts.timeZone);
      if (!job.fields.hour.has(hour)) {
        t += (60 - minute) * MINUTE;
        continue;
      }
      if (!job.fields.minute.has(minute)) {
        let m = minute + 1;
        while (m < 60 && !job.fields.minute.has(m)) m++;
        t += (m - minute) * MINUTE;
        continue;
      }
      if (job.task.match(new Date(t))) return t;
      t += MINUTE;
    }
    return null;
  }

  private arm(job: Job, after: number): void {
    const last = this.opts.jobState[job.name]?.lastRunAt ?? -Infinity;
    const next = this.nextMatch(job, Math.max(after, last));
    job.nextAt = next;
    if (next === null) {
      this.opts.logger.warn({ job: job.name, cron: job.expression }, 'job never runs within a year; check its cron expression');
      return;
    }
    job.timer = this.opts.clock.at(next, () => this.fire(job, next));
  }

  private async fire(job: Job, at: number): Promise<void> {
    job.timer = null;
    if (!this.running) return;
    this.active++;
    const log = this.opts.logger.child({ job: job.name });
    try {
      this.opts.jobState[job.name] = { lastRunAt: at };
      this.opts.onStateChange();
      await job.run({ now: this.opts.clock.now(), log });
    } catch (err) {
      log.error({ err }, 'scheduled job failed; it will run again at its next time');
    } finally {
      this.active--;
      if (this.active === 0) for (const w of this.idleWaiters.splice(0)) w();
    }
    if (this.running) this.arm(job, Math.max(at, this.opts.clock.now()));
  }
}
