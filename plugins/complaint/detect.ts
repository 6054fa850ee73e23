import type { Category } from './model.js';
import { normalise, NOT_TYPOS, withinOneEdit, wordForms } from '../../src/plugin-api.js';

/**
 * Whether a message is a complaint, and about what: pure functions over the customer's words, with
 * the quick replies' tolerance for chat spelling ("komplen", "rusakk", "warnany beda").
 *
 * A complaint word ("komplain", "kecewa") always starts one. A phrase that can only be a complaint
 * ("patah", "warnanya beda", "salah kirim") does too, unless the message asks "what if" ("kalau
 * rusak bisa tukar?"). Softer phrases ("kok mahal", "lama balas") only pick the category.
 */
const TRIGGERS = [
  'komplain',
  'komplen',
  'komplin',
  'complain',
  'complaint',
  'keluhan',
  'mengeluh',
  'kecewa',
  'mengecewakan',
  'protes',
  'tidak puas',
  'kurang puas',
  'retur',
  'refund',
  'minta ganti',
  'minta diganti',
  'minta tukar',
  'beda jauh',
];

interface CategoryRule {
  category: Category;
  /** Phrases that are a complaint on their own. */
  strong: string[];
  /** Phrases that say what a complaint is about, but not that it is one. */
  weak: string[];
}

const RULES: readonly CategoryRule[] = [
  {
    category: 'rusak',
    strong: [
      'rusak',
      'patah',
      'pecah',
      'cacat',
      'sobek',
      'robek',
      'penyok',
      'copot',
      'kusam',
      'kotor',
      'layu',
      'rontok',
      'lecek',
      'retak',
      'hancur',
      'bengkok',
      'lepas semua',
    ],
    weak: ['lepas', 'jelek'],
  },
  {
    category: 'warna',
    strong: ['warna beda', 'beda warna', 'warna tidak sesuai', 'warna salah', 'salah warna', 'luntur', 'pudar'],
    weak: ['warna lain', 'warna'],
  },
  {
    category: 'ukuran',
    strong: ['ukuran beda', 'beda ukuran', 'ukuran tidak sesuai', 'ukuran salah', 'salah ukuran', 'kekecilan', 'kebesaran'],
    weak: ['lebih kecil dari', 'lebih besar dari', 'ukuran', 'kecil', 'besar'],
  },
  {
    category: 'kirim',
    strong: [
      'salah kirim',
      'dikirim salah',
      'dikirim yang salah',
      'belum sampai',
      'belum datang',
      'belum diterima',
      'tidak sampai',
      'salah alamat',
      'barang hilang',
      'yang datang cuma',
      'yang datang hanya',
    ],
    weak: ['kurang satu', 'kurang 1', 'telat', 'terlambat', 'lama sampai', 'hilang', 'kurir', 'kurang'],
  },
  {
    category: 'stok',
    strong: ['katanya ready', 'katanya ada', 'ternyata kosong', 'ternyata habis'],
    weak: ['kosong', 'habis', 'stok', 'ready'],
  },
  {
    category: 'harga',
    strong: ['salah harga', 'kelebihan bayar', 'uang belum dikembalikan', 'uang saya belum dikembalikan', 'belum dikembalikan'],
    weak: ['kemahalan', 'harga beda', 'beda harga', 'mahal', 'harga', 'bayar', 'transfer'],
  },
  {
    category: 'layanan',
    strong: ['tidak dibalas', 'belum dibalas', 'lama balas', 'lama dibalas', 'slow respon', 'tidak ramah', 'dicuekin', 'jutek'],
    weak: ['lambat', 'cuek', 'kasar', 'admin', 'respon', 'pelayanan', 'balas'],
  },
];

/** Phrases that say the thing differs from what was promised, whatever it is. */
const MISMATCH = [
  'tidak sesuai',
  'beda jauh sama foto',
  'beda sama foto',
  'beda dengan foto',
  'beda dari foto',
  'tidak seperti foto',
  'tidak kayak foto',
  'tidak kayak di foto',
  'beda sama gambar',
];
/** "kalau rusak bisa tukar?": a question before buying, when the word comes right before the problem. */
const HYPOTHETICAL = ['kalau', 'kalo', 'klo', 'jika', 'apabila', 'seandainya', 'misalnya', 'misal', 'nanti', 'gampang', 'mudah', 'cepat', 'bisa'];
/** Signs the goods already came: then a question is about them, and a complaint. */
const ARRIVAL = compileLater([
  'yang saya terima',
  'saya terima',
  'sudah sampai',
  'sudah datang',
  'yang datang',
  'saya beli',
  'yang saya beli',
  'saya pesan',
  'pesanan saya',
  'sudah diterima',
  'barusan',
  'kemarin',
  'tadi',
  'baru sampai',
  'baru datang',
  'dikirim',
]);
/** A product word with -nya: "bunganya", "vasnya" is the customer's own. */
const OWN_GOODS = /\b(?:bunga|mawar|anggrek|tulip|lily|buket|vas|pot|barang|pesanan|paket|kiriman|daun|rangkaian|tangkai|produk|kelopak|pita)nya\b/;
/** Questions: "ada ukuran lain?", "gampang pecah gak", "cara bersihinnya". */
const QUESTION_END = new Set(['gak', 'ga', 'nggak', 'enggak', 'engga', 'tidak', 'ndak', 'kah', 'ya', 'nih']);
const QUESTION_WORDS = ['mau tanya', 'cara', 'gimana cara', 'bagaimana cara', 'apakah', 'apa bisa', 'bisa tidak', 'boleh tanya'];
const QUESTION_PHRASES = compileLater(QUESTION_WORDS);
const EXPLICIT_QUESTION = compileLater(['mau tanya', 'boleh tanya', 'numpang tanya', 'gimana cara', 'bagaimana cara', 'cara membersihkan', 'cara bersihin']);
/** An order ("pesan P01 2"): the catalog's, not a complaint. */
const ORDER_START = /^(?:(?:saya|aku|mau|kak|min|ok|oke|baik)\s+)*(?:pesan|pesen|order|beli)\s+(?:p-?\d+|\d+)\b/;

type Phrase = string[];
function compileLater(phrases: readonly string[]): Phrase[] {
  return phrases.map((p) => normalise(p));
}
const compile = compileLater;
const TRIGGER_PHRASES = compile(TRIGGERS);
const MISMATCH_PHRASES = compile(MISMATCH);
const COMPILED = RULES.map((r) => ({ category: r.category, strong: compile(r.strong), weak: compile(r.weak) }));

/** Each token's forms, worked out once per message (every phrase is checked against them). */
const formsCache = new Map<string, readonly string[]>();
function formsOf(token: string): readonly string[] {
  let forms = formsCache.get(token);
  if (!forms) {
    forms = wordForms(token);
    if (formsCache.size > 5000) formsCache.clear();
    formsCache.set(token, forms);
  }
  return forms;
}

/** A customer's word stands for a phrase word: the same, one of its forms, or one typo in a long word. */
function sameWord(token: string, word: string): boolean {
  if (token === word || formsOf(token).includes(word)) return true;
  return word.length >= 6 && token.length >= 6 && !NOT_TYPOS.has(token) && withinOneEdit(token, word);
}

function hasPhrase(tokens: readonly string[], phrase: Phrase): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((w, k) => sameWord(tokens[i + k] as string, w))) return true;
  }
  return false;
}

export interface Detection {
  complaint: boolean;
  category: Category;
  /** Said in so many words ("komplain", "kecewa"): a complaint of its own, not more of an earlier one. */
  explicit: boolean;
}

/** Reads a message: is it a complaint, and about what. */
export function detectComplaint(text: string): Detection {
  const tokens = normalise(text);
  const lower = text.toLowerCase();
  const triggered = TRIGGER_PHRASES.some((p) => hasPhrase(tokens, p));
  let strong: Category | null = null;
  let strongAt = -1;
  let weak: Category | null = null;
  for (const rule of COMPILED) {
    if (!strong) {
      const at = firstAt(tokens, rule.strong);
      if (at >= 0) {
        strong = rule.category;
        strongAt = at;
      }
    }
    if (!weak && rule.weak.some((p) => hasPhrase(tokens, p))) weak = rule.category;
  }
  const mismatchAt = firstAt(tokens, MISMATCH_PHRASES);
  const mismatch = mismatchAt >= 0;
  const category: Category = strong ?? (mismatch ? (weak === 'warna' || weak === 'ukuran' ? weak : 'lain') : (weak ?? 'lain'));
  if (triggered) return { complaint: true, category, explicit: true };
  const no = { complaint: false, category, explicit: false };
  if (strong === null && !mismatch) return no;
  const arrived = ARRIVAL.some((p) => hasPhrase(tokens, p)) || OWN_GOODS.test(lower);
  const problemAt = strongAt >= 0 ? strongAt : mismatchAt;
  // "kalau rusak", "gampang pecah": the word just before the problem makes it a "what if"
  const hypothetical = tokens.slice(Math.max(0, problemAt - 2), problemAt).some((t) => HYPOTHETICAL.includes(t));
  const question = text.includes('?') || QUESTION_END.has(tokens.at(-1) ?? '') || QUESTION_PHRASES.some((q) => hasPhrase(tokens, q));
  if (ORDER_START.test(lower.trim()) && !arrived) return no;
  if (hypothetical && !arrived) return no;
  if (question && !arrived) return no;
  // "mau tanya, bunganya kotor kena debu, gimana cara bersihinnya?": asking how, not complaining
  if (EXPLICIT_QUESTION.some((q) => hasPhrase(tokens, q))) return no;
  return { complaint: true, category, explicit: false };
}

/** Where the first of the phrases starts in the tokens, or -1. */
function firstAt(tokens: readonly string[], phrases: readonly Phrase[]): number {
  let best = -1;
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((w, k) => sameWord(tokens[i + k] as string, w))) {
        if (best < 0 || i < best) best = i;
        break;
      }
    }
  }
  return best;
}

/** The category of a whole complaint, from everything the customer wrote; 'lain' when nothing says. */
export function categoryOf(text: string): Category {
  return detectComplaint(text).category;
}

const POLITE = new Set([
  'kak',
  'ka',
  'kk',
  'min',
  'ya',
  'yah',
  'ok',
  'oke',
  'okay',
  'iya',
  'baik',
  'makasih',
  'makasi',
  'terima',
  'kasih',
  'trims',
  'thanks',
  'dong',
  'deh',
  'aja',
  'saja',
  'ini',
  'itu',
  'semua',
  'nya',
  'dulu',
  'kok',
  'sih',
  'maaf',
]);
const DONE_WORDS = new Set(['sudah', 'udah', 'sdh', 'dah', 'udh', 'cukup', 'selesai', 'done', 'segitu']);

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "sudah", "itu saja", "sudah itu aja kak makasih", "cukup kak": the customer has told everything. */
export function isDone(text: string): boolean {
  const words = plain(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  const rest = words.filter((w) => !POLITE.has(w));
  if (rest.length === 0) return words.includes('itu') && (words.includes('saja') || words.includes('aja'));
  return rest.every((w) => DONE_WORDS.has(w));
}

/** "batal", "gak jadi deh kak", "batal aja": the customer takes the complaint back. */
export function isCancel(text: string): boolean {
  const t = plain(text);
  if (t.split(' ').length > 10) return false;
  return /\b(?:batal|batalkan|cancel|gajadi)\b/.test(t) || /\b(?:gak|ga|tidak|nggak|enggak|tdk|ndak|gk) jadi\b/.test(t);
}

/** "status keluhan", "kak gimana keluhan saya?", "cek komplain": the customer asks where their complaints stand. */
export function asksStatus(text: string): boolean {
  const t = plain(text);
  if (t.split(' ').length > 10) return false;
  return (
    /\b(?:keluhan|komplain|komplen|complain|tiket)\b/.test(t) &&
    /\b(?:status|statusnya|gimana|bagaimana|cek|sampai mana|kabar|kabarnya|progres|update|sudah diproses|udah diproses)\b/.test(t)
  );
}

/** "belum beres", "masih rusak kak": a resolved complaint is not resolved after all. Short messages only. */
export function saysNotResolved(text: string): boolean {
  const t = plain(text);
  if (t.split(' ').length > 10 || text.includes('?')) return false;
  return (
    /\b(?:belum|blm) (?:beres|tuntas|ada solusi|diganti)\b/.test(t) ||
    /^masih(?: (?:kak|ka|min|sama|belum|rusak|bermasalah|kecewa|begitu|gitu|ya))*$/.test(t) ||
    /\bmasih (?:rusak|bermasalah|kecewa)\b/.test(t)
  );
}

/** A rating of 1 to 5 ("5", "4 kak", "5/5", "bintang 4", "⭐⭐⭐⭐"), or null. */
export function ratingIn(text: string): number | null {
  const stars = [...text.matchAll(/⭐|★/gu)].length;
  if (stars >= 1 && stars <= 5 && plain(text) === '') return stars;
  const raw = text.toLowerCase().trim();
  const slash = /^([1-5])\s*\/\s*5\b/.exec(raw);
  if (slash) return Number(slash[1]);
  const m = /^(?:nilai |rating |bintang )?([1-5])(?: (?:kak|ka|min|ya|bintang|makasih|terima kasih|dari 5))*$/.exec(plain(text));
  return m ? Number(m[1]) : null;
}
