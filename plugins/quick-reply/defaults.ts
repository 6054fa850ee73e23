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
