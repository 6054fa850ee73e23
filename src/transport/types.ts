/**
 * What the rest of layani knows about WhatsApp. A transport turns whatever its wire delivers into
 * one `Incoming` (or nothing) and sends `Outgoing` messages. Baileys, the simulator and the
 * in-memory test transport all implement `Transport`; nothing outside src/transport/ sees a socket.
 */

/** The kinds of content a message can carry. A sticker or a voice note reaches the pipeline as such. */
export type MessageKind = 'text' | 'image' | 'video' | 'audio' | 'sticker' | 'document' | 'location' | 'contact' | 'other';

export interface IncomingImage {
  mimetype: string;
  /** Where the picture already is on disk, when the transport knows (the simulator does). */
  path?: string;
  /** Reads the bytes; a transport may download lazily, so call it only when the picture is kept. */
  read(): Promise<Uint8Array>;
}

export interface Incoming {
  /** The transport's message id; a repeated id is the same message delivered again. */
  id: string;
  /** Where replies go, exactly as the message arrived (for WhatsApp, possibly an @lid id). */
  chatId: string;
  /** The same chat's other id, when the network gave one (a phone-number id for a LID chat). */
  chatIdAlt?: string;
  /** The sender's phone number in international digits, or null when it cannot be resolved. */
  senderNumber: string | null;
  /**
   * The sender's own WhatsApp id as it arrived (for WhatsApp, usually "<lid>@lid"); lets the core
   * remember an owner's id once their number was matched, for messages where it cannot be.
   */
  senderId?: string;
  /** The sender's own display name (WhatsApp "push name"), untrusted. */
  senderName: string | null;
  /** The text or caption; '' when there is none. */
  text: string;
  kind: MessageKind;
  image?: IncomingImage;
  /** When the message was sent, epoch ms. */
  at: number;
  /**
   * True for a message from the offline backlog older than the answer limit: it is recorded
   * (the customer wrote) but not answered, since a reply hours late confuses more than it helps.
   */
  tooOld?: boolean;
  /**
   * True when the shop itself typed this by hand on its phone (a WhatsApp `fromMe` message that
   * the bot did not send). Such a message is never answered.
   */
  fromShop: boolean;
  /**
   * True when the chat is the shop's own "message yourself" chat: whatever arrives there comes
   * from the owner's phone.
   */
  selfChat?: boolean;
}

export type OutgoingImage = { path: string } | { data: Uint8Array; mimetype: string };

export type Outgoing = { kind: 'text'; text: string } | { kind: 'image'; image: OutgoingImage; caption?: string };

export interface SendOptions {
  /** How long to show "typing…" before the message, in ms; the transport may ignore it. */
  typingMs?: number;
  /**
   * Aborted when the bot stops: a send still showing "typing…" gives up with NotConnectedError,
   * without sending, so the outbox can keep the message for the next start.
   */
  signal?: AbortSignal;
}

export interface SendResult {
  /** The id the network gave the sent message, if any. */
  id?: string;
}

export type IncomingSink = (msg: Incoming) => void;

export interface Transport {
  readonly name: string;
  /** Starts delivering messages to `sink`. */
  start(sink: IncomingSink): Promise<void>;
  /** Sends one message to a chat id as it arrived. Rejects when the message could not be handed over. */
  send(chatId: string, message: Outgoing, options?: SendOptions): Promise<SendResult>;
  /** The chat id to use for a phone number we have never seen write (the owner's, for alerts). */
  chatIdForNumber(digits: string): string;
  /** Whether messages can be sent right now; replies wait in the outbox while false. */
  isReady(): boolean;
  /** Resolves once messages can be sent (at once when they already can). */
  whenReady(): Promise<void>;
  /** Stops delivering and closes connections, without logging out. */
  stop(): Promise<void>;
  /** Resolves once everything received so far has been handed to the sink. */
  drain?(): Promise<void>;
}

/**
 * A send that failed because there was no usable connection: nothing went out, and the outbox
 * keeps the message for when the transport is ready again.
 */
export class NotConnectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotConnectedError';
  }
}

export function textOut(text: string): Outgoing {
  return { kind: 'text', text };
}
