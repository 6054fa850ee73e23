import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { PLUGINS } from '../../src/plugins.js';
import { BaileysTransport, type BaileysTransportOptions } from '../../src/transport/baileys/index.js';
import type { HeldMessage } from '../../src/store/schema.js';
import { MemoryTransport } from '../../src/transport/memory.js';
import type { Incoming } from '../../src/transport/types.js';
import { floristSeed, memoryLogger, OWNER, removeDir, T0, tempDir, testConfig, type LogEntry } from '../helpers.js';
import { asSocket, FakeSocket, waMessage } from './fake-socket.js';

const RINA_LID = '150000000000002@lid';
const settle = () => new Promise((r) => setImmediate(r));

interface Rig {
  transport: BaileysTransport;
  clock: ManualClock;
  sockets: FakeSocket[];
  /** The socket in use now. */
  sock: () => FakeSocket;
  printed: string[];
  logs: LogEntry[];
  received: Incoming[];
  versionFetches: number;
  dir: string;
  /** Sockets alive at the same time, at worst. */
  maxAlive: () => number;
}

const dirs: string[] = [];
const apps: App[] = [];
const rigs: Rig[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop();
  for (const r of rigs.splice(0)) await r.transport.stop();
  for (const d of dirs.splice(0)) await removeDir(d);
});

async function rig(over: Partial<BaileysTransportOptions> = {}, start = true): Promise<Rig> {
  const dir = await tempDir();
  dirs.push(dir);
  const clock = new ManualClock(T0);
  const { logger, entries } = memoryLogger();
  const sockets: FakeSocket[] = [];
  const printed: string[] = [];
  let alive = 0;
  let maxAlive = 0;
  const r: Rig = {
    transport: undefined as unknown as BaileysTransport,
    clock,
    sockets,
    sock: () => sockets.at(-1) as FakeSocket,
    printed,
    logs: entries,
    received: [],
    versionFetches: 0,
    dir,
    maxAlive: () => maxAlive,
  };
  r.transport = new BaileysTransport({
    dataDir: dir,
    clock,
    logger,
    connectTimeoutMs: 90_000,
    allowGroups: false,
    backlogMaxAgeMs: 6 * 3_600_000,
    random: () => 0.5,
    print: (t) => void printed.push(t),
    fetchVersion: async () => {
      r.versionFetches++;
      return [2, 3000, 1];
    },
    socketFactory: (config) => {
      const fake = new FakeSocket(config);
      alive++;
      maxAlive = Math.max(maxAlive, alive);
      fake.ev.on('connection.update', (u: { connection?: string }) => {
        if (u.connection === 'close') alive--;
      });
      sockets.push(fake);
      return asSocket(fake);
    },
    ...over,
  });
  rigs.push(r);
  if (start) {
    await r.transport.start((m) => void r.received.push(m));
    await settle();
  }
  return r;
}

describe('pairing', () => {
  it('prints the QR code with one line on how to scan it, and reminds at most every few minutes', async () => {
    const r = await rig();
    r.sock().qr('QR-1');
    r.sock().qr('QR-2');
    expect(r.printed).toHaveLength(2);
    expect(r.printed[0]).toContain('Scan this QR code with the shop phone: WhatsApp → Linked devices → Link a device.');
    expect(r.printed[0]).toMatch(/[▄▀█]/);
    expect(r.transport.status().state).toBe('waiting-for-scan');
    expect(r.logs.filter((l) => /waiting for the QR code/.test(l.msg))).toHaveLength(1);
  });

  it('keeps offering new QR codes calmly when they run out, without backing off', async () => {
    const r = await rig();
    for (let round = 0; round < 5; round++) {
      r.sock().qr();
      r.sock().close(408, 'QR refs attempts ended');
      await r.clock.advance(1000);
      await settle();
    }
    expect(r.sockets).toHaveLength(6);
    expect(r.maxAlive()).toBe(1);
    expect(r.logs.some((l) => l.level >= 50)).toBe(false);
    // a reminder, not a line per QR code
    expect(r.logs.filter((l) => /waiting for the QR code/.test(l.msg))).toHaveLength(1);
  });

  it('does not end a socket that is waiting for a scan; new codes follow when WhatsApp ends it', async () => {
    const r = await rig();
    r.sock().qr();
    await r.clock.advance(150_000);
    expect(r.sock().ended).toEqual([]);
    expect(r.sockets).toHaveLength(1);
    r.sock().close(408, 'QR refs attempts ended');
    await r.clock.advance(1000);
    await settle();
    expect(r.sockets).toHaveLength(2);
    expect(r.logs.some((l) => /did not open in time/.test(l.msg))).toBe(false);
  });

  it('asks for a fresh pairing code on the next connection when nobody entered the last one', async () => {
    const r = await rig({ pairingNumber: '6281100009999' });
    r.sock().qr();
    await settle();
    expect(r.sock().config.auth.creds.me?.id).toBe('6281100009999@s.whatsapp.net');
    r.sock().close(408, 'QR refs attempts ended');
    await r.clock.advance(1000);
    await vi.waitFor(() => expect(r.sockets).toHaveLength(2));
    expect(r.sock().config.auth.creds.me).toBeUndefined();
    r.sock().qr();
    await settle();
    expect(r.sock().pairingRequests).toEqual(['6281100009999']);
    expect(r.printed).toHaveLength(2);
  });

  it('asks for a pairing code once the socket is ready, once, and prints it with the steps', async () => {
    const r = await rig({ pairingNumber: '6281100009999' });
    expect(r.sock().pairingRequests).toEqual([]);
    r.sock().qr();
    r.sock().qr();
    await settle();
    expect(r.sock().pairingRequests).toEqual(['6281100009999']);
    expect(r.printed).toEqual([
      '\nPairing code for +62 811-0000-9999: ABCD-1234\nOn the shop phone: WhatsApp → Linked devices → Link a device → "Link with phone number instead", then type this code.\n',
    ]);
  });

  it('reconnects at once after the scan and says who it is connected as', async () => {
    const r = await rig();
    r.sock().qr();
    r.sock().emit('connection.update', { isNewLogin: true });
    r.sock().close(515, 'Stream Errored (restart required)');
    await settle();
    expect(r.sockets).toHaveLength(2); // no clock movement needed
    r.sock().open();
    expect(r.transport.isReady()).toBe(true);
    expect(r.logs.find((l) => /^connected as/.test(l.msg))?.msg).toBe('connected as +62811****9999');
    expect(r.transport.status()).toMatchObject({ state: 'open', me: '6281100009999', disconnectedSince: null });
  });

  it('starts an unfinished pairing again instead of logging in with an identity WhatsApp never accepted', async () => {
    const first = await rig({ pairingNumber: '6281100009999' });
    first.sock().qr();
    await settle();
    // requestPairingCode sets creds.me; the process dies before the code is entered
    const auth = (first.transport as unknown as { auth: { creds: { me?: unknown }; saveCreds(): Promise<void> } }).auth;
    auth.creds.me = { id: '6281100009999@s.whatsapp.net', name: '~' };
    await auth.saveCreds();
    await first.transport.stop();
    const logger = memoryLogger();
    const again = new BaileysTransport({
      dataDir: first.dir,
      clock: first.clock,
      logger: logger.logger,
      connectTimeoutMs: 90_000,
      allowGroups: false,
      backlogMaxAgeMs: 1,
      socketFactory: (config) => {
        expect(config.auth.creds.me).toBeUndefined();
        return asSocket(new FakeSocket(config));
      },
    });
    rigs.push({ transport: again } as Rig);
    await again.start(() => undefined);
    expect(logger.entries.some((l) => /unfinished pairing/.test(l.msg))).toBe(true);
  });
});

describe('connection policy in action', () => {
  it('backs off 1 s, 2 s, 4 s … on other closes, never with two sockets, and starts over once stable', async () => {
    const r = await rig();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      r.sock().close(428, 'Connection Terminated');
      await settle();
      const before = r.sockets.length;
      const t0 = r.clock.now();
      while (r.sockets.length === before) {
        await r.clock.advance(250);
        await settle();
      }
      delays.push(r.clock.now() - t0);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(r.maxAlive()).toBe(1);
    r.sock().open();
    await r.clock.advance(61_000);
    r.sock().close(428);
    await settle();
    await r.clock.advance(1000);
    await settle();
    expect(r.sockets).toHaveLength(6); // back to a 1 s wait
  });

  it('clears the whole session and pairs again when WhatsApp logs the device out', async () => {
    const r = await rig();
    r.sock().open();
    const authDir = join(r.dir, 'auth');
    const auth = (r.transport as unknown as { auth: { saveCreds(): Promise<void>; state: { keys: { set(d: object): Promise<void> } } } }).auth;
    await auth.saveCreds();
    await auth.state.keys.set({ session: { x: Buffer.from([1]) } });
    expect((await readdir(authDir)).length).toBeGreaterThan(0);
    r.sock().close(401, 'Connection Failure');
    await vi.waitFor(() => expect(r.sockets).toHaveLength(2));
    expect(await readdir(authDir)).toEqual([]);
    expect(r.sock().config.auth.creds.registered).toBe(false);
    expect(r.logs.find((l) => l.level === 50)?.msg).toBe(
      'WhatsApp logged this device out. The session was cleared; link the device again with the new QR code.',
    );
  });

  it.each([
    [440, 'another copy of this bot is using the same session'],
    [403, 'WhatsApp refused this number'],
  ])('stops reconnecting on %i, stays up, and says what to do', async (code, advice) => {
    const r = await rig();
    r.sock().open();
    r.sock().close(code);
    await settle();
    await r.clock.advance(3_600_000);
    expect(r.sockets).toHaveLength(1);
    const status = r.transport.status();
    expect(status.state).toBe('stopped');
    expect(status.stopped?.advice).toContain(advice);
    expect(r.logs.find((l) => l.level === 50)?.msg).toContain(advice);
  });

  it('may fetch the version again after a later rejection, once it was connected in between', async () => {
    const r = await rig();
    r.sock().close(405);
    await vi.waitFor(() => expect(r.versionFetches).toBe(1));
    for (let i = 0; i < 20 && r.sockets.length < 2; i++) {
      await settle();
      await r.clock.advance(250);
    }
    expect(r.sockets).toHaveLength(2);
    r.sock().open();
    r.sock().close(405);
    await vi.waitFor(() => expect(r.versionFetches).toBe(2));
  });

  it('fetches the current WhatsApp Web version once on 405, then only backs off', async () => {
    const r = await rig();
    r.sock().close(405, 'Connection Failure');
    await settle();
    await r.clock.advance(1000);
    await settle();
    expect(r.versionFetches).toBe(1);
    expect(r.sock().config.version).toEqual([2, 3000, 1]);
    r.sock().close(405, 'Connection Failure');
    await settle();
    await r.clock.advance(2000);
    await settle();
    expect(r.versionFetches).toBe(1);
    expect(r.sockets).toHaveLength(3);
  });

  it('ends an attempt that does not open within WA_CONNECT_TIMEOUT_MS, then retries', async () => {
    const r = await rig();
    await r.clock.advance(89_000);
    expect(r.sock().ended).toEqual([]);
    await r.clock.advance(1000);
    expect(r.sockets[0]?.ended[0]?.message).toMatch(/connect watchdog/);
    await r.clock.advance(1000);
    await settle();
    expect(r.sockets).toHaveLength(2);
    expect(r.maxAlive()).toBe(1);
  });

  it('closes without logging out on stop, and does not reconnect', async () => {
    const r = await rig();
    r.sock().open();
    await r.transport.stop();
    expect(r.sockets[0]?.ended).toEqual([undefined]);
    expect(r.sockets[0]?.logouts).toBe(0);
    await r.clock.advance(3_600_000);
    expect(r.sockets).toHaveLength(1);
    expect(r.transport.status().state).toBe('closed');
  });
});

describe('messages', () => {
  it('delivers messages in order, even when resolving a sender takes time', async () => {
    const r = await rig();
    r.sock().open();
    r.sock().slowLid = RINA_LID;
    r.sock().lids.set(RINA_LID, '6281234567890:0@s.whatsapp.net');
    r.sock().upsert([waMessage('satu', { remoteJid: RINA_LID }, T0)]);
    r.sock().upsert([waMessage('dua', { remoteJid: '170000000000004@lid', remoteJidAlt: '6281299990000@s.whatsapp.net' }, T0)]);
    await (r.transport as unknown as { inbound: Promise<void> }).inbound;
    expect(r.received.map((m) => [m.text, m.senderNumber])).toEqual([
      ['satu', '6281234567890'],
      ['dua', '6281299990000'],
    ]);
    expect(r.transport.status().lastInboundAt).toBe(T0);
  });

  it('sends only while connected, to the chat id as it arrived, showing typing first', async () => {
    const r = await rig();
    await expect(r.transport.send(RINA_LID, { kind: 'text', text: 'x' })).rejects.toThrow(/not connected/);
    r.sock().open();
    const sending = r.transport.send(RINA_LID, { kind: 'text', text: 'Halo Kak' }, { typingMs: 1200 });
    await settle();
    expect(r.sock().presence).toEqual([['composing', RINA_LID]]);
    await r.clock.advance(1200);
    const { id } = await sending;
    expect(r.sock().sent).toEqual([{ jid: RINA_LID, content: { text: 'Halo Kak', linkPreview: null }, id }]);
    expect(r.sock().presence.at(-1)).toEqual(['paused', RINA_LID]);
    // and WhatsApp can ask for it again to retry delivery
    expect(await r.sock().config.getMessage?.({ id })).toEqual({ conversation: 'Halo Kak' });
    // its own echo, should WhatsApp send one, is not a message from the shop
    r.sock().upsert([waMessage('Halo Kak', { remoteJid: RINA_LID, fromMe: true, id }, T0)]);
    await (r.transport as unknown as { inbound: Promise<void> }).inbound;
    expect(r.received).toEqual([]);
  });

  it('hands over messages WhatsApp acknowledged but Baileys still held when the connection closed', async () => {
    const r = await rig();
    r.sock().open();
    r.sock().hold([waMessage('halo, masih buka?', { remoteJid: '6281377778888@s.whatsapp.net' }, T0)]);
    r.sock().close(428);
    await (r.transport as unknown as { inbound: Promise<void> }).inbound;
    expect(r.received.map((m) => m.text)).toEqual(['halo, masih buka?']);
  });

  it("does the same with Baileys' own event buffer, as used once the session is logged in", async () => {
    const r = await rig(
      {
        socketFactory: (config) => {
          const fake = new FakeSocket(config, true);
          r.sockets.push(fake);
          return asSocket(fake);
        },
      },
      false,
    );
    await r.transport.start((m) => void r.received.push(m));
    await settle();
    r.sock().open();
    r.sock().ev.buffer?.();
    r.sock().upsert([waMessage('halo', { remoteJid: '6281377778888@s.whatsapp.net' }, T0)]);
    await settle();
    expect(r.received).toEqual([]); // held by Baileys
    r.sock().close(428);
    await (r.transport as unknown as { inbound: Promise<void> }).inbound;
    expect(r.received.map((m) => m.text)).toEqual(['halo']);
  });

  it('does not lose a reply whose connection was replaced while "typing…" showed', async () => {
    const r = await rig();
    r.sock().open();
    const first = r.sock();
    const sending = r.transport.send(RINA_LID, { kind: 'text', text: 'Halo Kak' }, { typingMs: 3000 });
    await settle();
    first.close(515, 'restart required');
    await vi.waitFor(() => expect(r.sockets).toHaveLength(2));
    r.sock().open();
    await r.clock.advance(3000);
    await expect(sending).rejects.toMatchObject({ name: 'NotConnectedError' });
    expect(first.sent).toEqual([]);
  });

  it('logs and counts sends WhatsApp later reports as failed, without sending them again', async () => {
    const r = await rig();
    r.sock().open();
    await r.transport.send(RINA_LID, { kind: 'text', text: 'x' });
    r.sock().emit('messages.update', [
      { key: { remoteJid: RINA_LID, fromMe: true, id: r.sock().sent[0]?.id }, update: { status: 0, messageStubParameters: ['463'] } },
    ]);
    expect(r.transport.status().sendFailures).toBe(1);
    expect(r.logs.find((l) => /reported a sent message as failed/.test(l.msg))).toMatchObject({ code: '463', chat: '15000****0002@lid' });
    expect(r.sock().sent).toHaveLength(1);
  });
});

describe('the whole bot over the WhatsApp transport', () => {
  async function bot() {
    const r = await rig({}, false);
    const { logger, entries } = memoryLogger();
    const app = await createApp({ config: testConfig(r.dir), transport: r.transport, clock: r.clock, logger, plugins: PLUGINS, seed: floristSeed() });
    apps.push(app);
    await app.start();
    await settle();
    r.sock().open();
    const texts = () => r.sock().sent.map((s) => [s.jid, (s.content as { text?: string }).text ?? '']);
    const say = async (msg: ReturnType<typeof waMessage>, type: 'notify' | 'append' = 'notify') => {
      r.sock().upsert([msg], type);
      await (r.transport as unknown as { inbound: Promise<void> }).inbound;
      await app.idle();
    };
    return { r, app, texts, say, logs: entries };
  }

  it('greets a customer on their LID chat, and never answers the same message twice', async () => {
    const { r, texts, say } = await bot();
    r.sock().lids.set(RINA_LID, '6281234567890@s.whatsapp.net');
    const msg = waMessage('halo kak', { remoteJid: RINA_LID, id: 'SAME-ID' }, T0);
    await say(msg);
    await say(msg, 'append');
    expect(texts()).toHaveLength(1);
    expect(texts()[0]?.[0]).toBe(RINA_LID);
    expect(texts()[0]?.[1]).toContain('Selamat datang');
  });

  it('takes the owner arriving as @lid for the owner when the number is known, and fails closed when it is not', async () => {
    const { r, texts, say } = await bot();
    const ownerLid = '190000000000006@lid';
    await say(waMessage('!toko', { remoteJid: ownerLid }, T0, 'Owner'));
    expect(texts().at(-1)?.[1]).not.toContain('Profil toko'); // no mapping: a customer
    r.sock().lids.set(ownerLid, `${OWNER}:3@s.whatsapp.net`);
    await say(waMessage('!toko', { remoteJid: ownerLid }, T0));
    expect(texts().at(-1)?.[1]).toContain('*Profil toko*');
    // remembered: later it works without the mapping too
    r.sock().lids.clear();
    await say(waMessage('!toko', { remoteJid: ownerLid }, T0));
    expect(texts().at(-1)?.[1]).toContain('*Profil toko*');
  });

  it('steps aside when the shop types by hand on the phone, and !lanjut brings it back', async () => {
    const { r, texts, say } = await bot();
    r.sock().lids.set(RINA_LID, '6281234567890@s.whatsapp.net');
    await say(waMessage('halo', { remoteJid: RINA_LID }, T0));
    await say(waMessage('Halo Kak Rina, saya pemiliknya', { remoteJid: RINA_LID, fromMe: true }, T0));
    const before = texts().length;
    await say(waMessage('2', { remoteJid: RINA_LID }, T0));
    expect(texts()).toHaveLength(before);
    await say(waMessage('!lanjut 081234567890', { remoteJid: `${OWNER}@s.whatsapp.net` }, T0));
    await say(waMessage('2', { remoteJid: RINA_LID }, T0));
    expect(texts().at(-1)).toEqual([RINA_LID, expect.stringContaining('Pusat Pasar Lantai 1')]);
  });

  it('knows a customer by both their ids: no second greeting, and a hand-typed reply on the other id pauses the bot', async () => {
    const { r, texts, say, app } = await bot();
    const PN = '6281234567890@s.whatsapp.net';
    await say(waMessage('halo', { remoteJid: PN }, T0));
    await say(waMessage('kak, mau tanya', { remoteJid: RINA_LID, remoteJidAlt: PN }, T0));
    expect(texts().filter(([, t]) => t?.includes('Selamat datang'))).toHaveLength(1);
    expect(app.customers.get(RINA_LID)?.messageCount).toBe(2);
    // the shop answers on the phone, in the chat WhatsApp addresses by phone number
    await say(waMessage('Iya Kak, silakan', { remoteJid: PN, fromMe: true }, T0));
    const before = texts().length;
    await say(waMessage('2', { remoteJid: RINA_LID, remoteJidAlt: PN }, T0));
    expect(texts()).toHaveLength(before);
    void r;
  });

  it('answers a message that arrives while the bot is stopping, instead of dropping it', async () => {
    const { r, app } = await bot();
    r.sock().upsert([waMessage('halo', { remoteJid: '6281377778888@s.whatsapp.net' }, T0)]);
    await app.stop();
    apps.splice(apps.indexOf(app), 1);
    expect(app.customers.get('6281377778888@s.whatsapp.net')?.messageCount).toBe(1);
    expect(r.sockets[0]?.sent.map((s) => s.jid)).toEqual(['6281377778888@s.whatsapp.net']);
  });

  it('keeps a message Baileys still held when the socket closed on stop, and answers it after the next start', async () => {
    const { r, app } = await bot();
    r.sock().hold([waMessage('mau tanya kak', { remoteJid: '6281377778888@s.whatsapp.net' }, T0)]);
    await app.stop();
    apps.splice(apps.indexOf(app), 1);
    expect(r.sockets[0]?.sent).toEqual([]);
    const saved = JSON.parse(readFileSync(join(r.dir, 'db.json'), 'utf8')) as { held: HeldMessage[] };
    expect(saved.held.map((h) => [h.chatId, h.text])).toEqual([['6281377778888@s.whatsapp.net', 'mau tanya kak']]);

    const transport = new MemoryTransport(r.clock);
    const next = await createApp({
      config: testConfig(r.dir),
      transport,
      clock: r.clock,
      logger: memoryLogger().logger,
      plugins: PLUGINS,
      seed: floristSeed(),
    });
    apps.push(next);
    await next.start();
    await next.idle();
    expect(transport.textsTo('6281377778888@s.whatsapp.net')[0]).toContain('Selamat datang');
  });

  it('records a backlog message older than the limit without answering it, and answers a recent one', async () => {
    const { r, texts, say, app } = await bot();
    await say(waMessage('halo', { remoteJid: '6281377778888@s.whatsapp.net' }, T0 - 7 * 3_600_000), 'append');
    expect(texts()).toEqual([]);
    expect(app.customers.get('6281377778888@s.whatsapp.net')?.messageCount).toBe(1);
    await say(waMessage('halo', { remoteJid: '6281399990000@s.whatsapp.net' }, T0 - 3_600_000), 'append');
    expect(texts()).toHaveLength(1);
    void r;
  });

  it('holds a reply when the connection drops under it, and sends it after the reconnect', async () => {
    const { r, app } = await bot();
    const first = r.sock();
    first.dropOnSend = true;
    first.upsert([waMessage('halo', { remoteJid: '6281377778888@s.whatsapp.net' }, T0)]);
    await vi.waitFor(() => expect(first.closed).toBe(true));
    await settle();
    expect(first.sent).toEqual([]);
    expect(app.outbox.size()).toBe(1);
    await r.clock.advance(1000);
    await vi.waitFor(() => expect(r.sockets).toHaveLength(2));
    r.sock().open();
    await app.outbox.idle();
    expect(r.sock().sent.map((s) => [s.jid, (s.content as { text: string }).text])).toEqual([
      ['6281377778888@s.whatsapp.net', expect.stringContaining('Selamat datang')],
    ]);
    expect(existsSync(join(r.dir, 'auth'))).toBe(true);
  });
});
