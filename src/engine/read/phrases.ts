import { NEGATING_PAIRS, NEGATING_WORDS, NOT_QUESTIONS, NOT_TYPOS } from './lexicon.js';
import { deletions, normalise, withinOneEdit } from './normalise.js';

/**
 * Phrases found in a message the way customers type them: "hrg brp kak", "lokasinya dmn", "bsk
 * buka gk?", "hargaaa", "angrek". A phrase matches as whole words, each word in any of its forms
 * (its stem, its chat spelling) and one typo away when it has five letters or more. A phrase right
 * after "gak jadi", "batal" or "tidak usah" does not count. Where phrases overlap, the longest wins
 * its words ("jam berapa" asks the hours, not the price), and a phrase that only looks like a
 * question ("salah kirim") takes its words from everyone. Pure, and fast enough for hundreds of
 * phrases per message.
 */
export interface PhraseEntry<K> {
  key: K;
  /** The phrases, "~" in front of a weak one: it counts only when nothing stronger matched. */
  phrases: readonly string[];
}

/** What the matcher needs of a message: its words, and the forms each may stand for. */
export interface Words {
  readonly words: readonly string[];
  forms(i: number): readonly string[];
}

interface Phrase {
  /** The entry it belongs to; -1 for a phrase that is not a question. */
  entry: number;
  words: string[];
  weak: boolean;
}

export const FUZZY_MIN_LENGTH = 5;
/** How many words' typos a matcher keeps: a shop's customers use a few thousand words. */
const TYPOS_KEPT = 20_000;
/** How many words back a taking-back still counts. */
const NEGATION_REACH = 4;

export class PhraseMatcher<K> {
  private readonly entries: readonly PhraseEntry<K>[];
  /** First word of each phrase → the phrases starting with it. */
  private readonly byFirstWord = new Map<string, Phrase[]>();
  /** One-letter deletions of every long word → the words they came from, for typo lookups. */
  private readonly deletionIndex = new Map<string, Set<string>>();
  private readonly vocabulary = new Set<string>();

  /** `notQuestions`: whether NOT_QUESTIONS take their words (for the topics; not for wants). */
  constructor(entries: readonly PhraseEntry<K>[], options: { notQuestions?: boolean } = {}) {
    this.entries = entries;
    entries.forEach((entry, index) => {
      for (const text of entry.phrases) this.add(text, index);
    });
    if (options.notQuestions !== false) for (const phrase of NOT_QUESTIONS) this.add(phrase, -1);
  }

  /** Every word the phrases use. */
  get words(): ReadonlySet<string> {
    return this.vocabulary;
  }

  /** The keys the message asks about, in the order it asks them. */
  match(text: Words): K[] {
    const tokens = text.words;
    const cands = tokens.map((_, i) => this.candidates(text, i));
    const hits: Array<{ entry: number; at: number; length: number; weak: boolean }> = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const first of cands[i] ?? []) {
        for (const p of this.byFirstWord.get(first) ?? []) {
          let ok = true;
          for (let k = 1; k < p.words.length && ok; k++) ok = cands[i + k]?.has(p.words[k] as string) ?? false;
          if (ok && !negated(tokens, i)) hits.push({ entry: p.entry, at: i, length: p.words.length, weak: p.weak });
        }
      }
    }
    return this.resolve(hits, tokens.length);
  }

  private add(text: string, entry: number): void {
    const weak = text.startsWith('~');
    const words = normalise(weak ? text.slice(1) : text);
    if (words.length === 0) return;
    const phrase: Phrase = { entry, words, weak };
    const first = words[0] as string;
    const list = this.byFirstWord.get(first) ?? [];
    list.push(phrase);
    this.byFirstWord.set(first, list);
    for (const w of words) this.addWord(w);
  }

  private addWord(word: string): void {
    if (this.vocabulary.has(word)) return;
    this.vocabulary.add(word);
    if (word.length < FUZZY_MIN_LENGTH) return;
    for (const variant of [word, ...deletions(word)]) {
      const set = this.deletionIndex.get(variant) ?? new Set();
      set.add(word);
      this.deletionIndex.set(variant, set);
    }
  }

  /** Phrase words a message's word can stand for: any of its forms, or one typo away. */
  private candidates(text: Words, i: number): Set<string> {
    const out = new Set<string>();
    const token = text.words[i] as string;
    for (const form of text.forms(i)) {
      if (this.vocabulary.has(form)) out.add(form);
      if (form.length < FUZZY_MIN_LENGTH || NOT_TYPOS.has(form) || NOT_TYPOS.has(token)) continue;
      for (const word of this.typosOf(form)) out.add(word);
    }
    return out;
  }

  /** Phrase words one typo away from `form`; kept by form (the vocabulary never changes). */
  private typosOf(form: string): readonly string[] {
    const known = this.typos.get(form);
    if (known) return known;
    const out: string[] = [];
    for (const variant of [form, ...deletions(form)]) {
      for (const word of this.deletionIndex.get(variant) ?? []) if (!out.includes(word) && withinOneEdit(form, word)) out.push(word);
    }
    if (this.typos.size >= TYPOS_KEPT) this.typos.clear();
    this.typos.set(form, out);
    return out;
  }

  /** Words met in messages → the phrase words one typo away from them. */
  private readonly typos = new Map<string, readonly string[]>();

  /**
   * Strong before weak, longer before shorter, a phrase that is not a question before one of the
   * same length ("dibuka" is not "buka"), earlier before later; each word is taken once.
   */
  private resolve(hits: Array<{ entry: number; at: number; length: number; weak: boolean }>, size: number): K[] {
    hits.sort((a, b) => Number(a.weak) - Number(b.weak) || b.length - a.length || Number(b.entry < 0) - Number(a.entry < 0) || a.at - b.at);
    const taken = new Array<boolean>(size).fill(false);
    const firstAt = new Map<number, number>();
    let strong = false;
    for (const h of hits) {
      if (h.weak && strong) break;
      let free = true;
      for (let k = h.at; k < h.at + h.length && free; k++) free = !taken[k];
      if (!free) continue;
      for (let k = h.at; k < h.at + h.length; k++) taken[k] = true;
      if (h.entry < 0) continue;
      if (!h.weak) strong = true;
      if (!firstAt.has(h.entry) || (firstAt.get(h.entry) ?? 0) > h.at) firstAt.set(h.entry, h.at);
    }
    return [...firstAt.entries()].sort((a, b) => a[1] - b[1]).map(([entry]) => (this.entries[entry] as PhraseEntry<K>).key);
  }
}

/** "gak jadi pesan", "gak jadi ya kak pesannya": a taking-back shortly before word `i`. */
export function negated(tokens: readonly string[], i: number): boolean {
  for (let back = 1; back <= NEGATION_REACH && i - back >= 0; back++) {
    const one = tokens[i - back];
    if (one !== undefined && NEGATING_WORDS.has(one)) return true;
    const two = i - back >= 1 ? `${tokens[i - back - 1]} ${tokens[i - back]}` : '';
    if (NEGATING_PAIRS.has(two)) return true;
  }
  return false;
}
