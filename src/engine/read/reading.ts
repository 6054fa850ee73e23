import {
  COURTESY,
  type Courtesy,
  courtesyOf,
  ENGLISH_WORDS,
  NAVIGATION,
  NEGATING_PAIRS,
  NEGATING_WORDS,
  NOISE_PHRASES,
  NUMBER_WORDS,
  QUESTION_TAILS,
  QUESTION_WORDS,
  TOPIC_PHRASES,
  type Topic,
  WANT_PHRASES,
  type Want,
} from './lexicon.js';
import { EXAMPLES } from './examples.js';
import { type Example, type Guess, Guesser } from './guess.js';
import { collapse, simplify, type Word, wordsOf } from './normalise.js';
import { PhraseMatcher, type Words } from './phrases.js';
import { WordStems } from './stem.js';

/** Codes a message names, normalised: "P07", "O-0001", "K-0001". */
export interface Codes {
  products: string[];
  orders: string[];
  tickets: string[];
}

export type Language = 'id' | 'en';
/** A whole message that moves around: back to the menu, out of a list, a step back, the next page. */
export type Navigation = keyof typeof NAVIGATION;

/**
 * One reading of a message, made once before any plugin runs and shared by all of them: its
 * words and their stems, whether it asks, thanks or takes something back, the topics it asks
 * about, the codes and quantities it names, and its language. Plugins add what they recognise
 * (the catalog its products, the complaint plugin its signals) as signals, worked out the first
 * time a plugin asks and kept for the others.
 */
export class Reading<S extends object = Record<string, unknown>> implements Words {
  /** The message text, trimmed. */
  readonly text: string;
  /** Lightly cleaned for reading its shape: lower case, no punctuation, codes whole ("pesan p-07 2"). */
  readonly simple: string;
  /** The words as matchers compare them: chat spellings expanded, stretched letters collapsed. */
  readonly words: readonly string[];
  private readonly source: readonly Word[];
  private formsCache: Array<readonly string[] | undefined> | null = null;
  private topicsCache: readonly Topic[] | null = null;
  private wantsCache: readonly Want[] | null = null;
  private guessCache: Guess | null | undefined;
  private codesCache: Codes | null = null;
  private courtesyCache: { kinds: ReadonlySet<Courtesy>; only: boolean } | null = null;
  private signals: Map<keyof S, unknown> | null = null;

  constructor(
    private readonly reader: Reader<S>,
    text: string,
  ) {
    this.text = text.trim();
    this.simple = simplify(this.text);
    this.source = wordsOf(this.text);
    this.words = this.source.map((w) => w.word);
  }

  /** A question mark, a word that asks ("berapa", "kapan"), or an asking tail ("ready gak"). */
  get question(): boolean {
    return this.text.includes('?') || this.words.some((w) => QUESTION_WORDS.has(w)) || QUESTION_TAILS.has(this.words.at(-1) ?? '');
  }

  /** What courtesy the message shows: a greeting, thanks, an ok, an apology, an address ("kak"). */
  get courtesy(): ReadonlySet<Courtesy> {
    return this.courtesyRead().kinds;
  }

  /** Nothing but courtesy: "ok kak makasih", "halo min". */
  get courtesyOnly(): boolean {
    return this.courtesyRead().only;
  }

  /** It takes something back: "batal", "gak jadi", "tidak usah". */
  get negated(): boolean {
    const words = this.words;
    return words.some((w, i) => NEGATING_WORDS.has(w) || NEGATING_PAIRS.has(`${words[i - 1]} ${w}`));
  }

  /** A whole message that moves around a list or the menu. */
  get navigation(): Navigation | null {
    return navigationOf(this.simple);
  }

  private courtesyRead(): { kinds: ReadonlySet<Courtesy>; only: boolean } {
    if (this.courtesyCache) return this.courtesyCache;
    const words = this.words;
    const kinds = new Set<Courtesy>();
    let content = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      // "terima kasih" thanks; "sudah terima barangnya" and "kasih diskon" do not
      const pair = w === 'terima' ? words[i + 1] === 'kasih' : w === 'kasih' ? words[i - 1] === 'terima' : true;
      const kind = pair ? (COURTESY.get(w) ?? courtesyOf(w)) : null;
      if (kind) kinds.add(kind);
      else content++;
    }
    this.courtesyCache = { kinds, only: words.length > 0 && content === 0 };
    return this.courtesyCache;
  }

  /**
   * The forms word `i` may stand for: itself, its stem, and the chat spelling of either
   * ("pengirimannya" → "kirim", "ordernya" → "pesan").
   */
  forms(i: number): readonly string[] {
    this.formsCache ??= new Array(this.words.length);
    const cached = this.formsCache[i];
    if (cached) return cached;
    const w = this.source[i];
    if (!w) return [];
    const out = this.reader.formsOf(w);
    this.formsCache[i] = out;
    return out;
  }

  /** The shop's common topics the message asks about, in the order it asks them. */
  get topics(): readonly Topic[] {
    this.readAsked();
    return this.topicsCache as readonly Topic[];
  }

  asks(topic: Topic): boolean {
    return this.topics.includes(topic);
  }

  /** What the customer wants beyond the topics: the catalog, a person, their order's status, to say they paid. */
  get wants(): readonly Want[] {
    this.readAsked();
    return this.wantsCache as readonly Want[];
  }

  /**
   * What the guesser learnt from shoppers' messages makes of this one: a label ("person",
   * "catalog", "complaint", "info_hours" …) and how sure it is, or null. Rules decide first; a
   * guess is only a second opinion for a message they found nothing in.
   */
  get guess(): Guess | null {
    if (this.guessCache === undefined) this.guessCache = this.reader.guess(this);
    return this.guessCache;
  }

  /**
   * Leans on the guess: true when it is `label` and at least this sure, and then remembered as
   * the reason (see `leanedOn`). For a plugin whose rules found half a sign ("pesanannya", but no
   * complaint word).
   */
  trusts(label: string, minScore: number): boolean {
    const g = this.guess;
    if (!g || g.label !== label || g.score < minScore) return false;
    this.leaned = g;
    return true;
  }

  /** The guess this reading leaned on, if any: the owner sees it in `!kenapa`. */
  get leanedOn(): Guess | null {
    this.readAsked();
    return this.leaned;
  }

  private leaned: Guess | null = null;

  /** Nothing found by the rules: no topic, no want, no code, and more than courtesy. */
  private bare = false;

  /**
   * Not a shopper talking: a link with no question of ours in it, another number's auto-reply, a
   * promotion or a supplier's pitch (see NOISE_PHRASES).
   */
  get noise(): boolean {
    this.noiseCache ??= LINK.test(this.text) || this.reader.isNoise(this);
    return this.noiseCache;
  }

  private noiseCache: boolean | null = null;
  private languageCache: Language | null | undefined;

  private readAsked(): void {
    if (this.topicsCache && this.wantsCache) return;
    if (this.noise) {
      this.topicsCache = [];
      this.wantsCache = [];
      return;
    }
    const topics = this.reader.topicsOf(this);
    const wants = this.reader.wantsOf(this);
    const codes = this.codes;
    this.bare =
      topics.length === 0 &&
      wants.length === 0 &&
      codes.products.length + codes.orders.length + codes.tickets.length === 0 &&
      !this.courtesyOnly &&
      !this.negated &&
      this.navigation === null &&
      // a word to guess from: not a menu number, a price or an emoji alone
      this.words.some((w) => /[a-z]{2}/.test(w));
    // set before guessing: the guess reads the words, not these
    this.topicsCache = topics;
    this.wantsCache = wants;
    if (!this.bare) return;
    const g = this.guess;
    if (!g || g.score < GUESS_MIN) return;
    const want = GUESSED_WANTS[g.label];
    if (!want) return;
    this.wantsCache = [want];
    this.leaned = g;
  }

  wantsTo(want: Want): boolean {
    return this.wants.includes(want);
  }

  /** Product codes ("P07"), order numbers ("O-0001") and ticket numbers ("K-0001") the message names. */
  get codes(): Codes {
    this.codesCache ??= codesIn(this.text);
    return this.codesCache;
  }

  /** The numbers written, in order: digits and number words ("2", "dua", "selusin"). */
  get quantities(): number[] {
    const out: number[] = [];
    for (const token of this.simple.split(' ')) {
      const m = /^x?(\d{1,6})x?$/.exec(token);
      if (m) out.push(Number(m[1]));
      else if (NUMBER_WORDS[token] !== undefined) out.push(NUMBER_WORDS[token]);
    }
    return out;
  }

  /** English when its English words outnumber the Indonesian ones the stemmer knows. */
  get language(): Language {
    return this.plainLanguage === 'en' ? 'en' : 'id';
  }

  /**
   * The language the message is plainly in: two words or more of it, and more than of the other;
   * null when it does not say ("1", "ok", "P07", "katalog").
   */
  get plainLanguage(): Language | null {
    if (this.languageCache !== undefined) return this.languageCache;
    let en = 0;
    let id = 0;
    // as written: "order" and "roses" are English, though read as "pesan" and "mawar"
    for (const { raw } of this.source) {
      if (ENGLISH_WORDS.has(raw)) en++;
      else if (this.reader.stems.knows(raw) || courtesyOf(raw) !== null) id++;
    }
    this.languageCache = en >= 2 && en > id ? 'en' : id >= 2 && id > en ? 'id' : null;
    return this.languageCache;
  }

  /** What a plugin recognised in the message, or null when no plugin recognises that. */
  signal<K extends keyof S>(key: K): S[K] | null {
    this.signals ??= new Map();
    if (this.signals.has(key)) return this.signals.get(key) as S[K];
    const value = this.reader.recognise(key, this);
    this.signals.set(key, value);
    return value;
  }
}

/** A web address: "https://…", "www.…", "cek-paket.xyz/…". */
const LINK = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:xyz|com|id|co|net|info|link|ly|me|site|online|top)\b/i;

/** How sure a guess must be to stand in for a want the rules did not find. */
export const GUESS_MIN = 0.7;
/**
 * The guesser's labels that stand for a want. Not the topics: a guessed topic answers with a fixed
 * text, and the guesser was sure of the wrong one too often ("linknya gak bisa dibuka" → hours).
 */
const GUESSED_WANTS: Readonly<Record<string, Want>> = { person: 'person', catalog: 'catalog' };

/** Networks trained, by the examples they learnt: every app with the same examples shares one. */
const TRAINED = new WeakMap<object, Guesser>();

/**
 * Reads messages: the stemmer with the shop's own words, the topics' phrases, and what plugins
 * recognise, shared by every reading.
 */
/** A word written doubled the chat way: "sampe2", "dikirim2" (not "p2" or "x2"). */
const REDUPLICATED = /^[a-z]{3,}2$/;

/** How many words' forms the reader keeps. */
const FORMS_CACHE = 20_000;

export class Reader<S extends object = Record<string, unknown>> {
  readonly stems = new WordStems();
  private readonly topicPhrases = new PhraseMatcher<Topic>(Object.entries(TOPIC_PHRASES).map(([key, phrases]) => ({ key: key as Topic, phrases })));
  private readonly wantPhrases = new PhraseMatcher<Want>(
    Object.entries(WANT_PHRASES).map(([key, phrases]) => ({ key: key as Want, phrases })),
    { notQuestions: false },
  );
  private readonly noisePhrases = new PhraseMatcher<'noise'>([{ key: 'noise', phrases: NOISE_PHRASES }], { notQuestions: false });
  private readonly recognisers = new Map<keyof S, (reading: Reading<S>) => unknown>();
  private readonly spellings: ReadonlyMap<string, string>;
  private readonly formsCache = new Map<string, readonly string[]>();

  private guesser: Guesser;
  /** The network every reader with the same examples shares, for when the owner's are all taken back. */
  private readonly shared: Guesser;

  /** `examples`: labelled messages for the guesser, [label, text]; the shoppers' development sets by default. */
  constructor(spellings: Readonly<Record<string, string>>, examples: ReadonlyArray<readonly [string, string]> = EXAMPLES) {
    // only one-word spellings: a form stands for one word
    this.spellings = new Map(Object.entries(spellings).filter(([, to]) => !to.includes(' ')));
    // "ordernya" is "order" with -nya, and so "pesan"
    this.learn([...this.topicPhrases.words, ...this.wantPhrases.words, ...this.spellings.keys()]);
    let guesser = TRAINED.get(examples);
    if (!guesser) {
      guesser = new Guesser();
      guesser.train(
        examples.map(([label, text]): Example => ({ label, text })),
        (text) => this.read(text),
      );
      TRAINED.set(examples, guesser);
    }
    this.guesser = guesser;
    this.shared = guesser;
    this.base = examples;
  }

  private readonly base: ReadonlyArray<readonly [string, string]>;

  /** Learns these examples on top of the built-in ones (the owner's, say): a network of this reader's own. */
  teach(examples: ReadonlyArray<readonly [string, string]>): void {
    if (examples.length === 0) {
      this.guesser = this.shared;
      return;
    }
    const own = new Guesser();
    own.train(
      [...this.base, ...examples].map(([label, text]): Example => ({ label, text })),
      (text) => this.read(text),
    );
    this.guesser = own;
  }

  guess(words: Words): Guess | null {
    return this.guesser.guess(words);
  }

  read(text: string): Reading<S> {
    return new Reading(this, text);
  }

  /** Teaches the stemmer words (see `WordStems.learn`); the forms worked out so far are forgotten. */
  learn(words: Iterable<string>, options: { whole?: boolean } = {}): void {
    this.stems.learn(words, options);
    this.formsCache.clear();
  }

  /** The forms a word may stand for: itself, its stem, and the chat spelling of either; kept by word. */
  formsOf(w: Word): readonly string[] {
    const key = w.raw === w.word ? w.word : `${w.raw}|${w.word}`;
    const cached = this.formsCache.get(key);
    if (cached) return cached;
    const out = [w.word];
    // "sampe2", "dibales2": a word doubled with a 2 also stands for the word itself
    const single = REDUPLICATED.test(w.word) ? w.word.slice(0, -1) : null;
    // a word with its own spelling is read as spelled ("look" is not "lok", and so not "lokasi")
    const stems = this.spellings.has(w.raw) ? [this.stems.stem(w.word)] : [collapse(this.stems.stem(w.raw)), this.stems.stem(w.word)];
    if (single) stems.push(single, this.stems.stem(single));
    for (const form of stems) if (!out.includes(form)) out.push(form);
    for (const form of [...out]) {
      const spelled = this.spellings.get(form);
      if (spelled && !out.includes(spelled)) out.push(spelled);
    }
    if (this.formsCache.size >= FORMS_CACHE) this.formsCache.clear();
    this.formsCache.set(key, out);
    return out;
  }

  /** Adds a recogniser; each signal has one. */
  add<K extends keyof S>(key: K, fn: (reading: Reading<S>) => S[K]): void {
    if (this.recognisers.has(key)) throw new Error(`the signal "${String(key)}" is recognised twice`);
    this.recognisers.set(key, fn);
  }

  recognise<K extends keyof S>(key: K, reading: Reading<S>): S[K] | null {
    const fn = this.recognisers.get(key);
    return fn ? (fn(reading) as S[K]) : null;
  }

  topicsOf(words: Words): Topic[] {
    return this.topicPhrases.match(words);
  }

  wantsOf(words: Words): Want[] {
    return this.wantPhrases.match(words);
  }

  isNoise(words: Words): boolean {
    return this.noisePhrases.match(words).length > 0;
  }
}

/** Each navigating message and where it goes. */
const NAVIGATION_OF: ReadonlyMap<string, Navigation> = new Map(
  (Object.entries(NAVIGATION) as Array<[Navigation, ReadonlySet<string>]>).flatMap(([kind, words]) => [...words].map((w) => [w, kind] as const)),
);

function navigationOf(simple: string): Navigation | null {
  return NAVIGATION_OF.get(simple) ?? null;
}

/** Every code the text names, in order, without repeats. */
export function codesIn(text: string): Codes {
  const find = (re: RegExp, format: (n: number) => string): string[] => {
    const out: string[] = [];
    for (const m of text.matchAll(re)) {
      const code = format(Number(m[1]));
      if (!out.includes(code)) out.push(code);
    }
    return out;
  };
  return {
    products: find(/(?<![\p{L}\p{N}])p-?0*(\d{1,4})(?![\p{L}\p{N}])/giu, (n) => `P${String(n).padStart(2, '0')}`),
    orders: find(/(?<![\p{L}\p{N}])o-0*(\d{1,6})(?![\p{L}\p{N}])/giu, (n) => `O-${String(n).padStart(4, '0')}`),
    tickets: find(/(?<![\p{L}\p{N}])k-0*(\d{1,6})(?![\p{L}\p{N}])/giu, (n) => `K-${String(n).padStart(4, '0')}`),
  };
}
