import { describe, expect, it } from 'vitest';
import { exportCsv, importCsv, parseCsv } from '../../plugins/catalog/csv.js';
import { catalogSchema, type CatalogState } from '../../plugins/catalog/model.js';
import { floristSeed } from '../helpers.js';

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
