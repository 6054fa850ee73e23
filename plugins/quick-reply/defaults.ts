import { TOPIC_PHRASES } from '../../src/plugin-api.js';

/**
 * The quick replies a new shop starts with: the questions every stall hears all day, one for each
 * of the core's topics, with the topic's phrases as keywords. Answers use the shop's variables, so
 * they fit any shop; the owner edits them with !balasan.
 */
export interface QuickRule {
  name: string;
  keywords: string[];
  answer: string;
  /** A picture sent with the answer, under the data folder. */
  image: string | null;
  hits: number;
}

const rule = (name: string, keywords: readonly string[], answer: string): QuickRule => ({ name, keywords: [...keywords], answer, image: null, hits: 0 });

/** The rules themselves; never handed out, only copied by DEFAULT_RULES. */
const RULES: readonly QuickRule[] = [
  rule(
    'harga',
    TOPIC_PHRASES.harga,
    'Harga produk kami berbeda-beda, {nama}. 🙏 Sebutkan nama produk atau kirim fotonya, admin kami kirimkan harganya. Daftar produk ada di menu *1*.',
  ),
  rule('lokasi', TOPIC_PHRASES.lokasi, '📍 *{toko}*\n{alamat}\n\nSilakan mampir, {nama}!'),
  rule('jam', TOPIC_PHRASES.jam, '🕘 Jam buka *{toko}*:\n{jam}\n\nSaat ini toko *{status}*.'),
  rule('stok', TOPIC_PHRASES.stok, 'Untuk stok dan pilihan warna, sebutkan produk yang Kakak cari ya, {nama}. Admin kami cek dan kabari secepatnya. 🙏'),
  rule(
    'pesan',
    TOPIC_PHRASES.pesan,
    'Cara pesan di *{toko}*:\n1. Ketik *katalog*, pilih produk, lalu balas *pesan <jumlah>*; atau kirim nama atau foto produk dan jumlahnya.\n2. Admin kami konfirmasi ketersediaan dan ongkos kirim.\n3. Bayar, lalu pesanan dikirim atau diambil di toko.',
  ),
  rule(
    'bayar',
    TOPIC_PHRASES.bayar,
    'Pembayaran bisa lewat transfer bank, QRIS, atau tunai di toko. Setelah transfer, kirim bukti bayarnya di sini ya, {nama}. 🙏',
  ),
  rule(
    'kirim',
    TOPIC_PHRASES.kirim,
    'Kami bisa kirim lewat kurir (Gojek/Grab di Medan, ekspedisi untuk luar kota). Sebutkan alamat tujuan, admin kami hitungkan ongkirnya. 🚚',
  ),
];

/** A fresh copy of the rules a new shop starts with: the shop's edits change that copy, never the defaults. */
export const DEFAULT_RULES = (): QuickRule[] => RULES.map((r) => ({ ...r, keywords: [...r.keywords] }));

/**
 * The starting answers in English, for a customer who writes English. Used while a rule still has
 * its starting Indonesian answer; a rule the owner rewrote answers with the owner's words.
 */
export const ENGLISH_ANSWERS: Readonly<Record<string, string>> = {
  harga:
    'Our prices differ by product, {nama}. 🙏 Tell us the product or send its photo and we will send the price; type *catalog* to see every product with its price.',
  lokasi: '📍 *{toko}*\n{alamat}\n\nYou are welcome to visit, {nama}!',
  jam: '🕘 *{toko}* opening hours:\n{jam}\n\nRight now the shop is *{status}* (buka = open, tutup = closed).',
  stok: 'For stock and colours, tell us which product you are looking for, {nama}, and our admin will check. 🙏',
  pesan:
    'To order at *{toko}*:\n1. Type *catalog*, choose a product, then reply *order <quantity>*; or send the product and how many.\n2. Our admin confirms availability and the delivery fee.\n3. Pay, then we deliver or you pick it up at the shop.',
  bayar: 'You can pay by bank transfer, QRIS, or cash at the shop. After a transfer, please send the proof in this chat. 🙏',
  kirim: 'We deliver by courier (Gojek/Grab in Medan, an expedition outside Medan). Tell us the address and our admin will work out the delivery fee. 🚚',
};

/** The starting Indonesian answer of each rule, to tell whether the owner rewrote it. */
export const STARTING_ANSWERS: ReadonlyMap<string, string> = new Map(RULES.map((r) => [r.name, r.answer]));
