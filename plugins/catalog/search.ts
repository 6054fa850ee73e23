import { visible, type Product } from './model.js';
import { deletions, normalise, NOT_TYPOS, withinOneEdit, wordForms } from '../../src/plugin-api.js';

/**
 * Free-text product search the way customers ask: "ada mawar merah?", "bunga meja yg murah",
 * "anggrek putih brp", "angrek". Words of the name count most, then the category, the options and
 * the description; one typo is allowed in words of five letters or more. Words that nearly every
 * product has ("bunga", "artificial") and chat filler ("ada", "yang", "kak") do not make a search.
 */
const FIELD_WEIGHTS = { name: 3, category: 2, options: 1.5, description: 0.5 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

/** Words that say nothing about which product is meant. */
const FILLER = new Set([
  'ada',
  'yang',
  'kak',
  'dong',
  'deh',
  'sih',
  'ya',
  'yah',
  'nih',
  'itu',
  'ini',
  'apa',
  'apakah',
  'mau',
  'ingin',
  'cari',
  'lihat',
  'berapa',
  'harga',
  'harganya',
  'brp',
  'murah',
  'termurah',
  'paling',
  'yg',
  'dan',
  'atau',
  'untuk',
  'dengan',
  'di',
  'ke',
  'dari',
  'saya',
  'kami',
  'tolong',
  'bisa',
  'tidak',
  'sama',
  'juga',
  'lagi',
  'masih',
  'ready',
  'stok',
  'pesan',
  'beli',
  'satu',
  'dua',
  'tiga',
  'kakak',
  'min',
  'admin',
  'buat',
  'the',
  'a',
  'is',
  'do',
  'you',
  'have',
  'any',
  'how',
  'much',
  'price',
  'warna',
  'ukuran',
  'size',
  // what every product of a flower shop is, and greetings
  'bunga',
  'kembang',
  'flower',
  'flowers',
  'artificial',
  'artifisial',
  'selamat',
  'pagi',
  'siang',
  'sore',
  'malam',
  'halo',
  'hai',
]);

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

/** The synonyms spelled as normalise() leaves product words ("anggrek" → "angrek"). */
const NORMALISED_SYNONYMS = new Map(Object.entries(SYNONYMS).map(([from, to]) => [from, normalise(to)[0] ?? to]));

/** A word in more than this share of products is too common to pick products by. */
const COMMON_SHARE = 0.5;

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

  constructor(all: readonly Product[]) {
    this.products = visible(all);
    const perProduct: Array<Map<string, number>> = this.products.map((p) => {
      const words = new Map<string, number>();
      for (const field of Object.keys(FIELD_WEIGHTS) as Field[]) {
        for (const w of normalise(p[field])) {
          if (FILLER.has(w) || w.length < 3) continue;
          words.set(w, Math.max(words.get(w) ?? 0, FIELD_WEIGHTS[field]));
          if (field !== 'description' && !WEAK.has(w)) this.strong.add(w);
        }
      }
      return words;
    });
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
  }

  get size(): number {
    return this.products.length;
  }

  /** Product words a customer's word can stand for: itself, its forms or its Indonesian, or one typo away. */
  private vocabularyFor(token: string): Array<{ word: string; exact: boolean }> {
    const out = new Map<string, boolean>();
    const synonym = NORMALISED_SYNONYMS.get(token);
    for (const form of [...wordForms(token), ...(synonym ? [synonym] : [])]) {
      if (this.postings.has(form)) out.set(form, true);
    }
    if (out.size > 0) return [...out].map(([word, exact]) => ({ word, exact }));
    if (token.length >= 5 && !NOT_TYPOS.has(token)) {
      for (const variant of [token, ...deletions(token)]) {
        for (const w of this.deletionIndex.get(variant) ?? []) if (withinOneEdit(token, w)) out.set(w, false);
      }
    }
    return [...out].map(([word, exact]) => ({ word, exact }));
  }

  /**
   * Whether the text names something in the catalog: a word of a product's name, category or
   * options ("mawar", "pink"), or a longer word one typo from one ("angrek"). Words only found in
   * descriptions ("tinggi", "selamat") and short near-misses ("marah") do not count.
   */
  mentionsProducts(text: string): boolean {
    return normalise(text).some((t) => !FILLER.has(t) && this.vocabularyFor(t).some((v) => this.strong.has(v.word) && (v.exact || t.length >= 6)));
  }

  search(text: string, limit = 5): SearchResult {
    const tokens = normalise(text);
    const cheapest = tokens.some((t) => CHEAP.has(t));
    const scores = new Float64Array(this.products.length);
    const hits = new Uint16Array(this.products.length);
    const matched: string[] = [];
    let terms = 0;
    for (const token of tokens) {
      if (FILLER.has(token)) continue;
      const words = this.vocabularyFor(token);
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
