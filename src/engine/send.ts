import type { Logger } from '../logger.js';
import type { Outbox } from './outbox.js';
import { ReplyCap } from './reply-cap.js';
import type { MessageRun, Reply } from './run.js';
import type { Outgoing } from '../transport/types.js';

const APOLOGY_WINDOW_MS = 10 * 60_000;
const APOLOGY_MEMORY = 5000;

/** What the send step asks of the host: the words for an apology, and telling the owner. */
export interface Notices {
  /** The apology for a customer whose message a handler failed on; the owner is told too. */
  apology(run: MessageRun): string;
  /** A chat reached its reply cap for the first time in a spell: tell the owner. */
  capped(run: MessageRun, count: number, windowMinutes: number): void;
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
 * The last step of a message: its replies go to the outbox, the greeting's first, within the
 * chat's reply cap. Answers to a customer count against the cap, the owner's do not. Steps through
 * a list the customer is working through (browsing the catalog is many quick answers by design)
 * have a cap five times higher: a loop inside a dialog ends too.
 */
export class Send {
  private readonly replyCap: ReplyCap;
  private readonly dialogCap: ReplyCap;
  private readonly lastApology = new Map<string, number>();

  constructor(private readonly opts: SendOptions) {
    this.replyCap = new ReplyCap(opts.cap);
    this.dialogCap = new ReplyCap({ count: opts.cap.count * 5, windowMs: opts.cap.windowMs });
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
    const replies = run.replies;
    if (replies.length === 0) return;
    if (!run.isOwner) {
      const cap = run.inDialog ? this.dialogCap : this.replyCap;
      const decision = cap.take(this.opts.keyOf(run.chatId), run.now);
      if (!decision.allowed) {
        const windowMinutes = Math.round(this.opts.cap.windowMs / 60_000);
        run.log.info({ cap: cap.count, windowMinutes: this.opts.cap.windowMs / 60_000 }, 'reply cap reached in this chat; not answering for now');
        if (decision.newlyCapped) this.opts.notices.capped(run, cap.count, windowMinutes);
        return;
      }
    }
    const { outbox } = this.opts;
    for (const message of bubbles(replies)) void outbox.enqueue(run.chatId, message);
  }
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
