/**
 * `npm run bench`: compiles the code with tsc (as `npm start` runs it) and pushes 20,000 messages
 * from 2,000 customers through the full pipeline (all real plugins, the real store on a temporary
 * folder, the in-memory transport), printing the figures as JSON.
 *
 * It runs the load three times, each time on a fresh store (see throughput.ts):
 * - at 100 messages in flight, first, with the peak RSS the process reached in it;
 * - throughput: 20 messages (of different customers) in flight at once, as fast as the bot takes them;
 * - latency: one message at a time, each timed from delivery until it was handled and its replies
 *   were sent.
 * Between two messages each sender yields to the event loop, as messages arriving from a socket
 * do, so the store's coalesced writes and other timers run as they would live.
 */
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { DEFAULT_RULES } from '../../plugins/quick-reply/defaults.js';
import { Matcher } from '../../plugins/quick-reply/matcher.js';
import { measure } from '../../plugins/quick-reply/quality.js';
import { read } from '../helpers.js';
import corpus from '../fixtures/quick-reply-corpus.json' with { type: 'json' };
import holdout from '../fixtures/quick-reply-holdout.json' with { type: 'json' };
import { catalogBench } from './catalog.js';
import { CUSTOMERS, MESSAGES, run, startBenchApp, THROUGHPUT_TEXTS } from './throughput.js';
import { scoreSet, SETS } from './shoppers.js';

const TEXTS = THROUGHPUT_TEXTS;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function percentile(values: Float64Array, p: number): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/**
 * Quick replies: matching time with 500 rules (the 7 defaults and 493 more), over the labelled
 * corpus's messages; and precision and recall on the corpus and on a held-out set written after the
 * matcher was tuned (never tuned against).
 */
function quickReplies() {
  // 493 more rules shaped like a shop's own (a product and its colour, a size, an occasion), so
  // their keywords start with many different words, as real ones do.
  const flowers = [
    'mawar',
    'anggrek',
    'tulip',
    'lily',
    'melati',
    'krisan',
    'lavender',
    'peony',
    'sakura',
    'daisy',
    'matahari',
    'kamboja',
    'dahlia',
    'aster',
    'gerbera',
    'anyelir',
    'teratai',
    'kaktus',
    'monstera',
    'pakis',
  ];
  const colours = ['merah', 'putih', 'pink', 'kuning', 'ungu', 'biru', 'hijau', 'salem', 'peach', 'maroon', 'gold', 'silver', 'hitam', 'orange', 'krem'];
  const extras = ['mini', 'jumbo', 'wisuda', 'ulang tahun', 'pernikahan', 'duka cita', 'meja', 'gantung', 'vas', 'kotak'];
  const rules = [...DEFAULT_RULES()];
  for (let i = 0; rules.length < 500; i++) {
    const f = flowers[i % flowers.length] as string;
    const c = colours[Math.floor(i / flowers.length) % colours.length] as string;
    const e = extras[Math.floor(i / (flowers.length * colours.length)) % extras.length] as string;
    rules.push({ name: `produk-${i}`, keywords: [`${f} ${c} ${e}`, `${e} ${f} ${c}`, `kode p${i}`], answer: `Produk ${i}`, image: null, hits: 0 });
  }
  const matcher = new Matcher(rules);
  const texts = corpus.map((c) => c.text);
  for (let i = 0; i < 2000; i++) matcher.match(read(texts[i % texts.length] ?? '')); // warm-up
  const times = new Float64Array(20_000);
  for (let i = 0; i < times.length; i++) {
    const t0 = performance.now();
    matcher.match(read(texts[i % texts.length] ?? ''));
    times[i] = performance.now() - t0;
  }
  const defaults = new Matcher(DEFAULT_RULES());
  const onCorpus = measure(defaults, corpus, read);
  const onHoldout = measure(defaults, holdout, read);
  return {
    rules: rules.length,
    matchMs: { p50: round(percentile(times, 50), 4), p99: round(percentile(times, 99), 4) },
    corpus: { messages: corpus.length, precision: round(onCorpus.precision), recall: round(onCorpus.recall) },
    holdout: { messages: holdout.length, precision: round(onHoldout.precision), recall: round(onHoldout.recall) },
  };
}

/**
 * The soak: 200,000 messages from 20,000 customers, 20 in flight, on one store. The RSS is taken
 * after a warm-up (every customer has written once, so their records exist) and at the end, after
 * a garbage collection each time when `--expose-gc` is on: what grows between them is what leaks,
 * since every cache is bounded.
 */
async function soak(): Promise<{
  messages: number;
  customers: number;
  warmupMessages: number;
  rssAfterWarmupMB: number;
  rssAtEndMB: number;
  growthMB: number;
  rssSamplesMB: number[];
  heapAfterWarmupMB: number;
  heapAtEndMB: number;
  seconds: number;
}> {
  const customers = 20_000;
  const total = Number(process.env['SOAK_TOTAL'] ?? 200_000);
  const { app, transport, dir } = await startBenchApp('layani-soak-');
  const gc = (globalThis as { gc?: () => void }).gc;
  // after a flush: a write of the whole store in flight holds its JSON text, tens of MB at 20,000 customers
  const measure = async (): Promise<{ rss: number; heap: number }> => {
    await app.store.flush();
    gc?.();
    const m = process.memoryUsage();
    if (process.env['SOAK_DEBUG'])
      process.stderr.write(`${JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v / 1048576)])))}\n`);
    return { rss: m.rss / 1024 / 1024, heap: m.heapUsed / 1024 / 1024 };
  };
  let next = 0;
  const send = async (until: number): Promise<void> => {
    const sender = async (): Promise<void> => {
      while (next < until) {
        const i = next++;
        const customer = i % customers;
        const text = TEXTS[(Math.floor(i / customers) + customer) % TEXTS.length] ?? 'halo';
        await app.deliver(
          transport.build({ id: `s${i}`, from: `62813${String(10_000_000 + customer)}`, senderName: `Pelanggan ${customer}`, text, at: Date.now() }),
        );
        await yieldToLoop();
      }
    };
    await Promise.all(Array.from({ length: 20 }, sender));
    await app.idle();
    // what was sent is the transport's record for tests, not the bot's memory: let it go
    transport.sent.length = 0;
  };
  const started = performance.now();
  // warm-up: every customer writes three times, so records, sessions and the heap reach their size
  const warmup = Math.min(total, customers * 3);
  await send(warmup);
  const warm = await measure();
  const samples: number[] = [Math.round(warm.rss)];
  const step = (total - warmup) / 4;
  for (let k = 1; k <= 4; k++) {
    await send(Math.round(warmup + step * k));
    samples.push(Math.round((await measure()).rss));
  }
  const end = await measure();
  const seconds = (performance.now() - started) / 1000;
  await app.stop();
  await rm(dir, { recursive: true, force: true });
  return {
    messages: total,
    customers,
    warmupMessages: warmup,
    rssAfterWarmupMB: Math.round(warm.rss),
    rssAtEndMB: Math.round(end.rss),
    growthMB: Math.round(end.rss - warm.rss),
    rssSamplesMB: samples,
    heapAfterWarmupMB: Math.round(warm.heap),
    heapAtEndMB: Math.round(end.heap),
    seconds: round(seconds, 1),
  };
}

if (process.env['BENCH_ONLY'] === 'soak') {
  // `BENCH_ONLY=soak npm run bench`: the soak alone, in a fresh process
  process.stdout.write(`${JSON.stringify({ soak: await soak(), node: process.version }, null, 2)}\n`);
  process.exit(0);
}
/** The shoppers' sets (test/fixtures/shoppers-*.json): how many customers the bot serves well. */
async function shopperScores(): Promise<Record<string, unknown>> {
  const scores: Record<string, unknown> = {};
  for (const name of Object.keys(SETS) as Array<keyof typeof SETS>) {
    const { failures: _failures, set: _set, ...score } = await scoreSet(name);
    scores[name] = score;
  }
  return scores;
}

// first, in a fresh process: the peak RSS of the 2,000-customer run is the process's peak so far
const wide = await run(100);
const widePeakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
const throughput = await run(20);
const latency = await run(1);
const qr = quickReplies();
const catalog = await catalogBench();
const soaked = await soak();
const shoppers = await shopperScores();
process.stdout.write(
  `${JSON.stringify(
    {
      messages: MESSAGES,
      customers: CUSTOMERS,
      messagesPerSecond: Math.round(throughput.messagesPerSecond),
      at100InFlight: { messagesPerSecond: Math.round(wide.messagesPerSecond), peakRssMB: widePeakRssMB, gc: wide.gc },
      latencyMs: {
        p50: round(percentile(latency.latencies, 50)),
        p99: round(percentile(latency.latencies, 99)),
        max: round(percentile(latency.latencies, 100)),
      },
      storeWrites: throughput.storeWrites,
      messagesPerStoreWrite: Math.round(MESSAGES / Math.max(1, throughput.storeWrites)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      quickReplies: qr,
      catalog,
      soak: soaked,
      shoppers,
      detail: {
        throughputRun: { concurrency: 20, seconds: round(throughput.seconds), repliesSent: throughput.repliesSent, gc: throughput.gc },
        latencyRun: {
          concurrency: 1,
          seconds: round(latency.seconds),
          messagesPerSecond: Math.round(latency.messagesPerSecond),
          storeWrites: latency.storeWrites,
        },
      },
      node: process.version,
    },
    null,
    2,
  )}\n`,
);
