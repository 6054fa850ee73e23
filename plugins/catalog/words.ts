import { CHAT_SPELLINGS, courtesyOf, NUMBER_WORDS } from '../../src/plugin-api.js';

/**
 * Orders written in words, the way customers write them: "sy ambil anggrek bulan ungu 3",
 * "MAWAR MERAH 2 LUSIN KAK", "setengah lusin mawar merah + setengah lusin mawar putih", "I'd like
 * to order 2 purple orchids and 1 table lily", and changes to an order: "tambah 1 lg jd 3",
 * "batal yang P02", "kurangi jd 1 aja". Pure functions over the text; the catalog finds the
 * products.
 */

/** One thing asked for: the words that name it, and how many (null: not said; odd: a quantity to ask about). */
export interface ItemWords {
  words: string;
  qty: number | null;
  /** A quantity that cannot be ordered as written ("1,5" of something sold per piece). */
  odd: string | null;
}

const DOZEN = '(?:lusin|dozen|dz)';
const NUMBER_EN: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
};
const numberOf = (w: string): number | null => (/^\d{1,4}$/.test(w) ? Number(w) : (NUMBER_WORDS[w] ?? NUMBER_EN[w] ?? null));

/** Words in an order that name no product: verbs, leads, units, fillers. */
const FILLER = new Set(
  `pesan pesen psn order beli ambil mau mo mw minta jadi jdi jd jadinya sy saya aku i i'd id like would to want get can please pls tolong ya yg yang nya
  hendak ingin memesan membeli sebanyak
  pcs pc buah bh biji tangkai tkai batang pot lembar ikat item unit x masing masing2 each of the some more lagi lg aja saja deh dong
  lae bang ito kak ka kk min hi halo eh please pls thanks`.split(/\s+/),
);

/** Words after which a segment speaks of delivery, a day or a purpose, not of the product. */
const TAIL =
  /^(?:delivered|deliver|delivery|kirim|dikirim|antar|diantar|untuk|utk|buat|for|pickup|pick|diambil|besok|bsk|tomorrow|today|hari|ke|to|tolong|bisa|bs)$/;

/** Splits "A 2, B 3 dan C" into its items. */
function segments(text: string): string[] {
  return text
    .toLowerCase()
    .split(/,|\+|&|\/|\bdan\b|\band\b|\bsama\b|\bsm\b|\bplus\b|\bserta\b/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The quantity a segment states, and its words without it. */
export function quantityIn(segment: string): { qty: number | null; odd: string | null; rest: string } {
  let s = ` ${segment} `;
  let qty: number | null = null;
  let odd: string | null = null;
  const take = (re: RegExp, value: (m: RegExpExecArray) => number | null): void => {
    if (qty !== null || odd !== null) return;
    const m = re.exec(s);
    if (!m) return;
    const v = value(m);
    if (v === null) odd = m[0].trim();
    else qty = v;
    s = s.replace(m[0], ' ');
  };
  take(new RegExp(`\\b(?:setengah|1/2|half a)\\s+${DOZEN}\\b`), () => 6);
  take(new RegExp(`\\b(\\d+)[.,·](\\d+)\\s*${DOZEN}\\b`), (m) => {
    const n = Number(`${m[1]}.${m[2]}`) * 12;
    return Number.isInteger(n) ? n : null;
  });
  take(new RegExp(`\\b(\\d{1,3}|se|satu|dua|tiga|empat|lima|a|one|two|three|four|five)\\s*${DOZEN}\\b`), (m) =>
    m[1] === 'se' ? 12 : (numberOf(m[1] as string) ?? 1) * 12,
  );
  take(/\bselusin\b/, () => 12);
  // "lusin mawar satin kuning 2": two dozen
  if (qty === null && new RegExp(`\\b${DOZEN}\\b`).test(s)) {
    const n = /\b(\d{1,3})\b/.exec(s);
    qty = n ? Number(n[1]) * 12 : 12;
    s = s.replace(new RegExp(`\\b${DOZEN}\\b`), ' ');
    if (n) s = s.replace(n[0], ' ');
  }
  take(/\b\d+[.,·]\d+\b/, () => null);
  take(/(?:^|\s)(\d{1,4})(?=\s|$)/, (m) => Number(m[1]));
  if (qty === null && odd === null) {
    for (const w of s.trim().split(/\s+/)) {
      const n = w === 'a' || w === 'an' ? null : numberOf(CHAT_SPELLINGS[w] ?? w);
      if (n !== null) {
        qty = n;
        s = s.replace(new RegExp(`\\b${w}\\b`), ' ');
        break;
      }
    }
  }
  return { qty, odd, rest: s.replace(/\s+/g, ' ').trim() };
}

/** The items of an order written in words, each with its product words; empty when none names anything. */
export function itemsInWords(text: string): ItemWords[] {
  const out: ItemWords[] = [];
  // dates, times and sizes are not quantities: "utk tgl 12", "jam 9", "2 meter"
  // "1,5" and "1.5" stay one number (written "1·5" while the text is cut into items)
  const plain = text
    .replace(/(\d)[.,](\d)/g, '$1·$2')
    .replace(/[!?.]+/g, ' ')
    .replace(/\b(?:tgl|tanggal|jam|pukul|hari|date)\s*\d{1,2}\b|\b\d+\s*(?:cm|meter|m|hari|jam|menit|rb|ribu|k)\b/gi, ' ');
  for (const segment of segments(plain)) {
    const { qty, odd, rest } = quantityIn(segment);
    // what follows the product is about delivery or the day: "… delivered to Jl. Gatot Subroto", "utk tgl 12"
    const kept: string[] = [];
    for (const w of rest.split(/\s+/)) {
      if (kept.length > 0 && TAIL.test(w)) break;
      if (w !== '' && !FILLER.has(w) && courtesyOf(w) === null && !/^(?:o-?)?\d+$/.test(w)) kept.push(w);
    }
    const words = kept.join(' ');
    if (words === '') {
      // "…, 5 jg": a quantity for the item before it
      const last = out.at(-1);
      if (last && last.qty === null && qty !== null) last.qty = qty;
      continue;
    }
    out.push({ words, qty, odd: odd === null ? null : (odd as string).replace('·', ',') });
  }
  return out;
}

/** Words that start an order in words, English ones included. */
const ORDER_START =
  /^(?:(?:kak|ka|kk|bang|lae|ito|min|hi|halo|ok|oke|jadi|jdi|jd|nya|jadinya|ya)\s+)*(?:(?:saya|sy|aku|i|i'd|id|kami)\s+)?(?:(?:mau|mo|mw|pengen|hendak|ingin|akan|would like to|like to|want to|wanna|want|can i|could i)\s+)?(?:pesan|pesen|psn|memesan|order|beli|membeli|ambil|buy|get|take)\b/;
/** A quantity with a unit of the trade ("2 lusin", "5 tangkai", "3 pot"): an order even without a verb. */
const UNIT_QTY = /\b(?:\d{1,3}|se|setengah|satu|dua|tiga|a|one|two|half a)\s*(?:lusin|dozen|tangkai|pot|pcs|buah|bh|lembar|ikat)\b|\b(?:lusin|selusin)\b/;

/** A part of a message that starts with a verb of ordering: "… di deli serdang? mau pesan anggrek pot keramik putih 1". */
export function startsOrder(text: string): boolean {
  return ORDER_START.test(text.toLowerCase().trim());
}

/** Whether a message reads as an order in words: a verb of ordering, or quantities with units. */
export function looksLikeOrder(text: string): boolean {
  const t = text.toLowerCase().trim();
  // "mawar putih brp setangkai?": a price question, whatever units it names
  if (/\b(?:brp|berapa|brapa|harga|hrg|how much|price)\b/.test(t)) return ORDER_START.test(t);
  // "mawar merah premium 1,5 kak": a quantity to ask about
  return ORDER_START.test(t) || UNIT_QTY.test(t) || /(?:^|\s)\d{1,2}[.,]\d(?:\s|$)/.test(t);
}

export type OrderChange =
  | { kind: 'cancel'; words: string }
  | { kind: 'add'; words: string; qty: number }
  | { kind: 'set'; words: string; qty: number }
  | { kind: 'other' };

const CANCEL =
  /\b(?:batal|batalin|batalkan|dibatalkan|dibatalin|cancel|dicancel|cancelin|hapus|hapusin|remove|gak jadi|ga jadi|gk jadi|tidak jadi|nggak jadi)\b/;
const ADD = /\b(?:tambah|tambahin|tambahkan|nambah|nambahin|add)\b/;
const CANCEL_ALL = new RegExp(CANCEL.source, 'g');
const ADD_ALL = new RegExp(ADD.source, 'g');
/** "jadi 3", "kurangi", "ganti jumlah": removed with their number, to find the product named. */
const SET_ALL = /\b(?:jadi|jd|jadiin|jadikan|kurangi|kurangin|ubah|ganti jumlah|change)(?:\s+\d{1,3})?\b/g;
const OTHER_CHANGE = /\b(?:ganti|ubah|tukar|change|swap)\b/;

/** A change to an order already placed: cancel (all or one item), add, set a quantity, or something for a person. */
export function orderChange(text: string): OrderChange | null {
  const t = ` ${text.toLowerCase().replace(/[!?.,]+/g, ' ')} `;
  const item = (): { words: string; qty: number | null } => {
    const [first] = itemsInWords(
      t
        .replace(CANCEL_ALL, ' ')
        .replace(ADD_ALL, ' ')
        .replace(SET_ALL, ' ')
        .replace(/\b(?:pesanan|pesananku|orderan|order|my|from|to|ke|dari|tadi|td|ku|lagi|lg|the|rest|sisanya|lanjut|ganti)\b/g, ' '),
    );
    return { words: first?.words ?? '', qty: first?.qty ?? null };
  };
  if (CANCEL.test(t)) return { kind: 'cancel', words: item().words };
  // "jadi 3", "jadiin 15 aja", "kurangi jd 1", "tambah 1 lg jd 3": the number after "jadi" is the new quantity
  const set = /\b(?:jadi|jd|jadiin|jadikan)\s+(\d{1,3})\b/.exec(t) ?? (/\b(?:kurangi|kurangin)\b/.test(t) ? /\b(\d{1,3})\b/.exec(t) : null);
  if (set) return { kind: 'set', words: item().words, qty: Number(set[1]) };
  if (ADD.test(t)) {
    const { words, qty } = item();
    return { kind: 'add', words, qty: qty ?? 1 };
  }
  if (OTHER_CHANGE.test(t)) return { kind: 'other' };
  return null;
}
