import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { untilAborted } from './abort.js';
import { NotConnectedError, type Incoming, type IncomingSink, type Outgoing, type SendOptions, type SendResult, type Transport } from './types.js';

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
  /** Ids stay unique across transports (and restarts), as WhatsApp's do. */
  private readonly idPrefix = `m-${randomUUID().slice(0, 8)}-`;
  /** Set to make the next sends fail while the connection stays up (a refused message). */
  failSends = 0;
  /** Set to make the next send fail because the connection drops under it. */
  dropOnNextSend = false;
  private ready = true;
  private readyWaiters: Array<() => void> = [];
  onSend: ((sent: SentMessage) => void) | null = null;
  /** Set to make a send show "typing…" for its typingMs of clock time first, as WhatsApp's does. */
  typing = false;

  constructor(private readonly clock: Clock) {}

  async start(sink: IncomingSink): Promise<void> {
    this.sink = sink;
  }

  async stop(): Promise<void> {
    this.sink = null;
    this.ready = false;
  }

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** The connection drops: sends wait (in the outbox) until `reconnect`. */
  disconnect(): void {
    this.ready = false;
  }

  reconnect(): void {
    this.ready = true;
    for (const w of this.readyWaiters.splice(0)) w();
  }

  chatIdForNumber(digits: string): string {
    return `${digits}@s.whatsapp.net`;
  }

  /** Builds a complete Incoming from a draft; `from` is a phone number in international digits. */
  build(draft: IncomingDraft): Incoming {
    const from = draft.from ?? draft.senderNumber ?? '6280000000000';
    const msg: Incoming = {
      id: draft.id ?? `${this.idPrefix}${++this.counter}`,
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
    if (draft.tooOld) msg.tooOld = true;
    if (draft.senderId !== undefined) msg.senderId = draft.senderId;
    if (draft.chatIdAlt !== undefined) msg.chatIdAlt = draft.chatIdAlt;
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
    if (this.dropOnNextSend) {
      this.dropOnNextSend = false;
      this.ready = false;
      throw new Error('Connection Closed (simulated)');
    }
    if (this.typing && (options?.typingMs ?? 0) > 0) {
      await untilAborted(this.clock.sleep(options?.typingMs ?? 0), options?.signal);
      if (options?.signal?.aborted) throw new NotConnectedError('stopping (simulated)');
    }
    if (!this.ready) throw new Error('not connected');
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
