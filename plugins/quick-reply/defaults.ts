/**
 * The quick replies a new shop starts with: the questions every stall hears all day. Keywords are
 * written the way the matcher normalises them (chat spellings like "hrg", "dmn", "gk" are mapped
 * to these words before matching). Answers use the shop's variables, so they fit any shop; the
 * owner edits them with !balasan.
 */
export interface QuickRule {
  name: string;
  keywords: string[];
  answer: string;
  /** A picture sent with the answer, under the data folder. */
  image: string | null;
  hits: number;
}

const rule = (name: string, keywords: string[], answer: string): QuickRule => ({ name, keywords, answer, image: null, hits: 0 });

/** The rules themselves; never handed out, only copied by DEFAULT_RULES. */
const RULES: readonly QuickRule[] = [
  rule(
    'harga',
    ['harga', '~berapa', 'berapaan', 'harga berapa', 'berapa harga', 'how much', 'mahal', 'murah', 'price list', 'daftar harga', 'kisaran'],
    'Harga produk kami berbeda-beda, {nama}. 🙏 Sebutkan nama produk atau kirim fotonya, admin kami kirimkan harganya. Daftar produk ada di menu *1*.',
  ),
  rule(
    'lokasi',
    [
      'lokasi',
      'alamat',
      'dimana',
      'posisi',
      'letak',
      'maps',
      'map',
      'share lokasi',
      'kirim lokasi',
      'kirim maps',
      'kirim alamat',
      'lantai berapa',
      'pasar mana',
      'lewat mana',
      'sebelah mana',
      'address',
      'toko dimana',
      'tempatnya',
      'where is',
      'your shop',
      'sebelah kiri',
      'sebelah kanan',
    ],
    '📍 *{toko}*\n{alamat}\n\nSilakan mampir, {nama}!',
  ),
  rule(
    'jam',
    [
      'jam buka',
      'jam berapa',
      'buka',
      'tutup',
      'jam operasional',
      'libur',
      'hari minggu',
      'masih buka',
      'hours',
      'what time',
      'jam tutup',
      'sampai jam',
      'sampai jam berapa',
    ],
    '🕘 Jam buka *{toko}*:\n{jam}\n\nSaat ini toko *{status}*.',
  ),
  rule(
    'stok',
    [
      'ready',
      'stok',
      'ada warna',
      'ada yang',
      'masih ada',
      'ada lagi',
      'kosong',
      'sudah habis',
      'habis ya',
      'habis tidak',
      'lagi habis',
      'in stock',
      'ada tidak',
      'ada stok',
      'sedia',
      '~ada kak',
    ],
    'Untuk stok dan pilihan warna, sebutkan produk yang Kakak cari ya, {nama}. Admin kami cek dan kabari secepatnya. 🙏',
  ),
  rule(
    'pesan',
    ['pesan', 'pemesanan', 'cara beli', 'mau beli', 'belinya', 'checkout', 'how to order', 'place an order', 'booking'],
    'Cara pesan di *{toko}*:\n1. Ketik *katalog*, pilih produk, lalu balas *pesan <jumlah>*; atau kirim nama atau foto produk dan jumlahnya.\n2. Admin kami konfirmasi ketersediaan dan ongkos kirim.\n3. Bayar, lalu pesanan dikirim atau diambil di toko.',
  ),
  rule(
    'bayar',
    ['bayar', 'pembayaran', 'transfer', 'rekening', 'qris', 'cod', 'bayar di tempat', 'gopay', 'ovo', 'dana', 'shopeepay', 'tunai', 'cash', 'debit'],
    'Pembayaran bisa lewat transfer bank, QRIS, atau tunai di toko. Setelah transfer, kirim bukti bayarnya di sini ya, {nama}. 🙏',
  ),
  rule(
    'kirim',
    [
      'kirim',
      'kiriman',
      'pengiriman',
      'ongkir',
      'ongkir berapa',
      'antar',
      'kurir',
      'gojek',
      'grab',
      'jne',
      'jnt',
      'sicepat',
      'luar kota',
      'berapa lama',
      'berapa hari',
      'kapan sampai',
      'sampai mana',
      'sudah sampai mana',
      'kapan dikirim',
    ],
    'Kami bisa kirim lewat kurir (Gojek/Grab di Medan, ekspedisi untuk luar kota). Sebutkan alamat tujuan, admin kami hitungkan ongkirnya. 🚚',
  ),
];

/** A fresh copy of the rules a new shop starts with: the shop's edits change that copy, never the defaults. */
export const DEFAULT_RULES = (): QuickRule[] => RULES.map((r) => ({ ...r, keywords: [...r.keywords] }));
