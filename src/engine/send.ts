import type { Logger } from '../logger.js';
import type { Outbox } from './outbox.js';
import { type CapReason, LOOP_LIMITS, LoopGuard, ReplyCap } from './reply-cap.js';
import { simplify } from './read/normalise.js';
import type { MessageRun, Reply } from './run.js';
import type { Outgoing } from '../transport/types.js';

const APOLOGY_WINDOW_MS = 10 * 60_000;
const APOLOGY_MEMORY = 5000;

/** What the send step asks of the host: the words for an apology, and telling the owner. */
export interface Notices {
  /** The apology for a customer whose message a handler failed on; the owner is told too. */
  apology(run: MessageRun): string;
  /** A chat's answers stopped for the first time in a spell (a loop, a flood, the ceiling): tell the owner why, hand the chat to a person. */
  capped(run: MessageRun, reason: CapReason, count: number, windowMinutes: number): void;
}

export interface SendOptions {
  outbox: Outbox;
  /** The chat's key, the same for all of a person's ids (a LID and a phone-number id). */
  keyOf(chatId: string): string;
  cap: { count: number; windowMs: number };
  notices: Notices;
  log: Logger;
}

/**
 * The last step of a message: its replies go to the outbox, the greeting's first, unless the chat
 * looks like a loop or a flood. The signs: the same message again and again, the bot about to send
 * the same answer once too often, more messages than a person types, or the hard ceiling of
 * REPLY_CAP (30 answers in 10 minutes unless set): far above what a keen shopper sends. Then the
 * bot stays quiet in the chat until it has been calm for the window, the owner is told why once,
 * and a person takes the chat. An acknowledgement the customer must get (an order or ticket
 * number) still goes out. Answers to the owner never count. Steps through a list the customer
 * works through (browsing the catalog repeats "1" and "kembali" by design) only meet a ceiling
 * five times higher.
 */
export class Send {
  private readonly replyCap: ReplyCap;
  private readonly dialogCap: ReplyCap;
  private readonly guard: LoopGuard;
  private readonly lastApology = new Map<string, number>();

  constructor(private readonly opts: SendOptions) {
    this.replyCap = new ReplyCap(opts.cap);
    this.dialogCap = new ReplyCap({ count: opts.cap.count * 5, windowMs: opts.cap.windowMs });
    this.guard = new LoopGuard({ ...LOOP_LIMITS, windowMs: opts.cap.windowMs });
  }

  /** One short apology after the other answers when a handler failed, at most once per chat per 10 minutes. */
  apologiseIfFailed(run: MessageRun): void {
    if (!run.failed || run.isOwner) return;
    const last = this.lastApology.get(run.chatId);
    if (last !== undefined && run.now - last < APOLOGY_WINDOW_MS && run.now >= last) return;
    this.lastApology.set(run.chatId, run.now);
    if (this.lastApology.size > APOLOGY_MEMORY) this.lastApology.delete(this.lastApology.keys().next().value as string);
    run.coreReply(this.opts.notices.apology(run));
  }

  dispatch(run: MessageRun): void {
    const key = this.opts.keyOf(run.chatId);
    // every message a customer sends counts towards a flood, answered or not
    let loop = run.isOwner ? null : this.guard.inbound(key, inboundPrint(run), run.now);
    const replies = run.replies;
    if (replies.length === 0) return;
    if (!run.isOwner) {
      const cap = run.inDialog ? this.dialogCap : this.replyCap;
      // inside a list the customer works through, numbers and "kembali" repeat by design
      if (run.inDialog && loop !== 'flood') loop = null;
      if (!loop && !run.inDialog) loop = this.guard.answer(key, answerPrint(replies), run.now);
      const refused = loop ? { reason: loop, newly: cap.refuse(key, run.now) } : this.ceiling(cap, key, run.now);
      if (refused) {
        const windowMinutes = Math.round(this.opts.cap.windowMs / 60_000);
        run.log.info({ reason: refused.reason, cap: cap.count, windowMinutes }, 'automatic answers stopped in this chat for now');
        if (refused.newly) this.opts.notices.capped(run, refused.reason, cap.count, windowMinutes);
        this.enqueue(
          run,
          replies.filter((r) => r.essential),
        );
        return;
      }
    }
    this.enqueue(run, replies);
  }

  private ceiling(cap: ReplyCap, key: string, now: number): { reason: CapReason; newly: boolean } | null {
    const decision = cap.take(key, now);
    return decision.allowed ? null : { reason: 'ceiling', newly: decision.newlyCapped };
  }

  private enqueue(run: MessageRun, replies: readonly Reply[]): void {
    for (const message of bubbles(replies)) void this.opts.outbox.enqueue(run.chatId, message);
  }
}

/** A message as the loop rules compare it: its words; a long text without its numbers ("(3)", a counter). */
function inboundPrint(run: MessageRun): string {
  const words = simplify(run.text);
  return words.length >= 20 ? words.replace(/\d+/g, '#') : words;
}

/** An answer as the loop rules compare it: its texts and captions together. */
function answerPrint(replies: readonly Reply[]): string {
  return replies.map((r) => (r.message.kind === 'text' ? r.message.text : (r.message.caption ?? ''))).join('\n');
}

/** Texts longer than this together stay apart: one bubble should still read as one answer. */
const MAX_JOINED = 1500;

/**
 * The replies to one message as the customer gets them: the greeting's first, and the texts
 * written together into one bubble (a greeting, the away notice and the answer read as one
 * message); a picture stays a bubble of its own, with its caption.
 */
export function bubbles(replies: readonly Reply[]): Outgoing[] {
  const ordered = [...replies.filter((r) => r.first), ...replies.filter((r) => !r.first)];
  const out: Outgoing[] = [];
  let text: { kind: 'text'; text: string } | null = null;
  for (const r of ordered) {
    const m = r.message;
    if (m.kind !== 'text') {
      out.push(m);
      continue;
    }
    if (text && text.text.length + m.text.length + 2 <= MAX_JOINED) text.text = `${text.text}\n\n${m.text}`;
    else {
      text = { kind: 'text', text: m.text };
      out.push(text);
    }
  }
  return out;
}
