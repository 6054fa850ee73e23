import { deletions, normalise, NOT_TYPOS, withinOneEdit, wordForms } from '../../src/plugin-api.js';

export { normalise };

/**
 * Keyword matching the way customers type: "hrg brp kak", "lokasinya dmn", "bsk buka gk?",
 * "hargaaa", "angrek". Texts and keywords go through the same normalisation; a keyword matches as a
 * phrase of whole words, each word allowing one typo when it has five letters or more, and the
 * suffixes -nya/-lah/-kah/-pun. A keyword right after "gak jadi", "batal" or "tidak usah" does not
 * count. Everything here is pure, and fast enough for hundreds of rules per message.
 */

/**
 * Phrases that look like a question and are not: "salah kirim" is a mistake, "alamat saya" is the
 * customer's own address. They take their words so no keyword can.
 */
const NOT_QUESTIONS = [
  // "kirim" as in sending something in the chat, not a delivery
  'salah kirim',
  'kirim salam',
  'kirim foto',
  'kirim gambar',
  'kirim katalog',
  'kirim pesan',
  'kirim bukti',
  'saya kirim',
  // "pesan" as in a message
  'pesan saya',
  'pesan kami',
  'pesan dari',
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

/** Words before a keyword that take it back: "gak jadi pesan", "batal order", "tidak usah kirim". */
const NEGATING_ONE = new Set(['batal', 'jangan', 'cancel']);
/** How many words back a taking-back still counts. */
const NEGATION_REACH = 4;
const NEGATING_TWO = new Set(['tidak jadi', 'tidak usah', 'belum jadi']);

interface Keyword {
  /** The rule it belongs to; -1 for a phrase that is not a question. */
  rule: number;
  words: string[];
  /**
   * A weak keyword ("~berapa") counts only when no other keyword matched the message: "berapa"
   * alone asks the price, "jam berapa" and "ongkir berapa" do not.
   */
  weak: boolean;
}

export interface MatchRule {
  name: string;
  keywords: readonly string[];
}

export const FUZZY_MIN_LENGTH = 5;

export class Matcher {
  private readonly keywords: Keyword[] = [];
  /** First word of each keyword → keywords starting with it. */
  private readonly byFirstWord = new Map<string, Keyword[]>();
  /** One-letter deletions of every long word → the words they came from, for typo lookups. */
  private readonly deletionIndex = new Map<string, Set<string>>();
  private readonly words = new Set<string>();

  constructor(private readonly rules: readonly MatchRule[]) {
    const add = (text: string, rule: number): void => {
      const weak = text.startsWith('~');
      const words = normalise(weak ? text.slice(1) : text);
      if (words.length === 0) return;
      const kw: Keyword = { rule, words, weak };
      this.keywords.push(kw);
      const first = words[0] as string;
      const list = this.byFirstWord.get(first) ?? [];
      list.push(kw);
      this.byFirstWord.set(first, list);
      for (const w of words) this.addWord(w);
    };
    rules.forEach((rule, index) => {
      for (const text of rule.keywords) add(text, index);
    });
    for (const phrase of NOT_QUESTIONS) add(phrase, -1);
  }

  private addWord(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    if (word.length < FUZZY_MIN_LENGTH) return;
    for (const variant of [word, ...deletions(word)]) {
      const set = this.deletionIndex.get(variant) ?? new Set();
      set.add(word);
      this.deletionIndex.set(variant, set);
    }
  }

  /** Keyword words a text token can stand for: itself, without a suffix or prefix, or one typo away. */
  private candidates(token: string): Set<string> {
    const out = new Set<string>();
    const forms = wordForms(token);
    for (const form of forms) {
      if (this.words.has(form)) out.add(form);
      if (form.length < FUZZY_MIN_LENGTH || NOT_TYPOS.has(form) || NOT_TYPOS.has(token)) continue;
      for (const variant of [form, ...deletions(form)]) {
        for (const word of this.deletionIndex.get(variant) ?? []) if (withinOneEdit(form, word)) out.add(word);
      }
    }
    return out;
  }

  /**
   * The names of the rules the text asks about, in the order the text asks them. Where keywords
   * overlap, the longest wins its words: "jam berapa" is a question about hours, not about price.
   */
  match(text: string): string[] {
    const tokens = normalise(text);
    const cands = tokens.map((t) => this.candidates(t));
    const hits: Array<{ rule: number; at: number; length: number; weak: boolean }> = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const first of cands[i] ?? []) {
        for (const kw of this.byFirstWord.get(first) ?? []) {
          let ok = true;
          for (let k = 1; k < kw.words.length && ok; k++) ok = cands[i + k]?.has(kw.words[k] as string) ?? false;
          if (ok && !this.negated(tokens, i)) hits.push({ rule: kw.rule, at: i, length: kw.words.length, weak: kw.weak });
        }
      }
    }
    // strong before weak, longer before shorter, a phrase that is not a question before a keyword
    // of the same length ("dibuka" is not "buka"), earlier before later
    hits.sort((a, b) => Number(a.weak) - Number(b.weak) || b.length - a.length || Number(b.rule < 0) - Number(a.rule < 0) || a.at - b.at);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const firstAt = new Map<number, number>();
    let strong = false;
    for (const h of hits) {
      if (h.weak && strong) break;
      let free = true;
      for (let k = h.at; k < h.at + h.length && free; k++) free = !taken[k];
      if (!free) continue;
      for (let k = h.at; k < h.at + h.length; k++) taken[k] = true;
      if (h.rule < 0) continue;
      if (!h.weak) strong = true;
      if (!firstAt.has(h.rule) || (firstAt.get(h.rule) ?? 0) > h.at) firstAt.set(h.rule, h.at);
    }
    return [...firstAt.entries()].sort((a, b) => a[1] - b[1]).map(([rule]) => this.rules[rule]?.name ?? '');
  }

  /** "gak jadi pesan", "gak jadi ya kak pesannya": a taking-back shortly before the keyword. */
  private negated(tokens: string[], i: number): boolean {
    for (let back = 1; back <= NEGATION_REACH && i - back >= 0; back++) {
      const one = tokens[i - back];
      if (one !== undefined && NEGATING_ONE.has(one)) return true;
      const two = i - back >= 1 ? `${tokens[i - back - 1]} ${tokens[i - back]}` : '';
      if (NEGATING_TWO.has(two)) return true;
    }
    return false;
  }
}
