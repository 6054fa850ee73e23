import { normalise, NOT_TYPOS, withinOneEdit, wordForms } from '../../src/core/words.js';
import type { Category } from './model.js';

/**
 * Whether a message is a complaint, and about what: pure functions over the customer's words, with
 * the quick replies' tolerance for chat spelling ("komplen", "rusakk", "warnany beda").
 *
 * A complaint word ("komplain", "kecewa") always starts one. A phrase that can only be a complaint
 * ("patah", "warnanya beda", "salah kirim") does too, unless the message asks "what if" ("kalau
 * rusak bisa tukar?"). Softer phrases ("kok mahal", "lama balas") only pick the category.
 */
const TRIGGERS = ['komplain', 'komplen', 'komplin', 'complain', 'complaint', 'keluhan', 'mengeluh', 'kecewa', 'mengecewakan', 'protes', 'tidak puas', 'kurang puas'];

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
    strong: ['rusak', 'patah', 'pecah', 'cacat', 'sobek', 'robek', 'penyok', 'copot', 'kusam', 'kotor', 'layu', 'rontok', 'lecek', 'retak', 'hancur', 'bengkok', 'lepas semua'],
    weak: ['lepas', 'jelek'],
  },
  {
    category: 'warna',
    strong: ['warna beda', 'beda warna', 'warna tidak sesuai', 'warna salah', 'salah warna', 'warna lain', 'luntur', 'pudar'],
    weak: ['warna'],
  },
  {
    category: 'ukuran',
    strong: ['ukuran beda', 'beda ukuran', 'ukuran tidak sesuai', 'ukuran salah', 'salah ukuran', 'kekecilan', 'kebesaran', 'lebih kecil dari', 'lebih besar dari'],
    weak: ['ukuran', 'kecil', 'besar'],
  },
  {
    category: 'kirim',
    strong: ['salah kirim', 'dikirim salah', 'belum sampai', 'belum datang', 'belum diterima', 'tidak sampai', 'salah alamat', 'barang hilang', 'kurang satu', 'kurang 1'],
    weak: ['telat', 'terlambat', 'lama sampai', 'hilang', 'kurir', 'kurang'],
  },
  {
    category: 'stok',
    strong: ['katanya ready', 'katanya ada', 'ternyata kosong', 'ternyata habis'],
    weak: ['kosong', 'habis', 'stok', 'ready'],
  },
  {
    category: 'harga',
    strong: ['kemahalan', 'salah harga', 'kelebihan bayar', 'harga beda', 'beda harga'],
    weak: ['mahal', 'harga', 'bayar', 'transfer'],
  },
  {
    category: 'layanan',
    strong: ['tidak dibalas', 'belum dibalas', 'lama balas', 'lama dibalas', 'slow respon', 'tidak ramah', 'dicuekin', 'jutek'],
    weak: ['lambat', 'cuek', 'kasar', 'admin', 'respon', 'pelayanan', 'balas'],
  },
];

/** Phrases that say the thing differs from what was promised, whatever it is. */
const MISMATCH = ['tidak sesuai', 'beda sama foto', 'beda dengan foto', 'beda dari foto', 'tidak seperti foto', 'tidak kayak foto', 'tidak kayak di foto', 'beda sama gambar'];
/** "kalau rusak bisa tukar?": a question before buying, not a complaint. */
const HYPOTHETICAL = ['kalau', 'kalo', 'klo', 'jika', 'apabila', 'seandainya', 'misalnya', 'garansi'];

type Phrase = string[];
const compile = (phrases: readonly string[]): Phrase[] => phrases.map((p) => normalise(p));
const TRIGGER_PHRASES = compile(TRIGGERS);
const MISMATCH_PHRASES = compile(MISMATCH);
const COMPILED = RULES.map((r) => ({ category: r.category, strong: compile(r.strong), weak: compile(r.weak) }));

/** A customer's word stands for a phrase word: the same, one of its forms, or one typo in a long word. */
function sameWord(token: string, word: string): boolean {
  if (wordForms(token).includes(word)) return true;
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
}

/** Reads a message: is it a complaint, and about what. */
export function detectComplaint(text: string): Detection {
  const tokens = normalise(text);
  const triggered = TRIGGER_PHRASES.some((p) => hasPhrase(tokens, p));
  const hypothetical = tokens.some((t) => HYPOTHETICAL.includes(t));
  let strong: Category | null = null;
  let weak: Category | null = null;
  for (const rule of COMPILED) {
    if (!strong && rule.strong.some((p) => hasPhrase(tokens, p))) strong = rule.category;
    if (!weak && rule.weak.some((p) => hasPhrase(tokens, p))) weak = rule.category;
  }
  const mismatch = MISMATCH_PHRASES.some((p) => hasPhrase(tokens, p));
  const category: Category = strong ?? (mismatch ? (weak === 'warna' || weak === 'ukuran' ? weak : 'lain') : (weak ?? 'lain'));
  const complaint = triggered || (!hypothetical && (strong !== null || mismatch));
  return { complaint, category };
}

/** The category of a whole complaint, from everything the customer wrote; 'lain' when nothing says. */
export function categoryOf(text: string): Category {
  return detectComplaint(text).category;
}

const DONE = new Set(['sudah', 'udah', 'sdh', 'dah', 'itu saja', 'itu aja', 'itu saja kak', 'itu aja kak', 'cukup', 'sudah kak', 'udah kak', 'sudah itu saja', 'sudah itu aja', 'selesai', 'done', 'ok sudah', 'oke sudah', 'sudah semua', 'udah itu aja', 'udah itu saja', 'segitu aja', 'segitu saja']);
const CANCEL = new Set(['batal', 'batalkan', 'tidak jadi', 'gak jadi', 'ga jadi', 'nggak jadi', 'cancel', 'gajadi', 'batal kak', 'tidak jadi kak', 'gak jadi kak']);

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "sudah", "itu saja": the customer has told everything. */
export function isDone(text: string): boolean {
  return DONE.has(plain(text));
}

/** "batal", "gak jadi": the customer takes the complaint back. */
export function isCancel(text: string): boolean {
  return CANCEL.has(plain(text));
}

/** "status keluhan", "keluhan saya gimana": the customer asks where their complaints stand. */
export function asksStatus(text: string): boolean {
  const t = plain(text);
  return /^(?:cek |lihat |gimana |bagaimana )?(?:status )(?:keluhan|komplain|komplen|tiket)/.test(t) || /^(?:keluhan|komplain) saya (?:gimana|bagaimana|sudah sampai mana|statusnya)/.test(t);
}

/** "belum beres", "masih rusak": a resolved complaint is not resolved after all. */
export function saysNotResolved(text: string): boolean {
  const t = plain(text);
  return /\b(?:belum|blm) (?:beres|selesai|tuntas|ada solusi|diganti|dikirim ulang)\b/.test(t) || /^masih(?: (?:kak|ka|min|sama|belum|rusak|bermasalah|kecewa|begitu|gitu))*$/.test(t) || /\bmasih (?:rusak|sama|bermasalah|kecewa|belum)\b/.test(t);
}

/** A rating of 1 to 5 ("5", "4 kak", "⭐⭐⭐⭐"), or null. */
export function ratingIn(text: string): number | null {
  const stars = [...text.matchAll(/⭐|★/gu)].length;
  if (stars >= 1 && stars <= 5 && plain(text) === '') return stars;
  const m = /^(?:nilai |rating )?([1-5])(?: ?\/ ?5)?(?: (?:kak|ka|min|ya|bintang))*$/.exec(plain(text));
  return m ? Number(m[1]) : null;
}
