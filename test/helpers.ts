import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createApp, type App } from '../src/app.js';
import { ManualClock } from '../src/clock.js';
import { configFromEnv, type Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { Pacing } from '../src/engine/outbox.js';
import type { PluginDefinition } from '../src/plugin-api.js';
import { PLUGINS } from '../src/plugins.js';
import { bundledSeedPath, loadSeed, type Seed } from '../src/store/seed.js';
import { MemoryTransport, type IncomingDraft } from '../src/transport/memory.js';
import { CHAT_SPELLINGS } from '../src/engine/read/lexicon.js';
import { Reader } from '../src/engine/read/reading.js';
import type { MessageReading, Signals } from '../src/host/types.js';

export const OWNER = '6281100001111';
export const T0 = Date.parse('2026-12-01T10:00:00+07:00'); // a Tuesday morning in Medan
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface LogEntry {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger that keeps every entry in memory, so tests can assert on what was logged. */
export function memoryLogger(level = 'debug'): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) entries.push(JSON.parse(line) as LogEntry);
      done();
    },
  });
  const logger = pino({ level }, stream);
  return { logger, entries };
}

export async function tempDir(prefix = 'layani-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  // each message answered at once, unless a test waits for the rest on purpose (readTogetherMs)
  return { ...configFromEnv({ OWNER_NUMBERS: OWNER, DATA_DIR: dataDir, LOG_LEVEL: 'debug', READ_TOGETHER_MS: '0' }), ...overrides };
}

export function floristSeed(): Seed {
  return loadSeed(bundledSeedPath(), '/nonexistent').seed;
}

export interface BotOptions {
  start?: number;
  dataDir?: string;
  plugins?: readonly PluginDefinition[];
  seed?: Seed;
  config?: Partial<Config>;
  clock?: ManualClock;
  pacing?: Pacing;
  /** Real time the store waits before writing a change (300 ms by default). */
  storeWriteDelayMs?: number;
}

export interface TestBot {
  app: App;
  clock: ManualClock;
  transport: MemoryTransport;
  dir: string;
  logs: LogEntry[];
  /** A customer (or the owner) writes; resolves with the texts the bot sent back to that chat. */
  say(from: string, text: string, extra?: IncomingDraft): Promise<string[]>;
  /** The owner writes from their own number. */
  owner(text: string, extra?: IncomingDraft): Promise<string[]>;
  /** Everything sent to a number's chat so far. */
  sentTo(number: string): string[];
  /** Moves the clock and waits for what that triggered. */
  advance(ms: number): Promise<void>;
  /** Stops the app (flushing the store). */
  close(): Promise<void>;
  /** Stops the app and builds a new one on the same folder and clock, as a restart would. */
  restart(): Promise<TestBot>;
}

const live: TestBot[] = [];

/** Stops every bot the test started and removes their folders; use as `afterEach(closeBots)`. */
export async function closeBots(): Promise<void> {
  const bots = live.splice(0);
  for (const bot of bots) await bot.close();
  for (const dir of new Set(bots.map((b) => b.dir))) await removeDir(dir);
}

export async function startBot(opts: BotOptions = {}): Promise<TestBot> {
  const dir = opts.dataDir ?? (await tempDir());
  const clock = opts.clock ?? new ManualClock(opts.start ?? T0);
  const transport = new MemoryTransport(clock);
  const { logger, entries } = memoryLogger();
  const app = await createApp({
    config: testConfig(dir, opts.config),
    transport,
    clock,
    logger,
    plugins: opts.plugins ?? PLUGINS,
    seed: opts.seed ?? floristSeed(),
    ...(opts.pacing ? { pacing: opts.pacing } : {}),
    ...(opts.storeWriteDelayMs !== undefined ? { storeWriteDelayMs: opts.storeWriteDelayMs } : {}),
  });
  await app.start();
  const chat = (number: string): string => transport.chatIdForNumber(number);
  let stopped = false;
  const bot: TestBot = {
    app,
    clock,
    transport,
    dir,
    logs: entries,
    async say(from, text, extra = {}) {
      const before = transport.sent.length;
      transport.deliver({ from, text, at: clock.now(), ...extra });
      await app.idle();
      const target = extra.chatId ?? chat(from);
      return transport.sent
        .slice(before)
        .filter((s) => s.chatId === target)
        .map((s) => (s.message.kind === 'text' ? s.message.text : (s.message.caption ?? '')));
    },
    owner(text, extra) {
      return bot.say(OWNER, text, extra);
    },
    sentTo(number) {
      return transport.textsTo(chat(number));
    },
    async advance(ms) {
      await clock.advance(ms);
      await app.idle();
    },
    async close() {
      if (stopped) return;
      stopped = true;
      await app.stop();
    },
    async restart() {
      await bot.close();
      return startBot({ ...opts, dataDir: dir, clock });
    },
  };
  live.push(bot);
  return bot;
}

/**
 * Runs a TypeScript fixture as a child process and kills it with SIGKILL as soon as it has printed
 * more than `count` lines starting with `marker`: a crash at a moment the child chose to announce.
 */
export async function killAfter(fixture: string, args: string[], marker: string, count: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => {
    let seen = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk
        .toString()
        .split('\n')
        .filter((l) => l.startsWith(marker)).length;
      if (seen > count && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

const reader = new Reader<Signals>(CHAT_SPELLINGS);
/** Reads a text as the bot reads a message (without the plugins' signals). */
export function read(text: string): MessageReading {
  return reader.read(text);
}
