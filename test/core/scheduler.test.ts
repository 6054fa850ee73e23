import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { Scheduler, validateCron, type JobRecord } from '../../src/engine/scheduler.js';
import { DAY, HOUR, memoryLogger, MINUTE } from '../helpers.js';

const WIB = (iso: string): number => Date.parse(`${iso}+07:00`);

function make(start: number, jobState: Record<string, JobRecord> = {}) {
  const clock = new ManualClock(start);
  const { logger, entries } = memoryLogger();
  const scheduler = new Scheduler({ clock, timeZone: 'Asia/Jakarta', logger, jobState, onStateChange: () => undefined });
  return { clock, scheduler, logs: entries, jobState };
}

describe('scheduler', () => {
  it('fires a daily job at 08:00 shop time when the simulated clock passes it', async () => {
    const { clock, scheduler } = make(WIB('2026-12-01T07:00:00'));
    const runs: number[] = [];
    scheduler.add('summary', '0 8 * * *', (job) => void runs.push(job.now));
    scheduler.start();
    await clock.advanceTo(WIB('2026-12-01T07:59:00'));
    expect(runs).toEqual([]);
    await clock.advanceTo(WIB('2026-12-01T08:00:00'));
    expect(runs).toEqual([WIB('2026-12-01T08:00:00')]);
  });

  it('fires every run a long jump passes, each at its own moment', async () => {
    const { clock, scheduler } = make(WIB('2026-12-01T09:00:00'));
    const runs: string[] = [];
    scheduler.add('summary', '0 8 * * *', (job) => void runs.push(new Date(job.now).toISOString()));
    scheduler.start();
    await clock.advance(3 * DAY);
    expect(runs).toEqual(['2026-12-02T01:00:00.000Z', '2026-12-03T01:00:00.000Z', '2026-12-04T01:00:00.000Z']);
  });

  it('follows weekdays and steps in the shop time zone', () => {
    const { scheduler } = make(0);
    scheduler.add('weekday', '30 9 * * 1-5', () => undefined);
    scheduler.add('half-hourly', '*/30 9-17 * * *', () => undefined);
    scheduler.add('new-year', '0 0 1 1 *', () => undefined);
    // from Saturday 5 Dec 2026 10:00 WIB, the next weekday 09:30 is Monday 7 Dec
    expect(scheduler.nextRunAfter('weekday', WIB('2026-12-05T10:00:00'))).toBe(WIB('2026-12-07T09:30:00'));
    expect(scheduler.nextRunAfter('half-hourly', WIB('2026-12-05T17:30:00'))).toBe(WIB('2026-12-06T09:00:00'));
    expect(scheduler.nextRunAfter('half-hourly', WIB('2026-12-05T09:00:00'))).toBe(WIB('2026-12-05T09:30:00'));
    expect(scheduler.nextRunAfter('new-year', WIB('2026-12-05T09:00:00'))).toBe(WIB('2027-01-01T00:00:00'));
  });

  it('does not run a job twice when restarted in the same minute', async () => {
    const jobState: Record<string, JobRecord> = {};
    const first = make(WIB('2026-12-01T07:59:00'), jobState);
    const runs: number[] = [];
    first.scheduler.add('summary', '0 8 * * *', () => void runs.push(1));
    first.scheduler.start();
    await first.clock.advanceTo(WIB('2026-12-01T08:00:00'));
    first.scheduler.stop();
    expect(jobState['summary']?.lastRunAt).toBe(WIB('2026-12-01T08:00:00'));
    // a restart whose clock reads a moment before the run (clock skew) must not repeat it
    const second = make(WIB('2026-12-01T07:59:30'), jobState);
    second.scheduler.add('summary', '0 8 * * *', () => void runs.push(2));
    second.scheduler.start();
    await second.clock.advanceTo(WIB('2026-12-01T08:30:00'));
    expect(runs).toEqual([1]);
    await second.clock.advanceTo(WIB('2026-12-02T08:00:00'));
    expect(runs).toEqual([1, 2]);
  });

  it('logs a failing job and runs it again next time', async () => {
    const { clock, scheduler, logs } = make(WIB('2026-12-01T07:00:00'));
    let calls = 0;
    scheduler.add('flaky', '0 * * * *', () => {
      calls++;
      throw new Error('boom');
    });
    scheduler.start();
    await clock.advance(2 * HOUR + MINUTE);
    expect(calls).toBe(2);
    expect(logs.filter((l) => l.level === 50 && l['job'] === 'flaky')).toHaveLength(2);
  });

  it('stops firing after stop()', async () => {
    const { clock, scheduler } = make(WIB('2026-12-01T07:00:00'));
    let calls = 0;
    scheduler.add('x', '* * * * *', () => void calls++);
    scheduler.start();
    await clock.advance(2 * MINUTE);
    scheduler.stop();
    await clock.advance(10 * MINUTE);
    expect(calls).toBe(2);
  });

  it('refuses bad expressions with a reason', () => {
    expect(validateCron('0 8 * * *')).toBeNull();
    expect(validateCron('0 25 * * *')).toMatch(/25 is a invalid expression for hour/);
    expect(validateCron('0 0 8 * * *')).toMatch(/needs 5 fields/);
    const { scheduler } = make(0);
    expect(() => scheduler.add('bad', 'every day', () => undefined)).toThrow(/needs 5 fields/);
  });
});

describe('manual clock', () => {
  it('fires timers in time order, each at its own moment, and never goes back', async () => {
    const clock = new ManualClock(1000);
    const seen: Array<[string, number]> = [];
    clock.at(3000, () => void seen.push(['b', clock.now()]));
    clock.at(2000, () => void seen.push(['a', clock.now()]));
    const cancelled = clock.at(2500, () => void seen.push(['x', clock.now()]));
    cancelled.cancel();
    await clock.advanceTo(5000);
    expect(seen).toEqual([
      ['a', 2000],
      ['b', 3000],
    ]);
    expect(clock.now()).toBe(5000);
    await clock.advanceTo(100);
    expect(clock.now()).toBe(5000);
  });
});

describe('system clock', () => {
  it('runs a due timer soon, and not at all once cancelled', async () => {
    const { SystemClock } = await import('../../src/clock.js');
    const clock = new SystemClock();
    const seen: string[] = [];
    clock.at(clock.now() - 1, () => void seen.push('due'));
    clock.at(clock.now() - 1, () => void seen.push('cancelled')).cancel();
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['due']);
  });
});
