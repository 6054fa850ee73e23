import { CHAT_SPELLINGS, JOIN_AFTER_DI } from './lexicon.js';

/**
 * How a message's words are read for matching: lower case, no accents, punctuation or emoji,
 * stretched letters collapsed ("hargaaa" → "harga"), chat spellings expanded ("hrg brp" → "harga
 * berapa"), "di mana" joined. Each word keeps what was written, for the stemmer.
 */
export interface Word {
  /** The word as matchers compare it. */
  word: string;
  /** As written (lower case, letters and digits), before spellings were expanded or letters collapsed. */
  raw: string;
}

/** Runs of one letter collapsed: "hargaaa" → "harga"; both sides of a comparison are collapsed alike ("maaf" → "maf"). */
export function collapse(word: string): string {
  for (let i = 1; i < word.length; i++) if (word[i] === word[i - 1]) return word.replace(/([a-z])\1+/g, '$1');
  return word;
}

/** Anything beyond ASCII: without it there are no accents to strip, keycaps or other scripts (most chat messages). */
const BEYOND_ASCII = /[\u0080-\uffff]/;

export function wordsOf(text: string): Word[] {
  const lower = text.toLowerCase();
  const plain = (!BEYOND_ASCII.test(lower) ? lower : lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).replace(/[^a-z0-9]+/g, ' ').trim();
  if (plain === '') return [];
  const out: Word[] = [];
  for (const raw of plain.split(' ')) {
    const word = collapse(raw);
    // as written first: "look" is not "lok" (lokasi) once its letters are collapsed
    const expanded = CHAT_SPELLINGS[raw] ?? CHAT_SPELLINGS[word] ?? word;
    for (const part of expanded.split(' ')) {
      const prev = out[out.length - 1];
      if (prev?.word === 'di' && JOIN_AFTER_DI.has(part)) out[out.length - 1] = { word: `di${part}`, raw: `di${part}` };
      else out.push({ word: part, raw: part === expanded ? raw : part });
    }
  }
  return out;
}

/** The words alone (what keywords and phrases are written as). */
export function normalise(text: string): string[] {
  return wordsOf(text).map((w) => w.word);
}

/**
 * The text lightly cleaned, for reading its shape rather than its words: lower case, keycap
 * digits as digits ("2️⃣"), punctuation gone (letters of any script, digits, "&" and the dashes of
 * codes like "P-07" kept), one space.
 */
export function simplify(text: string): string {
  const lower = text.toLowerCase();
  const cleaned = !BEYOND_ASCII.test(lower)
    ? lower.replace(/[^a-z0-9\s&-]/g, ' ')
    : lower.replace(/(\d)\uFE0F?\u20E3/gu, '$1').replace(/[^\p{L}\p{N}\s&-]/gu, ' ');
  return cleaned
    .replace(/(^|\s)-+|-+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
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

/** The word with each one letter left out: the keys of a typo index. */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * The parts of a message that ask one thing each, as written: split at a question or full stop,
 * a comma, a new line, and at words that join two requests ("tapi", "terus", "sekalian", "btw").
 * A question keeps its question mark; "1,5", "25.000" and "P-07" stay whole. "anggrek pot brp? ada diskon kalo beli 5?" → two.
 */
export function clausesOf(text: string): string[] {
  return text
    .split(/(?<=[?!])|[;\n]+|[.,](?=\s|$)|\s(?:tapi|tp|tpi|terus|trus|trs|sekalian|skalian|btw|oh ya|oya|also|and also)\s/i)
    .map((c) => c.trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
}
