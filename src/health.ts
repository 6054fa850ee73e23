import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { Clock, TimerHandle } from './clock.js';
import type { Logger } from './logger.js';
import { writeFileAtomic } from './store/atomic-write.js';

/**
 * data/health.json, rewritten every 30 s while the bot runs, and the rule `npm run health` (and the
 * container's HEALTHCHECK) applies to it. The file says what a person needs at a glance: connected
 * or not and since when, the last message in and out, what waits to be sent, and why reconnecting
 * stopped if it did.
 */
export interface HealthReport {
  updatedAt: number;
  pid: number;
  connection: {
    state: string;
    since: number;
    disconnectedSince: number | null;
    me: string | null;
    stopped: { reason: string; advice: string } | null;
  };
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  queue: number;
  sendFailures: number;
  reconnects: number;
  /** Written by a bot that stopped cleanly: it is not running any more. */
  exited?: boolean;
}

export const HEALTH_FILE = 'health.json';
export const HEALTH_EVERY_MS = 30_000;
/** A file older than three missed rewrites means the bot is not running, or is stuck. */
export const STALE_AFTER_MS = 3 * HEALTH_EVERY_MS;
export const DISCONNECTED_TOO_LONG_MS = 10 * 60_000;

export type HealthVerdict = { healthy: boolean; reason: string };

export function evaluateHealth(report: HealthReport | null, now: number): HealthVerdict {
  if (!report) return { healthy: false, reason: 'no health file: the bot is not running (or has not started yet)' };
  const age = now - report.updatedAt;
  if (age > STALE_AFTER_MS) return { healthy: false, reason: `the health file is ${Math.round(age / 1000)} s old: the bot is not running or is stuck` };
  const c = report.connection;
  if (c.state === 'closed') return { healthy: false, reason: 'the bot was stopped' };
  if (c.stopped) return { healthy: false, reason: `reconnecting stopped (${c.stopped.reason}): ${c.stopped.advice}` };
  if (c.disconnectedSince !== null && now - c.disconnectedSince > DISCONNECTED_TOO_LONG_MS) {
    const minutes = Math.round((now - c.disconnectedSince) / 60_000);
    const why = c.state === 'waiting-for-scan' ? 'waiting for the QR code to be scanned' : c.state;
    return { healthy: false, reason: `not connected to WhatsApp for ${minutes} minutes (${why})` };
  }
  if (c.state !== 'open') return { healthy: true, reason: `${c.state}, for ${Math.round((now - c.since) / 1000)} s; within the 10 minutes allowed` };
  return { healthy: true, reason: `connected${c.me ? ` as ${c.me}` : ''}; ${report.queue} message(s) waiting to be sent` };
}

export function readHealth(path: string): HealthReport | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as HealthReport;
  } catch {
    return null;
  }
}

export class HealthWriter {
  private timer: TimerHandle | null = null;
  private running = false;

  constructor(
    private readonly opts: {
      path: string;
      clock: Clock;
      logger: Logger;
      report: () => Omit<HealthReport, 'updatedAt' | 'pid'>;
    },
  ) {}

  /** Starts rewriting the file; resolves once it was written the first time. */
  async start(): Promise<void> {
    this.running = true;
    await this.tick();
  }

  /** Writes once more (so the file shows the final state) and stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.timer?.cancel();
    await this.write(true);
  }

  async write(exited = false): Promise<void> {
    const report: HealthReport = { updatedAt: this.opts.clock.now(), pid: process.pid, ...this.opts.report(), ...(exited ? { exited } : {}) };
    try {
      await writeFileAtomic(this.opts.path, `${JSON.stringify(report, null, 2)}\n`);
    } catch (err) {
      this.opts.logger.warn({ err }, 'could not write the health file');
    }
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    await this.write();
    if (!this.running) return;
    this.timer = this.opts.clock.at(this.opts.clock.now() + HEALTH_EVERY_MS, () => this.tick());
  }
}

/**
 * Whether a bot seems to be running on this data folder: a fresh health file from a bot that did
 * not say it stopped, whose process (when it is one this machine can see) is alive. For tools
 * that must not change the data under a running bot.
 */
export function botRunning(dataDir: string, now: number): boolean {
  const report = readHealth(join(dataDir, HEALTH_FILE));
  if (!report || report.exited || report.connection?.state === 'closed') return false;
  if (now - report.updatedAt > STALE_AFTER_MS) return false;
  if (report.pid !== process.pid) {
    try {
      process.kill(report.pid, 0);
    } catch (err) {
      // no such process here: the bot that wrote it died (a bot in another container shares no pids)
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    }
  }
  return true;
}
