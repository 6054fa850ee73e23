import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import makeWASocket from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { ManualClock } from '../../src/clock.js';
import { BaileysTransport, type SocketLike } from '../../src/transport/baileys/index.js';
import { memoryLogger, removeDir, T0, tempDir } from '../helpers.js';

/**
 * Real Baileys sockets against WhatsApp stand-ins on loopback: a refused port, a server that hangs
 * up after the upgrade, one that answers the upgrade with HTTP 403, and one that never speaks.
 * Nothing here leaves 127.0.0.1. Reconnect delays follow the manual clock; the sockets are real.
 */
const WATCHDOG_MS = 90_000;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function listen(server: Server | WebSocketServer | ReturnType<typeof createNetServer>): Promise<number> {
  await new Promise<void>((resolve) => (server as Server).listen(0, '127.0.0.1', () => resolve()));
  cleanup.push(() => new Promise<void>((resolve) => (server as Server).close(() => resolve())));
  return ((server as Server).address() as AddressInfo).port;
}

async function refusedPort(): Promise<number> {
  const server = createNetServer();
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function start(url: string) {
  const dir = await tempDir();
  cleanup.push(() => removeDir(dir));
  const clock = new ManualClock(T0);
  const { logger, entries } = memoryLogger();
  const stats = { created: 0, closed: 0, alive: 0, maxAlive: 0, codes: [] as Array<number | undefined> };
  const transport = new BaileysTransport({
    dataDir: dir,
    clock,
    logger,
    connectTimeoutMs: WATCHDOG_MS,
    webSocketUrl: url,
    allowGroups: false,
    backlogMaxAgeMs: 6 * 3_600_000,
    random: () => 0.5,
    handshakeTimeoutMs: 3000,
    print: () => undefined,
    socketFactory: (config) => {
      const sock = makeWASocket(config);
      stats.created++;
      stats.alive++;
      stats.maxAlive = Math.max(stats.maxAlive, stats.alive);
      sock.ev.on('connection.update', (u) => {
        if (u.connection !== 'close') return;
        stats.closed++;
        stats.alive--;
        stats.codes.push((u.lastDisconnect?.error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode);
      });
      return sock as SocketLike;
    },
  });
  cleanup.push(() => transport.stop());
  await transport.start(() => undefined);
  return { transport, clock, stats, logs: entries };
}

/** Advances the clock in small steps until the next socket is created; returns how long that took. */
async function nextAttempt(clock: ManualClock, stats: { created: number }): Promise<number> {
  const before = stats.created;
  const t0 = clock.now();
  for (let i = 0; i < 400 && stats.created === before; i++) {
    await clock.advance(250);
    await new Promise((r) => setImmediate(r));
  }
  return clock.now() - t0;
}

describe('real Baileys sockets on loopback', () => {
  it('backs off with growing delays when the connection is refused', async () => {
    const port = await refusedPort();
    const { clock, stats, transport } = await start(`ws://127.0.0.1:${port}/ws/chat`);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await vi.waitFor(() => expect(stats.closed).toBe(stats.created), { timeout: 5000 });
      delays.push(await nextAttempt(clock, stats));
    }
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(stats.codes.slice(0, 3)).toEqual([408, 408, 408]);
    expect(stats.maxAlive).toBe(1);
    expect(transport.status().state).toBe('reconnecting');
  });

  it('backs off when the server hangs up right after the upgrade', async () => {
    const wss = new WebSocketServer({ noServer: true });
    const http = createHttpServer();
    let upgrades = 0;
    http.on('upgrade', (req, socket, head) => {
      upgrades++;
      wss.handleUpgrade(req, socket, head, (ws) => ws.close());
    });
    const port = await listen(http);
    cleanup.push(() => void wss.close());
    const { clock, stats } = await start(`ws://127.0.0.1:${port}/ws/chat`);
    await vi.waitFor(() => expect(stats.closed).toBe(1), { timeout: 5000 });
    expect(await nextAttempt(clock, stats)).toBe(1000);
    await vi.waitFor(() => expect(stats.closed).toBe(2), { timeout: 5000 });
    expect(stats.codes).toEqual([428, 428]);
    expect(upgrades).toBe(2);
    expect(stats.maxAlive).toBe(1);
  });

  it('ends with the watchdog an attempt whose upgrade got HTTP 403 (which never closes by itself), and retries', async () => {
    const http = createHttpServer();
    let upgrades = 0;
    http.on('upgrade', (_req, socket) => {
      upgrades++;
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    });
    const port = await listen(http);
    const { clock, stats, logs } = await start(`ws://127.0.0.1:${port}/ws/chat`);
    await vi.waitFor(() => expect(upgrades).toBe(1), { timeout: 5000 });
    // the socket stays "connecting" with no close of its own
    await clock.advance(WATCHDOG_MS - 1000);
    expect(stats.closed).toBe(0);
    await clock.advance(1000);
    await vi.waitFor(() => expect(stats.closed).toBe(1), { timeout: 5000 });
    expect(logs.some((l) => /did not open in time/.test(l.msg))).toBe(true);
    expect(await nextAttempt(clock, stats)).toBe(1000);
    await vi.waitFor(() => expect(upgrades).toBe(2), { timeout: 5000 });
    expect(stats.maxAlive).toBe(1);
  });

  it('ends an attempt on a server that never speaks, and retries', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => wss.on('listening', () => resolve()));
    cleanup.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
    let connections = 0;
    wss.on('connection', (ws) => {
      connections++;
      cleanup.push(() => ws.terminate());
    });
    const port = (wss.address() as AddressInfo).port;
    const { clock, stats } = await start(`ws://127.0.0.1:${port}/ws/chat`);
    await vi.waitFor(() => expect(connections).toBe(1), { timeout: 5000 });
    await clock.advance(WATCHDOG_MS);
    await vi.waitFor(() => expect(stats.closed).toBe(1), { timeout: 5000 });
    expect(await nextAttempt(clock, stats)).toBe(1000);
    await vi.waitFor(() => expect(connections).toBe(2), { timeout: 5000 });
    expect(stats.maxAlive).toBe(1);
  });
});
