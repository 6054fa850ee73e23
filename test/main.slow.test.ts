import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateHealth, type HealthReport } from '../src/health.js';
import { removeDir, tempDir } from './helpers.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await removeDir(d);
});

async function refusedPort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const NOW = Date.parse('2026-12-01T10:00:00+07:00');
function report(over: Partial<HealthReport['connection']> = {}, updatedAt = NOW - 5000): HealthReport {
  return {
    updatedAt,
    pid: 1,
    connection: { state: 'open', since: NOW - 3_600_000, disconnectedSince: null, me: '6281100009999', stopped: null, ...over },
    lastInboundAt: NOW - 60_000,
    lastOutboundAt: NOW - 50_000,
    queue: 0,
    sendFailures: 0,
    reconnects: 0,
  };
}

describe('health', () => {
  it.each([
    ['connected', report(), true, 'connected as 6281100009999; 0 message(s) waiting to be sent'],
    ['no file', null, false, 'no health file: the bot is not running (or has not started yet)'],
    ['a stale file', report({}, NOW - 120_000), false, 'the health file is 120 s old: the bot is not running or is stuck'],
    ['stopped on purpose', report({ state: 'closed', disconnectedSince: NOW - 1000 }), false, 'the bot was stopped'],
    [
      'briefly reconnecting',
      report({ state: 'reconnecting', since: NOW - 30_000, disconnectedSince: NOW - 30_000 }),
      true,
      'reconnecting, for 30 s; within the 10 minutes allowed',
    ],
    [
      'disconnected too long',
      report({ state: 'reconnecting', since: NOW - 5_000, disconnectedSince: NOW - 11 * 60_000 }),
      false,
      'not connected to WhatsApp for 11 minutes (reconnecting)',
    ],
    [
      'waiting for a scan too long',
      report({ state: 'waiting-for-scan', disconnectedSince: NOW - 20 * 60_000 }),
      false,
      'not connected to WhatsApp for 20 minutes (waiting for the QR code to be scanned)',
    ],
    [
      'stopped reconnecting',
      report({ state: 'stopped', stopped: { reason: 'connection replaced (440)', advice: 'another copy of this bot is using the same session' } }),
      false,
      'reconnecting stopped (connection replaced (440)): another copy of this bot is using the same session',
    ],
  ])('%s', (_what, r, healthy, reason) => {
    expect(evaluateHealth(r, NOW)).toEqual({ healthy, reason });
  });

  it('`npm run health` exits 0 or 1 with a one-line reason', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/health-check.ts'], { env: { PATH: process.env['PATH'], DATA_DIR: dir }, encoding: 'utf8' });
    const missing = run();
    expect([missing.status, missing.stdout]).toEqual([1, 'unhealthy: no health file: the bot is not running (or has not started yet)\n']);
    writeFileSync(join(dir, 'health.json'), JSON.stringify({ ...report(), updatedAt: Date.now() }));
    const ok = run();
    expect([ok.status, ok.stdout]).toEqual([0, 'healthy: connected as 6281100009999; 0 message(s) waiting to be sent\n']);
  });
});

describe('npm start', () => {
  it('starts, reconnects calmly against a refused WhatsApp, writes health.json, and stops cleanly on SIGTERM', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const port = await refusedPort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env['PATH'], DATA_DIR: dir, OWNER_NUMBERS: '081100001111', WA_WEBSOCKET_URL: `ws://127.0.0.1:${port}/ws/chat`, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Array<{ msg?: string; level?: number }> = [];
    const waiting: Array<() => void> = [];
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffered += c.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const l of parts) if (l.trim().startsWith('{')) lines.push(JSON.parse(l) as { msg?: string });
      for (const w of [...waiting]) w();
    });
    /** Resolves once the log holds `count` lines matching `pattern`: waiting on the bot, not on time. */
    const seen = (pattern: RegExp, count = 1) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (lines.filter((l) => pattern.test(l.msg ?? '')).length < count) return;
          waiting.splice(waiting.indexOf(check), 1);
          resolve();
        };
        waiting.push(check);
        child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
        check();
      });
    await seen(/layani is running/);
    await seen(/the WhatsApp connection closed; reconnecting/);
    await vi.waitFor(() => expect(existsSync(join(dir, 'health.json'))).toBe(true));
    const health = JSON.parse(readFileSync(join(dir, 'health.json'), 'utf8')) as HealthReport;
    expect(health.connection.stopped).toBeNull();
    expect(existsSync(join(dir, 'db.json'))).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.msg === 'stopped')).toBe(true);
    expect(lines.filter((l) => (l.level ?? 0) >= 50)).toEqual([]);
    expect((JSON.parse(readFileSync(join(dir, 'health.json'), 'utf8')) as HealthReport).connection.state).toBe('closed');
  });
});

describe('npm start, stopped while it starts', () => {
  it('handles SIGTERM from its first log line on: exits 0 instead of being killed by the signal', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const port = await refusedPort();
    // no OWNER_NUMBERS: the warning about it is the first line, logged right after the handlers are in place
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env['PATH'], DATA_DIR: dir, WA_WEBSOCKET_URL: `ws://127.0.0.1:${port}/ws/chat`, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('OWNER_NUMBERS is empty')) resolve();
      }),
    );
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(out).toContain('signal received; stopping');
  });
});
