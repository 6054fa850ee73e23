import { courtesyOf, QUESTION_WORDS } from '../engine/read/lexicon.js';
import type { MessageReading } from './types.js';

/** Words that carry nothing of their own in a short question: "brp kira2", "gimana sih". */
const FILLERS = new Set(['kira', 'aja', 'saja', 'sih', 'nya', 'itu', 'ini', 'ada', 'bisa', 'tidak', 'gak', 'ya']);

/**
 * One part of a message (see `clausesOf`) that asks what the shop answers itself: a common topic,
 * the catalog, an order's status, a product or an order named. Only a question with words of its
 * own: not a remark ("the bot keeps giving me the catalog"), not an order (a bulk or custom one is
 * a person's), and not a bare "brp kira2" that asks about the part before it. For a plugin that
 * answered its own part of a message and passes the rest on (`ctx.passOn`).
 */
export function asksTheShop(r: MessageReading): boolean {
  if (r.noise || !askedOutright(r)) return false;
  const content = r.words.some((w) => !QUESTION_WORDS.has(w) && !FILLERS.has(w.replace(/2$/, '')) && courtesyOf(w) === null && !/^\d+$/.test(w));
  if (!content) return false;
  const codes = r.codes;
  return (
    r.topics.length > 0 || r.wants.some((w) => w !== 'person') || codes.products.length + codes.orders.length > 0 || r.signal('products')?.mentioned === true
  );
}

/**
 * The parts of a message (see `clausesOf`) that ask a common topic in so many words (a question
 * mark or a word that asks) and name no order, code or product: "besok buka kan?" after an order,
 * "jam brp tutup hari ini?" before an order's status. The rest of such a message is about the
 * order, and its words ("jadi diantar jam brp?") are not the shop's hours.
 */
export function topicQuestions(clauses: readonly MessageReading[]): MessageReading[] {
  return clauses.filter((c) => {
    if (c.noise || c.topics.length === 0 || c.wantsTo('status') || c.wantsTo('paid')) return false;
    const codes = c.codes;
    return askedOutright(c) && codes.orders.length + codes.products.length === 0 && c.signal('products')?.mentioned !== true && !OWN_ORDER.test(c.simple);
  });
}

/** The customer's own order in words: "pesanan saya", "orderan ku", "yg sy pesan", "when will it ship?". */
const OWN_ORDER = /\b(?:pesanan|pesananku|orderan|order|my order|yang (?:saya|sy|aku) pesan|yg (?:saya|sy|aku) pesan|(?:will|is|has|did|was) it)\b/;

/** A question in so many words: a question mark or a word that asks, not only a tail ("… ya", "… kak"). */
function askedOutright(r: MessageReading): boolean {
  return r.text.includes('?') || r.words.some((w) => QUESTION_WORDS.has(w));
}
