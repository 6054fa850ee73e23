/**
 * The words the bot knows how customers use, each in one list: how they spell them in chat, how
 * they greet and thank, how they ask and take back, count and find their way around, and which
 * words name the shop's common topics. Plugins build their own lists from these and add only
 * their domain's words (a flower's name, a complaint's kind), never a copy.
 */

const split = (s: string): string[] => s.trim().split(/\s+/);

/** Chat spellings and abbreviations, and the word they stand for ("hrg brp" → "harga berapa"). */
export const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  lt: 'lantai',
  sambungin: 'sambungkan',
  kirimin: 'kirim',
  brp: 'berapa',
  brapa: 'berapa',
  berapah: 'berapa',
  hrg: 'harga',
  hrga: 'harga',
  yg: 'yang',
  dmn: 'dimana',
  dmna: 'dimana',
  dimn: 'dimana',
  gmn: 'gimana',
  gmna: 'gimana',
  bgmn: 'gimana',
  bagaimana: 'gimana',
  gimna: 'gimana',
  cemana: 'gimana',
  camana: 'gimana',
  macam: 'gimana',
  bsk: 'besok',
  bsok: 'besok',
  gk: 'tidak',
  ga: 'tidak',
  gak: 'tidak',
  nggak: 'tidak',
  enggak: 'tidak',
  engga: 'tidak',
  ngga: 'tidak',
  nda: 'tidak',
  ndak: 'tidak',
  tdk: 'tidak',
  tak: 'tidak',
  sy: 'saya',
  aku: 'saya',
  utk: 'untuk',
  untk: 'untuk',
  buat: 'untuk',
  krn: 'karena',
  tlg: 'tolong',
  kpn: 'kapan',
  dgn: 'dengan',
  sm: 'sama',
  sdh: 'sudah',
  udh: 'sudah',
  udah: 'sudah',
  ud: 'sudah',
  dah: 'sudah',
  blm: 'belum',
  blom: 'belum',
  jgn: 'jangan',
  knp: 'kenapa',
  sampe: 'sampai',
  nyampe: 'sampai',
  nyampai: 'sampai',
  dtg: 'datang',
  tp: 'tapi',
  tpi: 'tapi',
  skrg: 'sekarang',
  skr: 'sekarang',
  dr: 'dari',
  hrs: 'harus',
  tgl: 'tanggal',
  jd: 'jadi',
  kalo: 'kalau',
  klo: 'kalau',
  msh: 'masih',
  bgt: 'banget',
  ancur: 'hancur',
  jg: 'juga',
  aja: 'saja',
  bs: 'bisa',
  bsa: 'bisa',
  lg: 'lagi',
  ka: 'kak',
  kk: 'kak',
  min: 'admin',
  mba: 'kak',
  mbak: 'kak',
  bang: 'kak',
  pesen: 'pesan',
  mesen: 'pesan',
  mesan: 'pesan',
  psn: 'pesan',
  order: 'pesan',
  orderan: 'pesan',
  tf: 'transfer',
  trf: 'transfer',
  trnsfr: 'transfer',
  rek: 'rekening',
  norek: 'rekening',
  ongkos: 'ongkir',
  lok: 'lokasi',
  loc: 'lokasi',
  location: 'lokasi',
  alamt: 'alamat',
  stock: 'stok',
  stoknya: 'stok',
  redy: 'ready',
  tersedia: 'ready',
  available: 'ready',
  price: 'harga',
  cost: 'harga',
  prices: 'harga',
  pricelist: 'katalog',
  pay: 'bayar',
  payment: 'bayar',
  deliver: 'kirim',
  delivery: 'kirim',
  shipping: 'kirim',
  ship: 'kirim',
  open: 'buka',
  opening: 'buka',
  close: 'tutup',
  closed: 'tutup',
  today: 'hari ini',
  tomorrow: 'besok',
  // the shop's words in English: "2 purple orchids", "a dozen red roses"
  rose: 'mawar',
  roses: 'mawar',
  orchid: 'anggrek',
  orchids: 'anggrek',
  tulips: 'tulip',
  lilies: 'lily',
  bouquets: 'buket',
  bouquet: 'buket',
  vase: 'vas',
  leaves: 'daun',
  leaf: 'daun',
  graduation: 'wisuda',
  wedding: 'pengantin',
  bridal: 'pengantin',
  white: 'putih',
  red: 'merah',
  yellow: 'kuning',
  blue: 'biru',
  purple: 'ungu',
  table: 'meja',
  velvet: 'beludru',
  sunflower: 'matahari',
  sunflowers: 'matahari',
};

/** "di mana", "di sini" written apart become one word, as keywords write them. */
export const JOIN_AFTER_DI: ReadonlySet<string> = new Set(['mana', 'sini', 'situ']);

/**
 * Everyday words that are never read as a typo of another word: "gimana" is not "dimana", and
 * "merah" is a colour, not "murah".
 */
export const NOT_TYPOS: ReadonlySet<string> = new Set(
  split(`gimana dimana kemana mana kapan berapa siapa kenapa bagaimana
  merah putih hitam kuning hijau biru ungu orange coklat pink
  saya kami kita kakak bisa sama sudah belum tidak untuk dengan
  terima kasih tolong minta bunga bunganya besar kecil cantik bagus
  kemarin minggu sabtu senin selasa rabu kamis jumat malam siang pagi sore
  tanggal teman hadiah acara kantor rumah alamat sampai selamat
  loking proces`),
);

/** What a courteous word does in a message. */
export type Courtesy = 'address' | 'particle' | 'greeting' | 'thanks' | 'ok' | 'apology' | 'bye';

/**
 * Words that are politeness rather than content, each with what it does. Chat spellings of them
 * ("kk", "aja", "min") count too (see `courtesyOf`).
 */
export const COURTESY: ReadonlyMap<string, Courtesy> = new Map<string, Courtesy>([
  ...split('kak kakak admin bu ibu pak bapak sis gan lae ito abang om').map((w) => [w, 'address'] as const),
  ...split('dong deh sih nih yah saja kok lah dulu').map((w) => [w, 'particle'] as const),
  ...split(
    'halo hai hi hello selamat pagi siang sore malam permisi assalamualaikum asalamualaikum assalamu asalamu alaikum aslm salam punten waalaikumsalam walaikumsalam horas',
  ).map((w) => [w, 'greeting'] as const),
  ...split('terima kasih makasih makasi trims thanks thank thx tq terimakasih').map((w) => [w, 'thanks'] as const),
  ...split('ok oke okay okey baik siap sip iya ya yes noted mantap').map((w) => [w, 'ok'] as const),
  ...split('bye dadah daah').map((w) => [w, 'bye'] as const),
  ['maaf', 'apology'],
]);

/** What a word does as courtesy, its chat spellings included; null for a word of content. */
export function courtesyOf(word: string): Courtesy | null {
  return COURTESY.get(word) ?? COURTESY.get(CHAT_SPELLINGS[word] ?? '') ?? null;
}

/** Words that ask ("berapa", "kapan"), wherever they stand. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  split('apa apakah adakah berapa kapan dimana gimana bagaimana siapa kenapa mengapa mana bisakah bolehkah'),
);
/** Words that make a question when a message ends with them ("ready gak", "bisa kah"). */
export const QUESTION_TAILS: ReadonlySet<string> = new Set(split('gak ga nggak enggak engga tidak ndak kah ya nih'));

/** Words before something that take it back: "batal order", "jangan kirim". */
export const NEGATING_WORDS: ReadonlySet<string> = new Set(['batal', 'jangan', 'cancel']);
/** Two words that take back what follows: "gak jadi pesan", "tidak usah kirim". */
export const NEGATING_PAIRS: ReadonlySet<string> = new Set(['tidak jadi', 'tidak usah', 'belum jadi']);

/** Verbs that start an order: "pesan P01 2", "order 3". */
export const ORDER_VERBS: ReadonlySet<string> = new Set(split('pesan pesen psn order beli'));

/** Quantities written as words. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  satu: 1,
  se: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  selusin: 12,
  lusin: 12,
};

/** What a quantity counts: "5 tangkai", "2 pcs". */
export const UNITS: ReadonlySet<string> = new Set(split('pcs pc buah bh biji tangkai tkai batang btg item unit set pot buket ikat x'));

/** Whole messages that move around a list or the menu. */
export const NAVIGATION = {
  /** Back to the main menu. */
  menu: new Set(['menu', 'menu utama', 'mulai', 'start', 'main menu', '0']),
  /** Out of a list, and so back to the main menu. */
  leave: new Set(['selesai', 'keluar', 'exit']),
  /** One step back. */
  back: new Set(['kembali', 'back', 'balik', 'sebelumnya', 'mundur']),
  /** The next page. */
  next: new Set(['lagi', 'next', 'lanjut', 'selanjutnya', 'berikutnya', 'berikut', 'more', 'lainnya', 'yang lain', 'hal berikutnya', 'halaman berikutnya']),
} as const;

/** The shop's common topics, as a customer asks about them, and as the core names them. */
export const TOPICS = ['harga', 'lokasi', 'jam', 'stok', 'pesan', 'bayar', 'kirim', 'keluhan'] as const;
export type Topic = (typeof TOPICS)[number];

export function isTopic(name: string): name is Topic {
  return (TOPICS as readonly string[]).includes(name);
}

/**
 * The phrases that ask about each topic, written the way the matcher normalises words (chat
 * spellings like "hrg", "dmn", "gk" are mapped before matching). "~" marks a weak phrase: it
 * counts only when nothing stronger matched ("berapa" alone asks the price; "jam berapa" does
 * not). The quick replies a new shop starts with use these as their keywords.
 */
export const TOPIC_PHRASES: Readonly<Record<Exclude<Topic, 'keluhan'>, readonly string[]>> = {
  harga: ['harga', '~berapa', 'berapaan', 'harga berapa', 'berapa harga', 'how much', 'mahal', 'murah', 'price list', 'daftar harga', 'kisaran'],
  lokasi: [
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
    'pintu mana',
    'pasar mana',
    'lewat mana',
    'sebelah mana',
    'address',
    'toko dimana',
    'tempatnya',
    'where is',
    'where exactly',
    'where are you',
    'toko offline',
    'lihat langsung',
    'datang langsung',
    'your shop',
    'sebelah kiri',
    'sebelah kanan',
  ],
  jam: [
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
    'open today',
    'open now',
    'visit today',
    'can i visit',
  ],
  stok: [
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
  pesan: [
    'pesan',
    'pemesanan',
    'cara beli',
    'mau beli',
    'belinya',
    'checkout',
    'how to order',
    'how do i order',
    'ordering process',
    'ordering',
    'place an order',
    'booking',
  ],
  bayar: ['bayar', 'pembayaran', 'transfer', 'rekening', 'qris', 'cod', 'bayar di tempat', 'gopay', 'ovo', 'dana', 'shopeepay', 'tunai', 'cash', 'debit'],
  kirim: [
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
    'ambil sendiri',
    'ambil ke toko',
    'ambil di toko',
    'pickup',
    'pick up',
  ],
};

/**
 * What a customer wants beyond the common topics: to see the catalog, to talk to a person (a call,
 * a custom or bulk order, a discount, an event), to know where their order is, or to say they paid.
 * Written as TOPIC_PHRASES are; "~" marks a weak phrase.
 */
export const WANTS = ['catalog', 'person', 'status', 'paid'] as const;
export type Want = (typeof WANTS)[number];

export const WANT_PHRASES: Readonly<Record<Want, readonly string[]>> = {
  catalog: [
    'katalog',
    'catalog',
    'catalogue',
    'brosur',
    'daftar produk',
    'list produk',
    'daftar harga',
    'list harga',
    'price list',
    'product list',
    'produk apa saja',
    'produknya apa saja',
    'jual apa',
    'jual apa saja',
    'jualan apa',
    'dijual apa',
    'yang dijual',
    'ada apa saja',
    'koleksi',
    'lihat produk',
    'lihat lihat',
    'foto produk',
    'foto foto',
    'foto2',
    'gambar gambar',
    'gambar2',
    'lihat2',
    'liat2',
    'spill',
    'semua produk',
    'what do you sell',
    'what you sell',
    'what do you have',
    'what have you got',
    'list with harga',
    'menu or list',
    'apa saja yang ada',
    'yang kau jual',
    'yang kalian jual',
    'kirim fotonya',
    'kirim lah fotonya',
    'your products',
    'see your',
  ],
  person: [
    'telpon',
    'telepon',
    'telp',
    'call me',
    'call',
    'video call',
    'hubungi saya',
    'hubungi aku',
    'hubungi admin',
    'hubungi pemilik',
    'admin manusia',
    'orang asli',
    'real person',
    'a human',
    'speak to',
    'talk to',
    'customer service',
    'cs',
    'owner',
    'pemilik',
    'bicara dengan',
    'bicara sama',
    'ngomong',
    'sambungkan',
    'admin yang asli',
    'bukan bot',
    'custom',
    'kustom',
    'request warna',
    'bikin khusus',
    'pesanan khusus',
    'desain sendiri',
    'grosir',
    'borongan',
    'reseller',
    'partai besar',
    'jumlah banyak',
    'bulk',
    'wholesale',
    'diskon',
    'discount',
    'potongan harga',
    'nego',
    'negosiasi',
    'negotiate',
    'kurang lah',
    'kurangi harga',
    'kurang harga',
    'harga pas',
    'harga teman',
    'harga khusus',
    'special price',
    'best price',
    'bisa kurang',
    'kurang lagi',
    'penawaran harga',
    'surat penawaran',
    'quotation',
    'survey',
    'survei',
    'jasa rangkai',
    'tanaman hidup',
    'tanaman asli',
    'bunga asli',
    'bunga segar',
    'fresh flowers',
    'perbaikan',
    'dicat ulang',
    'jasa dekor',
    'jasa dekorasi',
    'dekor acara',
    'dekorasi acara',
    'pasang dekorasi',
    'dekorasi gedung',
    'dekor pelaminan',
    'decoration',
    'decorate',
    'kerjasama',
    'kerja sama',
    'supply',
    'sewa',
    'rental',
    'rent',
    'cicil',
    'cicilan',
    'installment',
    'servis',
    'buket uang',
    'pelaminan',
    'dekorasi pelaminan',
    'altar gereja',
    'request desain',
    'request tema',
    'tema adat',
    'desain sendiri',
    'pengadaan',
    'faktur',
    'spj',
    'supplying',
    'event planner',
    'mobil pengantin',
    'dekor mobil',
    'ukuran lain',
    'lebih besar',
    'lebih gede',
  ],
  status: [
    'pesanan saya',
    'orderan saya',
    'my order',
    'paket saya',
    'barang saya',
    'sudah dikirim',
    'sudah dikirim belum',
    'kapan dikirim',
    'sudah sampai mana',
    'sampai mana',
    'resi',
    'nomor resi',
    'tracking',
    'sudah diproses',
    'diproses',
    'dikemas',
    'tercatat',
    'any update',
    'update',
    'kabar',
    'status',
    'confirmed',
    'sudah jalan',
    'bisa diambil',
    'cek pesanan',
    'pesananku',
    'orderannya',
    'where is my',
    'diantar jam',
    'aman kan',
    'sudah diterima kan',
  ],
  paid: [
    'sudah transfer',
    'sudah saya transfer',
    'sudah bayar',
    'sudah saya bayar',
    'sudah dibayar',
    'sudah lunas',
    'lunas',
    'bukti transfer',
    'bukti bayar',
    'bukti pembayaran',
    'buktinya',
    'ini bukti',
    'receipt',
    'i paid',
    'i have paid',
    'already paid',
    'paid',
    'transferred',
    'done transfer',
    'transfer done',
    'transfer sudah masuk',
    'transferan sudah masuk',
    'sudah kirim uang',
    'screenshot',
    'transferan',
    'bukti',
  ],
};

/**
 * Phrases that look like a question about a topic and are not: "salah kirim" is a mistake,
 * "alamat saya" is the customer's own address. They take their words so no topic can.
 */
export const NOT_QUESTIONS: readonly string[] = [
  // "kirim" as in sending something in the chat, not a delivery
  'salah kirim',
  'kirim salam',
  'kirim foto',
  'kirim gambar',
  'kirim katalog',
  'kirim dong',
  'kirim lah',
  'dikirim ke grup',
  'apa saja yang ada',
  'kirim pesan',
  'kirim bukti',
  'saya kirim',
  // "pesan" as in a message
  'pesan saya',
  'pesan kami',
  'pesan dari',
  'pesan anda',
  'membalas pesan',
  'balas pesan',
  // an order already placed, or one only supposed
  'ambil pesanan',
  'untuk pesanan',
  'ke pesanan',
  'pesanan saya',
  'pesanan ibu',
  'order no',
  // the customer's own order, not the shop's place
  'where is my',
  // offers of loans and the like: "dana" is not the e-wallet here
  'pinjaman dana',
  'dana cepat',
  // the customer's own place
  'alamat saya',
  'alamat kami',
  'alamat rumah',
  'alamat kantor',
  'ke alamat',
  'lokasi saya',
  'lokasi rumah',
  // other senses of the words
  'sudah sampai',
  'ada orang',
  'masih ada orang',
  'ada yang bisa',
  'ada yang mau',
  'ada yang ingin',
  'buka puasa',
  'dibuka',
  'tutup usia',
  'ke kisaran',
  'di kisaran',
  'dari kisaran',
  'lihat katalog',
  'katalog dimana',
  'lihat katalog dimana',
  'habis ini',
  'habis itu',
  'habis lebaran',
  // sizes and counts, not prices
  'berapa cm',
  'berapa meter',
  'berapa tangkai',
  'isi berapa',
  'berapa ukuran',
  'tahan berapa lama',
  'tahan lama',
];

/** Words that mark a message as English rather than Indonesian. */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  split(`the a an is are do does you your have has can could would please want need how what where when which
  i my me we our it this that there price much many any some order buy send delivery open close thanks thank hello hi
  like to of for and with from will get got just also would should shop store please
  rose roses orchid orchids tulips lilies bouquet bouquets vase leaves leaf graduation wedding bridal white red yellow blue purple table flowers flower`),
);

/** "assalamualaikum" as it is typed ("asalamualaikum", "aslm", "assalamu alaikum"). */
export function isSalam(word: string): boolean {
  return word.startsWith('assalam') || word.startsWith('asalam') || word === 'aslm' || word === 'salam';
}
