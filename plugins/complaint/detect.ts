import type { Category } from './model.js';
import { CHAT_SPELLINGS, courtesyOf, deletions, type MessageReading, normalise, NOT_TYPOS, ORDER_VERBS, withinOneEdit } from '../../src/plugin-api.js';

/** Every phrase list the detector compiles, for its word index. */
const phraseLists: string[][][] = [];
const split = (text: string): string[] => text.trim().split(/\s+/);

/**
 * Whether a message is a complaint, and about what: pure functions over the message's reading (its
 * words in any of their forms, one typo in a long word: "komplen", "rusakk", "warnany beda").
 *
 * A complaint word ("komplain", "kecewa") always starts one. A phrase that can only be a complaint
 * ("patah", "warnanya beda", "salah kirim") does too, unless the message asks "what if" ("kalau
 * rusak bisa tukar?"). Softer phrases ("kok mahal", "lama balas") only pick the category.
 */
/** Words that name a complaint. */
const COMPLAINT_NOUNS = ['komplain', 'komplen', 'komplin', 'complain', 'complaint', 'keluhan'];
const TRIGGERS = [
  ...COMPLAINT_NOUNS,
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
  'penipu',
  'scam',
  'refunded',
  'overcharged',
  'tanggung jawab',
  'tanggung jawabnya',
  'rugi',
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
      'basah',
      'cracked',
      'broken',
      'damaged',
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
      'cuma datang',
      'hanya datang',
      'datang cuma',
      'paket kurang',
      'isi paket kurang',
      'belum dikirim',
      'belum juga dikirim',
      'tidak dikirim',
      'sampai sekarang belum',
      'tidak ada kabar',
      'belum ada kabar',
      'tidak bisa dihubungi',
      'alamat tidak ketemu',
      'still nothing',
      'not arrived',
      'has not arrived',
      'wrong bouquet',
      'wrong item',
      'wrong order',
      'received the wrong',
      'missing',
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
    strong: ['salah harga', 'kelebihan bayar', 'uang belum dikembalikan', 'uang saya belum dikembalikan', 'belum dikembalikan', 'ditagih', 'extra money'],
    weak: ['kemahalan', 'harga beda', 'beda harga', 'mahal', 'harga', 'bayar', 'transfer'],
  },
  {
    category: 'layanan',
    strong: [
      'tidak dibalas',
      'tidak dibales',
      'belum dibalas',
      'belum dibales',
      'lama balas',
      'lama dibalas',
      'lama kali balas',
      'tidak dijawab',
      'belum dijawab',
      'slow respon',
      'tidak ramah',
      'dicuekin',
      'jutek',
      'ketus',
      'sepihak',
      'rude',
      'dibentak',
      'diblok',
      'di blok',
      'blokir',
      'diblokir',
      'nunggu lama',
      'menunggu lama',
      'sudah nunggu',
      'sudah menunggu',
    ],
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
  'beda sama yang difoto',
  'beda sama yang di foto',
  'beda dengan yang difoto',
];
/** "kalau rusak bisa tukar?": a question before buying, when the word comes right before the problem. */
const HYPOTHETICAL = ['kalau', 'kalo', 'klo', 'jika', 'apabila', 'seandainya', 'misalnya', 'misal', 'nanti', 'gampang', 'mudah', 'cepat', 'bisa'];
/** Signs the goods already came: then a question is about them, and a complaint. */
const ARRIVED = compileLater([
  'yang saya terima',
  'saya terima',
  'sudah terima',
  'sudah sampai',
  'sudah datang',
  'yang datang',
  'sudah diterima',
  'baru sampai',
  'baru datang',
  'arrived',
  'received',
]);
/** Signs the customer bought already. */
const BOUGHT = compileLater(['saya beli', 'yang saya beli', 'saya pesan', 'pesanan saya', 'barusan', 'kemarin', 'tadi', 'dikirim', 'ditagih', 'kurir bilang']);
/** Other talk after a sale: an exchange, a smell, a fall, "kok …", a check asked for. */
const AFTER_SALE_TALK = compileLater(['tukar', 'return', 'bau', 'jatuh', 'kapan sampai', 'dicek', 'tolong cek', 'kok', 'tidak kayak', 'tidak seperti']);
/** Goods with -nya are the customer's own: "barangnya", "paketnya" (the catalog adds its products: "mawarnya"). */
const OWN_GOODS = /\b(?:bunga|barang|pesanan|paket|kiriman|pengiriman|kurir|daun|rangkaian|tangkai|produk|kelopak|pita)nya\b/;
/** Questions of how or whether: "mau tanya", "cara bersihinnya", "apa bisa". */
const QUESTION_PHRASES = compileLater(['mau tanya', 'cara', 'gimana cara', 'bagaimana cara', 'apakah', 'apa bisa', 'bisa tidak', 'boleh tanya']);
const EXPLICIT_QUESTION = compileLater(['mau tanya', 'boleh tanya', 'numpang tanya', 'gimana cara', 'bagaimana cara', 'cara membersihkan', 'cara bersihin']);
/** An order ("pesan P01 2", "ok kak, order 3"): the catalog's, not a complaint. */
function startsAnOrder(r: MessageReading): boolean {
  const words = r.simple.split(' ');
  let i = 0;
  while (i < words.length && (courtesyOf(words[i] as string) !== null || ['saya', 'aku', 'mau'].includes(words[i] as string))) i++;
  return ORDER_VERBS.has(words[i] ?? '') && /^(?:p-?\d+|\d+)$/.test(words[i + 1] ?? '');
}

type Phrase = string[];
function compileLater(phrases: readonly string[]): Phrase[] {
  const compiled = phrases.map((p) => normalise(p));
  phraseLists.push(compiled);
  return compiled;
}
const compile = compileLater;
const TRIGGER_PHRASES = compile(TRIGGERS);
const MISMATCH_PHRASES = compile(MISMATCH);
const COMPILED = RULES.map((r) => ({ category: r.category, strong: compile(r.strong), weak: compile(r.weak) }));

/** Words this long or longer may carry one typo. */
const TYPO_LENGTH = 6;

/** A message's word `i` stands for a phrase word: one of its forms, or one typo in a long word. */
function sameWord(r: MessageReading, i: number, word: string): boolean {
  const token = r.words[i] as string;
  if (token === word || r.forms(i).includes(word)) return true;
  return word.length >= TYPO_LENGTH && token.length >= TYPO_LENGTH && !NOT_TYPOS.has(token) && withinOneEdit(token, word);
}

/** Every word of the detector's phrases, and the long ones by their one-letter deletions (for typos). */
const VOCABULARY = new Set<string>();
const BY_DELETION = new Map<string, string[]>();

/** Learns the words of every phrase list once, before the first message is read. */
function learnPhrases(): void {
  if (VOCABULARY.size > 0) return;
  for (const list of phraseLists) {
    for (const phrase of list) {
      for (const word of phrase) {
        if (VOCABULARY.has(word)) continue;
        VOCABULARY.add(word);
        if (word.length < TYPO_LENGTH) continue;
        for (const variant of [word, ...deletions(word)]) BY_DELETION.set(variant, [...(BY_DELETION.get(variant) ?? []), word]);
      }
    }
  }
}

/**
 * Where each phrase word stands in a message, a bit per word position, worked out once per
 * message from its words (their forms, and one typo in a long word): the detector looks for a few
 * hundred phrases, which share their words.
 */
const positionsOf = new WeakMap<MessageReading, Map<string, number>>();
/** Messages up to this many words use the bit masks; longer ones are read word by word. */
const MASK_WORDS = 31;

function positionMap(r: MessageReading): Map<string, number> {
  let map = positionsOf.get(r);
  if (map) return map;
  learnPhrases();
  map = new Map();
  const add = (word: string, i: number): void => void map.set(word, (map.get(word) ?? 0) | (1 << i));
  for (let i = 0; i < r.words.length; i++) {
    const token = r.words[i] as string;
    for (const form of r.forms(i)) if (VOCABULARY.has(form)) add(form, i);
    if (token.length < TYPO_LENGTH || NOT_TYPOS.has(token)) continue;
    for (const variant of [token, ...deletions(token)]) {
      for (const word of BY_DELETION.get(variant) ?? []) if (withinOneEdit(token, word)) add(word, i);
    }
  }
  positionsOf.set(r, map);
  return map;
}

/** Where the phrase starts in the message, or -1. */
function phraseAt(r: MessageReading, phrase: Phrase): number {
  if (phrase.length === 0 || phrase.length > r.words.length) return -1;
  if (r.words.length > MASK_WORDS) {
    for (let i = 0; i + phrase.length <= r.words.length; i++) if (phrase.every((w, k) => sameWord(r, i + k, w))) return i;
    return -1;
  }
  // a start i where word k of the phrase stands at i + k, for every k
  const at = positionMap(r);
  let starts = at.get(phrase[0] as string) ?? 0;
  for (let k = 1; k < phrase.length && starts !== 0; k++) starts &= (at.get(phrase[k] as string) ?? 0) >>> k;
  return starts === 0 ? -1 : 31 - Math.clz32(starts & -starts);
}

function hasPhrase(r: MessageReading, phrase: Phrase): boolean {
  return phraseAt(r, phrase) >= 0;
}

export interface Detection {
  complaint: boolean;
  category: Category;
  /** Said in so many words ("komplain", "kecewa"): a complaint of its own, not more of an earlier one. */
  explicit: boolean;
}

/** "maaf salah kirim": the customer sent the wrong message, nothing went wrong with the shop. */
const OWN_MISTAKE =
  /^(?:maaf|sorry|sori|mohon maaf) (?:kak |ka |kk )?salah (?:kirim|chat|kirim pesan)\b|\bsalah kirim (?:foto|gambar|pesan|chat)\b|\babaikan (?:aja|saja)\b/;
/** "cuma 9, saya pesan 10", "cuma 1 5 meter bukan 2 meter": fewer came than were bought. */
const SHORT_COUNT =
  /\b(?:saya|sy|aku) (?:pesan|pesen|beli) \d+\b.*\b(?:yang|yg) (?:datang|dtg|sampai|sampe|dikirim) \d+\b|\b(?:cuma|hanya|only)\s+\d+\b.*\b(?:bukan|padahal|saya bayar|sy bayar|saya pesan|sy pesan)\b|\b(?:saya|sy) (?:pesan|bayar) \d+\b.*\b(?:cuma|hanya)\s+\d+\b/;

/**
 * Signs the customer bought, paid or received already: their order, what came, the courier, a
 * payment made. Matched on the message's words with chat spellings written out ("sy" → "saya").
 */
const BOUGHT_ALREADY =
  /\b(?:(?:saya|aku) (?:pesan|beli|order|bayar|transfer|minta|ukur)|mintanya|yang kupesan|lapak|invoice|my pesan|the pesan|same pesan|arived|pesanan|pesananku|pesanan saya|orderan|kupesan|kubeli|yang dikirim|dikirim|yang datang|datang|sampai|sudah (?:bayar|dibayar|transfer|ditransfer|lunas)|ditransfer|lunas|paket|kurir(?:nya)?|ongkir(?:nya)?|punya saya|i (?:ordered|paid|bought|received|got)|my (?:order|bouquet|buket|flowers|bunga)|the kirim|arrived|delivered|received|the delivery)\b/;
/** What goes wrong after a sale: a contrast, a wrong or short delivery, a wait, a charge, an upset tone. */
/** The particles of a contrast or a surprise: a complaint's tone, but also of an impatient question about the order. */
const MILD_WRONG = /\b(?:tapi|malah|bukan|instead|but|cuma|cm|hanya|doang|kok|ko|loh|lho|gimana sih|gimana ini|gimana ceritanya|tidak ada kabar)\b/;
/** What actually went wrong: lost, late, wrong, cancelled, charged twice, damaged, a bad experience. */
const REAL_WRONG =
  /\b(?:padahal|pdhl|harusnya|seharusnya|belum \w+ (?:juga|jg)|sudah \d+ (?:hari|minggu)|udah \d+ hari|hasn t been|still hasn t|what s going on|nothing like|kelebihan|dikembalikan|dobel|hilang|nyasar|ketuker|ketukar|tertukar|telat|terlambat|lewat(?! (?:wa|whatsapp|chat|ig|instagram|dm|shopee|tokopedia|tokped|transfer|tf|telepon|telpon|gojek|grab|aplikasi|app|sini|situ|mana|online|qris|bank|rekening|kurir|jne|jnt|ekspedisi)\b)|salah|wrong|belum masuk|nothing came|never came|still (?:haven t|have not|nothing)|haven t received|dibatalin|dibatalkan|cancel|cancelled|canceled|unpaid|double|twice|2x|overcharged|refund|refunded|balikin|kembalikan|kecewa|malu|kesal|susah|parah|not happy|disappointing|disapointing|disappointed|disapointed|ruined|soaked|faded|torn|bau|miring|asal|kasar|dibentak|kecil kali|why did you)\b/;
const UPSET = /[😡😠😤😭😢😞🤬🤢]|!{2,}/u;
/** "kalau", "mau tanya": a question before buying or about how, not a complaint. */
const BEFORE_BUYING = /\b(?:kalau|jika|apabila|seandainya|misalnya|mau tanya|boleh tanya|cara|bisa tidak|apakah|jangan sampai|jangan telat|aman kan)\b/;
/** "sy mau pesan tp blm tau yg mana": about to buy; only something that really went wrong makes it a complaint. */
const BUYING_NEXT = /\b(?:mau pesan|mau beli|mau order|ingin pesan|ingin beli)\b/;

/** "tolong dibatalkan", "minta dibatalin": the customer cancelling, not an order cancelled on them ("sy gk ada minta batal" is). */
const ASKS_TO_CANCEL =
  /(?<!\b(?:tidak|ada|bukan|never)\s)\b(?:tolong|minta|mau|mohon|please|bisa|boleh|want to|like to)\s+(?:(?:di)?batal(?:kan|in)?|cancel)\b/;

/** Bought already, and something went wrong or the customer is upset: a complaint in the customer's own words. */
function wentWrongAfterSale(r: MessageReading): boolean {
  const words = ` ${r.words.join(' ')} `;
  const theirs =
    BOUGHT_ALREADY.test(words) ||
    OWN_GOODS.test(r.simple) ||
    /\b\w{3,} nya\b/.test(r.simple) ||
    r.codes.orders.length > 0 ||
    r.signal('products')?.owned === true;
  if (!theirs) return false;
  if (BEFORE_BUYING.test(words) || ASKS_TO_CANCEL.test(words)) return false;
  // "bisa sewa aja ga bunganya? cuma 2 hari": a request for a person, not a grievance
  if (r.wantsTo('person')) return false;
  if (REAL_WRONG.test(words)) return true;
  // "kapan pesanan ku dikirim 😭", "udh diproses blm? udh bayar loh": an impatient question about the order
  if ((r.wantsTo('status') && r.question) || r.wantsTo('paid') || r.wantsTo('catalog') || BUYING_NEXT.test(words)) return false;
  if (MILD_WRONG.test(words) || UPSET.test(r.text)) return true;
  // the words are not on the lists, but what was learnt from shoppers' complaints is sure
  return r.trusts('complaint', COMPLAINT_GUESS_MIN);
}

/** How sure a guess must be to make a complaint of talk about a sale with no complaint word in it. */
const COMPLAINT_GUESS_MIN = 0.9;

/** Reads a message: is it a complaint, and about what. */
export function detectComplaint(r: MessageReading): Detection {
  if (r.noise) return { complaint: false, category: 'lain', explicit: false };
  if (OWN_MISTAKE.test(r.simple)) return { complaint: false, category: 'lain', explicit: false };
  if (SHORT_COUNT.test(r.simple)) return { complaint: true, category: 'kirim', explicit: false };
  const triggered = TRIGGER_PHRASES.some((p) => hasPhrase(r, p));
  let strong: Category | null = null;
  let strongAt = -1;
  let weak: Category | null = null;
  for (const rule of COMPILED) {
    if (!strong) {
      const at = firstAt(r, rule.strong);
      if (at >= 0) {
        strong = rule.category;
        strongAt = at;
      }
    }
    if (!weak && rule.weak.some((p) => hasPhrase(r, p))) weak = rule.category;
  }
  const mismatchAt = firstAt(r, MISMATCH_PHRASES);
  const mismatch = mismatchAt >= 0;
  const category: Category = strong ?? (mismatch ? (weak === 'warna' || weak === 'ukuran' ? weak : 'lain') : (weak ?? 'lain'));
  // "kalau pesanan belum sesuai bisa retur?": asking before buying, nothing has gone wrong yet
  if (triggered && !(r.question && BEFORE_BUYING.test(` ${r.words.join(' ')} `) && !arrivedIn(r))) return { complaint: true, category, explicit: true };
  const no = { complaint: false, category, explicit: false };
  // bought, and something went wrong: a complaint, even asked as a question ("kok belum sampai?")
  if (wentWrongAfterSale(r) && !startsAnOrder(r)) return { complaint: true, category, explicit: false };
  if (strong === null && !mismatch) return no;
  const arrived = arrivedIn(r);
  const problemAt = strongAt >= 0 ? strongAt : mismatchAt;
  // "kalau rusak", "gampang pecah": the word just before the problem makes it a "what if"
  const hypothetical = r.words.slice(Math.max(0, problemAt - 2), problemAt).some((t) => HYPOTHETICAL.includes(t));
  // "kenapa chat sy gk dibales?", "mau nanya pesan yg kemaren blm dibales": about the service, asked or not
  if (strong === 'layanan' && !hypothetical) return { complaint: true, category, explicit: false };
  const question = r.question || QUESTION_PHRASES.some((q) => hasPhrase(r, q));
  if (startsAnOrder(r) && !arrived) return no;
  if (hypothetical && !arrived) return no;
  // "takut pecah di jalan kalo dikirim": a worry before buying, whatever else it mentions
  if (r.words.slice(Math.max(0, problemAt - 2), problemAt).some((t) => t === 'takut' || t === 'khawatir')) return no;
  if (question && !arrived) return no;
  // "mau tanya, bunganya kotor kena debu, gimana cara bersihinnya?": asking how, not complaining
  if (EXPLICIT_QUESTION.some((q) => hasPhrase(r, q))) return no;
  return { complaint: true, category, explicit: false };
}

/** The goods came, or the customer bought them: "yang datang", "kemarin saya pesan", "mawarnya". */
function arrivedIn(r: MessageReading): boolean {
  return ARRIVED.some((p) => hasPhrase(r, p)) || BOUGHT.some((p) => hasPhrase(r, p)) || OWN_GOODS.test(r.simple) || r.signal('products')?.owned === true;
}

/**
 * Talk after a sale: a complaint's words, goods that came, an exchange or a check asked for.
 * Such a message is not a question about what to buy (the catalog leaves it alone).
 */
export function afterSale(r: MessageReading): boolean {
  if (TRIGGER_PHRASES.some((p) => hasPhrase(r, p)) || firstAt(r, MISMATCH_PHRASES) >= 0) return true;
  for (const rule of COMPILED) {
    if (firstAt(r, rule.strong) >= 0) return true;
    // what goes wrong with the goods themselves, or on their way
    if ((rule.category === 'rusak' || rule.category === 'kirim') && rule.weak.some((p) => hasPhrase(r, p))) return true;
  }
  return ARRIVED.some((p) => hasPhrase(r, p)) || AFTER_SALE_TALK.some((p) => hasPhrase(r, p));
}

/** Where the first of the phrases starts in the message, or -1. */
function firstAt(r: MessageReading, phrases: readonly Phrase[]): number {
  let best = -1;
  for (const phrase of phrases) {
    const at = phraseAt(r, phrase);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** The category of a whole complaint, from everything the customer wrote; 'lain' when nothing says. */
export function categoryOf(r: MessageReading): Category {
  return detectComplaint(r).category;
}

/** Words said around "that's all" that are not part of it: courtesy, and these. */
const AROUND_DONE = new Set(['ini', 'itu', 'semua', 'nya']);
const DONE_WORDS = new Set(['sudah', 'cukup', 'selesai', 'done', 'segitu']);

/** "sudah", "itu saja", "sudah itu aja kak makasih", "cukup kak": the customer has told everything. */
export function isDone(r: MessageReading): boolean {
  const words = r.simple.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  const rest = words.filter((w) => courtesyOf(w) === null && !AROUND_DONE.has(w));
  if (rest.length === 0) return words.includes('itu') && (words.includes('saja') || words.includes('aja'));
  return rest.every((w) => DONE_WORDS.has(CHAT_SPELLINGS[w] ?? w));
}

/** "batal", "gak jadi deh kak", "batal aja": the customer takes the complaint back. */
export function isCancel(r: MessageReading): boolean {
  const words = r.words;
  if (words.length > 10) return false;
  return words.some((w, i) => ['batal', 'batalkan', 'cancel', 'gajadi'].includes(w) || (w === 'jadi' && words[i - 1] === 'tidak'));
}

/** The one-word complaint triggers: "komplain", "keluhan", "kecewa". */
const COMPLAINT_WORDS: ReadonlySet<string> = new Set(TRIGGERS.filter((t) => !t.includes(' ')));

/** Word `i` of the message is a complaint word, in any of its forms ("keluhannya"). */
function complaintWord(r: MessageReading, i: number): boolean {
  return r.forms(i).some((f) => COMPLAINT_WORDS.has(f));
}

/** Besides courtesy and complaint words, the words of "I want to complain" that tell nothing of what happened. */
const SAYING = new Set(split('bisa boleh tolong saya ini mau ingin pengen mo ada menyampaikan sampaikan untuk bikin ajukan mengajukan'));

/** "mau komplain kak", "saya kecewa": a complaint announced, with nothing yet of what happened. */
export function onlyAnnouncesComplaint(r: MessageReading): boolean {
  return r.words.every((w, i) => courtesyOf(w) !== null || SAYING.has(w) || complaintWord(r, i));
}

/** "status keluhan", "kak gimana keluhan saya?", "cek komplain": the customer asks where their complaints stand. */
export function asksStatus(r: MessageReading): boolean {
  const t = r.simple;
  if (t.split(' ').length > 10) return false;
  return (
    r.words.some((w, i) => w === 'tiket' || r.forms(i).some((f) => COMPLAINT_NOUNS.includes(f))) &&
    /\b(?:status|statusnya|gimana|bagaimana|cek|sampai mana|kabar|kabarnya|progres|update|sudah diproses|udah diproses)\b/.test(t)
  );
}

/** "belum beres", "masih rusak kak": a resolved complaint is not resolved after all. Short messages only. */
export function saysNotResolved(r: MessageReading): boolean {
  const t = r.simple;
  const words = t.split(' ');
  if (words.length > 10 || r.text.includes('?')) return false;
  return (
    /\b(?:belum|blm) (?:beres|tuntas|ada solusi|diganti)\b/.test(t) ||
    /\b(?:not|isn ?t|is not|still not) (?:resolved|fixed|sorted)\b/.test(t) ||
    // "masih", "masih sama kak", "masih belum ya": the same as before
    (words[0] === 'masih' && words.slice(1).every((w) => STILL.has(w) || courtesyOf(w) !== null)) ||
    /\bmasih (?:rusak|bermasalah|kecewa)\b/.test(t)
  );
}

const STILL = new Set(['sama', 'belum', 'rusak', 'bermasalah', 'kecewa', 'begitu', 'gitu']);

/** A rating of 1 to 5 ("5", "4 kak", "5/5", "bintang 4", "⭐⭐⭐⭐"), or null. */
export function ratingIn(r: MessageReading): number | null {
  const text = r.text;
  const stars = [...text.matchAll(/⭐|★/gu)].length;
  const plainText = r.simple;
  if (stars >= 1 && stars <= 5 && plainText === '') return stars;
  const raw = text.toLowerCase().trim();
  const slash = /^([1-5])\s*\/\s*5\b/.exec(raw);
  if (slash) return Number(slash[1]);
  const m = /^(?:nilai |rating |bintang )?([1-5])((?: [\p{L}\d]+)*)$/u.exec(plainText);
  if (!m) return null;
  // after the number only courtesy: "4 kak", "5 makasih", "3 bintang", "4 dari 5"
  const tail = (m[2] ?? '').trim();
  return tail === '' || tail === 'dari 5' || tail.split(' ').every((w) => w === 'bintang' || courtesyOf(w) !== null) ? Number(m[1]) : null;
}
