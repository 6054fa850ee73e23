/**
 * The message path's throughput: 20,000 messages from 2,000 customers through the full pipeline
 * (all real plugins, the real store on a temporary folder, the in-memory transport, pino at info
 * level into /dev/null), with a given number of messages in flight. Between two messages each
 * sender yields to the event loop, as messages arriving from a socket do.
 *
 * It only uses what every version of layani has (bootApp, the memory transport, the config), so the
 * same file measures an older checkout too: `node --expose-gc <compiled>/test/bench/throughput.js 100`
 * prints one run's figures, including the process's peak RSS.
 */
import { openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { bootApp } from '../../src/boot.js';
import { SystemClock } from '../../src/clock.js';
import { configFromEnv } from '../../src/config.js';
import { MemoryTransport } from '../../src/transport/memory.js';
import type { Incoming } from '../../src/transport/types.js';

export const CUSTOMERS = 2_000;
export const MESSAGES = 20_000;
const OWNER = '6281100001111';
export const THROUGHPUT_TEXTS = ['halo kak', '2', 'harga mawar merah brp?', 'menu', '5', 'ok makasih', '9', 'lokasi dmn ya', '3', 'sdh transfer ya kak'];

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface RunResult {
  seconds: number;
  messagesPerSecond: number;
  latencies: Float64Array;
  storeWrites: number;
  repliesSent: number;
  /** Garbage collections while the messages ran, and the time they took. */
  gc: { count: number; ms: number };
}

/** The 20,000 messages: every thousandth an owner's !bantuan, the rest customers' everyday texts. */
function stream(transport: MemoryTransport): Incoming[] {
  const messages: Incoming[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const customer = i % CUSTOMERS;
    const round = Math.floor(i / CUSTOMERS);
    const text = i % 1000 === 999 ? '!bantuan' : (THROUGHPUT_TEXTS[(round + customer) % THROUGHPUT_TEXTS.length] ?? 'halo');
    const from = text.startsWith('!') ? OWNER : `62812${String(10_000_000 + customer)}`;
    messages.push(transport.build({ id: `b${i}`, from, senderName: `Pelanggan ${customer}`, text, at: Date.now() }));
  }
  return messages;
}

/** The real app on a temporary folder and the memory transport, started, its start-up cards drawn. */
export async function startBenchApp(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const clock = new SystemClock();
  const transport = new MemoryTransport(clock);
  // Logs go nowhere, but through pino at info level as in production.
  const logger = pino({ level: 'info' }, pino.destination({ fd: openSync('/dev/null', 'w'), sync: true }));
  // a lone greeting answered at once: its deliberate wait for what follows is not the work measured
  const app = await bootApp({ config: configFromEnv({ OWNER_NUMBERS: OWNER, DATA_DIR: dir, READ_TOGETHER_MS: '0' }), transport, clock, logger });
  await app.start();
  // the placeholder cards drawn at start are not message work
  await app.backgroundDone();
  return { app, transport, dir };
}

export async function run(concurrency: number): Promise<RunResult> {
  const { app, transport, dir } = await startBenchApp('layani-bench-');
  const writesBefore = app.store.writes;
  const messages = stream(transport);
  const latencies = new Float64Array(MESSAGES);
  let next = 0;
  const gc = { count: 0, ms: 0 };
  const gcWatch = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.ms += entry.duration;
    }
  });
  gcWatch.observe({ entryTypes: ['gc'] });
  const started = performance.now();
  const sender = async (): Promise<void> => {
    while (next < MESSAGES) {
      const i = next++;
      const t0 = performance.now();
      await app.deliver(messages[i] as Incoming);
      await app.outbox.idle();
      latencies[i] = performance.now() - t0;
      await yieldToLoop();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  const elapsed = performance.now() - started;
  // the entries of the last collections are delivered on a later turn of the event loop
  await yieldToLoop();
  gcWatch.disconnect();
  await app.store.flush();
  const result = {
    seconds: elapsed / 1000,
    messagesPerSecond: MESSAGES / (elapsed / 1000),
    latencies,
    storeWrites: app.store.writes - writesBefore,
    repliesSent: transport.sent.length,
    gc: { count: gc.count, ms: Math.round(gc.ms) },
  };
  await app.stop();
  await rm(dir, { recursive: true, force: true });
  return result;
}

/** The whole figure of one run in a fresh process: throughput, and the peak RSS it reached. */
export async function measureOnce(
  concurrency: number,
): Promise<{ concurrency: number; messagesPerSecond: number; repliesSent: number; gc: RunResult['gc']; peakRssMB: number }> {
  const r = await run(concurrency);
  return {
    concurrency,
    messagesPerSecond: Math.round(r.messagesPerSecond),
    repliesSent: r.repliesSent,
    gc: r.gc,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

if (process.argv[1]?.replace(/\.[jt]s$/, '').endsWith('throughput')) {
  const concurrency = Number(process.argv[2] ?? 100);
  process.stdout.write(`${JSON.stringify({ ...(await measureOnce(concurrency)), node: process.version })}\n`);
  process.exit(0);
}
