import type { Logger } from '../logger.js';
import type { CustomerInfo, ReplyOptions } from '../plugin-api.js';
import { textOut, type Incoming, type Outgoing } from '../transport/types.js';

/** The per-message state shared by all handlers of one message. */
export class MessageRun {
  readonly replies: Array<{ message: Outgoing; first: boolean }> = [];
  /** A handler hit a bug on this message. */
  failed = false;
  /** The watchdog gave up on this message: late replies are dropped, the chain goes no further. */
  abandoned = false;
  /** The plugin whose step is running, for the watchdog's report. */
  plugin = 'core';
  /** Topics already answered for this message. */
  readonly topics = new Set<string>();
  /** The message came while a plugin's dialog (a list the customer is working through) was active. */
  inDialog = false;
  constructor(
    readonly msg: Incoming,
    readonly text: string,
    readonly customer: CustomerInfo,
    readonly isOwner: boolean,
    readonly now: number,
    readonly log: Logger,
  ) {}
  get chatId(): string {
    return this.msg.chatId;
  }
  get salutation(): string {
    return this.customer.name ?? 'Kak';
  }
  get replied(): boolean {
    return this.replies.length > 0;
  }
  /** A handler's reply; dropped once the watchdog gave up on the message. */
  handlerReply(message: string | Outgoing, options?: ReplyOptions): void {
    if (this.abandoned) {
      this.log.warn({ plugin: this.plugin }, 'a reply came after the message was given up on; it was not sent');
      return;
    }
    this.reply(message, options);
  }
  reply(message: string | Outgoing, options?: ReplyOptions): void {
    const out = typeof message === 'string' ? textOut(message) : message;
    if (out.kind === 'text' && out.text.trim() === '') {
      // WhatsApp refuses empty messages; an empty text is a bug upstream, not something to send.
      this.log.warn('a handler replied with an empty text; nothing was sent');
      return;
    }
    this.replies.push({ message: out, first: options?.first === true });
  }
}
