/**
 * How customers' words are read, shared by the quick replies and the catalog search: lower case,
 * no punctuation or emoji, stretched letters collapsed ("hargaaa"), chat spellings expanded
 * ("hrg brp" → "harga berapa"), "di mana" joined, and one-typo comparison for longer words.
 */
/** Chat abbreviations and spellings, mapped to the words keywords are written with. */
export const ABBREVIATIONS: Record<string, string> = {
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
  dah: 'sudah',
  blm: 'belum',
  jg: 'juga',
  aja: 'saja',
  bs: 'bisa',
  bsa: 'bisa',
  lg: 'lagi',
  kak: 'kak',
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
  ready: 'ready',
  tersedia: 'ready',
  available: 'ready',
  price: 'harga',
  cost: 'harga',
  prices: 'harga',
  pricelist: 'harga',
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
  cemana: 'gimana',
  camana: 'gimana',
  macam: 'gimana',
  tomorrow: 'besok',
};

/** "di mana", "di sini" written apart become one word, as keywords write them. */
const JOIN_AFTER_DI = new Set(['mana', 'sini', 'situ']);

export function normalise(text: string): string[] {
  const plain = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (plain === '') return [];
  const out: string[] = [];
  for (const raw of plain.split(' ')) {
    // "hargaaa" → "harga", "kakkk" → "kak"; both sides are collapsed alike ("maaf" → "maf")
    const word = raw.replace(/([a-z])\1+/g, '$1');
    const expanded = ABBREVIATIONS[word] ?? ABBREVIATIONS[raw] ?? word;
    for (const part of expanded.split(' ')) {
      const prev = out[out.length - 1];
      if (prev === 'di' && JOIN_AFTER_DI.has(part)) out[out.length - 1] = `di${part}`;
      else out.push(part);
    }
  }
  return out;
}

const LONG_WORD = 8;

/** One typo apart: a wrong, missing, extra or swapped letter. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  // Short words that end differently are usually different words ("sedih"/"sedia", "kiri"/"kirim");
  // in long ones a slip on the last letter is just a slip ("dendrobiun").
  if (a[la - 1] !== b[lb - 1] && Math.max(la, lb) < LONG_WORD) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // one substitution, or one swap of neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // one insertion or deletion
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

// "ya" is what "-nya" leaves after a word ending in n, once doubled letters are collapsed
// ("pembayarannya" → "pembayaranya").
const SUFFIXES = ['nya', 'ny', 'lah', 'kah', 'pun', 'ya'];
const PREFIXES = ['di', 'ke'];

/**
 * The forms a customer's word may stand for: itself, without a suffix (-nya, -lah, -kah, -pun) or
 * a prefix (di-, ke-), and the chat spelling of any of those ("ordernya" → "order" → "pesan").
 */
export function wordForms(token: string): string[] {
  const forms = [token];
  for (const s of SUFFIXES) {
    const min = s === 'ya' ? 5 : 3;
    if (token.length - s.length >= min && token.endsWith(s)) forms.push(token.slice(0, -s.length));
  }
  for (const p of PREFIXES) if (token.length - p.length >= 4 && token.startsWith(p)) forms.push(token.slice(p.length));
  for (const form of [...forms]) {
    const mapped = ABBREVIATIONS[form];
    if (mapped && !mapped.includes(' ')) forms.push(mapped);
  }
  return forms;
}

/**
 * Everyday words that are never read as a typo of a keyword: "gimana" is not "dimana", and
 * "merah" is a colour, not "murah".
 */
export const NOT_TYPOS = new Set([
  'gimana',
  'dimana',
  'kemana',
  'mana',
  'kapan',
  'berapa',
  'siapa',
  'kenapa',
  'bagaimana',
  'merah',
  'putih',
  'hitam',
  'kuning',
  'hijau',
  'biru',
  'ungu',
  'orange',
  'coklat',
  'pink',
  'saya',
  'kami',
  'kita',
  'kakak',
  'bisa',
  'sama',
  'sudah',
  'belum',
  'tidak',
  'untuk',
  'dengan',
  'terima',
  'kasih',
  'tolong',
  'minta',
  'bunga',
  'bunganya',
  'besar',
  'kecil',
  'cantik',
  'bagus',
  'kemarin',
  'minggu',
  'sabtu',
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  'malam',
  'siang',
  'pagi',
  'sore',
  'tanggal',
  'teman',
  'hadiah',
  'acara',
  'kantor',
  'rumah',
  'alamat',
  'sampai',
  'selamat',
]);
