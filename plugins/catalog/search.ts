import { visible, type Product } from './model.js';
import { CHAT_SPELLINGS, collapse, courtesyOf, deletions, NOT_TYPOS, NUMBER_WORDS, QUESTION_WORDS, type Words, withinOneEdit } from '../../src/plugin-api.js';

const split = (s: string): string[] => s.trim().split(/\s+/);

/**
 * Free-text product search the way customers ask: "ada mawar merah?", "bunga meja yg murah",
 * "anggrek putih brp", "angrek". Words of the name count most, then the category, the options and
 * the description; one typo is allowed in words of five letters or more. Words that nearly every
 * product has ("bunga", "artificial") and chat filler ("ada", "yang", "kak") do not make a search.
 */
const FIELD_WEIGHTS = { name: 3, category: 2, options: 1.5, description: 0.5 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

/**
 * Words that say nothing about which product is meant, besides courtesy, numbers and question
 * words (the shared lexicon's): asking and wishing, small words, and what every product of a
 * flower shop is ("bunga", "artificial").
 */
const OWN_FILLER = new Set(
  split(`ada yang itu ini mau ingin cari lihat harga murah termurah paling dan atau untuk dengan di ke dari saya kami tolong bisa
  tidak sama juga lagi masih ready stok pesan beli the a is do you have any how much warna ukuran size
  bunga kembang flower flowers artificial artifisial`),
);

function isFiller(word: string): boolean {
  return OWN_FILLER.has(word) || courtesyOf(word) !== null || QUESTION_WORDS.has(word) || NUMBER_WORDS[word] !== undefined;
}

/**
 * Words of names and options that are also everyday words ("sesuai", "meter", "mini" market): they
 * help rank products, but a message with only these is not about products.
 */
const WEAK = new Set([
  'sesuai',
  'tema',
  'meter',
  'panjang',
  'ukuran',
  'ucapan',
  'mini',
  'besar',
  'kecil',
  'jumbo',
  'campur',
  'mix',
  'premium',
  'asli',
  'bahan',
  'lembar',
  'isi',
  'per',
  'model',
  'tinggi',
  'pendek',
  'baru',
  'satin',
  'real',
  'touch',
  'hand',
]);

const CHEAP = new Set(['murah', 'termurah', 'cheap', 'cheapest', 'terjangkau']);

/** English (and loan) words customers use for what the catalog says in Indonesian. */
const SYNONYMS: Record<string, string> = {
  rose: 'mawar',
  roses: 'mawar',
  orchid: 'anggrek',
  orchids: 'anggrek',
  red: 'merah',
  white: 'putih',
  yellow: 'kuning',
  purple: 'ungu',
  blue: 'biru',
  bouquet: 'buket',
  bouquets: 'buket',
  buquet: 'buket',
  boquet: 'buket',
  wedding: 'pengantin',
  bride: 'pengantin',
  table: 'meja',
  sunflower: 'matahari',
  sunflowers: 'matahari',
  leaf: 'daun',
  leaves: 'daun',
  hanging: 'gantung',
  graduation: 'wisuda',
  vase: 'vas',
  glass: 'kaca',
  small: 'mini',
};

/** The synonyms spelled as the reading leaves words ("anggrek" → "angrek"). */
const SPELLED_SYNONYMS = new Map(Object.entries(SYNONYMS).map(([from, to]) => [from, collapse(to)]));

/** A word in more than this share of products is too common to pick products by. */
const COMMON_SHARE = 0.5;

/** Reads a text as the bot reads messages: its words, and the forms each may stand for. */
export type ReadText = (text: string) => Words;

export interface SearchResult {
  products: Product[];
  /** The customer asked for cheap ones: results are sorted by price. */
  cheapest: boolean;
  /** The product words the query was matched on. */
  matched: string[];
  /** How many of the first products have every product word asked (0 when none has). */
  complete: number;
}

interface Posting {
  index: number;
  weight: number;
}

export class CatalogIndex {
  private readonly products: Product[];
  private readonly postings = new Map<string, Posting[]>();
  private readonly deletionIndex = new Map<string, Set<string>>();
  /** Words of names, categories and options: the ones that show a product is meant. */
  private readonly strong = new Set<string>();

  /** Products' words are read as messages are, so "rangkaian" in a name is found as "rangkaiannya". */
  constructor(all: readonly Product[], read: ReadText) {
    this.products = visible(all);
    const perProduct: Array<Map<string, number>> = this.products.map((p) => {
      const words = new Map<string, number>();
      for (const field of Object.keys(FIELD_WEIGHTS) as Field[]) {
        const r = read(p[field]);
        for (let i = 0; i < r.words.length; i++) {
          const forms = r.forms(i);
          if (forms.some(isFiller)) continue;
          for (const w of forms) {
            if (w.length < 3) continue;
            words.set(w, Math.max(words.get(w) ?? 0, FIELD_WEIGHTS[field]));
            if (field !== 'description' && !WEAK.has(w)) this.strong.add(w);
          }
        }
      }
      return words;
    });
    this.post(perProduct);
  }

  private post(perProduct: ReadonlyArray<Map<string, number>>): void {
    const documentCount = new Map<string, number>();
    for (const words of perProduct) for (const w of words.keys()) documentCount.set(w, (documentCount.get(w) ?? 0) + 1);
    const limit = Math.max(2, this.products.length * COMMON_SHARE);
    perProduct.forEach((words, index) => {
      for (const [w, weight] of words) {
        const df = documentCount.get(w) ?? 1;
        if (df > limit) continue;
        // a word few products have says more about which one is meant ("matahari" over "bunga")
        const idf = Math.log(1 + this.products.length / df);
        const list = this.postings.get(w) ?? [];
        list.push({ index, weight: weight * idf });
        this.postings.set(w, list);
      }
    });
    for (const w of this.postings.keys()) {
      if (w.length < 5) continue;
      for (const variant of [w, ...deletions(w)]) {
        const set = this.deletionIndex.get(variant) ?? new Set();
        set.add(w);
        this.deletionIndex.set(variant, set);
      }
    }
    // words read as another ("sunflower" is read "matahari", "leaves" "daun"): a typo of them
    // ("sunflowr") reaches the product word they stand for
    for (const [written, read] of [...Object.entries(CHAT_SPELLINGS), ...SPELLED_SYNONYMS]) {
      if (written.length < 5 || written.includes(' ') || !this.postings.has(read)) continue;
      for (const variant of [written, ...deletions(written)]) {
        const list = this.spelledTypos.get(variant) ?? [];
        list.push({ written, read });
        this.spelledTypos.set(variant, list);
      }
    }
  }

  /** One-letter deletions of words read as another → the word as written and the product word it stands for. */
  private readonly spelledTypos = new Map<string, Array<{ written: string; read: string }>>();

  get size(): number {
    return this.products.length;
  }

  /** Every word of the products' names, categories and options, for teaching the reading. */
  get names(): ReadonlySet<string> {
    return this.strong;
  }

  /** Product words the message's word `i` can stand for: one of its forms or its Indonesian, or one typo away. */
  private vocabularyFor(r: Words, i: number): Array<{ word: string; exact: boolean }> {
    const out = new Map<string, boolean>();
    const forms = r.forms(i);
    for (const form of forms) {
      const synonym = SPELLED_SYNONYMS.get(form);
      if (this.postings.has(form)) out.set(form, true);
      if (synonym && this.postings.has(synonym)) out.set(synonym, true);
    }
    if (out.size > 0) return [...out].map(([word, exact]) => ({ word, exact }));
    const token = r.words[i] as string;
    if (token.length >= 5 && !NOT_TYPOS.has(token)) {
      for (const variant of [token, ...deletions(token)]) {
        for (const w of this.deletionIndex.get(variant) ?? []) if (withinOneEdit(token, w)) out.set(w, false);
        for (const s of this.spelledTypos.get(variant) ?? []) if (withinOneEdit(token, s.written)) out.set(s.read, false);
      }
    }
    return [...out].map(([word, exact]) => ({ word, exact }));
  }

  /**
   * Whether the message names something in the catalog: a word of a product's name, category or
   * options ("mawar", "pink"), or a longer word one typo from one ("angrek"). Words only found in
   * descriptions ("tinggi", "selamat") and short near-misses ("marah") do not count.
   */
  mentionsProducts(r: Words): boolean {
    return r.words.some((t, i) => !r.forms(i).some(isFiller) && this.vocabularyFor(r, i).some((v) => this.strong.has(v.word) && (v.exact || t.length >= 6)));
  }

  /** Whether the message names a product as the customer's own: "mawarnya", "vasnya". */
  owned(r: Words): boolean {
    return r.words.some((t, i) => t.length > 5 && t.endsWith('nya') && r.forms(i).some((f) => f !== t && this.strong.has(f)));
  }

  search(r: Words, limit = 5): SearchResult {
    const cheapest = r.words.some((_, i) => r.forms(i).some((f) => CHEAP.has(f)));
    const scores = new Float64Array(this.products.length);
    const hits = new Uint16Array(this.products.length);
    const matched: string[] = [];
    let terms = 0;
    for (let i = 0; i < r.words.length; i++) {
      if (r.forms(i).some(isFiller)) continue;
      const words = this.vocabularyFor(r, i);
      if (words.length === 0) continue;
      terms++;
      const best = new Map<number, number>();
      for (const { word, exact } of words) {
        matched.push(word);
        for (const p of this.postings.get(word) ?? []) {
          const s = p.weight * (exact ? 1 : 0.8);
          if (s > (best.get(p.index) ?? 0)) best.set(p.index, s);
        }
      }
      for (const [index, s] of best) {
        scores[index] = (scores[index] ?? 0) + s;
        hits[index] = (hits[index] ?? 0) + 1;
      }
    }
    let found: number[];
    if (terms === 0) {
      // "yang paling murah apa?": no product words, but a wish for cheap ones: the whole catalog
      found = cheapest ? this.products.map((_, i) => i) : [];
    } else {
      found = [];
      for (let i = 0; i < scores.length; i++) if ((scores[i] ?? 0) > 0) found.push(i);
    }
    found.sort((a, b) => {
      const pa = this.products[a] as Product;
      const pb = this.products[b] as Product;
      if (cheapest) {
        // the cheap ones among those that match every word asked
        const full = Number((hits[b] ?? 0) === terms) - Number((hits[a] ?? 0) === terms);
        return full || Number(pa.stock === 'habis') - Number(pb.stock === 'habis') || pa.price - pb.price;
      }
      // the products that have more of the words asked come first, then the better matches
      return (hits[b] ?? 0) - (hits[a] ?? 0) || (scores[b] ?? 0) - (scores[a] ?? 0) || Number(pa.stock === 'habis') - Number(pb.stock === 'habis') || a - b;
    });
    const top = found.slice(0, limit);
    let complete = 0;
    while (terms > 0 && complete < top.length && hits[top[complete] as number] === terms) complete++;
    return { products: top.map((i) => this.products[i] as Product), cheapest, matched: [...new Set(matched)], complete };
  }
}
