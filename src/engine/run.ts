import type { Logger } from '../logger.js';
import { maskChat } from '../phone.js';
import { textOut, type Incoming, type Outgoing } from '../transport/types.js';
import type { CustomerInfo } from './customers.js';

export interface ReplyOptions {
  /** Sent before the other replies to the same message (the greeting uses it). */
  first?: boolean;
  /** An acknowledgement the customer must get (an order or ticket number, a thank-you for a rating): sent even when the chat's answers are capped. */
  essential?: boolean;
}

/** One reply gathered while a message is handled; sent once every handler is done. */
export interface Reply {
  message: Outgoing;
  first: boolean;
  /** Sent even when the chat's answers are capped (see ReplyOptions). */
  essential: boolean;
  /** The step that replied: a plugin's name, or 'core'. */
  by: string;
}

/**
 * The state of one message while it is handled: the replies gathered so far, whether a handler
 * failed, and where the chain is. One object per message; the host's context extends it, so a
 * plugin's view of the message costs no second object.
 */
export class MessageRun {
  readonly replies: Reply[] = [];
  /** A handler hit a bug on this message. */
  failed = false;
  /** The watchdog gave up on this message: late replies are dropped, the chain goes no further. */
  abandoned = false;
  /** The message came while a dialog held the chat and its plugin answered it as a step of that dialog. */
  inDialog = false;
  /** The step running now (a plugin's name, or 'core'), for the watchdog's report and replies. */
  step = 'core';
  /** The chain's position; -1 before the chain starts. */
  depth = -1;
  /** Bit i: step i of the chain called next(). */
  nextCalls = 0;
  private messageLog: Logger | null = null;

  /** `logger` is the process's; the message's own, which names it, is made when first used. */
  constructor(
    readonly msg: Incoming,
    text: string,
    readonly customer: CustomerInfo,
    readonly isOwner: boolean,
    readonly now: number,
    private readonly logger: Logger,
  ) {
    this.current = text;
  }

  private current: string;

  /** The message text, trimmed: the rest of it once a plugin answered its part (see `narrow`). */
  get text(): string {
    return this.current;
  }

  /** The plugins after this step read only `rest`: the part of the message not answered yet. */
  protected narrow(rest: string): void {
    this.current = rest.trim();
  }

  /** The message's logger: every line names the message and its (masked) chat. */
  get log(): Logger {
    this.messageLog ??= this.logger.child({ msgId: this.msg.id, chat: maskChat(this.msg.chatId) });
    return this.messageLog;
  }

  get chatId(): string {
    return this.msg.chatId;
  }

  /** "{nama}" for texts: the customer's name, or "Kak". */
  get salutation(): string {
    return this.customer.name ?? 'Kak';
  }

  /** True once any handler replied to this message. */
  get replied(): boolean {
    return this.replies.length > 0;
  }

  /** True once `step` replied to this message. */
  repliedBy(step: string): boolean {
    return this.replies.some((r) => r.by === step);
  }

  /** Called by the chain as it enters step `index`; the host's context learns its plugin here. */
  enter(index: number, step: string): void {
    this.depth = index;
    this.step = step;
  }

  /** Queues a reply; it goes out after the handlers ran. Dropped once the message was given up on. */
  reply(message: string | Outgoing, options?: ReplyOptions): void {
    if (this.abandoned) {
      this.log.warn({ plugin: this.step }, 'a reply came after the message was given up on; it was not sent');
      return;
    }
    this.add(message, options?.first === true, this.step, options?.essential === true);
  }

  /** The core's own reply (the apology), also after the message was given up on. */
  coreReply(message: string): void {
    this.add(message, false, 'core', false);
  }

  private add(message: string | Outgoing, first: boolean, by: string, essential: boolean): void {
    const out = typeof message === 'string' ? textOut(message) : message;
    if (out.kind === 'text' && out.text.trim() === '') {
      // WhatsApp refuses empty messages; an empty text is a bug upstream, not something to send.
      this.log.warn('a handler replied with an empty text; nothing was sent');
      return;
    }
    this.replies.push({ message: out, first, by, essential });
  }
}
