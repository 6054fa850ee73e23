import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  asksAboutProducts,
  bareQuantity,
  isAfterSale,
  isCatalogRequest,
  listNumber,
  orderIntent,
  parseOrder,
  productRequest,
  withoutIdioms,
} from '../../plugins/catalog/intent.js';
import { catalogSchema, formatRupiah, normaliseCode, normaliseOrderNumber, parsePrice } from '../../plugins/catalog/model.js';
import { drawable, placeholderCard, wrap } from '../../plugins/catalog/placeholder.js';
import { measureSearch } from '../../plugins/catalog/quality.js';
import { CatalogIndex } from '../../plugins/catalog/search.js';
import { categoryPage, productDetail } from '../../plugins/catalog/views.js';
import { CHAT_SPELLINGS } from '../../src/engine/read/lexicon.js';
import { Reader } from '../../src/engine/read/reading.js';
import type { Signals } from '../../src/host/types.js';
import { afterSale, detectComplaint } from '../../plugins/complaint/detect.js';
import { floristSeed, read } from '../helpers.js';
import fixture from '../fixtures/catalog-search.json' with { type: 'json' };
import holdout from '../fixtures/catalog-search-holdout.json' with { type: 'json' };

/** The catalog's pure parts: prices, codes, what a message asks, the search, texts and cards. */
const florist = catalogSchema.parse(floristSeed().plugins?.['catalog']);
/** Reads as the bot does with the complaint plugin installed, which tells after-sale talk. */
const shopReader = new Reader<Signals>(CHAT_SPELLINGS);
shopReader.add('complaint', (r) => ({ ...detectComplaint(r), afterSale: afterSale(r) }));
const withSignals = (text: string) => shopReader.read(text);

describe('prices', () => {
  it.each([
    ['25000', 25000],
    ['25.000', 25000],
    ['Rp 25.000', 25000],
    ['Rp25.000', 25000],
    ['rp. 25,000', 25000],
    ['25rb', 25000],
    ['25 ribu', 25000],
    ['25k', 25000],
    ['2,5rb', 2500],
    ['1,5jt', 1500000],
    ['1.5 juta', 1500000],
    ['1.250.000', 1250000],
    ['Rp 25.000,-', 25000],
    ['25.000,00', 25000],
  ])('%j is %d', (text, value) => {
    expect(parsePrice(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['dua puluh ribu', '"dua puluh ribu" bukan harga (contoh: 25000, 25.000, 25rb)'],
    ['-5000', 'harga tidak boleh negatif'],
    ['-', '"-" bukan harga (contoh: 25000, 25.000, 25rb)'],
    ['0', 'harga harus lebih dari 0'],
    ['', '"" bukan harga (contoh: 25000, 25.000, 25rb)'],
    ['25.00', '"25.00" bukan harga (contoh: 25000, 25.000, 25rb)'],
    ['99999jt', 'harga itu terlalu besar'],
    ['25.000rb', '"25.000rb" bisa dibaca dua cara; tulis 25000, 25.000 atau 25rb'],
    ['25', 'harga Rp25 terlalu kecil; maksudnya 25rb?'],
  ])('%j is refused: %s', (text, reason) => {
    expect(parsePrice(text)).toEqual({ ok: false, reason });
  });

  it('writes rupiah the Indonesian way', () => {
    expect([formatRupiah(25000), formatRupiah(1500000), formatRupiah(500)]).toEqual(['Rp25.000', 'Rp1.500.000', 'Rp500']);
  });

  it('reads codes and order numbers written loosely', () => {
    expect(['P7', 'p07', 'P007', 'P123', 'X7', 'P'].map(normaliseCode)).toEqual(['P07', 'P07', 'P07', 'P123', null, null]);
    expect(['O-0001', 'o-1', '0001', '12', '0', 'satu'].map(normaliseOrderNumber)).toEqual(['O-0001', 'O-0001', 'O-0001', 'O-0012', null, null]);
  });
});

describe('what a message asks', () => {
  it('knows a wish to browse', () => {
    for (const t of ['katalog', 'Katalog!', 'lihat produk', 'daftar harga', 'price list', 'produk apa aja']) expect(isCatalogRequest(read(t)), t).toBe(true);
    for (const t of ['katalog mawar', 'produk saya rusak']) expect(isCatalogRequest(read(t)), t).toBe(false);
  });

  it('reads numbers from a list and product codes', () => {
    expect(
      ['3', 'no 3', 'Nomor 12', 'pilih 2', '3️⃣', 'yang 4', '2 kak', 'yg 2', 'no 3 kak', 'yang nomor 3', '3 tangkai', 'tiga'].map((t) => listNumber(read(t))),
    ).toEqual([3, 3, 12, 2, 3, 4, 2, 2, 3, 3, null, null]);
    expect(read('mau P07 sama p1, P07 lagi').codes.products).toEqual(['P07', 'P01']);
    expect(read('harga 25000 kak, ukuran 3p').codes.products).toEqual([]);
    expect(['2', '5 tangkai', '3 aja kak', 'dua', 'ambil 2', '2 mawar', 'x2', '0'].map((t) => bareQuantity(read(t)))).toEqual([
      2,
      5,
      3,
      2,
      2,
      null,
      null,
      null,
    ]);
  });

  it('reads orders: codes with quantities, a bare quantity, or product words', () => {
    expect(orderIntent(read('pesan P07 2'))).toEqual({ rest: 'p07 2', question: false, negative: false });
    expect(orderIntent(read('Saya mau order dong'))).toEqual({ rest: 'dong', question: false, negative: false });
    expect(orderIntent(read('ok makasih kak, pesan P01 2 ya'))?.rest).toBe('p01 2 ya');
    expect(orderIntent(read('assalamualaikum kak, mau order P07 1'))?.rest).toBe('p07 1');
    expect(orderIntent(read('saya ambil yang ini 2'))?.rest).toBe('yang ini 2');
    expect(orderIntent(read('P01 2 pcs ya kak'))?.rest).toBe('p01 2 pcs ya kak');
    expect(orderIntent(read('pesan P01 -2'))?.negative).toBe(true);
    expect(orderIntent(read('pesan P14 bisa hari ini?'))?.question).toBe(true);
    for (const talk of [
      'order tadi gimana kak',
      'beli di toko bisa?',
      'pesan untuk besok bisa?',
      'beli lagi',
      'pesan yang kemarin lagi kak',
      'ambil di toko aja',
    ]) {
      expect(orderIntent(read(talk)), talk).toBeNull();
    }
    expect(orderIntent(read('pesanan saya kapan sampai?'))).toBeNull();
    expect(orderIntent(read('pesan saya sudah dikirim belum'))).toBeNull();
    expect(orderIntent(read('beli dimana kak'))).toBeNull();
    const none = { items: [], qty: null, words: '', badQty: null, listPick: null };
    expect(parseOrder('p07 2')).toEqual({ ...none, items: [{ code: 'P07', qty: 2 }] });
    expect(parseOrder('2 p07 p1 x3 tangkai')).toEqual({
      ...none,
      items: [
        { code: 'P07', qty: 2 },
        { code: 'P01', qty: 3 },
      ],
    });
    expect(parseOrder('p01-2')).toEqual({ ...none, items: [{ code: 'P01', qty: 2 }] });
    expect(parseOrder('dua')).toEqual({ ...none, qty: 2 });
    expect(parseOrder('mawar merah 3 ya kak')).toEqual({ ...none, qty: 3, words: 'mawar merah' });
    expect(parseOrder('nomor 2')).toEqual({ ...none, listPick: 2 });
    expect(parseOrder('p01 0').badQty).toBe('0');
    expect(parseOrder('1000').badQty).toBe('1000');
    expect(parseOrder('p01 99999999').badQty).not.toBeNull();
  });

  it('finds what a customer asks for by kind, and not other "ada" questions', () => {
    expect(productRequest(read('ada bunga lavender kak?'))).toBe('bunga lavender');
    expect(productRequest(read('Kak jual rangkaian bunga kertas gak'))).toBe('rangkaian bunga kertas');
    expect(productRequest(read('ada promo?'))).toBeNull();
    expect(productRequest(read('ada yang bisa bantu?'))).toBeNull();
  });

  it('tells questions about products from remarks, complaints and captions', () => {
    expect(asksAboutProducts(read('mawar merah'))).toBe(true);
    expect(asksAboutProducts(read('harga buket wisuda untuk anak saya yang lulus minggu depan'))).toBe(true);
    expect(asksAboutProducts(read('ini untuk lamaran adik saya minggu depan'))).toBe(false);
    expect(asksAboutProducts(read('untuk lamaran adik saya'), { strict: true })).toBe(false);
    expect(asksAboutProducts(read('ada yang warna ini?'), { strict: true })).toBe(true);
    expect(isAfterSale(withSignals('mawarnya patah satu kak'))).toBe(true);
    expect(isAfterSale(withSignals('buketnya sudah sampai, makasih'))).toBe(true);
    expect(isAfterSale(withSignals('ada mawar merah? makasih'))).toBe(false);
    expect(withoutIdioms('tanggal merah buka?')).not.toContain('merah');
  });
});

describe('search', () => {
  const index = new CatalogIndex(florist.products, read);

  it('has the expected product in the top 3 for at least 90% of the labelled phrases, and of the held-out ones', () => {
    const tuned = measureSearch(index, fixture, read);
    const fresh = measureSearch(index, holdout, read);
    expect(fixture.length).toBeGreaterThanOrEqual(60);
    expect(tuned.share).toBeGreaterThanOrEqual(0.9);
    expect(fresh.share).toBeGreaterThanOrEqual(0.9);
  });

  it('finds a product by a typo of a word the reading writes another way ("sunflowr" for "sunflower", read "matahari")', () => {
    expect(index.search(read('sunflowr')).products[0]?.code).toBe('P16');
    expect(index.search(read('buket sunflowr ready?')).products[0]?.code).toBe('P16');
  });

  it('does not treat description words or short near-misses as naming a product', () => {
    expect(index.mentionsProducts(read('angrek'))).toBe(true); // one typo in a longer word
    expect(index.mentionsProducts(read('rose bouquet'))).toBe(true);
    expect(index.mentionsProducts(read('tinggi'))).toBe(false); // only in descriptions
    expect(index.mentionsProducts(read('marah'))).toBe(false); // one letter from "merah", but short
    expect(index.mentionsProducts(read('selamat pagi'))).toBe(false);
  });

  it('keeps hidden products out and sold-out ones last among equals', () => {
    const hidden = florist.products.map((p) => (p.code === 'P06' ? { ...p, hidden: true } : p));
    expect(new CatalogIndex(hidden, read).search(read('anggrek bulan putih')).products.map((p) => p.code)).not.toContain('P06');
    const blue = index.search(read('mawar biru'));
    expect(blue.products[0]?.code).toBe('P05');
    expect(blue.complete).toBe(1);
    expect(index.search(read('mawar')).products.at(-1)?.stock).toBe('ready');
  });
});

describe('texts', () => {
  it('numbers a category across pages and offers the next page only when there is one', () => {
    const mawar = florist.products.filter((p) => p.category === 'Mawar');
    const many = [...mawar, ...mawar, ...mawar].map((p, i) => ({ ...p, code: `P${100 + i}` }));
    const page2 = categoryPage('Mawar', many, 1);
    expect(page2).toContain('🌸 *Mawar* · 15 produk · halaman 2 dari 2');
    expect(page2).toContain('*11.* ');
    expect(page2).not.toContain('*lagi*');
    expect(categoryPage('Mawar', many, 0)).toContain('*lagi* untuk halaman berikutnya');
  });

  it('moves a description too long for a caption into its own message', () => {
    const long = { ...florist.products[0], description: 'x'.repeat(1500) } as (typeof florist.products)[number];
    const d = productDetail(long, [], false);
    expect(d.caption.length).toBeLessThanOrEqual(1024);
    expect(d.caption).toContain('Rp25.000');
    expect(d.rest).toBe('x'.repeat(1500));
    expect(productDetail(florist.products[0] as (typeof florist.products)[number], [], false).rest).toBeNull();
  });
});

describe('placeholder cards', () => {
  it("draws a square PNG in the category's colour", () => {
    const png = PNG.sync.read(Buffer.from(placeholderCard({ name: 'Mawar Merah Premium', code: 'P01', category: 'Mawar' })));
    expect([png.width, png.height]).toEqual([480, 480]);
    const corner = [png.data[0], png.data[1], png.data[2]];
    const other = PNG.sync.read(Buffer.from(placeholderCard({ name: 'Mawar Putih', code: 'P02', category: 'Mawar' })));
    expect([other.data[0], other.data[1], other.data[2]]).toEqual(corner); // same category, same colour
  });

  it('writes any name the font can draw, and wraps it', () => {
    expect(drawable('Mawar Sémi-Premium 🌹 (Pink)')).toBe('MAWAR SEMI-PREMIUM (PINK)');
    expect(wrap('BUKET MAWAR CAMPUR PINK', 12, 3)).toEqual(['BUKET MAWAR', 'CAMPUR PINK']);
    expect(wrap('A'.repeat(30), 12, 2)).toEqual(['A'.repeat(12), 'AAAAAAAAAA..']);
    // an empty or unusual name still gives a picture
    expect(() => placeholderCard({ name: '🌹🌹', code: 'P09', category: '' })).not.toThrow();
  });
});
