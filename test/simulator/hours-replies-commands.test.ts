import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers.js';
import { OWNER, RINA, SimScript, type SimOut } from './script.js';

/**
 * Every form of !jam, !libur, !tutup and !balasan, valid and invalid, typed by the owner into the
 * simulator (`simulate --jsonl`, a separate process), with what the owner and a customer then see.
 */

const script = new SimScript();
const { owner, rina } = script;
const line = (entry: Record<string, unknown>): number => script.line(entry);

// Tuesday 1 December 2026, 10:00 in Medan
const start = line({ from: OWNER, text: '!jam', at: '2026-12-01T10:00:00+07:00' });
const L = {
  jamShow: start,
  jamRange: owner('!jam senin-jumat 08:00-16:00'),
  jamTwo: owner('!jam sabtu 09:00-12:00,13:00-15:00'),
  jamClosed: owner('!jam minggu tutup'),
  jamSpaces: owner('!jam senin - jumat 08.00 - 16.00'),
  jamLoose: owner('!jam Jum’at buka 08:00-12:00 13:00-16:00 WIB'),
  jamBack: owner('!jam jumat 08:00-16:00'),
  jamBadTime: owner('!jam senin 25:00-17:00'),
  jamReversed: owner('!jam senin 17:00-09:00'),
  jamBadDay: owner('!jam senen 09:00-17:00'),
  jamNoHours: owner('!jam senin'),
  jamAfter: owner('!jam'),
  liburAdd: owner('!libur 2026-12-25 Natal'),
  liburAdd2: owner('!libur 1/1/2027 Tahun Baru'),
  liburList: owner('!libur'),
  liburDel: owner('!libur hapus 2027-01-01'),
  liburBadDate: owner('!libur 2026-02-30 Apa'),
  liburPast: owner('!libur 2026-11-01 Lewat'),
  liburDelMissing: owner('!libur hapus 2026-12-31'),
  liburDelNoDate: owner('!libur hapus'),
  tutupShow: owner('!tutup'),
  tutupText: owner('!tutup Maaf {nama}, {toko} sedang tutup. Kami balas {buka} ya.'),
  tutupBadVar: owner('!tutup Maaf {pelanggan}'),
  tutupWordThenText: owner('!tutup jam kami sudah lewat'),
  tutupRange: owner('!tutup 2026-12-24 12:00 sampai 2026-12-27 09:00'),
  tutupRangeReversed: owner('!tutup 2026-12-27 09:00 sampai 2026-12-24 12:00'),
  tutupRangeHalf: owner('!tutup 2026-12-24 12:00'),
  tutupRangePast: owner('!tutup 2026-11-01 12:00 sampai 2026-11-02 09:00'),
  tutupRangeSlashes: owner('!tutup 24/12/2026 12:00 sampai 27/12/2026 09:00'),
  tutupRangeBadClock: owner('!tutup 24/12/2026 25:00 sampai 27/12/2026 09:00'),
  tutupDigitText: owner('!tutup 2 hari lagi kami buka'),
  tutupShowClosure: owner('!tutup'),
  tutupEnd: owner('!tutup selesai'),
  tutupEndAgain: owner('!tutup selesai'),
  tutupHours: owner('!tutup jam'),
  tutupOff: owner('!tutup off'),
  tutupOn: owner('!tutup on'),
  balasanList: owner('!balasan'),
  balasanShow: owner('!balasan harga'),
  balasanPage: owner('!balasan hal 1'),
  balasanBadPage: owner('!balasan hal 9'),
  balasanReserved: owner('!balasan tambah kata: kata-kata = x'),
  balasanAdd: owner('!balasan tambah promo: promo, diskon, potongan harga = Ada promo akhir tahun, {nama}: diskon 10% untuk buket!'),
  balasanAddDup: owner('!balasan tambah promo: sale = x'),
  balasanAddTaken: owner('!balasan tambah murah: ongkir = y'),
  balasanAddBadVar: owner('!balasan tambah lain: lain = {diskon}'),
  balasanAddBadName: owner('!balasan tambah Promo Besar: besar = z'),
  balasanAddMalformed: owner('!balasan tambah promo diskon'),
  balasanEdit: owner('!balasan ubah promo = Diskon 15% sampai {buka}!'),
  balasanEditMissing: owner('!balasan ubah tidakada = x'),
  balasanWords: owner('!balasan kata promo: promo, diskon, sale'),
  balasanWordsTaken: owner('!balasan kata promo: harga'),
  balasanImage: owner('!balasan gambar promo', { image: 'test/fixtures/mawar.png' }),
  balasanImageNoPhoto: owner('!balasan gambar promo'),
  balasanUnknownWord: owner('!balasan ganti promo'),
  customerPromo: rina('ada diskon gak kak?'),
  balasanDelete: owner('!balasan hapus promo'),
  balasanDeleteMissing: owner('!balasan hapus promo'),
  customerAfterDelete: rina('sale?'),
  customerNight: line({ from: RINA, text: 'lokasi dmn kak', at: '2026-12-01T21:00:00+07:00' }),
};

let out: SimOut[] = [];
let dataDir = '';
const to = (after: number, who = '6281100001111'): string[] => out.filter((o) => o.after === after && o.to === who).map((o) => o.text ?? '');
const one = (after: number): string => to(after).join('\n---\n');

beforeAll(async () => {
  dataDir = await tempDir();
  out = script.run(dataDir);
});
afterAll(async () => removeDir(dataDir));

describe('!jam', () => {
  it('shows the week and whether the shop is open now', () => {
    expect(one(L.jamShow)).toBe(
      '*Jam buka*\nSenin–Sabtu: 09.00–17.00\nMinggu: tutup\n\nSekarang: *buka*\n\nLibur: Jumat, 25 Desember 2026 (Natal); Jumat, 1 Januari 2027 (Tahun Baru)',
    );
  });

  it('sets a range of days, a day with two ranges, a closed day, with spaces or dots', () => {
    expect(one(L.jamRange)).toContain('✅ Senin, Selasa, Rabu, Kamis, Jumat: jam diperbarui.');
    expect(one(L.jamTwo)).toContain('Sabtu: 09.00–12.00, 13.00–15.00');
    expect(one(L.jamClosed)).toContain('✅ Minggu: tutup.');
    expect(one(L.jamSpaces)).toContain('Senin–Jumat: 08.00–16.00');
    expect(one(L.jamLoose)).toContain('Jumat: 08.00–12.00, 13.00–16.00');
    expect(one(L.jamAfter)).toContain('Senin–Jumat: 08.00–16.00\nSabtu: 09.00–12.00, 13.00–15.00\nMinggu: tutup');
  });

  it('refuses a bad time, a reversed range, an unknown day or missing hours with the usage, changing nothing', () => {
    expect(one(L.jamBadTime)).toMatch(/^⚠️ Jam buka tidak diubah: "25:00" bukan jam yang ada\.[\s\S]*Cara pakai:/);
    expect(one(L.jamReversed)).toMatch(/^⚠️ Jam buka tidak diubah: 17\.00–09\.00 terbalik/);
    expect(one(L.jamBadDay)).toMatch(/^⚠️ Jam buka tidak diubah: "senen" bukan nama hari/);
    expect(one(L.jamNoHours)).toMatch(/^⚠️ Tulis hari lalu jamnya, atau "tutup"\./);
    expect(one(L.jamAfter)).not.toContain('25.00');
  });
});

describe('!libur', () => {
  it('adds, lists and removes holidays', () => {
    expect(one(L.liburAdd)).toContain('✅ Jumat, 25 Desember 2026 (Natal) diperbarui'); // already in the florist's seed
    expect(one(L.liburAdd2)).toContain('Jumat, 1 Januari 2027 (Tahun Baru)');
    expect(one(L.liburList)).toBe('*Hari libur*\n• Jumat, 25 Desember 2026: Natal\n• Jumat, 1 Januari 2027: Tahun Baru');
    expect(one(L.liburDel)).toBe('✅ Jumat, 1 Januari 2027 tidak lagi hari libur.');
  });

  it('refuses dates that do not exist, have passed or are not on the list', () => {
    expect(one(L.liburBadDate)).toMatch(/^⚠️ Hari libur tidak ditambah: tanggal 2026-02-30 tidak ada\./);
    expect(one(L.liburPast)).toMatch(/^⚠️ Minggu, 1 November 2026 sudah lewat\./);
    expect(one(L.liburDelMissing)).toMatch(/^⚠️ Kamis, 31 Desember 2026 memang tidak ada di daftar libur\./);
    expect(one(L.liburDelNoDate)).toMatch(/^⚠️ Tulis satu tanggal yang dihapus\./);
  });
});

describe('!tutup', () => {
  it('shows, edits and switches the away message', () => {
    expect(one(L.tutupShow)).toContain('*Pesan tutup* ✅ aktif\nDikirim: saat toko tutup (di luar jam buka, hari libur, dan tutup sementara)');
    expect(one(L.tutupText)).toMatch(/^✅ Teks pesan tutup diperbarui\. Contoh:\n\nMaaf Rina, UD\. Baim Florist sedang tutup\. Kami balas sekarang ya\./);
    expect(one(L.tutupRange)).toBe(
      '✅ Toko tutup sementara: Kamis, 24 Desember 2026 12.00 sampai Minggu, 27 Desember 2026 09.00. Pelanggan yang menghubungi diberi tahu toko buka lagi Senin, 28 Desember pukul 08.00.',
    );
    expect(one(L.tutupHours)).toBe('✅ Pesan tutup dikirim saat toko tutup (di luar jam buka, hari libur, dan tutup sementara).');
    expect(one(L.tutupRangeSlashes)).toContain('✅ Toko tutup sementara: Kamis, 24 Desember 2026 12.00 sampai Minggu, 27 Desember 2026 09.00.');
    expect(one(L.tutupShowClosure)).toContain('Tutup sementara: Kamis, 24 Desember 2026 12.00 sampai Minggu, 27 Desember 2026 09.00');
    expect(one(L.tutupEnd)).toBe('✅ Tutup sementara diakhiri. Toko sekarang buka.');
    expect(one(L.tutupOff)).toBe('⛔ Pesan tutup dimatikan. Nyalakan lagi dengan !tutup on');
    expect(one(L.tutupOn)).toBe('✅ Pesan tutup dinyalakan.');
  });

  it('refuses unknown variables, ambiguous words and bad ranges', () => {
    expect(one(L.tutupBadVar)).toMatch(/^⚠️ Teks pesan tutup tidak diubah: variabel \{pelanggan\} tidak dikenal/);
    expect(one(L.tutupWordThenText)).toMatch(/^⚠️ "jam" tidak diikuti apa-apa\. Untuk teks yang diawali kata itu, tulis: !tutup teks jam kami sudah lewat/);
    expect(one(L.tutupRangeReversed)).toMatch(/^⚠️ Akhir tutup harus sesudah awalnya\./);
    expect(one(L.tutupRangeHalf)).toMatch(/^⚠️ Tulis awal dan akhir tutup/);
    expect(one(L.tutupRangePast)).toMatch(/^⚠️ Rentang itu sudah lewat\./);
    expect(one(L.tutupRangeBadClock)).toMatch(/^⚠️ Tutup sementara tidak diatur: "25:00" bukan jam yang ada\./);
    expect(one(L.tutupDigitText)).toMatch(/^⚠️ Tulis awal dan akhir tutup[\s\S]*Untuk teks yang diawali angka, tulis: !tutup teks 2 hari lagi kami buka/);
    expect(one(L.tutupEndAgain)).toMatch(/^⚠️ Tidak ada tutup sementara yang sedang berlaku\./);
  });
});

describe('!balasan', () => {
  it("lists and shows the florist's quick replies", () => {
    expect(one(L.balasanList)).toMatch(/^\*Balasan cepat\* \(7\)\n\n• \*harga\* \(0×\): harga, ~berapa, berapaan/);
    for (const name of ['harga', 'lokasi', 'jam', 'stok', 'pesan', 'bayar', 'kirim']) expect(one(L.balasanList)).toContain(`*${name}*`);
    expect(one(L.balasanShow)).toContain('*harga* (dipakai 0×)');
    expect(one(L.balasanPage)).toBe(one(L.balasanList));
  });

  it('adds, edits, re-keys, pictures and deletes a rule, and customers get it', () => {
    expect(one(L.balasanAdd)).toBe('✅ Balasan *promo* ditambahkan. Kata kunci: promo, diskon, potongan harga');
    expect(one(L.balasanEdit)).toMatch(/^✅ Jawaban \*promo\* diperbarui:/);
    expect(one(L.balasanWords)).toBe('✅ Kata kunci *promo*: promo, diskon, sale');
    expect(one(L.balasanImage)).toBe('✅ Foto disimpan untuk balasan *promo*; foto ikut dikirim bersama jawabannya.');
    const promo = out.filter((o) => o.after === L.customerPromo && o.to === '6281234567890');
    expect(promo).toHaveLength(2); // the greeting, then the answer with its picture
    expect(promo[1]?.text).toBe('Diskon 15% sampai sekarang!');
    expect(promo[1]?.image).toMatch(/media\/balasan-promo-[0-9a-f]{8}\.png$/);
    expect(existsSync(join(dataDir, 'media'))).toBe(true);
    expect(one(L.balasanDelete)).toBe('✅ Balasan *promo* dihapus.');
    expect(to(L.customerAfterDelete, '6281234567890').join()).not.toContain('Diskon');
  });

  it('refuses duplicates, keywords another rule owns, unknown variables and malformed forms', () => {
    expect(one(L.balasanAddDup)).toMatch(/^⚠️ Balasan \*promo\* sudah ada\./);
    expect(one(L.balasanAddTaken)).toMatch(/^⚠️ Kata kunci "ongkir" sudah dipakai balasan \*kirim\*\./);
    expect(one(L.balasanAddBadVar)).toMatch(/^⚠️ Variabel \{diskon\} tidak dikenal\./);
    expect(one(L.balasanAddBadName)).toMatch(/^⚠️ Nama balasan: satu kata/);
    expect(one(L.balasanAddMalformed)).toMatch(/^⚠️ Tulis nama, titik dua, kata kunci, tanda =, lalu jawabannya\./);
    expect(one(L.balasanEditMissing)).toMatch(/^⚠️ Balasan "tidakada" tidak ada\./);
    expect(one(L.balasanWordsTaken)).toMatch(/^⚠️ Kata kunci "harga" sudah dipakai balasan \*harga\*\./);
    expect(one(L.balasanImageNoPhoto)).toMatch(/^⚠️ Perintah ini ditulis sebagai keterangan sebuah foto/);
    expect(one(L.balasanUnknownWord)).toMatch(/^⚠️ "ganti" tidak dikenal untuk !balasan\./);
    expect(one(L.balasanDeleteMissing)).toMatch(/^⚠️ Balasan "promo" tidak ada\./);
    expect(one(L.balasanBadPage)).toMatch(/^⚠️ Halaman "9" tidak ada; ada 1 halaman\./);
    expect(one(L.balasanReserved)).toMatch(/^⚠️ "kata" dipakai sebagai perintah !balasan; pilih nama lain\./);
  });
});

it('keeps the hit counts, and answers a question at night after the away message', () => {
  const night = to(L.customerNight, '6281234567890');
  expect(night[0]).toMatch(/^Maaf Rina, UD\. Baim Florist sedang tutup\. Kami balas besok pukul 08\.00 ya\./);
  // one bubble: the away notice, then the answer
  expect(night[0]).toContain('\n\n📍 *UD. Baim Florist*\nPusat Pasar Lantai 1, Medan');
  const db = JSON.parse(readFileSync(join(dataDir, 'db.json'), 'utf8')) as { plugins: { 'quick-reply': { rules: Array<{ name: string; hits: number }> } } };
  expect(db.plugins['quick-reply'].rules.find((r) => r.name === 'lokasi')?.hits).toBe(1);
});
