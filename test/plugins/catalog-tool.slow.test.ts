import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogSchema, type CatalogState } from '../../plugins/catalog/model.js';
import { floristSeed, removeDir, tempDir } from '../helpers.js';

const seeded = (): CatalogState => catalogSchema.parse(floristSeed().plugins?.['catalog']);

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
