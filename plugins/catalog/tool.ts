import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type PluginTool, ToolError } from '../../src/plugin-api.js';
import { exportCsv, importCsv } from './csv.js';
import type { CatalogState } from './model.js';

/**
 * `npm run catalog -- export catalog.csv` and `npm run catalog -- import catalog.csv`: the catalog
 * as a spreadsheet, for setting up many products at once. Export only reads, so it is safe while
 * the bot runs; import changes db.json, so it is refused while the bot is running.
 */
// The tool's words are Indonesian, like the CSV's columns: the shop owner is who fills the file.
export const USAGE = [
  'Cara pakai:',
  '  npm run catalog -- export <berkas.csv>            tulis katalog ke berkas CSV',
  '  npm run catalog -- import <berkas.csv> [--force]  baca produk dari berkas CSV (hentikan bot dulu)',
  '',
  'Baris pertama CSV berisi judul kolom: kode, nama, kategori, harga, deskripsi, opsi, stok, tampil,',
  'urutan, foto. nama, kategori dan harga wajib ada; baris tanpa kode menambah produk baru.',
].join('\n');

export const catalogTool: PluginTool<CatalogState> = {
  usage: USAGE,
  writes: (args) => args[0] === 'import',
  async run(args, io) {
    const [command, file, ...extra] = args;
    if (!command || !file || extra.length > 0 || !['export', 'import'].includes(command)) throw new ToolError(USAGE, 2);
    const path = resolve(file);
    const catalog = io.state.get();
    if (command === 'export') {
      await writeFile(path, exportCsv(catalog.products), 'utf8').catch((err: Error) => {
        throw new ToolError(`${path} tidak bisa ditulis (${err.message}).`);
      });
      io.out(`${catalog.products.length} produk diekspor ke ${path}.`);
      return;
    }
    if (!existsSync(path)) throw new ToolError(`${path} tidak ada.`);
    const text = await readFile(path, 'utf8').catch((err: Error) => {
      throw new ToolError(`${path} tidak bisa dibaca (${err.message}).`);
    });
    const result = importCsv(text, catalog, (relative) => existsSync(join(io.dataDir, relative)));
    if (!result.ok) {
      throw new ToolError(
        [
          `Tidak ada yang diimpor. ${path} punya ${result.errors.length} masalah:`,
          ...result.errors.map((e) => `  ${e}`),
          'Perbaiki barisnya, lalu impor lagi.',
        ].join('\n'),
      );
    }
    io.state.update((s) => Object.assign(s, result.state));
    const { added, updated, untouched } = result.summary;
    io.out(`${path} diimpor: ${added.length} produk baru${added.length ? ` (${added.join(', ')})` : ''}, ${updated.length} diperbarui.`);
    if (untouched.length > 0)
      io.out(`${untouched.length} produk tidak ada di berkas dan dibiarkan: ${untouched.join(', ')}. Hapus dengan !produk hapus <kode>.`);
  },
};
