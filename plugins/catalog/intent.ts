import { normaliseCode } from './model.js';

/**
 * What a customer's message asks of the catalog, read from its words: pure functions, so each rule
 * is tested on its own. The catalog only speaks when a message is about products; a complaint
 * that names a product ("mawarnya patah") is left to the people.
 */

/** Lower case, no punctuation (codes and numbers kept), keycap digits as digits, one space. */
export function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\d)\uFE0F?\u20E3/gu, '$1')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/(^|\s)-+|-+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CATALOG_REQUESTS = new Set([
  'katalog',
  'katalognya',
  'catalog',
  'catalogue',
  'produk',
  'produknya',
  'product',
  'products',
  'lihat katalog',
  'lihat produk',
  'daftar produk',
  'list produk',
  'semua produk',
  'katalog produk',
  'daftar harga',
  'list harga',
  'price list',
  'pricelist',
  'produk apa saja',
  'produk apa aja',
  'jual apa saja',
  'jual apa aja',
  'ada apa saja',
  'ada apa aja',
  'minta katalog',
  'minta katalognya',
  'lihat katalognya',
  'kirim katalog',
  'kirim katalognya',
  'katalog dong',
  'katalog kak',
  'produk kak',
]);

/** "katalog", "lihat produk", "daftar harga": the customer wants to browse. */
export function isCatalogRequest(text: string): boolean {
  return CATALOG_REQUESTS.has(simplify(text));
}

export const NEXT_WORDS = new Set([
  'lagi',
  'next',
  'lanjut',
  'selanjutnya',
  'berikutnya',
  'berikut',
  'more',
  'lainnya',
  'yang lain',
  'hal berikutnya',
  'halaman berikutnya',
]);
export const BACK_WORDS = new Set(['kembali', 'back', 'balik', 'sebelumnya', 'mundur']);
/** Words that leave the catalog for the main menu. */
export const MENU_WORDS = new Set(['menu', 'menu utama', 'mulai', 'start', 'main menu', '0', 'selesai', 'keluar', 'exit']);

/** "3", "no 3", "nomor 3 kak", "yg 3", "yang nomor 3", "3️⃣": a number from a list shown; null otherwise. */
export function listNumber(text: string): number | null {
  const m = /^(?:(?:no|nomor|nomer|pilih|pilihan|yang|yg)\s*)*(\d{1,4})(?:\s+(?:kak|ka|kk|min|ya|dong|aja|saja|deh|nih|aj))*$/.exec(simplify(text));
  return m ? Number(m[1]) : null;
}

/** Every product code the text names ("P07", "p7"), in order, without repeats. */
export function codesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])p-?0*(\d{1,4})(?![\p{L}\p{N}])/giu)) {
    const code = normaliseCode(`P${m[1] ?? ''}`);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** Things said after a sale or about a problem: not a question about what to buy. */
const AFTER_SALE = [
  'rusak',
  'patah',
  'kecewa',
  'komplain',
  'complain',
  'keluhan',
  'luntur',
  'sobek',
  'robek',
  'penyok',
  'copot',
  'lepas',
  'cacat',
  'refund',
  'retur',
  'return',
  'tukar',
  'salah kirim',
  'dikirim salah',
  'tidak sesuai',
  'nggak sesuai',
  'gak sesuai',
  'ga sesuai',
  'sudah sampai',
  'udah sampai',
  'sdh sampai',
  'sudah diterima',
  'udah diterima',
  'sudah terima',
  'belum sampai',
  'blm sampai',
  'belum datang',
  'kapan sampai',
  'jelek',
  'pudar',
  'bau',
  'pecah',
  'kusam',
  'kotor',
  'layu',
  'rontok',
  'lecek',
  'jatuh',
  'kurang',
  'hilang',
  'beda warna',
  'beda sama foto',
  'beda dengan foto',
  'beda dari foto',
  'ga kayak',
  'gak kayak',
  'nggak kayak',
  'tidak seperti',
  'yang datang',
  'yg datang',
  'dicek',
  'tolong cek',
  'kok',
];
/** Thanks close a sale ("makasih, bunganya cantik"), unless they end a question ("ada mawar? makasih"). */
const THANKS = ['terima kasih', 'makasih', 'makasi', 'trims', 'thanks', 'thank you'];

export function isAfterSale(text: string): boolean {
  const t = ` ${simplify(text)} `;
  const has = (w: string): boolean => t.includes(` ${w} `) || t.includes(` ${w}nya `);
  if (AFTER_SALE.some(has)) return true;
  return THANKS.some(has) && !asksSomething(text);
}

/** Words said before an order: greetings, thanks, politeness ("ok makasih kak, pesan P01 2"). */
const LEAD_WORDS = new Set([
  'saya',
  'aku',
  'sy',
  'mau',
  'mo',
  'mw',
  'pengen',
  'pingin',
  'ingin',
  'boleh',
  'kak',
  'ka',
  'kk',
  'min',
  'halo',
  'hai',
  'hi',
  'ok',
  'oke',
  'okay',
  'okey',
  'baik',
  'siap',
  'sip',
  'ya',
  'iya',
  'yes',
  'makasih',
  'makasi',
  'terima',
  'kasih',
  'trims',
  'selamat',
  'pagi',
  'siang',
  'sore',
  'malam',
  'permisi',
  'assalamualaikum',
  'assalamu',
  'alaikum',
  'punten',
  'tolong',
  'jadi',
  'kalau',
  'gitu',
  'deh',
  'dong',
]);
const ORDER_VERBS = new Set(['pesan', 'pesen', 'psn', 'order', 'beli']);
/** What follows the verb in talk about an order rather than an order: "pesan yang kemarin", "beli di toko bisa?". */
const NOT_AN_ORDER =
  /^(?:saya|sy|aku|kemarin|kemaren|yang kemarin|yg kemarin|tadi|sudah|udah|sdh|belum|blm|nya|kapan|dimana|gimana|bagaimana|cara|caranya|via|lewat|dari|di|online|antar|minimal|min|untuk|utk|buat|lagi|apa|bisa)\b/;

export interface OrderIntent {
  /** What follows the verb, simplified. */
  rest: string;
  /** The message asked ("pesan P14 bisa?"): nothing is ordered on a question. */
  question: boolean;
  /** A quantity was written negative ("pesan P01 -2"). */
  negative: boolean;
}

/**
 * "pesan P07 2", "ok makasih kak, order P03 3", "saya ambil yang ini 2", "P01 2 pcs": an order;
 * null for talk about orders ("pesan saya kapan sampai?", "beli di toko bisa?").
 */
export function orderIntent(text: string): OrderIntent | null {
  const words = simplify(text).split(' ').filter(Boolean);
  let i = 0;
  while (i < words.length && i < 8 && LEAD_WORDS.has(words[i] as string)) i++;
  const verb = words[i] ?? '';
  const after = words.slice(i + 1).join(' ');
  let rest: string;
  if (ORDER_VERBS.has(verb)) rest = after;
  else if (verb === 'ambil' && /^(?:p-?\d+|\d+|yang ini|yg ini|ini)\b/.test(after)) rest = after;
  else if (/^p-?\d+(?:-\d+| \d+| x\d+)(?: [a-z]+)*$/.test(words.slice(i).join(' ')) && !text.includes('?')) rest = words.slice(i).join(' ');
  else return null;
  if (NOT_AN_ORDER.test(rest)) return null;
  return { rest, question: text.includes('?'), negative: /(?:^|\s)-\s*\d/.test(text) };
}

export interface OrderRequest {
  /** Codes with their quantities, in the order written ("P01 2 P03" → P01×2, P03×1). */
  items: Array<{ code: string; qty: number }>;
  /** A quantity written without a code ("pesan 2"). */
  qty: number | null;
  /** The words left, when the product was named instead of coded ("mawar merah"). */
  words: string;
  /** A quantity out of range, as written. */
  badQty: string | null;
  /** "pesan nomor 2": a number from the list on screen rather than a quantity. */
  listPick: number | null;
}

export const MAX_QTY = 999;
const UNITS = new Set(['pcs', 'pc', 'buah', 'bh', 'biji', 'tangkai', 'tkai', 'batang', 'btg', 'item', 'unit', 'set', 'pot', 'buket', 'ikat', 'x']);
const ORDER_FILLER = new Set([
  'ya',
  'yah',
  'kak',
  'dong',
  'deh',
  'min',
  'admin',
  'sih',
  'nya',
  'aja',
  'saja',
  'yang',
  'yg',
  'sebanyak',
  'jumlah',
  'jumlahnya',
  'kode',
  'no',
  'nomor',
  'produk',
  'dan',
  'sama',
  'plus',
  'tolong',
  'ini',
  'itu',
]);
const NUMBER_WORDS: Record<string, number> = {
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

/** Reads what follows "pesan": codes with quantities, a bare quantity, or product words. */
export function parseOrder(rest: string): OrderRequest {
  const out: OrderRequest = { items: [], qty: null, words: '', badQty: null, listPick: null };
  const words: string[] = [];
  // "P01-2" is two pieces, the code and its quantity
  const tokens = rest
    .replace(/\b(p-?\d+)-(\d+)\b/g, '$1 $2')
    .split(' ')
    .filter(Boolean);
  let pendingQty: number | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const code = normaliseCode(token.replace(/^p-/, 'p'));
    if (code) {
      // "pesan 2 P07" puts the quantity first; "pesan P07 2" after
      let qty = pendingQty;
      pendingQty = null;
      const next = tokens[i + 1];
      if (qty === null && next !== undefined && quantityOf(next) !== null) {
        qty = quantityOf(next);
        i++;
        if (tokens[i + 1] !== undefined && UNITS.has(tokens[i + 1] as string)) i++;
      }
      if (qty !== null && (qty < 1 || qty > MAX_QTY)) out.badQty = String(qty);
      out.items.push({ code, qty: qty ?? 1 });
      continue;
    }
    const next = tokens[i + 1];
    if (['no', 'nomor', 'nomer', 'yg', 'yang'].includes(token) && next !== undefined && /^\d{1,4}$/.test(next)) {
      out.listPick = Number(next);
      i++;
      continue;
    }
    const qty = quantityOf(token);
    if (qty !== null) {
      if (qty < 1 || qty > MAX_QTY) out.badQty = String(qty);
      pendingQty = qty;
      continue;
    }
    if (UNITS.has(token) || ORDER_FILLER.has(token)) continue;
    words.push(token);
  }
  if (pendingQty !== null) out.qty = pendingQty;
  out.words = words.join(' ');
  return out;
}

function quantityOf(token: string): number | null {
  const m = /^x?(\d+)x?$/.exec(token);
  if (m) return m[1] && m[1].length > 7 ? Number.MAX_SAFE_INTEGER : Number(m[1]);
  return NUMBER_WORDS[token] ?? null;
}

/** Words that make a product request: "ada X?", "jual X", "cari X", "punya X". */
const REQUEST_LEAD =
  /^(?:(?:kak|min|halo|hai|permisi|mau|saya|sy|lagi)\s+)*(?:ada|ada tidak|ada gak|jual|jualan|cari|nyari|mencari|punya|sedia|menjual|apakah ada|apa ada|ready)\s+(.+)$/;
/** Nouns that show a product is meant ("ada bunga lavender?"), as opposed to "ada promo?". */
const PRODUCT_NOUNS =
  /\b(?:bunga|kembang|flower|flowers|tanaman|daun|pohon|buket|bouquet|rangkaian|vas|pot|karangan|hiasan|dekorasi|artificial|plastik|kain|tangkai)\b/;
const TRAILING = /\s+(?:kak|ka|kk|min|ya|gak|ga|nggak|tidak|tdk|ndak|nda|dong|nih|sih|kah|tak|ngga)$/;

/**
 * The thing asked for when the message asks for a product by kind ("ada bunga lavender?" →
 * "bunga lavender"); null when it is not such a request.
 */
export function productRequest(text: string): string | null {
  const m = REQUEST_LEAD.exec(simplify(text));
  if (!m) return null;
  let thing = (m[1] ?? '').trim();
  while (TRAILING.test(thing)) thing = thing.replace(TRAILING, '');
  if (thing === '' || thing.split(' ').length > 6 || !PRODUCT_NOUNS.test(thing)) return null;
  return thing;
}

/** Words that make a message a question or a wish about products. */
const ASKING = new Set([
  'ada',
  'adakah',
  'cari',
  'nyari',
  'mencari',
  'jual',
  'jualan',
  'harga',
  'harganya',
  'hrg',
  'berapa',
  'brp',
  'brapa',
  'murah',
  'termurah',
  'mahal',
  'mau',
  'mo',
  'mw',
  'minta',
  'lihat',
  'liat',
  'foto',
  'fotonya',
  'gambar',
  'gambarnya',
  'ready',
  'stok',
  'stock',
  'punya',
  'pengen',
  'pingin',
  'ingin',
  'butuh',
  'rekomendasi',
  'rekomen',
  'saran',
  'pilihan',
  'model',
  'modelnya',
  'warna',
  'ukuran',
  'tersedia',
  'sedia',
  'kah',
  'apakah',
  'bisa',
  'boleh',
  'tolong',
  'info',
  'detail',
  'have',
  'price',
  'much',
  'any',
  'want',
  'looking',
  'need',
  'sell',
  'available',
]);
const SMALL_TALK = new Set(['kak', 'ka', 'kk', 'min', 'dong', 'ya', 'yah', 'nih', 'sih', 'deh', 'yg', 'yang', 'the', 'a', 'untuk', 'buat']);

/** A question mark or a word of asking ("ada", "harga", "mau"). */
function asksSomething(text: string): boolean {
  if (text.includes('?')) return true;
  return simplify(text)
    .split(' ')
    .some((w) => ASKING.has(w) || ASKING.has(w.replace(/nya$/, '')));
}

/**
 * Whether a message that names products asks about them: a question, a wish ("mau", "cari",
 * "harga"), or just a few words that are the product ("mawar merah", "tulip kuning kak"). A longer
 * remark that happens to name one ("ini untuk lamaran adik saya") is not answered with products,
 * nor is a few words under a picture.
 */
export function asksAboutProducts(text: string, options: { strict?: boolean } = {}): boolean {
  if (asksSomething(text)) return true;
  const words = simplify(text).split(' ').filter(Boolean);
  // a picture's caption says what the picture is for ("untuk lamaran"), and a customer waiting
  // for a person talks to the person: there only a question is one
  if (options.strict) return false;
  // "mawarnya kusam": about a rose the customer has, not one to buy
  if (words.some((w) => w.length > 5 && w.endsWith('nya'))) return false;
  return words.filter((w) => !SMALL_TALK.has(w)).length <= 4;
}

const ABOUT_THIS = new Set([
  'ini',
  'itu',
  'yang',
  'yg',
  'harga',
  'harganya',
  'hrg',
  'berapa',
  'brp',
  'brapa',
  'berapaan',
  'ready',
  'stok',
  'stoknya',
  'stock',
  'ada',
  'masih',
  'tersedia',
  'kak',
  'ka',
  'kk',
  'min',
  'ya',
  'dong',
  'nya',
  'sekarang',
  'skrg',
  'price',
  'how',
  'much',
  'available',
]);
const PRICE_WORDS = new Set(['harga', 'harganya', 'hrg', 'berapa', 'brp', 'brapa', 'berapaan', 'price', 'much']);
const STOCK_WORDS = new Set(['ready', 'stok', 'stoknya', 'stock', 'ada', 'masih', 'tersedia', 'available']);

/** "ini berapa kak?", "ready?", "masih ada?": a question about the product on screen, or null. */
export function asksAboutThis(text: string): { price: boolean; stock: boolean } | null {
  const words = simplify(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 6 || !words.every((w) => ABOUT_THIS.has(w))) return null;
  const price = words.some((w) => PRICE_WORDS.has(w));
  const stock = words.some((w) => STOCK_WORDS.has(w));
  return price || stock ? { price, stock } : null;
}

/** Phrases whose words name products but mean something else ("tanggal merah" is a holiday). */
const IDIOMS = /\b(?:tanggal|tgl|hari) merah\b|\bmerah putih\b/g;

/** The text without such phrases, for the search. */
export function withoutIdioms(text: string): string {
  return text.toLowerCase().replace(IDIOMS, ' ');
}
