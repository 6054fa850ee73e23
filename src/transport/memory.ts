import type { Clock } from '../clock.js';
import type { Incoming, IncomingSink, Outgoing, SendOptions, SendResult, Transport } from './types.js';

/**
 * A transport that lives in memory: tests and the benchmark push messages in with `deliver` and
 * read what the bot sent from `sent`. Chat ids look like WhatsApp's phone-number ids.
 */
export interface SentMessage {
  chatId: string;
  message: Outgoing;
  at: number;
  typingMs: number;
}

export type IncomingDraft = Partial<Incoming> & { from?: string };

export class MemoryTransport implements Transport {
  readonly name: string = 'memory';
  readonly sent: SentMessage[] = [];
  private sink: IncomingSink | null = null;
  private counter = 0;
  /** Set to make the next sends fail, as a dropped connection would. */
  failSends = 0;
  onSend: ((sent: SentMessage) => void) | null = null;

  constructor(private readonly clock: Clock) {}

  async start(sink: IncomingSink): Promise<void> {
    this.sink = sink;
  }

  async stop(): Promise<void> {
    this.sink = null;
  }

  isReady(): boolean {
    return true;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  chatIdForNumber(digits: string): string {
    return `${digits}@s.whatsapp.net`;
  }

  /** Builds a complete Incoming from a draft; `from` is a phone number in international digits. */
  build(draft: IncomingDraft): Incoming {
    const from = draft.from ?? draft.senderNumber ?? '6280000000000';
    const msg: Incoming = {
      id: draft.id ?? `m${++this.counter}`,
      chatId: draft.chatId ?? this.chatIdForNumber(from),
      senderNumber: draft.senderNumber === undefined ? from : draft.senderNumber,
      senderName: draft.senderName ?? null,
      text: draft.text ?? '',
      kind: draft.kind ?? (draft.image ? 'image' : 'text'),
      at: draft.at ?? this.clock.now(),
      fromShop: draft.fromShop ?? false,
    };
    if (draft.image) msg.image = draft.image;
    if (draft.selfChat) msg.selfChat = true;
    return msg;
  }

  /** Hands a message to the app, as the network would. */
  deliver(draft: IncomingDraft): Incoming {
    const msg = this.build(draft);
    if (!this.sink) throw new Error('the transport has not been started');
    this.sink(msg);
    return msg;
  }

  async send(chatId: string, message: Outgoing, options?: SendOptions): Promise<SendResult> {
    if (this.failSends > 0) {
      this.failSends--;
      throw new Error('send failed (simulated)');
    }
    const sent: SentMessage = { chatId, message, at: this.clock.now(), typingMs: options?.typingMs ?? 0 };
    this.sent.push(sent);
    this.onSend?.(sent);
    return { id: `s${this.sent.length}` };
  }

  /** Texts (and captions) sent to one chat, in order. */
  textsTo(chatId: string): string[] {
    return this.sent.filter((s) => s.chatId === chatId).map((s) => (s.message.kind === 'text' ? s.message.text : (s.message.caption ?? '')));
  }

  clear(): void {
    this.sent.length = 0;
  }
}
