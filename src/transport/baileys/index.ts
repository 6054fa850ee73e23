import { join } from 'node:path';
import makeWASocket, {
  Browsers,
  downloadMediaMessage,
  fetchLatestWaWebVersion,
  generateMessageIDV2,
  jidNormalizedUser,
  makeCacheableSignalKeyStore,
  type AnyMessageContent,
  type ConnectionState,
  type proto,
  type UserFacingSocketConfig,
  type WAMessage,
  type WASocket,
  type WAVersion,
} from '@whiskeysockets/baileys';
import qrcode from 'qrcode-terminal';
import type { Clock, TimerHandle } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { formatPhone, maskChat, maskPhone } from '../../phone.js';
import { NotConnectedError, type Incoming, type IncomingSink, type Outgoing, type SendOptions, type SendResult, type Transport } from '../types.js';
import { FileAuthStore } from './auth-store.js';
import { classifyClose, type CloseAction } from './close-policy.js';
import { untilAborted } from '../abort.js';
import { toIncoming } from './inbound.js';
import { baileysLogger, type ILogger } from './log.js';
import { LruCache } from './lru.js';

/**
 * The WhatsApp transport: layani as a linked device of the shop's number, through Baileys. The
 * only module that imports Baileys. It pairs (QR or pairing code), keeps exactly one socket,
 * reconnects by the close policy, and turns Baileys' events into `Incoming` messages in order.
 */
export type SocketLike = Pick<WASocket, 'ev' | 'end' | 'requestPairingCode' | 'sendMessage' | 'sendPresenceUpdate' | 'updateMediaMessage' | 'user'> & {
  signalRepository: { lidMapping: { getPNForLID(lid: string): Promise<string | null> } };
};

export type SocketFactory = (config: UserFacingSocketConfig) => SocketLike;

export type ConnectionStateName = 'starting' | 'connecting' | 'waiting-for-scan' | 'open' | 'reconnecting' | 'stopped' | 'closed';

export interface TransportStatus {
  state: ConnectionStateName;
  since: number;
  /** When the bot last stopped being connected (or started); null while connected. */
  disconnectedSince: number | null;
  /** Set when reconnecting stopped: why, and what the operator should do. */
  stopped: { reason: string; advice: string } | null;
  /** The shop's number once connected. */
  me: string | null;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  /** Sent messages WhatsApp later reported as failed (e.g. 463). */
  sendFailures: number;
  reconnects: number;
}

export interface BaileysTransportOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** WA_CONNECT_TIMEOUT_MS: an attempt that has not opened by then is ended. */
  connectTimeoutMs: number;
  /** WA_WEBSOCKET_URL: another endpoint (tests point it at loopback). */
  webSocketUrl?: string;
  /** PAIRING_NUMBER: pair with an 8-character code instead of a QR code. */
  pairingNumber?: string;
  allowGroups: boolean;
  backlogMaxAgeMs: number;
  socketFactory?: SocketFactory;
  /** Where QR codes and pairing instructions go (the terminal, so `docker logs` shows them). */
  print?: (text: string) => void;
  fetchVersion?: () => Promise<WAVersion | null>;
  random?: () => number;
  /** Baileys' own handshake timeout; tests make it short. */
  handshakeTimeoutMs?: number;
  /** Real time allowed for the socket to close on stop(). */
  stopTimeoutMs?: number;
}

/** A connection counts as stable, and the backoff starts over, after this long open. */
const STABLE_AFTER_MS = 60_000;
const QR_REMINDER_EVERY_MS = 5 * 60_000;
const SENT_KEEP = 500;

export class BaileysTransport implements Transport {
  readonly name = 'whatsapp';
  private sink: IncomingSink | null = null;
  private auth: FileAuthStore | null = null;
  private sock: SocketLike | null = null;
  private shuttingDown = false;
  private attempt = 0;
  private versionRefreshed = false;
  private version: WAVersion | undefined;
  private watchdog: TimerHandle | null = null;
  private stableTimer: TimerHandle | null = null;
  private retryTimer: TimerHandle | null = null;
  private closedWaiters: Array<() => void> = [];
  private readyWaiters: Array<() => void> = [];
  private inbound: Promise<void> = Promise.resolve();
  private lastQrReminder = -Infinity;
  private pairingRequested = false;
  private readonly ownSends = new LruCache(2000, 24 * 3_600_000);
  private readonly sent = new LruCache(SENT_KEEP, 24 * 3_600_000);
  // Bounded caches shared by every socket, so retry counts and device lists survive reconnects.
  private readonly caches = {
    msgRetryCounterCache: new LruCache(2000, 3_600_000),
    userDevicesCache: new LruCache(2000, 5 * 60_000),
    callOfferCache: new LruCache(200, 5 * 60_000),
    placeholderResendCache: new LruCache(2000, 3_600_000),
    mediaCache: new LruCache(200, 3_600_000),
  };
  private readonly keyCache = new LruCache(5000, 5 * 60_000);
  private readonly log: Logger;
  private readonly baileysLog: ILogger;
  private readonly status_: TransportStatus;
  private readonly factory: SocketFactory;
  private readonly print: (text: string) => void;
  private readonly random: () => number;
  /** Sockets created so far; tests check there is never more than one open at a time. */
  socketsCreated = 0;

  constructor(private readonly opts: BaileysTransportOptions) {
    this.log = opts.logger.child({ mod: 'whatsapp' });
    // Baileys is chatty at info; its warnings and errors are what an operator needs, numbers masked.
    this.baileysLog = baileysLogger(opts.logger);
    this.status_ = {
      state: 'starting',
      since: opts.clock.now(),
      disconnectedSince: opts.clock.now(),
      stopped: null,
      me: null,
      lastInboundAt: null,
      lastOutboundAt: null,
      sendFailures: 0,
      reconnects: 0,
    };
    this.factory = opts.socketFactory ?? ((config) => makeWASocket(config));
    this.print = opts.print ?? ((text) => void process.stdout.write(`${text}\n`));
    this.random = opts.random ?? Math.random;
  }

  status(): TransportStatus {
    return { ...this.status_, stopped: this.status_.stopped ? { ...this.status_.stopped } : null };
  }

  async start(sink: IncomingSink): Promise<void> {
    this.sink = sink;
    const { store, lost } = await FileAuthStore.open({ dir: join(this.opts.dataDir, 'auth'), logger: this.opts.logger, now: () => this.opts.clock.now() });
    this.auth = store;
    if (lost) this.print(`The WhatsApp session could not be read and was kept aside in ${lost.movedTo}. Link this device again below.`);
    await this.connect();
  }

  isReady(): boolean {
    return this.status_.state === 'open' && this.sock !== null;
  }

  whenReady(): Promise<void> {
    if (this.isReady()) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  chatIdForNumber(digits: string): string {
    return `${digits}@s.whatsapp.net`;
  }

  async send(chatId: string, message: Outgoing, options?: SendOptions): Promise<SendResult> {
    const sock = this.sock;
    if (!sock || !this.isReady()) throw new NotConnectedError('not connected to WhatsApp');
    const typingMs = options?.typingMs ?? 0;
    if (typingMs > 0) {
      await sock.sendPresenceUpdate('composing', chatId).catch(() => undefined);
      await untilAborted(this.opts.clock.sleep(typingMs), options?.signal);
      // The connection may have dropped, or been replaced, while "typing…" showed.
      if (this.sock !== sock || !this.isReady()) throw new NotConnectedError('the connection changed while typing; the message waits for the next one');
    }
    if (options?.signal?.aborted) throw new NotConnectedError('the bot is stopping; the message is kept for the next start');
    const id = generateMessageIDV2(sock.user?.id);
    this.ownSends.set(id, true);
    const content: AnyMessageContent =
      message.kind === 'text'
        ? { text: message.text, linkPreview: null }
        : 'path' in message.image
          ? { image: { url: message.image.path }, ...(message.caption ? { caption: message.caption } : {}) }
          : { image: Buffer.from(message.image.data), mimetype: message.image.mimetype, ...(message.caption ? { caption: message.caption } : {}) };
    // Replies go to the chat id exactly as it arrived: an @lid stays an @lid.
    let result: WAMessage | undefined;
    try {
      result = await sock.sendMessage(chatId, content, { messageId: id });
    } catch (err) {
      // 428 "Connection Closed": nothing went out; the outbox keeps the message for the next connection.
      const code = (err as { output?: { statusCode?: number } }).output?.statusCode;
      if (code === 428 || this.sock !== sock) throw new NotConnectedError(`the connection closed before the message went out (${(err as Error).message})`);
      throw err;
    }
    if (result?.message) this.sent.set(id, result.message);
    if (typingMs > 0) await sock.sendPresenceUpdate('paused', chatId).catch(() => undefined);
    this.status_.lastOutboundAt = this.opts.clock.now();
    return { id };
  }

  drain(): Promise<void> {
    return this.inbound;
  }

  async stop(): Promise<void> {
    this.shuttingDown = true;
    this.retryTimer?.cancel();
    this.stableTimer?.cancel();
    this.watchdog?.cancel();
    const sock = this.sock;
    if (sock) {
      const closed = new Promise<void>((resolve) => this.closedWaiters.push(resolve));
      // Ends the socket without logging out: the session stays linked for the next start.
      sock.end(undefined);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.opts.stopTimeoutMs ?? 3000)))]);
      clearTimeout(timer);
    }
    this.sock = null;
    this.setState('closed');
    await this.inbound;
    await this.auth?.settled();
  }

  // ---- the connection -------------------------------------------------------------------

  private async connect(): Promise<void> {
    if (this.shuttingDown || this.sock || !this.auth) return;
    const auth = this.auth;
    if (!auth.registered && auth.creds.me) {
      // A pairing that was started (a pairing code sets creds.me) and never finished: start clean,
      // or Baileys would try to log in with an identity WhatsApp never accepted, and no new QR
      // code or pairing code would ever come.
      this.log.warn('an unfinished pairing was found; starting the pairing again');
      await auth.clear();
      this.keyCache.flushAll();
      if (this.shuttingDown || this.sock) return;
    }
    this.pairingRequested = false;
    this.setState(this.status_.reconnects === 0 && this.attempt === 0 ? 'connecting' : 'reconnecting');
    const sock = this.factory({
      auth: { creds: auth.creds, keys: makeCacheableSignalKeyStore(auth.state.keys, this.baileysLog, this.keyCache) },
      logger: this.baileysLog,
      browser: Browsers.ubuntu('Chrome'),
      markOnlineOnConnect: false,
      syncFullHistory: false,
      // Our own sends are not echoed back as messages; what the shop types on the phone still is.
      emitOwnEvents: false,
      connectTimeoutMs: this.opts.handshakeTimeoutMs ?? 20_000,
      ...(this.opts.webSocketUrl ? { waWebSocketUrl: this.opts.webSocketUrl } : {}),
      ...(this.version ? { version: this.version } : {}),
      getMessage: async (key: proto.IMessageKey) => (key.id ? this.sent.get<proto.IMessage>(key.id) : undefined),
      ...this.caches,
    });
    this.sock = sock;
    this.socketsCreated++;
    const started = this.opts.clock.now();
    this.watchdog = this.opts.clock.at(started + this.opts.connectTimeoutMs, () => {
      if (this.sock !== sock || this.status_.state === 'open') return;
      this.log.warn({ afterMs: this.opts.connectTimeoutMs }, 'the connection did not open in time; ending this attempt');
      sock.end(new Error('connect watchdog: no open within the timeout'));
    });
    sock.ev.on('connection.update', (update) => this.onConnectionUpdate(sock, update));
    sock.ev.on('creds.update', () => {
      void auth.saveCreds().catch((err: unknown) => this.log.error({ err }, 'could not save the WhatsApp credentials'));
    });
    sock.ev.on('messages.upsert', ({ messages, type }) => {
      this.inbound = this.inbound
        .then(() => this.onMessages(sock, messages, type))
        .catch((err: unknown) => this.log.error({ err }, 'incoming messages could not be read'));
    });
    sock.ev.on('messages.update', (updates) => {
      for (const { key, update } of updates) {
        if (!key.fromMe || update.status !== 0) continue;
        this.status_.sendFailures++;
        const code = (update as { messageStubParameters?: unknown[] }).messageStubParameters?.[0];
        this.log.warn(
          { chat: maskChat(key.remoteJid ?? ''), code: code ?? 'unknown', failures: this.status_.sendFailures },
          'WhatsApp reported a sent message as failed; it is not sent again',
        );
      }
    });
  }

  private onConnectionUpdate(sock: SocketLike, update: Partial<ConnectionState>): void {
    if (this.sock !== sock) return;
    if (update.qr) this.onQr(sock, update.qr);
    if (update.isNewLogin) this.log.info('the device was linked; WhatsApp restarts the connection once');
    if (update.connection === 'open') {
      this.watchdog?.cancel();
      const me = sock.user?.id ? (jidNormalizedUser(sock.user.id).split('@')[0] ?? null) : null;
      // A later version rejection (WhatsApp updates itself every few weeks) may fetch again.
      this.versionRefreshed = false;
      this.status_.me = me;
      this.status_.stopped = null;
      this.setState('open');
      // masked even here: info-level logs hold no whole phone numbers, the shop's own included
      this.log.info(`connected as ${me ? `+${maskPhone(me)}` : 'the linked number'}`);
      this.stableTimer?.cancel();
      this.stableTimer = this.opts.clock.at(this.opts.clock.now() + STABLE_AFTER_MS, () => {
        if (this.sock === sock && this.status_.state === 'open') this.attempt = 0;
      });
      for (const w of this.readyWaiters.splice(0)) w();
    }
    if (update.connection === 'close') this.onClose(sock, update);
  }

  private onQr(sock: SocketLike, qr: string): void {
    // The socket is alive and talking: waiting for a scan is not a hang. Baileys ends it itself
    // when its QR codes run out (408), and a new one follows.
    this.watchdog?.cancel();
    if (this.status_.state !== 'waiting-for-scan') this.setState('waiting-for-scan');
    const now = this.opts.clock.now();
    if (this.opts.pairingNumber) {
      if (this.pairingRequested || this.auth?.registered) return;
      this.pairingRequested = true;
      const number = this.opts.pairingNumber;
      // Asked for only now: the first QR event is when the socket is ready for it.
      sock
        .requestPairingCode(number)
        .then((code) => {
          const shown = code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
          this.print(
            `\nPairing code for ${formatPhone(number)}: ${shown}\n` +
              'On the shop phone: WhatsApp → Linked devices → Link a device → "Link with phone number instead", then type this code.\n',
          );
          this.log.info('a pairing code was printed; enter it on the shop phone');
        })
        .catch((err: unknown) => {
          this.pairingRequested = false;
          this.log.warn({ err }, 'could not get a pairing code yet; it will be asked for again');
        });
      return;
    }
    qrcode.generate(qr, { small: true }, (art) => {
      this.print(`\n${art}\nScan this QR code with the shop phone: WhatsApp → Linked devices → Link a device.\n`);
    });
    if (now - this.lastQrReminder >= QR_REMINDER_EVERY_MS) {
      this.lastQrReminder = now;
      this.log.info('waiting for the QR code to be scanned (a new one is printed as each expires)');
    }
  }

  private onClose(sock: SocketLike, update: Partial<ConnectionState>): void {
    // Baileys acknowledges a message before handing it over and may still hold it in its event
    // buffer; on close that buffer is destroyed. Flushing it first means WhatsApp's acknowledged
    // messages reach us instead of vanishing. Our listeners are still attached at this point.
    try {
      sock.ev.flush();
    } catch (err) {
      this.log.warn({ err }, 'could not flush the last buffered events');
    }
    this.watchdog?.cancel();
    this.stableTimer?.cancel();
    this.sock = null;
    for (const w of this.closedWaiters.splice(0)) w();
    const err = update.lastDisconnect?.error as (Error & { output?: { statusCode?: number } }) | undefined;
    const action = classifyClose({
      statusCode: err?.output?.statusCode,
      message: err?.message,
      shuttingDown: this.shuttingDown,
      attempt: this.attempt,
      versionRefreshed: this.versionRefreshed,
      random: this.random,
    });
    void this.act(action).catch((e: unknown) => this.log.error({ err: e }, 'could not act on a closed connection'));
  }

  private async act(action: CloseAction): Promise<void> {
    switch (action.kind) {
      case 'shutdown':
        this.setState('closed');
        return;
      case 'stop':
        this.status_.stopped = { reason: action.reason, advice: action.advice };
        this.setState('stopped');
        this.log.error({ reason: action.reason }, `reconnecting stopped: ${action.advice}`);
        return;
      case 'restart':
        this.log.info({ reason: action.reason }, 'reconnecting at once');
        this.reconnect(0);
        return;
      case 'new-qr':
        this.reconnect(action.delayMs);
        return;
      case 'relink':
        this.log.error({ reason: action.reason }, 'WhatsApp logged this device out. The session was cleared; link the device again with the new QR code.');
        await this.auth?.clear();
        // The cached keys belong to the identity that was just cleared.
        this.keyCache.flushAll();
        this.sent.flushAll();
        this.attempt = 0;
        this.reconnect(0);
        return;
      case 'refresh-version': {
        this.versionRefreshed = true;
        const fetched = await withTimeout((this.opts.fetchVersion ?? defaultFetchVersion)(), 15_000).catch(() => null);
        if (fetched) this.version = fetched;
        this.log.warn(
          { reason: action.reason, version: fetched?.join('.') ?? 'unchanged' },
          'WhatsApp rejected the client version; retrying with the current one',
        );
        this.attempt++;
        this.reconnect(action.delayMs);
        return;
      }
      case 'backoff':
        this.attempt++;
        this.log.warn({ reason: action.reason, attempt: this.attempt, retryInMs: action.delayMs }, 'the WhatsApp connection closed; reconnecting');
        this.reconnect(action.delayMs);
        return;
    }
  }

  private reconnect(delayMs: number): void {
    if (this.shuttingDown) return;
    this.status_.reconnects++;
    this.setState('reconnecting');
    this.retryTimer?.cancel();
    const go = (): void => void this.connect().catch((err: unknown) => this.log.error({ err }, 'could not start a connection'));
    if (delayMs <= 0) {
      // "At once" means now, not whenever a (possibly simulated) clock next moves.
      queueMicrotask(go);
      return;
    }
    this.retryTimer = this.opts.clock.at(this.opts.clock.now() + delayMs, go);
  }

  private setState(state: ConnectionStateName): void {
    if (this.status_.state === state) return;
    const now = this.opts.clock.now();
    if (state === 'open') this.status_.disconnectedSince = null;
    else if (this.status_.disconnectedSince === null) this.status_.disconnectedSince = now;
    this.status_.state = state;
    this.status_.since = now;
  }

  // ---- messages ---------------------------------------------------------------------------

  private async onMessages(sock: SocketLike, messages: WAMessage[], type: 'notify' | 'append'): Promise<void> {
    const user = sock.user;
    const me = {
      pn: user?.id ? jidNormalizedUser(user.id) : null,
      lid: user?.lid ? jidNormalizedUser(user.lid) : null,
    };
    for (const msg of messages) {
      const result = await toIncoming(msg, type, {
        me,
        now: this.opts.clock.now(),
        backlogMaxAgeMs: this.opts.backlogMaxAgeMs,
        allowGroups: this.opts.allowGroups,
        isOwnSend: (id) => this.ownSends.get(id) === true,
        pnForLid: (lid) => sock.signalRepository.lidMapping.getPNForLID(lid),
        download: (m) => downloadMediaMessage(m, 'buffer', {}, { logger: this.baileysLog, reuploadRequest: (x) => sock.updateMediaMessage(x) }),
      });
      if (!result.ok) {
        this.log.debug({ msgId: msg.key.id, skip: result.skip }, 'message skipped');
        continue;
      }
      this.deliver(result.incoming);
    }
  }

  private deliver(incoming: Incoming): void {
    this.status_.lastInboundAt = this.opts.clock.now();
    this.sink?.(incoming);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

async function defaultFetchVersion(): Promise<WAVersion | null> {
  const r = await fetchLatestWaWebVersion();
  return r.isLatest ? r.version : null;
}
