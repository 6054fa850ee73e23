import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { openStore } from '../../src/app.js';
import { SystemClock } from '../../src/clock.js';
import { exitOnBadConfig, loadConfig, type Config } from '../../src/config.js';
import { botRunning, STALE_AFTER_MS } from '../../src/health.js';
import { PLUGINS } from '../../src/plugins.js';
import { loadSeed } from '../../src/store/seed.js';
import { DB_FILE } from '../../src/store/store.js';
import { exportCsv, importCsv } from './csv.js';
import { catalogSchema, type CatalogState } from './model.js';
import { CATALOG_SLICE, emptyCatalog } from './index.js';

/**
 * `npm run catalog -- export catalog.csv` and `npm run catalog -- import catalog.csv`: the catalog
 * as a spreadsheet, for setting up many products at once. Export only reads, so it is safe while
 * the bot runs; import changes db.json, so it refuses while the bot is running.
 */
// The tool's words are Indonesian, like the CSV's columns: the shop owner is who fills the file.
const USAGE = [
  'Cara pakai:',
  '  npm run catalog -- export <berkas.csv>            tulis katalog ke berkas CSV',
  '  npm run catalog -- import <berkas.csv> [--force]  baca produk dari berkas CSV (hentikan bot dulu)',
  '',
  'Baris pertama CSV berisi judul kolom: kode, nama, kategori, harga, deskripsi, opsi, stok, tampil,',
  'urutan, foto. nama, kategori dan harga wajib ada; baris tanpa kode menambah produk baru.',
].join('\n');

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const fail = (line: string, code = 1): never => {
  process.stderr.write(`${line}\n`);
  process.exit(code);
};

/** The catalog as it is now, read without opening (or locking) the store. */
async function currentCatalog(config: Config): Promise<CatalogState> {
  const db = join(config.dataDir, DB_FILE);
  if (existsSync(db)) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(db, 'utf8'));
    } catch (err) {
      return fail(`${db} tidak bisa dibaca (${(err as Error).message}). Jalankan bot sekali: bot memulihkannya dari cadangan.`);
    }
    const slice = (raw as { plugins?: Record<string, unknown> }).plugins?.[CATALOG_SLICE];
    if (slice === undefined) return emptyCatalog();
    const parsed = catalogSchema.safeParse(slice);
    if (!parsed.success) return fail(`katalog di ${db} tidak valid; jalankan bot sekali agar bisa dipulihkan.`);
    return parsed.data;
  }
  // no store yet: the catalog a fresh bot would start with
  const seeded = loadSeed(config.seedFile, config.dataDir).seed.plugins?.[CATALOG_SLICE];
  const parsed = catalogSchema.safeParse(seeded);
  return parsed.success ? parsed.data : emptyCatalog();
}

async function main(argv: string[]): Promise<void> {
  const force = argv.includes('--force');
  const args = argv.filter((a) => a !== '--force');
  const [command, file, ...extra] = args;
  if (!command || !file || extra.length > 0 || !['export', 'import'].includes(command)) fail(USAGE, 2);
  const loaded = loadConfig();
  if (!loaded.ok) exitOnBadConfig(loaded.problems);
  const config = loaded.config;
  const path = resolve(file as string);

  if (command === 'export') {
    const catalog = await currentCatalog(config);
    await writeFile(path, exportCsv(catalog.products), 'utf8').catch((err: Error) => fail(`${path} tidak bisa ditulis (${err.message}).`));
    out(`${catalog.products.length} produk diekspor ke ${path}.`);
    return;
  }

  if (!existsSync(path)) fail(`${path} tidak ada.`);
  if (botRunning(config.dataDir, Date.now()) && !force) {
    fail(
      'Bot sedang berjalan dengan folder data ini: hentikan dulu (docker stop, atau Ctrl+C), lalu impor lagi.\n' +
        `Kalau bot memang sudah berhenti, tunggu ${STALE_AFTER_MS / 1000} detik atau tambahkan --force.`,
    );
  }
  const text = await readFile(path, 'utf8').catch((err: Error) => fail(`${path} tidak bisa dibaca (${err.message}).`));
  const clock = new SystemClock();
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const { seed } = loadSeed(config.seedFile, config.dataDir);
  const store = await openStore({ config, logger, clock, plugins: PLUGINS, seed }).catch((err: Error) => fail(`Data tidak bisa dibuka: ${err.message}`));
  const slice = store.slice<CatalogState>(CATALOG_SLICE, { schema: catalogSchema, defaults: emptyCatalog });
  const result = importCsv(text, slice.get(), (relative) => existsSync(join(config.dataDir, relative)));
  if (!result.ok) {
    await store.close();
    fail(
      [
        `Tidak ada yang diimpor. ${path} punya ${result.errors.length} masalah:`,
        ...result.errors.map((e) => `  ${e}`),
        'Perbaiki barisnya, lalu impor lagi.',
      ].join('\n'),
    );
    return;
  }
  slice.update((s) => Object.assign(s, result.state));
  await store.close();
  const { added, updated, untouched } = result.summary;
  out(`${path} diimpor: ${added.length} produk baru${added.length ? ` (${added.join(', ')})` : ''}, ${updated.length} diperbarui.`);
  if (untouched.length > 0) out(`${untouched.length} produk tidak ada di berkas dan dibiarkan: ${untouched.join(', ')}. Hapus dengan !produk hapus <kode>.`);
}

main(process.argv.slice(2)).catch((err: unknown) => fail(`Alat katalog gagal: ${(err as Error)?.stack ?? String(err)}`));
