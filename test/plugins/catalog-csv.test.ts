import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCsv, importCsv, parseCsv } from '../../plugins/catalog/csv.js';
import { catalogSchema, type CatalogState } from '../../plugins/catalog/model.js';
import { floristSeed, removeDir, tempDir } from '../helpers.js';

/** The catalog as a CSV file: the parser, the import's checks, and `npm run catalog` itself. */
const seeded = (): CatalogState => catalogSchema.parse(floristSeed().plugins?.['catalog']);
const noPhotos = (): boolean => false;

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks in cells, CRLF and a byte-order mark', () => {
    const r = parseCsv('\uFEFFkode,nama\r\nP01,"Mawar, ""merah"""\r\nP02,"dua\nbaris"\n\nP03,x');
    expect(r.ok && r.records).toEqual([
      { line: 1, cells: ['kode', 'nama'] },
      { line: 2, cells: ['P01', 'Mawar, "merah"'] },
      { line: 3, cells: ['P02', 'dua\nbaris'] },
      { line: 5, cells: [''] },
      { line: 6, cells: ['P03', 'x'] },
    ]);
  });

  it('takes the semicolon when the header uses it, as Excel in Indonesian writes', () => {
    const r = parseCsv('nama;kategori;harga\nMawar;Mawar;"25,5rb"\n');
    expect(r.ok && r.delimiter).toBe(';');
    expect(r.ok && r.records[1]?.cells).toEqual(['Mawar', 'Mawar', '25,5rb']);
  });

  it('reports a quote that is never closed with its line', () => {
    expect(parseCsv('nama,harga\nMawar,25000\n"Anggrek,30000\n')).toEqual({ ok: false, error: 'baris 3: tanda kutip (") dibuka tetapi tidak ditutup' });
  });
});

describe('importCsv', () => {
  it('gives back the same catalog for its own export', () => {
    const before = seeded();
    const r = importCsv(exportCsv(before.products), before, noPhotos);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.products).toEqual(before.products);
    expect(r.summary).toEqual({ added: [], updated: before.products.map((p) => p.code), untouched: [] });
  });

  it('updates by code, adds rows without one after the last code, and leaves the rest alone', () => {
    const before = seeded();
    const csv = [
      'nama,kategori,harga,kode,stok',
      'Mawar Merah Premium,Mawar,Rp 27.500,P01,habis',
      'Tulip Ungu,bunga meja,30rb,,',
      'Lily Kuning,Lily,1.5jt,,ready',
    ].join('\n');
    const r = importCsv(csv, before, noPhotos);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p01 = r.state.products.find((p) => p.code === 'P01');
    expect(p01).toMatchObject({ price: 27500, stock: 'habis', description: before.products[0]?.description });
    expect(r.state.products.slice(-2).map((p) => [p.code, p.name, p.category, p.price])).toEqual([
      ['P22', 'Tulip Ungu', 'Bunga Meja', 30000], // the existing category's spelling
      ['P23', 'Lily Kuning', 'Lily', 1500000],
    ]);
    expect(r.state.nextCode).toBe(24);
    expect(r.summary.added).toEqual(['P22', 'P23']);
    expect(r.summary.untouched).toHaveLength(20);
    // the input was not touched
    expect(before.products.find((p) => p.code === 'P01')?.price).toBe(25000);
  });

  it('reports every bad row with its line, and changes nothing', () => {
    const before = seeded();
    const csv = [
      'kode,nama,kategori,harga,stok,tampil,urutan,foto',
      'P01,Mawar Merah Premium,Mawar,dua puluh ribu,,,,',
      ',Tanpa Kategori,,25000,,,,',
      ',Minus,Mawar,-5000,,,,',
      'X9,Kode Aneh,Mawar,25000,,,,',
      ',Stok Aneh,Mawar,25000,mungkin,,,',
      ',Tampil Aneh,Mawar,25000,,kadang,,',
      ',Urutan Aneh,Mawar,25000,,,satu,',
      ',Foto Hilang,Mawar,25000,,,,media/tidak-ada.jpg',
      ',Mawar Putih Premium,Mawar,25000,,,,',
      'P02,Dobel,Mawar,25000,,,,',
      'P02,Dobel Lagi,Mawar,25000,,,,',
      ',Terlalu,Banyak,25000,,,,,,x',
      'P99,Kode Lama,Mawar,25000,,,,',
      '',
      ',Baik,Mawar,25000,,,,',
    ].join('\n');
    const r = importCsv(csv, { ...before, nextCode: 100 }, noPhotos);
    expect(r).toEqual({
      ok: false,
      errors: [
        'baris 2: "dua puluh ribu" bukan harga (contoh: 25000, 25.000, 25rb)',
        'baris 3: kategori kosong',
        'baris 4: harga tidak boleh negatif',
        'baris 5: "X9" bukan kode produk (contoh: P07), atau kosongkan untuk produk baru',
        'baris 6: stok "mungkin" harus ready atau habis',
        'baris 7: tampil "kadang" harus ya atau tidak',
        'baris 8: urutan "satu" harus bilangan bulat',
        'baris 9: foto "media/tidak-ada.jpg" tidak ada di folder data/media',
        'baris 12: kode P02 sudah dipakai di baris sebelumnya',
        'baris 13: 10 kolom, judulnya hanya 8; ada tanda , yang tidak dikutip?',
        'baris 14: kode P99 pernah dipakai produk yang sudah dihapus; kosongkan kodenya untuk produk baru',
      ],
    });
  });

  it('refuses a header without the needed columns or with unknown ones', () => {
    expect(importCsv('nama,harga\nX,1000', seeded(), noPhotos)).toEqual({ ok: false, errors: ['baris 1: kolom kategori harus ada'] });
    expect(importCsv('nama,kategori,harga,warna\nX,Y,1000,merah', seeded(), noPhotos)).toEqual({
      ok: false,
      errors: ['baris 1: kolom "warna" tidak dikenal (yang dikenal: kode, nama, kategori, harga, deskripsi, opsi, stok, tampil, urutan, foto)'],
    });
    expect(importCsv('', seeded(), noPhotos)).toMatchObject({ ok: false, errors: [expect.stringContaining('berkasnya kosong')] });
  });
});

describe('npm run catalog', () => {
  let dir = '';
  afterEach(async () => removeDir(dir));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/tool.ts', 'catalog', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dir, LOG_LEVEL: 'warn' },
    });
  const db = (): CatalogState => (JSON.parse(readFileSync(join(dir, 'db.json'), 'utf8')) as { plugins: { catalog: CatalogState } }).plugins.catalog;

  it('exports, imports the file back unchanged, then imports an edited one', async () => {
    dir = await tempDir();
    const exported = run('export', join(dir, 'katalog.csv'));
    expect(exported.stdout).toBe(`21 produk diekspor ke ${join(dir, 'katalog.csv')}.\n`);
    expect(exported.status).toBe(0);
    const csv = readFileSync(join(dir, 'katalog.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('kode,nama,kategori,harga,deskripsi,opsi,stok,tampil,urutan,foto');
    expect(csv).toContain(
      '\r\nP05,Mawar Biru Latex,Mawar,30000,"Mawar latex real touch, terasa seperti mawar asli. Harga per tangkai.",Warna: biru,habis,ya,5,\r\n',
    );

    const same = run('import', join(dir, 'katalog.csv'));
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('0 produk baru, 21 diperbarui.');
    expect(db().products).toEqual(seeded().products);

    writeFileSync(
      join(dir, 'edit.csv'),
      `${csv.replace('P01,Mawar Merah Premium,Mawar,25000', 'P01,Mawar Merah Premium,Mawar,Rp 27.500')},Mawar Hitam,Mawar,30rb,Mawar gothic,,,,,\r\n`,
    );
    const edited = run('import', join(dir, 'edit.csv'));
    expect(edited.stdout).toContain('1 produk baru (P22), 21 diperbarui.');
    expect(db().products.find((p) => p.code === 'P01')?.price).toBe(27500);
    expect(db().products.find((p) => p.code === 'P22')).toMatchObject({ name: 'Mawar Hitam', price: 30000, stock: 'ready', hidden: false });
    // and a second export has the change
    run('export', join(dir, 'again.csv'));
    expect(readFileSync(join(dir, 'again.csv'), 'utf8')).toContain('P22,Mawar Hitam,Mawar,30000,Mawar gothic,,ready,ya,22,');
  });

  it("rejects a bad file with each line's problem and leaves the data as it was", async () => {
    dir = await tempDir();
    const missing = run('import', join(dir, 'tidak-ada.csv'));
    expect([missing.status, missing.stderr]).toEqual([1, `${join(dir, 'tidak-ada.csv')} tidak ada.\n`]);
    writeFileSync(join(dir, 'ok.csv'), 'nama,kategori,harga\nMawar Hitam,Mawar,30rb\n');
    run('import', join(dir, 'ok.csv'));
    const before = readFileSync(join(dir, 'db.json'), 'utf8');
    writeFileSync(join(dir, 'bad.csv'), 'nama,kategori,harga\nMawar Emas,Mawar,dua puluh ribu\nAnggrek Emas,,30rb\nTulip Emas,Bunga Meja,40rb\n');
    const r = run('import', join(dir, 'bad.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      [
        `Tidak ada yang diimpor. ${join(dir, 'bad.csv')} punya 2 masalah:`,
        '  baris 2: "dua puluh ribu" bukan harga (contoh: 25000, 25.000, 25rb)',
        '  baris 3: kategori kosong',
        'Perbaiki barisnya, lalu impor lagi.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'db.json'), 'utf8')).toBe(before);
  });

  it('refuses to import while the bot runs on the same data, and explains its usage', async () => {
    dir = await tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ok.csv'), 'nama,kategori,harga\nMawar Hitam,Mawar,30rb\n');
    // a fresh health file from a live process (this test's): a bot is running
    writeFileSync(join(dir, 'health.json'), JSON.stringify({ updatedAt: Date.now(), pid: process.pid, connection: { state: 'open' } }));
    const r = run('import', join(dir, 'ok.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Bot sedang berjalan dengan folder data ini: hentikan dulu');
    expect(r.stdout).toBe('');
    expect(run('import', join(dir, 'ok.csv'), '--force').status).toBe(0);
    // a bot that stopped cleanly said so in the file
    writeFileSync(join(dir, 'health.json'), JSON.stringify({ updatedAt: Date.now(), pid: process.pid, exited: true, connection: { state: 'closed' } }));
    writeFileSync(join(dir, 'ok2.csv'), 'nama,kategori,harga\nMawar Ungu Tua,Mawar,30rb\n');
    expect(run('import', join(dir, 'ok2.csv')).status).toBe(0);

    const usage = run('kirim', 'x.csv');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('npm run catalog -- export <berkas.csv>');
  });
});
