import { EventEmitter } from 'node:events';
import { makeEventBuffer, proto, type UserFacingSocketConfig, type WAMessage, type WAMessageKey } from '@whiskeysockets/baileys';
import { pino } from 'pino';
import type { SocketLike } from '../../src/transport/baileys/index.js';

/**
 * A stand-in for a Baileys socket: the transport talks to it exactly as to the real one, and the
 * test plays WhatsApp, emitting the events Baileys would. Close errors carry Baileys' Boom shape
 * (`output.statusCode`).
 */
export class FakeSocket {
  /**
   * Baileys' emitter can hold events back (ev.buffer) until ev.flush(); `held` plays that part,
   * or, with `realBuffer`, Baileys' own event buffer does.
   */
  readonly ev: EventEmitter & { flush(): boolean; buffer?(): void };
  held: Array<[string, unknown]> = [];
  user: { id: string; lid?: string } | undefined;
  readonly ended: Array<Error | undefined> = [];
  readonly sent: Array<{ jid: string; content: unknown; id: string | undefined }> = [];
  readonly presence: Array<[string, string | undefined]> = [];
  pairingRequests: string[] = [];
  closed = false;
  lids = new Map<string, string>();
  /** Resolve LIDs slowly for this LID, to test that order survives a slow lookup. */
  slowLid: string | null = null;
  failSend: Error | null = null;
  /** The connection drops under the next send, as a flaky network does. */
  dropOnSend = false;

  constructor(
    readonly config: UserFacingSocketConfig,
    realBuffer = false,
  ) {
    this.ev = realBuffer
      ? (makeEventBuffer(pino({ level: 'silent' })) as unknown as EventEmitter & { flush(): boolean; buffer(): void })
      : Object.assign(new EventEmitter(), { flush: (): boolean => this.flushHeld() });
    queueMicrotask(() => this.emit('connection.update', { connection: 'connecting' }));
  }

  emit(event: string, data: unknown): void {
    this.ev.emit(event, data);
  }

  /** Calls of logout(), which unlinks the device: the bot must never make one. */
  logouts = 0;

  logout = async (): Promise<void> => {
    this.logouts++;
  };

  end(error: Error | undefined): void {
    this.ended.push(error);
    this.closeWith(error);
  }

  requestPairingCode = async (phone: string): Promise<string> => {
    this.pairingRequests.push(phone);
    // as Baileys does: the pairing writes the number into the credentials
    this.config.auth.creds.me = { id: `${phone}@s.whatsapp.net`, name: '~' };
    this.emit('creds.update', { me: this.config.auth.creds.me });
    return 'ABCD1234';
  };

  sendMessage = async (jid: string, content: unknown, options?: { messageId?: string }) => {
    // as Baileys does: a closed socket refuses at once with 428
    if (this.closed) throw Object.assign(new Error('Connection Closed'), { output: { statusCode: 428 } });
    if (this.dropOnSend) {
      this.dropOnSend = false;
      this.close(428, 'Connection Closed');
      throw Object.assign(new Error('Connection Closed'), { output: { statusCode: 428 } });
    }
    if (this.failSend) throw this.failSend;
    this.sent.push({ jid, content, id: options?.messageId });
    const text = (content as { text?: string }).text;
    return { key: { remoteJid: jid, fromMe: true, id: options?.messageId }, message: { conversation: text ?? '' } } as WAMessage;
  };

  sendPresenceUpdate = async (type: string, jid?: string): Promise<void> => {
    this.presence.push([type, jid]);
  };

  updateMediaMessage = async (m: WAMessage): Promise<WAMessage> => m;

  signalRepository = {
    lidMapping: {
      getPNForLID: async (lid: string): Promise<string | null> => {
        if (lid === this.slowLid) await new Promise((r) => setTimeout(r, 20));
        return this.lids.get(lid) ?? null;
      },
    },
  };

  // ---- what WhatsApp does ---------------------------------------------------------------

  qr(code = `QR-CODE-${Math.random()}`): void {
    this.emit('connection.update', { qr: code });
  }

  open(user = { id: '6281100009999:7@s.whatsapp.net', lid: '140000000000001:7@lid' }): void {
    this.user = user;
    this.emit('connection.update', { connection: 'open' });
  }

  close(statusCode?: number, message = 'closed'): void {
    this.closeWith(Object.assign(new Error(message), { output: { statusCode } }));
  }

  private closeWith(error: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('connection.update', { connection: 'close', lastDisconnect: error ? { error, date: new Date() } : undefined });
  }

  upsert(messages: WAMessage[], type: 'notify' | 'append' = 'notify'): void {
    this.emit('messages.upsert', { messages, type });
  }

  /** An upsert Baileys has acknowledged but still holds in its event buffer. */
  hold(messages: WAMessage[], type: 'notify' | 'append' = 'notify'): void {
    this.held.push(['messages.upsert', { messages, type }]);
  }

  private flushHeld(): boolean {
    const held = this.held.splice(0);
    for (const [event, data] of held) this.ev.emit(event, data);
    return held.length > 0;
  }
}

export function asSocket(fake: FakeSocket): SocketLike {
  // The fake implements the part of the socket the transport uses.
  return fake as unknown as SocketLike;
}

/** A message as Baileys hands it over after decoding. */
export function waMessage(text: string, key: Partial<WAMessageKey>, at: number, pushName = 'Rina'): WAMessage {
  const fullKey: WAMessageKey = { remoteJid: '150000000000002@lid', fromMe: false, id: `W${Math.random().toString(16).slice(2, 10)}`, ...key };
  const decoded = proto.WebMessageInfo.decode(
    proto.WebMessageInfo.encode(
      proto.WebMessageInfo.fromObject({ key: fullKey, message: { conversation: text }, messageTimestamp: Math.floor(at / 1000), pushName }),
    ).finish(),
  ) as WAMessage;
  decoded.key = fullKey;
  return decoded;
}
