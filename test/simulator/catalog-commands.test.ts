import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers.js';
import { OWNER, OWNER_CHAT, RINA_CHAT, SimScript, type SimOut } from './script.js';

/**
 * Every form of !produk (alias !product) and !pesanan (alias !orders), valid and invalid, typed by
 * the owner into the simulator (`simulate --jsonl`, a separate process), with a customer browsing
 * and ordering, and what the owner and the customer then see.
 */

const script = new SimScript();
const { owner, rina } = script;
const line = (entry: Record<string, unknown>): number => script.line(entry);

const LONG_NAME = 'M'.repeat(101);
const LONG_DESC = 'd'.repeat(2001);

// Tuesday 1 December 2026, 10:00 in Medan; the florist's seed has 21 products, P01–P21
const start = line({ from: OWNER, text: '!pesanan', at: '2026-12-01T10:00:00+07:00' });
const L = {
  // ---- !pesanan before any order
  ordersNone: start,
  ordersAllNone: owner('!pesanan semua'),

  // ---- !produk list and detail
  list: owner('!produk'),
  page2: owner('!produk hal 2'),
  page3: owner('!produk hal 3'),
  page0: owner('!produk hal 0'),
  pageWord: owner('!produk hal dua'),
  pageMissing: owner('!produk hal'),
  detail: owner('!produk P07'),
  detailShort: owner('!produk p7'),
  aliasDetail: owner('!product P07'),
  aliasList: owner('!product'),
  aliasPage: owner('!products hal 2'),
  detailUnknown: owner('!produk P99'),
  unknownWord: owner('!produk apa'),

  // ---- tambah
  add25rb: owner('!produk tambah Mawar Hitam | 25rb | Mawar | Mawar hitam elegan, tinggi 60 cm'),
  add25dot: owner('!produk tambah Lily Oranye | 25.000 | Lily'),
  addRp: owner('!produk tambah Tulip Merah | Rp 25.000 | bunga meja | Tulip satu tangkai | tinggi 40 cm'),
  addNoDescCard: owner('!produk P23'),
  addRpCard: owner('!produk P24'),
  addTwoFields: owner('!produk tambah Mawar Hijau | 25rb'),
  addNameOnly: owner('!produk tambah Mawar Hijau'),
  addNothing: owner('!produk tambah'),
  addPriceWords: owner('!produk tambah Mawar Hijau | dua puluh ribu | Mawar'),
  addNegative: owner('!produk tambah Mawar Hijau | -5000 | Mawar'),
  addZero: owner('!produk tambah Mawar Hijau | 0 | Mawar'),
  addDuplicate: owner('!produk tambah mawar merah premium | 25rb | Mawar'),
  addDuplicateNew: owner('!produk tambah MAWAR HITAM | 30rb | Mawar'),
  addLongName: owner(`!produk tambah ${LONG_NAME} | 25rb | Mawar`),
  addEmptyName: owner('!produk tambah  | 25rb | Mawar'),
  addEmptyCategory: owner('!produk tambah Mawar Hijau | 25rb | '),
  addLongDesc: owner(`!produk tambah Mawar Hijau | 25rb | Mawar | ${LONG_DESC}`),
  listAfterRefusals: owner('!produk'),
  addAfterRefusals: owner('!produk tambah Mawar Hijau | 1,5jt | Mawar'),
  page2AfterAdds: owner('!produk hal 2'),

  // ---- ubah
  editName: owner('!produk ubah P22 nama Mawar Hitam Elegan'),
  editPrice: owner('!produk ubah P22 harga 27.500'),
  editCategory: owner('!produk ubah P22 kategori anggrek'),
  editDesc: owner('!produk ubah P22 deskripsi Mawar hitam pekat,\ntinggi 60 cm'),
  editDescClear: owner('!produk ubah P22 deskripsi -'),
  editOptions: owner('!produk ubah P22 opsi Warna: hitam, merah'),
  editOptionsClear: owner('!produk ubah P22 opsi -'),
  editOptionsAgain: owner('!produk ubah P22 pilihan Ukuran: 40 cm, 60 cm'),
  editOrder: owner('!produk ubah P22 urutan 0'),
  editEnglish: owner('!produk edit p22 price 30rb'),
  editCard: owner('!produk P22'),
  editList: owner('!produk'),
  editUnknownCode: owner('!produk ubah P99 harga 30rb'),
  editBadCode: owner('!produk ubah X1 harga 30rb'),
  editUnknownField: owner('!produk ubah P22 warna hitam'),
  editNoValue: owner('!produk ubah P22 harga'),
  editNoField: owner('!produk ubah P22'),
  editNoCode: owner('!produk ubah'),
  editPriceWord: owner('!produk ubah P22 harga gratis'),
  editPriceNegative: owner('!produk ubah P22 harga -1'),
  editOrderWord: owner('!produk ubah P22 urutan satu'),
  editOrderFraction: owner('!produk ubah P22 urutan 1.5'),
  editNameTaken: owner('!produk ubah P22 nama mawar merah premium'),
  editNameLong: owner(`!produk ubah P22 nama ${'x'.repeat(101)}`),
  editCategoryLong: owner(`!produk ubah P22 kategori ${'k'.repeat(61)}`),
  editCardAfterRefusals: owner('!produk P22'),

  // ---- habis / ready / sembunyi / tampil
  soldOutOne: owner('!produk habis P01'),
  soldOutTwo: owner('!produk habis P02 p3'),
  soldOutAlready: owner('!produk habis P05'),
  soldOutMixed: owner('!produk habis P04 P05'),
  soldOutUnknown: owner('!produk habis P08 P99'),
  soldOutBadCode: owner('!produk habis P08 xx'),
  soldOutNoCode: owner('!produk habis'),
  cardAfterRefusedSoldOut: owner('!produk P08'),
  readyMany: owner('!produk ready P01 P02 P03 P04'),
  readyAlready: owner('!produk ready P01'),
  hideOne: owner('!produk sembunyi P21'),
  hideMixed: owner('!produk sembunyi P20 P21'),
  hideUnknown: owner('!produk sembunyi P19 P99'),
  listWithHidden: owner('!produk'),
  listWithHidden2: owner('!produk hal 2'),
  customerHidden: rina('P21'),
  showTwo: owner('!produk tampil P20 P21'),
  showAlready: owner('!produk tampil P21'),
  showUnknown: owner('!produk tampil P99'),

  // ---- hapus
  deleteAsk: owner('!produk hapus P07'),
  deleteYes: owner('!produk hapus P07 ya'),
  deletedCard: owner('!produk P07'),
  deleteYesUnasked: owner('!produk hapus P06 ya'),
  deleteYesLate: owner('!produk hapus P06 ya', { at: '2026-12-01T10:11:00+07:00' }),
  cardAfterLate: owner('!produk P06'),
  deleteBadWord: owner('!produk hapus P06 tolong'),
  deleteExtraWord: owner('!produk hapus P06 ya sekarang'),
  deleteAskThenNo: owner('!produk hapus P06'),
  deleteNo: owner('!produk hapus P06 tidak'),
  deleteYesAfterNo: owner('!produk hapus P06 ya'),
  deleteNoCode: owner('!produk hapus'),
  deleteUnknown: owner('!produk hapus P07'),
  addAfterDelete: owner('!produk tambah Anggrek Bulan Ungu | 45rb | Anggrek'),

  // ---- foto
  photoAdd: owner('!produk foto P01', { image: 'test/fixtures/mawar.png' }),
  photoNoImage: owner('!produk foto P01'),
  photoBadWord: owner('!produk foto P01 lain'),
  photoNoCode: owner('!produk foto'),
  photoCard: owner('!produk P01'),
  customerPhoto: rina('P01'),
  photoClearWithImage: owner('!produk foto P01 hapus', { image: 'test/fixtures/mawar.png' }),
  photoClear: owner('!produk foto P01 hapus'),
  photoClearNone: owner('!produk foto P02 hapus'),
  photoCardAfterClear: owner('!produk P01'),
  customerAfterClear: rina('P01'),

  // ---- !pesanan
  order1: rina('pesan P01 2', { at: '2026-12-01T10:30:00+07:00' }),
  ordersOpen: owner('!pesanan'),
  ordersAll: owner('!pesanan semua'),
  orderByDigit: owner('!pesanan 1'),
  orderByNumber: owner('!pesanan O-0001'),
  orderAlias: owner('!orders o-1'),
  confirm: owner('!pesanan 1 konfirmasi ongkir 15rb', { at: '2026-12-01T10:45:00+07:00' }),
  confirmAgain: owner('!pesanan 1 konfirmasi'),
  orderAfterConfirm: owner('!pesanan 1'),
  doneExtra: owner('!pesanan 1 selesai lagi'),
  done: owner('!pesanan 1 selesai'),
  cancelDone: owner('!pesanan 1 batal stok kosong'),
  doneAgain: owner('!pesanan 1 selesai'),
  order2: rina('pesan P03 1', { at: '2026-12-01T11:00:00+07:00' }),
  ordersOpen2: owner('!orders'),
  cancelNoReason: owner('!pesanan 2 batal'),
  cancel: owner('!pesanan 2 batal stok kosong'),
  cancelAgain: owner('!pesanan 2 batal stok kosong'),
  orderCancelled: owner('!pesanan O-0002'),
  orderUnknown: owner('!pesanan 9'),
  orderWord: owner('!pesanan satu'),
  orderZero: owner('!pesanan 0'),
  orderBadAction: owner('!pesanan 1 hapus'),
  ordersAllExtra: owner('!pesanan semua lagi'),
  ordersAllEnd: owner('!pesanan semua'),
  ordersOpenEnd: owner('!pesanan'),

  // ---- owner slips that a review found answered badly (now answered helpfully; see the end)
  dupCodes: owner('!produk habis P08 P08'),
  commaCodes: owner('!produk habis P09, P10'),
  commaCodesCard: owner('!produk P09'),
  priceDash: owner('!produk ubah P23 harga -'),
  codeWithoutUbah: owner('!produk P09 harga 30rb'),
  nameDash: owner('!produk ubah P23 nama -'),
  categoryDash: owner('!produk ubah P23 kategori -'),
  dashCard: owner('!produk P23'),
};

let out: SimOut[] = [];
let dataDir = '';
const to = (after: number, who = OWNER_CHAT): string[] => out.filter((o) => o.after === after && o.to === who).map((o) => o.text ?? '');
const one = (after: number): string => to(after).join('\n---\n');
/** A refusal without the usage that follows it. */
const reason = (after: number): string => one(after).split('\n\n*!')[0] ?? '';
/** The usage block under a refusal. */
const usage = (after: number): string => one(after).split('\n\n*!').slice(1).join('\n\n*!');
const toRina = (after: number): SimOut[] => out.filter((o) => o.after === after && o.to === RINA_CHAT);

const PAGE1_SEED = [
  '*P01* Mawar Merah Premium · Rp25.000 · ✅ ready',
  '*P02* Mawar Putih Premium · Rp25.000 · ✅ ready',
  '*P03* Mawar Pink Velvet · Rp22.000 · ✅ ready',
  '*P04* Mawar Kuning Satin · Rp20.000 · ✅ ready',
  '*P05* Mawar Biru Latex · Rp30.000 · ❌ habis',
  '*P06* Anggrek Bulan Putih · Rp45.000 · ✅ ready',
  '*P07* Anggrek Bulan Ungu · Rp45.000 · ✅ ready',
  '*P08* Anggrek Dendrobium Pink · Rp38.000 · ✅ ready',
  '*P09* Anggrek Pot Keramik · Rp125.000 · ✅ ready',
  '*P10* Rangkaian Meja Mawar Mix · Rp85.000 · ✅ ready',
  '*P11* Bunga Meja Lily Putih · Rp95.000 · ✅ ready',
  '*P12* Bunga Meja Mini Tulip · Rp55.000 · ✅ ready',
  '*P13* Vas Kaca Baby Breath · Rp65.000 · ✅ ready',
  '*P14* Buket Wisuda Mawar · Rp120.000 · ✅ ready',
  '*P15* Buket Tulip Pastel · Rp150.000 · ✅ ready',
  '*P16* Buket Sunflower · Rp110.000 · ❌ habis',
  '*P17* Buket Pengantin Putih · Rp250.000 · ✅ ready',
  '*P18* Bunga Gantung Ivy · Rp35.000 · ✅ ready',
  '*P19* Rangkaian Lamaran Hantaran · Rp350.000 · ✅ ready',
  '*P20* Bunga Papan Mini Ucapan · Rp175.000 · ✅ ready',
];
const P07_CARD = [
  '*P07* Anggrek Bulan Ungu',
  'Kategori: Anggrek',
  'Harga: Rp45.000',
  'Opsi: Warna: ungu',
  'Deskripsi: Anggrek bulan 9 kuntum per tangkai, tinggi 75 cm.',
  'Stok: ready',
  'Tampil: ya',
  'Urutan: 7',
  'Foto: belum ada (pelanggan melihat kartu bergambar)',
].join('\n');
const ADD_USAGE =
  'Cara pakai:\n• !produk tambah <nama> | <harga> | <kategori> | [deskripsi]\n   tambah produk; deskripsi boleh dikosongkan; harga seperti 25000, 25.000, 25rb';
const EDIT_USAGE =
  'Cara pakai:\n• !produk ubah <kode> <field> <nilai>\n   ubah nama, harga, kategori, deskripsi, opsi, atau urutan (deskripsi/opsi "-" = kosongkan)';
const RINA_WHO = '*Rina* (+62 812-3456-7890)';

beforeAll(async () => {
  dataDir = await tempDir();
  out = script.run(dataDir);
});
afterAll(async () => removeDir(dataDir));

it('runs every line of the script without an input error', () => {
  expect(out.filter((o) => o.error !== undefined)).toEqual([]);
  // every owner line gets exactly one answer
  for (const [name, after] of Object.entries(L)) {
    if (script.lines[after - 1]?.['from'] !== OWNER) continue;
    expect(to(after), name).toHaveLength(1);
  }
});

describe('!produk: list and detail', () => {
  it('lists the first page with counts and the way to the next page', () => {
    expect(one(L.list)).toBe(
      ['📦 *Produk* · 21 produk · 2 habis · 0 disembunyikan · halaman 1/2', ...PAGE1_SEED, '', 'Halaman berikutnya: !produk hal 2'].join('\n'),
    );
  });

  it('shows the second page, with the way to details and help at the end', () => {
    expect(one(L.page2)).toBe(
      [
        '📦 *Produk* · 21 produk · 2 habis · 0 disembunyikan · halaman 2/2',
        '*P21* Daun Monstera Artificial · Rp15.000 · ✅ ready',
        '',
        'Detail satu produk: !produk P01 · Semua perintah: !bantuan produk',
      ].join('\n'),
    );
  });

  it('refuses a page that does not exist or is not a number, with the usage of hal', () => {
    const halUsage =
      'produk* (alias !product, !products): Kelola katalog: tambah produk, ubah harga, stok habis/ready, foto.\n\nCara pakai:\n• !produk hal <N>\n   halaman berikutnya dari daftar';
    expect(reason(L.page3)).toBe('⚠️ Halaman 3 tidak ada; daftar produk punya 2 halaman.');
    expect(usage(L.page3)).toBe(halUsage);
    expect(reason(L.page0)).toBe('⚠️ Halaman 0 tidak ada; daftar produk punya 2 halaman.');
    expect(reason(L.pageWord)).toBe('⚠️ Tulis nomor halamannya, misalnya: hal 2.');
    expect(usage(L.pageWord)).toBe(halUsage);
    expect(reason(L.pageMissing)).toBe('⚠️ Tulis nomor halamannya, misalnya: hal 2.');
  });

  it('shows one product in full, with the code written loosely too', () => {
    expect(one(L.detail)).toBe(P07_CARD);
    expect(one(L.detailShort)).toBe(P07_CARD);
  });

  it('answers the same to the !product and !products aliases', () => {
    expect(one(L.aliasDetail)).toBe(P07_CARD);
    expect(one(L.aliasList)).toBe(one(L.list));
    expect(one(L.aliasPage)).toBe(one(L.page2));
  });

  it('refuses an unknown code and an unknown word with the whole usage', () => {
    expect(reason(L.detailUnknown)).toBe('⚠️ Produk P99 tidak ada. Lihat daftarnya dengan !produk');
    expect(reason(L.unknownWord)).toBe('⚠️ "apa" bukan perintah !produk yang dikenal.');
    for (const after of [L.detailUnknown, L.unknownWord]) {
      const u = usage(after);
      for (const form of [
        '• !produk\n',
        '• !produk hal <N>',
        '• !produk <kode>',
        '• !produk tambah',
        '• !produk ubah',
        '• !produk habis',
        '• !produk ready',
        '• !produk sembunyi',
        '• !produk tampil',
        '• !produk hapus',
        '• !produk foto <kode>\n',
        '• !produk foto <kode> hapus',
      ]) {
        expect(u).toContain(form);
      }
    }
  });
});

describe('!produk tambah', () => {
  it('adds with the price as 25rb, with a description', () => {
    expect(one(L.add25rb)).toBe(
      [
        '✅ Produk *P22* ditambahkan: Mawar Hitam · Rp25.000 · Mawar',
        'Kirim fotonya dengan keterangan *!produk foto P22*. Sampai ada foto, pelanggan melihat kartu bergambar.',
        'Pilihan warna/ukuran: !produk ubah P22 opsi Warna: merah, putih',
      ].join('\n'),
    );
  });

  it('adds with 25.000 and no description, saying the category is new', () => {
    expect(one(L.add25dot)).toBe(
      [
        '✅ Produk *P23* ditambahkan: Lily Oranye · Rp25.000 · Lily (kategori baru)',
        'Kirim fotonya dengan keterangan *!produk foto P23*. Sampai ada foto, pelanggan melihat kartu bergambar.',
        'Pilihan warna/ukuran: !produk ubah P23 opsi Warna: merah, putih',
      ].join('\n'),
    );
    expect(one(L.addNoDescCard)).toBe(
      [
        '*P23* Lily Oranye',
        'Kategori: Lily',
        'Harga: Rp25.000',
        'Opsi: -',
        'Deskripsi: -',
        'Stok: ready',
        'Tampil: ya',
        'Urutan: 23',
        'Foto: belum ada (pelanggan melihat kartu bergambar)',
      ].join('\n'),
    );
  });

  it('adds with "Rp 25.000", files it under the existing category as written, and keeps a | in the description', () => {
    expect(one(L.addRp)).toMatch(
      /^✅ Produk \*P24\* ditambahkan: Tulip Merah · Rp25\.000 · Bunga Meja\nKirim fotonya dengan keterangan \*!produk foto P24\*\./,
    );
    expect(one(L.addRpCard)).toContain(
      'Kategori: Bunga Meja\nHarga: Rp25.000\nOpsi: -\nDeskripsi: Tulip satu tangkai | tinggi 40 cm\nStok: ready\nTampil: ya\nUrutan: 24',
    );
  });

  it('refuses missing fields with an example and the usage of tambah', () => {
    const missing = '⚠️ Nama, harga, dan kategori harus diisi, dipisah tanda |. Contoh:\n!produk tambah Mawar Merah | 25rb | Mawar | Mawar artificial 60 cm';
    for (const after of [L.addTwoFields, L.addNameOnly, L.addNothing]) {
      expect(reason(after)).toBe(missing);
      expect(usage(after)).toContain(ADD_USAGE);
    }
  });

  it('refuses prices in words, negative or zero', () => {
    expect(reason(L.addPriceWords)).toBe('⚠️ Tidak ditambahkan: "dua puluh ribu" bukan harga (contoh: 25000, 25.000, 25rb).');
    expect(reason(L.addNegative)).toBe('⚠️ Tidak ditambahkan: harga tidak boleh negatif.');
    expect(reason(L.addZero)).toBe('⚠️ Tidak ditambahkan: harga harus lebih dari 0.');
    for (const after of [L.addPriceWords, L.addNegative, L.addZero]) expect(usage(after)).toContain(ADD_USAGE);
  });

  it('refuses a name already taken (in any case), too long or empty, an empty category and a too long description', () => {
    expect(reason(L.addDuplicate)).toBe('⚠️ Tidak ditambahkan: sudah ada P01 bernama "Mawar Merah Premium".');
    expect(reason(L.addDuplicateNew)).toBe('⚠️ Tidak ditambahkan: sudah ada P22 bernama "Mawar Hitam".');
    expect(reason(L.addLongName)).toBe('⚠️ Tidak ditambahkan: nama produk 101 huruf, paling banyak 100.');
    expect(reason(L.addEmptyName)).toBe('⚠️ Tidak ditambahkan: nama produk kosong.');
    expect(reason(L.addEmptyCategory)).toBe('⚠️ Tidak ditambahkan: kategori kosong.');
    expect(reason(L.addLongDesc)).toBe('⚠️ Tidak ditambahkan: deskripsi 2001 huruf, paling banyak 2000.');
  });

  it('changes nothing when it refuses: the count stays and the next code is the next one', () => {
    expect(one(L.listAfterRefusals)).toMatch(/^📦 \*Produk\* · 24 produk · 2 habis · 0 disembunyikan · halaman 1\/2\n/);
    expect(one(L.addAfterRefusals)).toMatch(/^✅ Produk \*P25\* ditambahkan: Mawar Hijau · Rp1\.500\.000 · Mawar\n/);
    expect(one(L.page2AfterAdds)).toBe(
      [
        '📦 *Produk* · 25 produk · 2 habis · 0 disembunyikan · halaman 2/2',
        '*P21* Daun Monstera Artificial · Rp15.000 · ✅ ready',
        '*P22* Mawar Hitam · Rp25.000 · ✅ ready',
        '*P23* Lily Oranye · Rp25.000 · ✅ ready',
        '*P24* Tulip Merah · Rp25.000 · ✅ ready',
        '*P25* Mawar Hijau · Rp1.500.000 · ✅ ready',
        '',
        'Detail satu produk: !produk P01 · Semua perintah: !bantuan produk',
      ].join('\n'),
    );
  });
});

describe('!produk ubah', () => {
  it('changes the name, price, category, description, options and order, saying before → after', () => {
    expect(one(L.editName)).toBe('✅ P22 nama: Mawar Hitam → Mawar Hitam Elegan');
    expect(one(L.editPrice)).toBe('✅ P22 harga: Rp25.000 → Rp27.500');
    expect(one(L.editCategory)).toBe('✅ P22 kategori: Mawar → Anggrek'); // the existing category, as first written
    expect(one(L.editDesc)).toBe('✅ P22 deskripsi: Mawar hitam elegan, tinggi 60 cm → Mawar hitam pekat,\ntinggi 60 cm');
    expect(one(L.editDescClear)).toBe('✅ P22 deskripsi: Mawar hitam pekat,\ntinggi 60 cm → (kosong)');
    expect(one(L.editOptions)).toBe('✅ P22 opsi: (kosong) → Warna: hitam, merah');
    expect(one(L.editOptionsClear)).toBe('✅ P22 opsi: Warna: hitam, merah → (kosong)');
    expect(one(L.editOptionsAgain)).toBe('✅ P22 opsi: (kosong) → Ukuran: 40 cm, 60 cm');
    expect(one(L.editOrder)).toBe('✅ P22 urutan: 22 → 0');
    expect(one(L.editEnglish)).toBe('✅ P22 harga: Rp27.500 → Rp30.000');
  });

  it('shows the changed product, first in the list now that its order is 0', () => {
    expect(one(L.editCard)).toBe(
      [
        '*P22* Mawar Hitam Elegan',
        'Kategori: Anggrek',
        'Harga: Rp30.000',
        'Opsi: Ukuran: 40 cm, 60 cm',
        'Deskripsi: -',
        'Stok: ready',
        'Tampil: ya',
        'Urutan: 0',
        'Foto: belum ada (pelanggan melihat kartu bergambar)',
      ].join('\n'),
    );
    const lines = one(L.editList).split('\n');
    expect(lines[0]).toBe('📦 *Produk* · 25 produk · 2 habis · 0 disembunyikan · halaman 1/2');
    expect(lines[1]).toBe('*P22* Mawar Hitam Elegan · Rp30.000 · ✅ ready');
    expect(lines[2]).toBe('*P01* Mawar Merah Premium · Rp25.000 · ✅ ready');
  });

  it('refuses an unknown or malformed code, an unknown field, and a missing field or value', () => {
    expect(reason(L.editUnknownCode)).toBe('⚠️ Produk P99 tidak ada. Lihat daftarnya dengan !produk');
    expect(reason(L.editBadCode)).toBe('⚠️ "X1" bukan kode produk. Kode produk seperti P07; lihat daftarnya dengan !produk');
    expect(reason(L.editUnknownField)).toBe('⚠️ "warna" bukan field produk. Pilih: nama, harga, kategori, deskripsi, opsi, atau urutan.');
    expect(reason(L.editNoValue)).toBe('⚠️ Nilai harga yang baru belum ditulis.');
    expect(reason(L.editNoField)).toBe('⚠️ Field yang diubah belum ditulis: nama, harga, kategori, deskripsi, opsi, atau urutan.');
    expect(reason(L.editNoCode)).toBe('⚠️ Kode produknya belum ditulis, misalnya P07.');
    for (const after of [L.editUnknownCode, L.editBadCode, L.editUnknownField, L.editNoValue, L.editNoField, L.editNoCode])
      expect(usage(after)).toContain(EDIT_USAGE);
  });

  it('refuses a bad price, a bad order, a taken name and values too long', () => {
    expect(reason(L.editPriceWord)).toBe('⚠️ Tidak diubah: "gratis" bukan harga (contoh: 25000, 25.000, 25rb).');
    expect(reason(L.editPriceNegative)).toBe('⚠️ Tidak diubah: harga tidak boleh negatif.');
    expect(reason(L.editOrderWord)).toBe('⚠️ Tidak diubah: urutan harus bilangan bulat, misalnya 5 (kecil tampil lebih dulu).');
    expect(reason(L.editOrderFraction)).toBe('⚠️ Tidak diubah: urutan harus bilangan bulat, misalnya 5 (kecil tampil lebih dulu).');
    expect(reason(L.editNameTaken)).toBe('⚠️ Tidak diubah: sudah ada P01 bernama "Mawar Merah Premium".');
    expect(reason(L.editNameLong)).toBe('⚠️ Tidak diubah: nama produk 101 huruf, paling banyak 100.');
    expect(reason(L.editCategoryLong)).toBe('⚠️ Tidak diubah: kategori 61 huruf, paling banyak 60.');
  });

  it('changes nothing when it refuses', () => {
    expect(one(L.editCardAfterRefusals)).toBe(one(L.editCard));
  });
});

describe('!produk habis / ready / sembunyi / tampil', () => {
  it('marks one or several products sold out, and says which already were', () => {
    expect(one(L.soldOutOne)).toBe('✅ P01 sekarang habis.');
    expect(one(L.soldOutTwo)).toBe('✅ P02, P03 sekarang habis.');
    expect(one(L.soldOutAlready)).toBe('P05 memang sudah habis.');
    expect(one(L.soldOutMixed)).toBe('✅ P04 sekarang habis.\nP05 memang sudah habis.');
  });

  it('refuses them all when one code is unknown or malformed, or none is given', () => {
    expect(reason(L.soldOutUnknown)).toBe('⚠️ Produk P99 tidak ada. Lihat daftarnya dengan !produk');
    expect(reason(L.soldOutBadCode)).toBe('⚠️ "xx" bukan kode produk. Kode produk seperti P07; lihat daftarnya dengan !produk');
    expect(reason(L.soldOutNoCode)).toBe('⚠️ Kode produknya belum ditulis, misalnya P07.');
    expect(usage(L.soldOutNoCode)).toContain('Cara pakai:\n• !produk habis <kode>\n   tandai stok habis (boleh beberapa kode)');
    expect(one(L.cardAfterRefusedSoldOut)).toContain('Stok: ready'); // P08 was named with P99: untouched
    expect(one(L.commaCodesCard)).toContain('Stok: habis'); // "P09, P10" is read as two codes (see the end)
  });

  it('marks products ready again', () => {
    expect(one(L.readyMany)).toBe('✅ P01, P02, P03, P04 sekarang ready.');
    expect(one(L.readyAlready)).toBe('P01 memang sudah ready.');
  });

  it('hides and shows products, and refuses all when one code is unknown', () => {
    expect(one(L.hideOne)).toBe('✅ P21 sekarang disembunyikan dari pelanggan.');
    expect(one(L.hideMixed)).toBe('✅ P20 sekarang disembunyikan dari pelanggan.\nP21 memang sudah disembunyikan dari pelanggan.');
    expect(reason(L.hideUnknown)).toBe('⚠️ Produk P99 tidak ada. Lihat daftarnya dengan !produk');
    const list = one(L.listWithHidden).split('\n');
    expect(list[0]).toBe('📦 *Produk* · 25 produk · 2 habis · 2 disembunyikan · halaman 1/2');
    expect(list).toContain('*P19* Rangkaian Lamaran Hantaran · Rp350.000 · ✅ ready'); // named with P99: untouched
    expect(one(L.listWithHidden2)).toMatch(
      /^📦 \*Produk\* · 25 produk · 2 habis · 2 disembunyikan · halaman 2\/2\n\*P20\* Bunga Papan Mini Ucapan · Rp175\.000 · ✅ ready · 🙈 disembunyikan\n\*P21\* Daun Monstera Artificial · Rp15\.000 · ✅ ready · 🙈 disembunyikan\n/,
    );
    expect(one(L.showTwo)).toBe('✅ P20, P21 sekarang tampil untuk pelanggan.');
    expect(one(L.showAlready)).toBe('P21 memang sudah tampil untuk pelanggan.');
    expect(reason(L.showUnknown)).toBe('⚠️ Produk P99 tidak ada. Lihat daftarnya dengan !produk');
  });

  it('does not show a hidden product to the customer', () => {
    const seen = toRina(L.customerHidden).map((o) => o.text ?? '');
    expect(seen[0]).toMatch(/^Halo Rina! 🌸 Selamat datang di \*UD\. Baim Florist\*/);
    // one bubble: the greeting, what is missing, then the categories
    expect(seen[0]).toContain('\n\nMaaf Kak, kode *P21* tidak ada di katalog kami. 🙏\n\n🌸 *Katalog UD. Baim Florist*\n');
    expect(seen.join('\n')).not.toContain('Daun Monstera');
  });
});

describe('!produk hapus', () => {
  it('asks for confirmation, then deletes on "ya" within 10 minutes', () => {
    expect(one(L.deleteAsk)).toBe(
      [
        '⚠️ Hapus *P07 Anggrek Bulan Ungu* (Rp45.000) dari katalog?',
        'Kalau yakin, dalam 10 menit tulis: *!produk hapus P07 ya*',
        'Cukup disembunyikan? !produk sembunyi P07',
      ].join('\n'),
    );
    expect(one(L.deleteYes)).toBe('🗑️ P07 Anggrek Bulan Ungu dihapus dari katalog. Kodenya tidak dipakai lagi untuk produk lain.');
    expect(reason(L.deletedCard)).toBe('⚠️ Produk P07 tidak ada. Lihat daftarnya dengan !produk');
    expect(reason(L.deleteUnknown)).toBe('⚠️ Produk P07 tidak ada. Lihat daftarnya dengan !produk');
  });

  it('asks again for a "ya" never asked for, or asked more than 10 minutes ago, deleting nothing', () => {
    const askAgain = [
      'Konfirmasinya sudah lewat 10 menit atau belum diminta.',
      '⚠️ Hapus *P06 Anggrek Bulan Putih* (Rp45.000) dari katalog?',
      'Kalau yakin, dalam 10 menit tulis: *!produk hapus P06 ya*',
      'Cukup disembunyikan? !produk sembunyi P06',
    ].join('\n');
    expect(one(L.deleteYesUnasked)).toBe(askAgain);
    expect(one(L.deleteYesLate)).toBe(askAgain); // 11 minutes after it was asked
    expect(one(L.cardAfterLate)).toMatch(/^\*P06\* Anggrek Bulan Putih\n/);
  });

  it('refuses a word other than "ya", extra words, and a missing code', () => {
    expect(reason(L.deleteBadWord)).toBe('⚠️ Untuk memastikan, tulis: !produk hapus P06 ya');
    expect(reason(L.deleteExtraWord)).toBe('⚠️ Untuk memastikan, tulis: !produk hapus P06 ya');
    expect(usage(L.deleteBadWord)).toContain('Cara pakai:\n• !produk hapus <kode>\n   hapus produk; diminta konfirmasi, fotonya tetap disimpan');
    expect(reason(L.deleteNoCode)).toBe('⚠️ Kode produknya belum ditulis, misalnya P07.');
  });

  it('drops a deletion the owner answers "tidak" to', () => {
    expect(one(L.deleteNo)).toBe('Baik, P06 Anggrek Bulan Putih tidak dihapus.');
    // "ya" afterwards is not a confirmation any more: it asks again
    expect(one(L.deleteYesAfterNo)).toContain('Konfirmasinya sudah lewat 10 menit atau belum diminta.');
  });

  it('never gives a deleted code to a new product, even with the same name', () => {
    expect(one(L.addAfterDelete)).toMatch(/^✅ Produk \*P26\* ditambahkan: Anggrek Bulan Ungu · Rp45\.000 · Anggrek\n/);
  });
});

describe('!produk foto', () => {
  it('keeps a photo sent with the command as its caption', () => {
    expect(one(L.photoAdd)).toBe('✅ Foto ke-1 untuk *P01 Mawar Merah Premium* disimpan. Pelanggan melihatnya di detail produk.');
    expect(one(L.photoCard)).toContain('Urutan: 1\nFoto: 1 foto');
  });

  it('refuses the command without a photo, with a bad word, or without a code', () => {
    expect(reason(L.photoNoImage)).toBe('⚠️ Perintah ini ditulis sebagai keterangan sebuah foto: kirim fotonya dengan keterangan !produk foto P01');
    expect(usage(L.photoNoImage)).toContain(
      'Cara pakai:\n• !produk foto <kode>\n   tulis sebagai keterangan foto yang dikirim: menambah foto produk\n• !produk foto <kode> hapus\n   lepaskan semua foto dari produk (berkasnya tetap disimpan)',
    );
    expect(reason(L.photoBadWord)).toBe('⚠️ Setelah kode hanya bisa "hapus": !produk foto P01 hapus');
    expect(reason(L.photoNoCode)).toBe('⚠️ Kode produknya belum ditulis, misalnya P07.');
  });

  it('shows the customer the product with its photo', () => {
    const seen = toRina(L.customerPhoto);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.image).toMatch(/media\/produk-p01-[0-9a-f]{8}\.png$/);
    expect(seen[0]?.image?.startsWith(dataDir)).toBe(true);
    expect(existsSync(seen[0]?.image ?? '')).toBe(true);
    expect(seen[0]?.text).toBe(
      [
        '*Mawar Merah Premium*',
        'Kode P01 · Mawar',
        '💰 *Rp25.000*',
        '🎨 Warna: merah',
        '',
        'Mawar artificial kelopak tebal, tinggi 60 cm. Harga per tangkai.',
        '',
        '✅ Stok ready',
        '🛒 Untuk memesan, balas *pesan <jumlah>*, misalnya *pesan 2*.',
        'Ketik *kembali* untuk daftar sebelumnya.', // Rina came from the category list
      ].join('\n'),
    );
  });

  it('removes the photos, refusing a photo sent along and a product without photos', () => {
    expect(reason(L.photoClearWithImage)).toBe('⚠️ Foto yang dikirim bersama "!produk foto P01 hapus" tidak disimpan; kirim perintahnya tanpa foto.');
    expect(one(L.photoClear)).toBe(
      '✅ 1 foto dilepas dari P01 Mawar Merah Premium; berkasnya tetap tersimpan di data/media. Pelanggan sekarang melihat kartu bergambar.',
    );
    expect(reason(L.photoClearNone)).toBe('⚠️ P02 memang belum punya foto.');
    expect(one(L.photoCardAfterClear)).toContain('Foto: belum ada (pelanggan melihat kartu bergambar)');
    const seen = toRina(L.customerAfterClear);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.image).toMatch(/media\/kartu-p01-[0-9a-f]{8}\.png$/);
    expect(seen[0]?.text).toMatch(/^\*Mawar Merah Premium\*\nKode P01 · Mawar\n/);
  });
});

describe('!pesanan', () => {
  const ORDER1_LINE = '• 2 × Mawar Merah Premium (P01) @ Rp25.000 = Rp50.000';
  const ORDER2_LINE = '• 1 × Mawar Pink Velvet (P03) @ Rp22.000 = Rp22.000';

  it('says when there are no orders', () => {
    expect(one(L.ordersNone)).toBe('Tidak ada pesanan yang terbuka. 🎉 Semua pesanan: !pesanan semua');
    expect(one(L.ordersAllNone)).toBe('Belum ada pesanan sama sekali.');
  });

  it("records the customer's order, tells her, and tells the owner", () => {
    const seen = toRina(L.order1).map((o) => o.text);
    expect(seen).toEqual([
      `✅ Terima kasih Rina! Pesanan *O-0001* sudah kami catat:\n${ORDER1_LINE}\n*Total: Rp50.000* (belum termasuk ongkos kirim)\n\nAdmin kami akan mengonfirmasi ketersediaan, ongkos kirim, dan cara pembayaran di chat ini secepatnya. 🙏`,
    ]);
    expect(one(L.order1)).toBe(
      [
        '🛒 *Pesanan baru O-0001*',
        `Dari: ${RINA_WHO}`,
        ORDER1_LINE,
        '*Total: Rp50.000*',
        '',
        'Balas pelanggan di chat mereka, lalu: !pesanan O-0001 konfirmasi',
      ].join('\n'),
    );
  });

  it('lists open orders and all orders', () => {
    const footer = 'Detail: !pesanan <nomor> · Tindak lanjut: !pesanan <nomor> konfirmasi | selesai | batal <alasan>';
    const row = '*O-0001* · 🆕 baru · Rina · 2 barang · Rp50.000 · Selasa, 1 Desember 2026 10.30';
    expect(one(L.ordersOpen)).toBe(['🧾 *1 pesanan terbuka*', row, '', footer].join('\n'));
    expect(one(L.ordersAll)).toBe(['🧾 *1 pesanan terakhir*', row, '', footer].join('\n'));
    expect(one(L.ordersOpen2)).toBe(
      ['🧾 *1 pesanan terbuka*', '*O-0002* · 🆕 baru · Rina · 1 barang · Rp22.000 · Selasa, 1 Desember 2026 11.00', '', footer].join('\n'),
    );
    expect(one(L.ordersAllEnd)).toBe(
      [
        '🧾 *2 pesanan terakhir*',
        '*O-0001* · 🌸 selesai · Rina · 2 barang · Rp50.000 · Selasa, 1 Desember 2026 10.30',
        '*O-0002* · ⛔ batal · Rina · 1 barang · Rp22.000 · Selasa, 1 Desember 2026 11.00',
        '',
        footer,
      ].join('\n'),
    );
    expect(one(L.ordersOpenEnd)).toBe('Tidak ada pesanan yang terbuka. 🎉 Semua pesanan: !pesanan semua');
  });

  it('shows one order by its number written as 1, O-0001 or o-1 (alias !orders)', () => {
    const card = [
      '🧾 *Pesanan O-0001* · 🆕 baru',
      `Pelanggan: ${RINA_WHO}`,
      'Dibuat: Selasa, 1 Desember 2026 10.30',
      '',
      ORDER1_LINE,
      '*Total: Rp50.000*',
    ].join('\n');
    expect(one(L.orderByDigit)).toBe(card);
    expect(one(L.orderByNumber)).toBe(card);
    expect(one(L.orderAlias)).toBe(card);
  });

  it('confirms with a note, tells Rina, and refuses to confirm twice', () => {
    expect(one(L.confirm)).toBe('✅ Pesanan O-0001 dikonfirmasi. Pelanggan sudah diberi tahu.');
    expect(toRina(L.confirm).map((o) => o.text)).toEqual([
      `✅ Rina, pesanan *O-0001* sudah dikonfirmasi admin kami.\n${ORDER1_LINE}\n*Total harga produk: Rp50.000*\n📝 ongkir 15rb\n\nTerima kasih sudah memesan di *UD. Baim Florist*! 🌸`,
    ]);
    expect(reason(L.confirmAgain)).toBe('⚠️ Pesanan O-0001 sudah dikonfirmasi. Selanjutnya: !pesanan O-0001 selesai');
    expect(toRina(L.confirmAgain)).toEqual([]);
    expect(one(L.orderAfterConfirm)).toBe(
      [
        '🧾 *Pesanan O-0001* · ✅ dikonfirmasi',
        `Pelanggan: ${RINA_WHO}`,
        'Dibuat: Selasa, 1 Desember 2026 10.30 · diubah Selasa, 1 Desember 2026 10.45',
        '',
        ORDER1_LINE,
        '*Total: Rp50.000*',
        '📝 Catatan: ongkir 15rb',
      ].join('\n'),
    );
  });

  it('closes an order as done, thanks Rina, and refuses to change it afterwards', () => {
    expect(reason(L.doneExtra)).toBe('⚠️ "selesai" tidak diikuti apa-apa: !pesanan O-0001 selesai');
    expect(toRina(L.doneExtra)).toEqual([]);
    expect(one(L.done)).toBe('🌸 Pesanan O-0001 selesai. Pelanggan sudah diberi tahu.');
    expect(toRina(L.done).map((o) => o.text)).toEqual([
      '🌸 Pesanan *O-0001* sudah selesai. Terima kasih banyak sudah berbelanja di *UD. Baim Florist*, Rina! Semoga bunganya membuat hari Kakak makin indah.\n\nKalau ada yang kurang pas, kabari kami di sini ya. Kami senang sekali kalau Kakak mampir lagi. 💐',
    ]);
    expect(reason(L.cancelDone)).toBe('⚠️ Pesanan O-0001 sudah selesai; statusnya tidak bisa diubah lagi.');
    expect(reason(L.doneAgain)).toBe('⚠️ Pesanan O-0001 sudah selesai; statusnya tidak bisa diubah lagi.');
    expect(toRina(L.cancelDone)).toEqual([]);
    expect(toRina(L.doneAgain)).toEqual([]);
  });

  it('starts a new order once the first is confirmed, and cancels it with a reason told politely to Rina', () => {
    expect(toRina(L.order2).map((o) => o.text)).toEqual([
      `✅ Terima kasih Rina! Pesanan *O-0002* sudah kami catat:\n${ORDER2_LINE}\n*Total: Rp22.000* (belum termasuk ongkos kirim)\n\nAdmin kami akan mengonfirmasi ketersediaan, ongkos kirim, dan cara pembayaran di chat ini secepatnya. 🙏`,
    ]);
    expect(one(L.order2)).toMatch(/^🛒 \*Pesanan baru O-0002\*\n/);
    expect(reason(L.cancelNoReason)).toBe('⚠️ Tulis alasannya untuk pelanggan, misalnya: !pesanan O-0002 batal stok sedang kosong');
    expect(toRina(L.cancelNoReason)).toEqual([]);
    expect(one(L.cancel)).toBe('⛔ Pesanan O-0002 dibatalkan. Pelanggan sudah diberi tahu.');
    expect(toRina(L.cancel).map((o) => o.text)).toEqual([
      '🙏 Mohon maaf Rina, pesanan *O-0002* kami batalkan.\nAlasan: stok kosong\n\nKalau Kakak ingin memilih produk lain, ketik *katalog* atau balas di sini. Admin kami siap membantu.',
    ]);
    expect(reason(L.cancelAgain)).toBe('⚠️ Pesanan O-0002 sudah batal; statusnya tidak bisa diubah lagi.');
    expect(toRina(L.cancelAgain)).toEqual([]);
    expect(one(L.orderCancelled)).toBe(
      [
        '🧾 *Pesanan O-0002* · ⛔ batal',
        `Pelanggan: ${RINA_WHO}`,
        'Dibuat: Selasa, 1 Desember 2026 11.00',
        '',
        ORDER2_LINE,
        '*Total: Rp22.000*',
        'Alasan batal: stok kosong',
      ].join('\n'),
    );
  });

  it('refuses an unknown order, a number that is not one, an unknown action and extra words', () => {
    expect(reason(L.orderUnknown)).toBe('⚠️ Pesanan O-0009 tidak ada. Lihat yang terbuka dengan !pesanan');
    expect(reason(L.orderWord)).toBe('⚠️ "satu" bukan nomor pesanan. Nomor pesanan seperti O-0001.');
    expect(reason(L.orderZero)).toBe('⚠️ "0" bukan nomor pesanan. Nomor pesanan seperti O-0001.');
    expect(reason(L.orderBadAction)).toBe('⚠️ "hapus" tidak dikenal untuk !pesanan 1. Pilih: konfirmasi, selesai, atau batal.');
    expect(reason(L.ordersAllExtra)).toBe('⚠️ "lagi" tidak diperlukan di sini.');
    const u = usage(L.orderBadAction);
    for (const form of [
      '• !pesanan\n',
      '• !pesanan semua',
      '• !pesanan <nomor>\n',
      '• !pesanan <nomor> konfirmasi [catatan]',
      '• !pesanan <nomor> selesai',
      '• !pesanan <nomor> batal <alasan>',
    ]) {
      expect(u).toContain(form);
    }
  });

  it('keeps the orders on disk with their final status', () => {
    const db = JSON.parse(readFileSync(join(dataDir, 'db.json'), 'utf8')) as {
      plugins: { catalog: { orders: Array<{ number: string; status: string; note: string; reason: string }> } };
    };
    expect(db.plugins.catalog.orders.map((o) => [o.number, o.status, o.note, o.reason])).toEqual([
      ['O-0001', 'selesai', 'ongkir 15rb', ''],
      ['O-0002', 'batal', '', 'stok kosong'],
    ]);
  });
});

describe('owner slips, answered helpfully', () => {
  // The same code twice: it is marked habis, then reported as "already" habis in the same reply.
  it('names a product once when its code is repeated', () => {
    expect(one(L.dupCodes)).toBe('✅ P08 sekarang habis.');
  });

  // The bot writes several codes as "P02, P03"; the owner writing them back the same way is refused.
  it('accepts codes separated by commas, as the bot itself writes them', () => {
    expect(one(L.commaCodes)).toBe('✅ P09, P10 sekarang habis.');
  });

  // "-" clears a description or options; for a price it is answered as if it were negative.
  it('answers "-" as a price with what "-" is for, not "negative"', () => {
    expect(reason(L.priceDash)).toBe('⚠️ Tidak diubah: "-" hanya untuk mengosongkan deskripsi atau opsi; harga harus diisi.');
  });

  // A valid code followed by a field is told it is "not a known command", with no hint about ubah.
  it('points to !produk ubah when a code is followed by a field and value', () => {
    expect(reason(L.codeWithoutUbah)).toContain('!produk ubah P09 harga 30rb');
  });

  // "-" (the usage's "kosongkan") renames the product to "-" and files it in a category "-" that
  // customers then see in the catalog.
  it('refuses "-" as a name or category instead of renaming the product "-"', () => {
    expect(reason(L.nameDash)).toMatch(/^⚠️ Tidak diubah: /);
    expect(reason(L.categoryDash)).toMatch(/^⚠️ Tidak diubah: /);
    expect(one(L.dashCard)).toMatch(/^\*P23\* Lily Oranye\nKategori: Lily\n/);
  });
});
