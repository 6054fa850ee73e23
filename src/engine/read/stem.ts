import { createRequire } from 'node:module';
import { ROOT_WORDS } from './roots.js';

/**
 * Indonesian stems, from a library: ts-sastrawi, a port of Sastrawi's confix-stripping stemmer
 * (Nazief–Adriani with its later refinements). It strips affixes step by step and accepts a result
 * only when a dictionary knows it, so a root that merely looks affixed ("kemeja", "kembang") is
 * kept, and a word it cannot reduce to a known root is left as it is.
 *
 * The dictionary is layani's own (roots.ts), plus the shop's words the plugins teach it (product
 * names). The package ships Sastrawi's Kateglo word list too, under a non-commercial licence: it is
 * never loaded here (only the algorithm and the dictionary class are), and the image leaves it out.
 */
interface SastrawiDictionary {
  add(words: string[]): void;
  contains(word: string): boolean;
}
interface SastrawiStemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);
// The package is CommonJS compiled from TypeScript: each file's class is its `default` export.
const { default: Stemmer } = require('ts-sastrawi/dist/stemmer.js') as { default: new (dictionary: SastrawiDictionary) => SastrawiStemmer };
const { default: Dictionary } = require('ts-sastrawi/dist/dictionary.js') as { default: new (words: string[]) => SastrawiDictionary };

/**
 * Where the library is wrong about a word customers write: its ter- and meN-/peN- rules miss these
 * roots, and chat verbs with "nge-" and "-in" are not standard Indonesian at all.
 */
export const STEM_EXCEPTIONS: Readonly<Record<string, string>> = {
  tersedia: 'sedia',
  ketersediaan: 'sedia',
  terbesar: 'besar',
  terkecil: 'kecil',
  terlepas: 'lepas',
  mengemas: 'kemas',
  pengemasan: 'kemas',
  mengembalikan: 'kembali',
  pengembalian: 'kembali',
  mengecewakan: 'kecewa',
  menyampaikan: 'sampai',
  // products, not verbs: "karangan bunga", "lamaran" (an engagement arrangement)
  karangan: 'karangan',
  lamaran: 'lamaran',
  // chat verbs
  ngirim: 'kirim',
  ngirimin: 'kirim',
  kirimin: 'kirim',
  dikirimin: 'kirim',
  nyari: 'cari',
  nyariin: 'cari',
  nanya: 'tanya',
  nanyain: 'tanya',
  nunggu: 'tunggu',
  nungguin: 'tunggu',
  ngecek: 'cek',
  ngecekin: 'cek',
  ngambil: 'ambil',
  beliin: 'beli',
  bikinin: 'bikin',
  bayarin: 'bayar',
  dibayarin: 'bayar',
  pesenin: 'pesan',
};

const CACHE_LIMIT = 20_000;

export class WordStems {
  private readonly dictionary: SastrawiDictionary;
  private readonly stemmer: SastrawiStemmer;
  private readonly cache = new Map<string, string>();

  constructor(extra: Iterable<string> = []) {
    this.dictionary = new Dictionary(ROOT_WORDS.trim().split(/\s+/));
    this.stemmer = new Stemmer(this.dictionary);
    this.learn(extra);
  }

  /**
   * Teaches words, so their forms are found too ("dendrobiumnya"). A word the stemmer already
   * reduces ("pengiriman" → "kirim") is not taught, since known whole it would no longer be
   * reduced; unless `whole`: the shop's product names are names, kept whole ("hantaran" is a gift
   * arrangement, not "antar", delivery).
   */
  learn(words: Iterable<string>, options: { whole?: boolean } = {}): void {
    const fresh = [...words].filter((w) => /^[a-z]{3,}$/.test(w) && !this.dictionary.contains(w) && (options.whole || this.stem(w) === w));
    if (fresh.length === 0) return;
    this.dictionary.add(fresh);
    this.cache.clear();
  }

  knows(word: string): boolean {
    return this.dictionary.contains(word);
  }

  private stemOf(word: string): string {
    const stem = this.stemmer.stem(word);
    if (stem !== word || this.dictionary.contains(word)) return stem;
    return colloquialRoot(word, (w) => this.dictionary.contains(w)) ?? word;
  }

  /** The word's root, or the word itself when it has none the dictionary knows. */
  stem(word: string): string {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    // codes, numbers and short words are what they are
    const stem = STEM_EXCEPTIONS[word] ?? (/^[a-z]{4,}$/.test(word) ? this.stemOf(word) : word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, stem);
    return stem;
  }
}

/**
 * The root of a chat form the library does not know (Jakarta and Medan colloquial morphology):
 * "-in" for "-kan"/"-i" ("kirimin"), "di-…-in" ("dibeliin"), "nge-" ("ngecek"), a nasal in place of
 * the root's first letter ("ngirim" → kirim, "ngitung" → hitung, "nyari" → cari, "nanya" → tanya, "makai" → pakai),
 * the accidental "ke-" ("kebalik"), and "e" for "a" in the last syllable ("tuker" → tukar, "simpen"
 * → simpan). A candidate counts only when the dictionary knows it; null when none does.
 */
export function colloquialRoot(word: string, known: (w: string) => boolean): string | null {
  const bases = [word];
  if (word.length > 5 && word.endsWith('in')) bases.push(word.slice(0, -2));
  for (const base of bases) {
    for (const candidate of unprefixed(base)) {
      for (const form of [candidate, candidate.replace(/e([^aeiou]*)$/, 'a$1')]) if (form.length >= 3 && form !== word && known(form)) return form;
    }
  }
  return null;
}

function unprefixed(word: string): string[] {
  const out = [word];
  const rest = (n: number): string => word.slice(n);
  if (word.startsWith('di')) out.push(rest(2));
  if (word.startsWith('nge')) out.push(rest(3));
  if (word.startsWith('ng')) out.push(rest(2), `k${rest(2)}`, `h${rest(2)}`);
  else if (word.startsWith('ny')) out.push(`c${rest(2)}`, `s${rest(2)}`);
  else if (word.startsWith('n')) out.push(`t${rest(1)}`);
  if (word.startsWith('m')) out.push(`p${rest(1)}`);
  if (word.startsWith('ke')) out.push(rest(2));
  return out;
}
