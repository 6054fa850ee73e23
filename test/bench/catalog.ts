/**
 * The catalog's figures for `npm run bench`:
 * - browse and search through the whole pipeline with 500 products (the WhatsApp Business limit):
 *   each customer message timed from delivery until its replies were sent;
 * - the search alone with 500 and with 5,000 products, over the labelled phrases;
 * - the search quality on the florist's catalog: the expected product in the top 3, on the labelled
 *   fixture (tuned against) and on the held-out phrases (never tuned against).
 */
import { openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { createApp } from '../../src/app.js';
import { SystemClock } from '../../src/clock.js';
import { configFromEnv } from '../../src/config.js';
import { PLUGINS } from '../../src/plugins.js';
import { bundledSeedPath, loadSeed } from '../../src/store/seed.js';
import { MemoryTransport } from '../../src/transport/memory.js';
import { catalogSchema, codeFor, type CatalogState, type Product } from '../../plugins/catalog/model.js';
import { measureSearch } from '../../plugins/catalog/quality.js';
import { CatalogIndex } from '../../plugins/catalog/search.js';
import { read } from '../helpers.js';
import fixture from '../fixtures/catalog-search.json' with { type: 'json' };
import holdout from '../fixtures/catalog-search-holdout.json' with { type: 'json' };

const FLOWERS = [
  'Mawar',
  'Anggrek',
  'Tulip',
  'Lily',
  'Melati',
  'Krisan',
  'Lavender',
  'Peony',
  'Sakura',
  'Daisy',
  'Matahari',
  'Kamboja',
  'Dahlia',
  'Aster',
  'Gerbera',
  'Anyelir',
  'Teratai',
  'Kaktus',
  'Monstera',
  'Pakis',
  'Baby Breath',
  'Hydrangea',
  'Carnation',
  'Eucalyptus',
  'Magnolia',
];
const COLOURS = ['Merah', 'Putih', 'Pink', 'Kuning', 'Ungu', 'Biru', 'Hijau', 'Salem', 'Peach', 'Maroon', 'Gold', 'Silver', 'Hitam', 'Orange', 'Krem'];
const KINDS = ['Tangkai', 'Buket', 'Bunga Meja', 'Pot', 'Rangkaian', 'Gantung', 'Papan', 'Vas Kaca', 'Mini', 'Jumbo'];

/** `n` products shaped like a florist's: a kind, a flower and a colour, ten kinds as categories. */
export function syntheticCatalog(n: number): CatalogState {
  const products: Product[] = [];
  for (let i = 0; i < n; i++) {
    const flower = FLOWERS[i % FLOWERS.length] as string;
    const colour = COLOURS[Math.floor(i / FLOWERS.length) % COLOURS.length] as string;
    const kind = KINDS[Math.floor(i / (FLOWERS.length * COLOURS.length)) % KINDS.length] as string;
    const series = Math.floor(i / (FLOWERS.length * COLOURS.length * KINDS.length));
    products.push({
      code: codeFor(i + 1),
      name: `${kind} ${flower} ${colour}${series > 0 ? ` Seri ${series + 1}` : ''}`,
      category: kind,
      price: 15_000 + ((i * 7919) % 300) * 1000,
      description: `${flower} artificial warna ${colour.toLowerCase()}, bahan premium, tahan lama. Cocok untuk hadiah dan dekorasi.`,
      options: `Warna: ${colour.toLowerCase()}`,
      photos: [],
      placeholder: null,
      stock: i % 9 === 0 ? 'habis' : 'ready',
      hidden: false,
      order: i,
    });
  }
  return { products, nextCode: n + 1, orders: [], nextOrder: 1, pendingDelete: null };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const round = (n: number, digits = 3): number => Number(n.toFixed(digits));
const stats = (values: readonly number[]) => ({ p50: round(percentile(values, 50)), p99: round(percentile(values, 99)), max: round(percentile(values, 100)) });

const BROWSE = ['katalog', '2', 'lagi', 'lagi', '7', 'kembali', '24', 'kembali', 'kembali', '5', '3'];
const SEARCHES = [
  'ada mawar merah?',
  'anggrek putih brp',
  'bunga meja yg murah',
  'tulip kuning ready?',
  'angrek ungu',
  'buket lily pink',
  'yang paling murah apa kak',
  'pot kaktus hijau',
  'gerbera orange ada?',
  'rangkaian peony salem',
];

/** Browse and search messages through the real app, timed one at a time. */
async function pipeline(customers: number): Promise<{ browseMs: ReturnType<typeof stats>; searchMs: ReturnType<typeof stats>; messages: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'layani-bench-catalog-'));
  const clock = new SystemClock();
  const transport = new MemoryTransport(clock);
  const logger = pino({ level: 'info' }, pino.destination({ fd: openSync('/dev/null', 'w'), sync: true }));
  const seed = loadSeed(bundledSeedPath(), '/nonexistent').seed;
  seed.plugins = { ...seed.plugins, catalog: catalogSchema.parse(syntheticCatalog(500)) };
  const app = await createApp({
    config: configFromEnv({ OWNER_NUMBERS: '6281100001111', DATA_DIR: dir, READ_TOGETHER_MS: '0' }),
    transport,
    clock,
    logger,
    plugins: PLUGINS,
    seed,
  });
  await app.start();
  await app.backgroundDone();
  let id = 0;
  const say = async (from: string, text: string): Promise<number> => {
    const t0 = performance.now();
    await app.deliver(transport.build({ id: `c${id++}`, from, senderName: 'Pelanggan', text, at: Date.now() }));
    await app.outbox.idle();
    return performance.now() - t0;
  };
  // a first pass draws the cards of the products the customers will open, as days of use would
  for (const text of [...BROWSE, ...SEARCHES]) await say('6281200000000', text);
  const browse: number[] = [];
  const search: number[] = [];
  for (let c = 1; c <= customers; c++) {
    const from = `62812${String(10_000_000 + c)}`;
    await say(from, 'halo');
    for (const text of BROWSE) browse.push(await say(from, text));
    for (const text of SEARCHES) search.push(await say(from, text));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await app.stop();
  await rm(dir, { recursive: true, force: true });
  return { browseMs: stats(browse), searchMs: stats(search), messages: browse.length + search.length };
}

/** The search alone: index build time and query times over the labelled phrases. */
function searchOnly(n: number) {
  const { products } = syntheticCatalog(n);
  const t0 = performance.now();
  const index = new CatalogIndex(products, read);
  const buildMs = performance.now() - t0;
  const queries = [...fixture.map((f) => f.query), ...SEARCHES];
  for (let i = 0; i < 1000; i++) index.search(read(queries[i % queries.length] ?? ''));
  const times: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const q = queries[i % queries.length] ?? '';
    const t = performance.now();
    index.search(read(q), 5);
    times.push(performance.now() - t);
  }
  return { products: n, indexBuildMs: round(buildMs, 1), searchMs: { p50: round(percentile(times, 50), 4), p99: round(percentile(times, 99), 4) } };
}

export async function catalogBench() {
  const florist = catalogSchema.parse(loadSeed(bundledSeedPath(), '/nonexistent').seed.plugins?.['catalog']);
  const index = new CatalogIndex(florist.products, read);
  const onFixture = measureSearch(index, fixture, read);
  const onHoldout = measureSearch(index, holdout, read);
  const through = await pipeline(100);
  return {
    pipeline500: { customers: 100, ...through },
    search: [searchOnly(500), searchOnly(5000)],
    quality: {
      fixture: { phrases: onFixture.total, top3: onFixture.inTop3, share: round(onFixture.share) },
      holdout: { phrases: onHoldout.total, top3: onHoldout.inTop3, share: round(onHoldout.share), misses: onHoldout.misses.map((m) => m.query) },
    },
  };
}
