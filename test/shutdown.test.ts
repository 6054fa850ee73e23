import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PluginDefinition } from '../src/plugin-api.js';
import type { Pacing } from '../src/engine/outbox.js';
import { PLUGINS } from '../src/plugins.js';
import { handleProcessEnd } from '../src/lifecycle.js';
import type { DbData, HeldMessage, UnsentReply } from '../src/store/schema.js';
import type { Incoming } from '../src/transport/types.js';
import { heldEntry, keepPicture } from '../src/engine/holding.js';
import { Media } from '../src/engine/media.js';
import { closeBots, HOUR, memoryLogger, OWNER, removeDir, startBot, tempDir, type TestBot } from './helpers.js';

const RINA = '6281234567890';
const BUDI = '6281298765432';
const MAWAR_PNG = readFileSync('test/fixtures/mawar.png');

afterEach(async () => {
  vi.useRealTimers();
  await closeBots();
});

type Saved = Omit<DbData, 'held' | 'unsent'> & { held: HeldMessage[]; unsent: UnsentReply[] };
const db = (bot: TestBot): Saved => JSON.parse(readFileSync(join(bot.dir, 'db.json'), 'utf8')) as Saved;

/** Starts stopping the bot and resolves once it no longer takes new messages (wrapped: an async function would wait for `done`). */
async function beginStop(bot: TestBot): Promise<{ done: Promise<void> }> {
  const done = bot.close();
  await vi.waitFor(() => expect(bot.logs.some((l) => l.msg.startsWith('stopping: new messages are kept'))).toBe(true));
  return { done };
}

/** A reply is waiting in the outbox because WhatsApp is not connected. */
async function replyWaiting(bot: TestBot, from: string, text: string): Promise<void> {
  bot.transport.disconnect();
  bot.transport.deliver({ from, text });
  await vi.waitFor(() => expect(bot.app.outbox.size()).toBe(1));
}

/**
 * Rina's greeting waits for the connection; the bot starts stopping; Budi writes; the connection
 * comes back within the grace, so Rina's greeting (in hand) goes out; the bot finishes stopping.
 */
async function budiWritesWhileStopping(): Promise<{ bot: TestBot; late: Incoming }> {
  const bot = await startBot();
  await replyWaiting(bot, RINA, 'halo');
  const stopping = (await beginStop(bot)).done;
  const late = bot.transport.deliver({ from: BUDI, text: 'halo kak', senderName: 'Budi' });
  bot.transport.reconnect();
  await stopping;
  return { bot, late };
}

/** Stops the bot while letting fake time run past the 5 s grace and the second after the socket closed. */
async function stopWithFakeTime(bot: TestBot, whileStopping?: () => void): Promise<void> {
  const realTimeout = globalThis.setTimeout;
  const realTurn = (): Promise<void> => new Promise((resolve) => realTimeout(resolve, 2));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  let done = false;
  const stopping = bot.close().finally(() => (done = true));
  if (whileStopping) {
    for (let i = 0; i < 500 && !bot.logs.some((l) => l.msg.startsWith('stopping: new messages are kept')); i++) await realTurn();
    whileStopping();
  }
  // fake time moves on in steps of 100 ms, with a few real ms between for file writes to land
  for (let step = 0; !done && step < 5000; step++) {
    await vi.advanceTimersByTimeAsync(100);
    await realTurn();
  }
  vi.useRealTimers();
  await stopping;
}

/** A plugin whose answer to "lambat" waits until the test opens the gate. */
let gate: Promise<void> = Promise.resolve();
let openGate: () => void = () => undefined;
const shutGate = (): void => void (gate = new Promise<void>((resolve) => (openGate = resolve)));
const slow: PluginDefinition = {
  name: 'slow',
  description: 'answers "lambat" when the test lets it',
  setup(api) {
    api.use(async (ctx, next) => {
      if (ctx.text !== 'lambat') return next();
      await gate;
      ctx.reply('selesai');
    });
  },
};

describe('stopping', () => {
  it('takes no new message once stopping, finishes the replies in hand, and answers the new one after the next start', async () => {
    const { bot, late } = await budiWritesWhileStopping();
    expect(bot.sentTo(RINA)[0]).toContain('Selamat datang');
    expect(bot.sentTo(BUDI)).toEqual([]);
    const saved = db(bot);
    expect(saved.held.map((h) => [h.chatId, h.text, h.senderName])).toEqual([[`${BUDI}@s.whatsapp.net`, 'halo kak', 'Budi']]);
    expect(saved.unsent).toEqual([]);

    const next = await bot.restart();
    await next.app.idle();
    expect(next.sentTo(BUDI)[0]).toContain('Selamat datang');
    expect(next.app.customers.get(`${BUDI}@s.whatsapp.net`)?.messageCount).toBe(1);
    // WhatsApp delivering the same message (its id) again after the restart is not answered twice,
    // while a new message with the same words is
    expect(await next.say(BUDI, 'alamat tokonya dimana kak?', { id: late.id })).toEqual([]);
    expect((await next.say(BUDI, 'alamat tokonya dimana kak?'))[0]).toContain('Pusat Pasar Lantai 1');
    await next.close();
    expect(db(next).held).toEqual([]);
  });

  it('gives the messages in hand 5 s: a reply that could not go out is kept and sent after the next start', async () => {
    const bot = await startBot();
    await replyWaiting(bot, RINA, 'halo');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stopping = bot.close();
    await vi.advanceTimersByTimeAsync(4_900);
    expect(bot.logs.some((l) => l.msg.startsWith('stopping with work still pending'))).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    vi.useRealTimers();
    await stopping;
    expect(bot.logs.some((l) => l.msg.startsWith('stopping with work still pending'))).toBe(true);
    expect(bot.transport.sent).toEqual([]);
    expect(db(bot).unsent).toEqual([
      { chatId: `${RINA}@s.whatsapp.net`, queuedAt: bot.clock.now(), message: { kind: 'text', text: expect.stringContaining('Selamat datang') } },
    ]);

    const next = await bot.restart();
    await next.app.idle();
    expect(next.sentTo(RINA)).toHaveLength(1);
    expect(next.sentTo(RINA)[0]).toContain('Selamat datang');
  });

  it('drops a kept reply that is more than an hour old by the next start, rather than answering late', async () => {
    const bot = await startBot();
    await replyWaiting(bot, RINA, 'halo');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stopping = bot.close();
    await vi.advanceTimersByTimeAsync(7_000);
    vi.useRealTimers();
    await stopping;
    await bot.clock.advance(2 * HOUR);
    const next = await bot.restart();
    await next.app.idle();
    expect(next.sentTo(RINA)).toEqual([]);
    expect(next.logs.some((l) => l.msg === 'a reply waited too long for the connection and was dropped')).toBe(true);
  });

  it('keeps a message that had not started when the 5 s ran out, even while the one before it never finishes in time', async () => {
    shutGate();
    const bot = await startBot({ plugins: [slow, ...PLUGINS] });
    bot.transport.deliver({ from: RINA, text: 'lambat' });
    bot.transport.deliver({ from: RINA, text: 'alamat tokonya dimana kak?' });
    await stopWithFakeTime(bot);
    // the slow answer is still under way, and the stop is over
    expect(bot.sentTo(RINA)).toEqual([]);
    expect(db(bot).held.map((h) => h.text)).toEqual(['alamat tokonya dimana kak?']);
    openGate();
    await vi.waitFor(() => expect(bot.logs.some((l) => l.msg.startsWith('a message was still being answered when the bot stopped'))).toBe(true));
    const next = await bot.restart();
    await next.app.idle();
    expect(next.sentTo(RINA).join('\n')).toContain('Pusat Pasar Lantai 1');
  });

  it('keeps a kept message in db.json until it is taken up, so a stop right after a start keeps it again, once', async () => {
    shutGate();
    const bot = await startBot({ plugins: [slow, ...PLUGINS] });
    await replyWaiting(bot, BUDI, 'halo');
    const stopping = (await beginStop(bot)).done;
    bot.transport.deliver({ from: RINA, text: 'lambat' });
    bot.transport.deliver({ from: RINA, text: 'alamat tokonya dimana kak?' });
    bot.transport.reconnect();
    await stopping;
    expect(db(bot).held.map((h) => h.text)).toEqual(['lambat', 'alamat tokonya dimana kak?']);
    // the next start takes up "lambat", which hangs; "alamat" waits behind it; the bot stops again
    const second = await bot.restart();
    await vi.waitFor(() => expect(second.logs.some((l) => l.msg === 'message received')).toBe(true));
    await stopWithFakeTime(second);
    expect(db(second).held.map((h) => h.text)).toEqual(['alamat tokonya dimana kak?']);
    openGate();
    const third = await second.restart();
    await third.app.idle();
    expect(third.sentTo(RINA).filter((t) => t.includes('Pusat Pasar Lantai 1'))).toHaveLength(1);
    await third.close();
    expect(db(third).held).toEqual([]);
  });

  it('keeps the picture of a message that came while stopping, and uses it after the next start', async () => {
    const bot = await startBot();
    await replyWaiting(bot, RINA, 'halo');
    const stopping = (await beginStop(bot)).done;
    bot.transport.deliver({
      from: OWNER,
      text: '!balasan gambar lokasi',
      kind: 'image',
      image: { mimetype: 'image/png', read: () => Promise.resolve(new Uint8Array(MAWAR_PNG)) },
    });
    bot.transport.reconnect();
    await stopping;
    const [held] = db(bot).held;
    expect(held?.image?.path).toMatch(/^media\/tertunda-[0-9a-f-]+\.png$/);
    const picture = join(bot.dir, held?.image?.path ?? '');
    expect(readFileSync(picture).equals(MAWAR_PNG)).toBe(true);

    const next = await bot.restart();
    await next.app.idle();
    expect(next.sentTo(OWNER).at(-1)).toContain('lokasi');
    expect(existsSync(picture)).toBe(false);
    const before = next.transport.sent.length;
    await next.say(RINA, 'alamat tokonya dimana kak?');
    const answer = next.transport.sent.slice(before).find((s) => s.message.kind === 'image');
    expect(answer).toBeDefined();
    const sentPath = answer?.message.kind === 'image' && 'path' in answer.message.image ? answer.message.image.path : '';
    expect(readFileSync(sentPath).equals(MAWAR_PNG)).toBe(true);
  });

  it("does not answer a kept message hours late: it is recorded, as WhatsApp's own backlog is", async () => {
    const { bot } = await budiWritesWhileStopping();
    await bot.clock.advance(7 * HOUR);
    const next = await bot.restart();
    await next.app.idle();
    expect(next.sentTo(BUDI)).toEqual([]);
    expect(next.app.customers.get(`${BUDI}@s.whatsapp.net`)?.messageCount).toBe(1);
  });

  it('leaves out a damaged kept entry with a log line, and still answers the others', async () => {
    const { bot } = await budiWritesWhileStopping();
    const saved = db(bot);
    const damaged = { ...saved, held: [{ id: 'x', chatId: 42 }, ...saved.held], unsent: [{ chatId: RINA, message: { kind: 'video' } }] };
    writeFileSync(join(bot.dir, 'db.json'), JSON.stringify(damaged));
    const next = await bot.restart();
    await next.app.idle();
    expect(next.sentTo(BUDI)[0]).toContain('Selamat datang');
    expect(next.app.store.recovery).toBeNull();
    expect(next.logs.filter((l) => l.level === 50).map((l) => l.msg)).toEqual([
      'a kept reply in db.json was damaged and is left out',
      'a kept message in db.json was damaged and is left out',
    ]);
  });
});

describe('what stopping must not lose or repeat', () => {
  const TYPING: Pacing = { minGapMs: 0, jitter: 0, typingPerCharMs: 35, typingMinMs: 500, typingMaxMs: 4000 };

  it('keeps a reply whose "typing…" was under way when the bot stopped, and sends it once after the next start', async () => {
    const bot = await startBot({ pacing: TYPING });
    bot.transport.typing = true; // the clock stands still: "typing…" lasts until the stop cuts it short
    bot.transport.deliver({ from: RINA, text: 'halo' });
    await vi.waitFor(() => expect(bot.app.outbox.size()).toBe(1));
    await stopWithFakeTime(bot);
    expect(bot.transport.sent).toEqual([]);
    expect(db(bot).unsent.map((u) => u.message.kind === 'text' && u.message.text.includes('Selamat datang'))).toEqual([true]);
    const next = await bot.restart();
    await next.app.idle();
    expect(next.sentTo(RINA).filter((t) => t.includes('Selamat datang'))).toHaveLength(1);
  });

  it("keeps the order of one chat's messages: one waiting in line comes before one that arrived while stopping", async () => {
    shutGate();
    const bot = await startBot({ plugins: [slow, ...PLUGINS] });
    bot.transport.deliver({ from: RINA, text: 'lambat' });
    bot.transport.deliver({ from: RINA, text: 'pertama: alamat tokonya dimana kak?' });
    await stopWithFakeTime(bot, () => bot.transport.deliver({ from: RINA, text: 'kedua: jam buka?' }));
    expect(db(bot).held.map((h) => h.text)).toEqual(['pertama: alamat tokonya dimana kak?', 'kedua: jam buka?']);
    openGate();
  });

  it('writes that a kept message was taken up before answering it: a power cut after the answer does not bring it back', async () => {
    const { bot } = await budiWritesWhileStopping();
    const next = await startBot({ dataDir: bot.dir, clock: bot.clock, storeWriteDelayMs: 60_000 });
    await next.app.idle();
    expect(next.sentTo(BUDI)[0]).toContain('Selamat datang');
    // on disk now, although the store otherwise waits a minute before writing
    expect(db(next).held).toEqual([]);
  });

  it('starts normally when the kept lists in db.json are damaged as a whole', async () => {
    const bot = await startBot();
    await bot.close();
    const saved = db(bot);
    writeFileSync(join(bot.dir, 'db.json'), JSON.stringify({ ...saved, held: null, unsent: { oops: 1 } }));
    const next = await bot.restart();
    expect(next.app.store.recovery).toBeNull();
    expect(next.app.store.data.held).toEqual([]);
    expect(next.app.store.data.unsent).toEqual([]);
  });

  it("shows a customer's kept messages in !pelanggan, and erasing them drops them before they are answered", async () => {
    shutGate();
    const bot = await startBot({ plugins: [slow, ...PLUGINS] });
    await replyWaiting(bot, RINA, 'halo');
    const stopping = (await beginStop(bot)).done;
    bot.transport.deliver({ from: BUDI, text: 'lambat', senderName: 'Budi' });
    bot.transport.deliver({ from: BUDI, text: 'nama saya Budi, alamat saya Jl. Mawar 5', senderName: 'Budi' });
    bot.transport.reconnect();
    await stopping;
    // the next start takes up "lambat", which hangs; the second waits behind it, still kept
    const next = await bot.restart();
    await vi.waitFor(() => expect(next.logs.some((l) => l.msg === 'message received')).toBe(true));
    // the owner's chat is not held up by Budi's ("say" would wait for every chat to be idle)
    const ownerSays = async (text: string): Promise<string> => {
      const before = next.sentTo(OWNER).length;
      next.transport.deliver({ from: OWNER, text });
      await vi.waitFor(() => expect(next.sentTo(OWNER).length).toBeGreaterThan(before));
      return next.sentTo(OWNER)[before] ?? '';
    };
    expect(await ownerSays('!pelanggan 081298765432')).toContain('Pesan yang datang saat bot berhenti, dijawab setelah bot jalan lagi: 1');
    await ownerSays('!pelanggan 081298765432 hapus');
    expect(await ownerSays('!pelanggan 081298765432 hapus ya')).toContain('sudah dihapus');
    expect(next.app.store.data.held).toEqual([]);
    openGate();
    await next.app.idle();
    expect(next.app.store.data.held).toEqual([]);
    // only "lambat", already under way, was answered; the erased message never was
    expect(next.sentTo(BUDI)).toEqual(['selesai']);
    await next.app.store.flush();
    expect(readFileSync(join(next.dir, 'db.json'), 'utf8')).not.toContain('Jl. Mawar');
  });
});

describe('a picture that comes while stopping', () => {
  it('is left out when it cannot be read within 2 s, and removed if it is saved after all', async () => {
    const dir = await tempDir();
    try {
      const media = new Media(dir);
      const saves: Array<Promise<string>> = [];
      const save = media.save.bind(media);
      media.save = (image, prefix) => {
        const saving = save(image, prefix);
        saves.push(saving);
        return saving;
      };
      const { logger, entries } = memoryLogger();
      let arrive: (bytes: Uint8Array) => void = () => undefined;
      const image = { mimetype: 'image/png', read: () => new Promise<Uint8Array>((resolve) => (arrive = resolve)) };
      const entry = heldEntry({
        id: 'p1',
        chatId: `${RINA}@s.whatsapp.net`,
        senderNumber: RINA,
        senderName: null,
        text: '',
        kind: 'image',
        at: 0,
        fromShop: false,
        image,
      });
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const keeping = keepPicture(entry, image, media, logger);
      await vi.advanceTimersByTimeAsync(2_000);
      await keeping;
      vi.useRealTimers();
      expect(entry.image).toBeUndefined();
      expect(entries.some((e) => e.msg === 'the picture of a message that came while stopping could not be kept')).toBe(true);
      arrive(new Uint8Array(MAWAR_PNG));
      const late = join(dir, await (saves[0] as Promise<string>));
      await vi.waitFor(() => expect(existsSync(late)).toBe(false));
    } finally {
      await removeDir(dir);
    }
  });
});

describe('while WhatsApp is down for hours', () => {
  it('still gives the owner an alert when the connection comes back, and drops a customer reply that is too late', async () => {
    const bot = await startBot();
    bot.transport.disconnect();
    bot.transport.deliver({ from: RINA, text: '', kind: 'image', senderName: 'Rina' });
    await vi.waitFor(() => expect(bot.app.outbox.size()).toBe(2));
    await bot.clock.advance(3 * HOUR);
    bot.transport.reconnect();
    await bot.app.idle();
    expect(bot.sentTo(RINA)).toEqual([]);
    expect(bot.sentTo(OWNER)).toEqual(['📷 *Rina* (+62 812-3456-7890) mengirim gambar. Silakan lihat dan balas di chat mereka.']);
  });

  it('keeps an owner alert across a stop, and sends it after the next start however late', async () => {
    const bot = await startBot();
    bot.transport.disconnect();
    bot.transport.deliver({ from: RINA, text: '', kind: 'image', senderName: 'Rina' });
    await vi.waitFor(() => expect(bot.app.outbox.size()).toBe(2));
    await stopWithFakeTime(bot);
    expect(db(bot).unsent.map((u) => [u.chatId.split('@')[0], u.keep === true])).toEqual([
      [OWNER, true],
      [RINA, false],
    ]);
    await bot.clock.advance(5 * HOUR);
    const next = await bot.restart();
    await next.app.idle();
    expect(next.sentTo(RINA)).toEqual([]);
    expect(next.sentTo(OWNER)[0]).toContain('mengirim gambar');
  });
});

describe('the process', () => {
  function rig(opts: { stop?: () => Promise<void>; flush?: () => Promise<void> } = {}) {
    const proc = new EventEmitter();
    const { logger, entries } = memoryLogger();
    const events: string[] = [];
    handleProcessEnd({
      stop: opts.stop ?? (async () => void events.push('stopped')),
      flush: opts.flush ?? (async () => void events.push('flushed')),
      logger,
      exit: (code) => void events.push(`exit ${code}`),
      proc: proc as unknown as Pick<NodeJS.Process, 'on'>,
      crashFlushMs: 5_000,
    });
    return { proc, entries, events };
  }

  it.each(['SIGTERM', 'SIGINT'])('stops in order on %s and exits 0', async (signal) => {
    const { proc, events, entries } = rig();
    proc.emit(signal);
    await vi.waitFor(() => expect(events).toEqual(['stopped', 'exit 0']));
    expect(entries.map((e) => e.msg)).toEqual(['signal received; stopping', 'stopped']);
  });

  it('exits at once on a second signal while stopping', async () => {
    const { proc, events } = rig({ stop: () => new Promise(() => undefined) });
    proc.emit('SIGTERM');
    proc.emit('SIGINT');
    expect(events).toEqual(['exit 1']);
  });

  it('saves what it can and exits 1 when stopping takes over 9 s, before docker stop would kill it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { proc, events, entries } = rig({ stop: () => new Promise(() => undefined) });
    proc.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(8_999);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(['flushed', 'exit 1']);
    expect(entries.some((e) => e.msg === 'stopping is taking too long; saving what can be saved and exiting')).toBe(true);
  });

  it('exits 1 when stopping fails, and says why', async () => {
    const { proc, events, entries } = rig({ stop: () => Promise.reject(new Error('disk gone')) });
    proc.emit('SIGTERM');
    await vi.waitFor(() => expect(events).toEqual(['exit 1']));
    expect(entries.find((e) => e.msg === 'could not stop cleanly')?.['err']).toMatchObject({ message: 'disk gone' });
  });

  it.each([
    ['uncaughtException', 'uncaught exception'],
    ['unhandledRejection', 'unhandled rejection'],
  ])('on an %s: logs it with its stack, saves the data, then exits 1 for Docker to restart', async (event, kind) => {
    const { proc, events, entries } = rig();
    proc.emit(event, new Error('something broke'));
    await vi.waitFor(() => expect(events).toEqual(['flushed', 'exit 1']));
    const fatal = entries.find((e) => e.level === 60);
    expect(fatal).toMatchObject({ kind, err: { message: 'something broke', stack: expect.stringContaining('shutdown.test.ts') } });
  });

  it('exits after 5 s even if the data cannot be saved (a full disk), saying so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { proc, events, entries } = rig({ flush: () => new Promise(() => undefined) });
    proc.emit('uncaughtException', new Error('boom'));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(['exit 1']);
    expect(entries.some((e) => e.msg === 'the data could not be saved before exiting')).toBe(true);
  });

  it('saves the customers a running bot holds when it crashes', async () => {
    const bot = await startBot({ storeWriteDelayMs: 60_000 });
    await bot.say(RINA, 'halo');
    expect(Object.keys(db(bot).customers)).toEqual([]);
    const { proc, events } = rig({ flush: () => bot.app.store.flush() });
    proc.emit('uncaughtException', new Error('boom'));
    await vi.waitFor(() => expect(events).toEqual(['exit 1']));
    expect(Object.keys(db(bot).customers)).toContain(`${RINA}@s.whatsapp.net`);
  });
});
