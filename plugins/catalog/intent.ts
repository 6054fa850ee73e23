import { CHAT_SPELLINGS, courtesyOf, type MessageReading, NUMBER_WORDS, ORDER_VERBS, QUESTION_TAILS, UNITS } from '../../src/plugin-api.js';
import { normaliseCode } from './model.js';

/**
 * What a customer's message asks of the catalog, read from the bot's one reading of it: pure
 * functions, so each rule is tested on its own. The catalog only speaks when a message is about
 * products; a complaint that names a product ("mawarnya patah") is left to the people. Courtesy,
 * numbers, units and question words come from the shared lexicon; only the catalog's own words
 * are listed here.
 */

const split = (s: string): string[] => s.trim().split(/\s+/);

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
]);

/** "katalog", "lihat produk", "daftar harga", "katalog dong kak": the customer wants to browse. */
export function isCatalogRequest(r: MessageReading): boolean {
  return CATALOG_REQUESTS.has(r.simple) || CATALOG_REQUESTS.has(withoutCourtesy(r.simple.split(' ')).join(' '));
}

/** The words without trailing courtesy ("3 aja kak" → "3"). */
function withoutCourtesy(words: readonly string[]): string[] {
  let end = words.length;
  while (end > 1 && isCourteous(words[end - 1] as string)) end--;
  return words.slice(0, end);
}

const isCourteous = (w: string): boolean => courtesyOf(w) !== null;

/** "3", "no 3", "nomor 3 kak", "yg 3", "yang nomor 3", "3️⃣": a number from a list shown; null otherwise. */
export function listNumber(r: MessageReading): number | null {
  const m = /^(?:(?:no|nomor|nomer|pilih|pilihan|yang|yg)\s*)*(\d{1,4})((?:\s+\S+)*)$/.exec(r.simple);
  if (!m) return null;
  const after = (m[2] ?? '').split(' ').filter(Boolean);
  return after.every(isCourteous) ? Number(m[1]) : null;
}

/**
 * Talk after a sale (what the complaint plugin recognises: damage, delay, goods that came), or
 * thanks that close a sale ("makasih, bunganya cantik") rather than end a question ("ada mawar?
 * makasih"): not a question about what to buy.
 */
export function isAfterSale(r: MessageReading): boolean {
  if (r.signal('complaint')?.afterSale) return true;
  return r.courtesy.has('thanks') && !asksSomething(r);
}

/** Words said before an order besides courtesy: "saya mau", "kalau gitu", "tolong". */
const LEAD_WORDS = new Set(split('saya mau mo mw pengen pingin ingin boleh tolong jadi kalau gitu i id d would like to want wanna please can could'));
const spelled = (w: string): string => CHAT_SPELLINGS[w] ?? w;
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
export function orderIntent(r: MessageReading): OrderIntent | null {
  const text = r.text;
  const words = r.simple.split(' ').filter(Boolean);
  let i = 0;
  while (i < words.length && i < 8 && (LEAD_WORDS.has(spelled(words[i] as string)) || isCourteous(words[i] as string))) i++;
  const verb = words[i] ?? '';
  const after = words.slice(i + 1).join(' ');
  let rest: string;
  if (ORDER_VERBS.has(verb)) rest = after;
  else if (verb === 'ambil' && /^(?:p-?\d+|\d+|yang ini|yg ini|ini)\b/.test(after)) rest = after;
  // "P07 2 tangkai, P06 2 tangkai, kirim ke jl. Katamso": codes with their quantities, and words
  else if (/^p-?\d+(?:-\d+| \d+| x\d+)(?: [a-z]+)*(?: p-?\d+(?:-\d+| \d+| x\d+)(?: [a-z]+)*)*$/.test(words.slice(i).join(' ')) && !text.includes('?'))
    rest = words.slice(i).join(' ');
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
/** Words in an order that name nothing to order, besides courtesy and units. */
const ORDER_FILLER = new Set(split('nya yang yg sebanyak jumlah jumlahnya kode no nomor produk dan sama plus tolong ini itu please pls thanks'));

/** Reads what follows "pesan": codes with quantities, a bare quantity, or product words. */
/** Words before a number that make it a day or an hour; after it, a size or a price. */
const NOT_A_COUNT_BEFORE: ReadonlySet<string> = new Set(['tgl', 'tanggal', 'jam', 'pukul', 'date', 'hari', 'hr']);
const NOT_A_COUNT_AFTER: ReadonlySet<string> = new Set(['cm', 'meter', 'm', 'rb', 'ribu', 'k', 'jt', 'juta', 'hari', 'jam', 'menit']);

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
    // "buat wisuda tgl 5", "jam 3", "60 cm", "80rb": a day, an hour, a size or a price, not how many
    if (qty !== null && (NOT_A_COUNT_BEFORE.has(tokens[i - 1] ?? '') || NOT_A_COUNT_AFTER.has(next ?? ''))) {
      if (NOT_A_COUNT_AFTER.has(next ?? '')) i++;
      continue;
    }
    if (qty !== null) {
      if (qty < 1 || qty > MAX_QTY) out.badQty = String(qty);
      pendingQty = qty;
      continue;
    }
    if (UNITS.has(token) || ORDER_FILLER.has(token) || isCourteous(token)) continue;
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

/** "2", "5 tangkai", "3 aja kak", "dua", "ambil 2": a quantity on its own, or null. */
export function bareQuantity(r: MessageReading): number | null {
  const words = r.simple.split(' ').filter(Boolean);
  const start = ['ambil', 'pesan', 'jadi'].includes(words[0] ?? '') ? 1 : 0;
  const n = quantityOf(words[start] ?? '');
  if (n === null || !/^(?:\d{1,3}|[a-z]+)$/.test(words[start] ?? '')) return null;
  if (!words.slice(start + 1).every((w) => (UNITS.has(w) && w !== 'x') || isCourteous(w))) return null;
  return n >= 1 && n <= MAX_QTY ? n : null;
}

/** Words that make a product request: "ada X?", "jual X", "cari X", "punya X". */
const REQUEST_LEAD =
  /^(?:(?:kak|min|halo|hai|hi|permisi|mau|saya|sy|lagi)\s+)*(?:ada|ada tidak|ada gak|jual|jualan|cari|nyari|mencari|punya|sedia|menjual|apakah ada|apa ada|ready|do you have|do you sell|have you got|you have|any)\s+(?:any\s+)?(.+)$/;
/** "bunga lavender ada?", "krisan ready kak?": the thing first, the asking after. */
const REQUEST_TAIL = /^(?:(?:kak|min|halo|hai|permisi)\s+)*(.+?)\s+(?:ada|ready|ada tidak|ada gak|ada ga|ada gk|tersedia|available)(?:\s+\S+){0,2}$/;
/** Nouns that show a product is meant ("ada bunga lavender?"), as opposed to "ada promo?". */
const PRODUCT_NOUNS =
  /\b(?:bunga|kembang|flower|flowers|tanaman|daun|pohon|buket|bouquet|rangkaian|vas|pot|karangan|hiasan|dekorasi|artificial|plastik|kain|tangkai|stems|mawar|anggrek|tulip|lily|peony|peonies|lavender|krisan|sakura|melati|dahlia|gerbera|kamboja|eucalyptus|roses|orchids)\b/;

/** A word that ends a request without being part of the thing asked for: "kak", "ya", "gak". */
function trailing(word: string): boolean {
  return isCourteous(word) || QUESTION_TAILS.has(CHAT_SPELLINGS[word] ?? word);
}

/**
 * The thing asked for when the message asks for a product by kind ("ada bunga lavender?" →
 * "bunga lavender"); null when it is not such a request.
 */
export function productRequest(r: MessageReading): string | null {
  const m = REQUEST_LEAD.exec(r.simple) ?? (r.question ? REQUEST_TAIL.exec(r.simple) : null);
  if (!m) return null;
  const words = (m[1] ?? '').trim().split(' ');
  while (words.length > 0 && trailing(words.at(-1) as string)) words.pop();
  const thing = words.join(' ');
  if (thing === '' || words.length > 6 || !PRODUCT_NOUNS.test(thing)) return null;
  return thing;
}

/** Words that ask or wish about products ("berapa", "ada", "cari", "mau", "foto"); not "kapan" or "mana". */
const WISHING = new Set(
  split(`ada adakah apakah berapa kah cari mencari jual jualan harga murah termurah mahal mau mo mw minta lihat liat foto gambar ready stok punya
  pengen pingin ingin butuh rekomendasi rekomen saran pilihan model warna ukuran sedia kah bisa boleh tolong info detail
  have price much any want looking need sell`),
);

/** A question mark, or a word that asks or wishes about products ("berapa", "ada", "harga", "mau"). */
function asksSomething(r: MessageReading): boolean {
  if (r.text.includes('?')) return true;
  // a word or tail that asks: "bahan mawar merah premium apa ya kak, tahan lama ga"; but "prosedur
  // order bunga papan gmn ya kak" asks how to order, for the quick replies
  if (r.question && !r.asks('pesan')) return true;
  for (let i = 0; i < r.words.length; i++) {
    if (r.forms(i).some((f) => WISHING.has(f))) return true;
  }
  return false;
}

/** Words around product words that are not content: "yang", "untuk" ("buat"), "the", "a". */
const AROUND = new Set(split('yang untuk the a'));

/**
 * Whether a message that names products asks about them: a question, a wish ("mau", "cari",
 * "harga"), or just a few words that are the product ("mawar merah", "tulip kuning kak"). A longer
 * remark that happens to name one ("ini untuk lamaran adik saya") is not answered with products,
 * nor is a few words under a picture.
 */
export function asksAboutProducts(r: MessageReading, options: { strict?: boolean } = {}): boolean {
  if (asksSomething(r)) return true;
  // a picture's caption says what the picture is for ("untuk lamaran"), and a customer waiting
  // for a person talks to the person: there only a question is one
  if (options.strict) return false;
  // "mawarnya kusam": about a rose the customer has, not one to buy
  const simple = r.simple.split(' ').filter(Boolean);
  if (simple.some((w) => w.length > 5 && w.endsWith('nya'))) return false;
  return r.words.filter((w) => !isCourteous(w) && !AROUND.has(w)).length <= 4;
}

/** Words of a short question about the product on screen, beside courtesy and what asks price or stock. */
const ABOUT_THIS = new Set(split('ini itu yang nya sekarang skrg masih ada berapa berapaan harga stok ready how much'));

/** "ini berapa kak?", "ready?", "masih ada?": a question about the product on screen, or null. */
export function asksAboutThis(r: MessageReading): { price: boolean; stock: boolean } | null {
  const words = r.words;
  if (words.length === 0 || words.length > 6) return null;
  if (!words.every((w, i) => isCourteous(w) || r.forms(i).some((f) => ABOUT_THIS.has(f)))) return null;
  const price = r.asks('harga') || words.includes('berapa');
  const stock = r.asks('stok') || words.includes('ada') || words.includes('masih') || words.includes('ready');
  return price || stock ? { price, stock } : null;
}

/** Phrases whose words name products but mean something else ("tanggal merah" is a holiday). */
const IDIOMS = /\b(?:tanggal|tgl|hari) merah\b|\bmerah putih\b/gi;

/** The text without such phrases, for the search; the same text when it has none. */
export function withoutIdioms(text: string): string {
  return text.replace(IDIOMS, ' ');
}
