import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ReplyError } from '../src/errors.js';
import { definePlugin, type Middleware, type PluginDefinition } from '../src/plugin-api.js';
import { PLUGINS } from '../src/plugins.js';
import { DAY, MINUTE, OWNER, closeBots, startBot, T0, type TestBot } from './helpers.js';

const CUSTOMER = '6281234567890';
const OTHER = '6281298765432';
let bot: TestBot;
afterEach(closeBots);

/** A plugin made of one middleware. */
function only(name: string, mw: Middleware): PluginDefinition {
  return definePlugin({ name, description: 'test', setup: (api) => api.use(mw) });
}

/** A plugin that answers one keyword, to see where a message went. */
function echo(name: string, keyword: string, trace: string[] = []): PluginDefinition {
  return definePlugin({
    name,
    description: 'test',
    setup(api) {
      api.use(async (ctx, next) => {
        trace.push(`${name}:before`);
        if (ctx.text === keyword) ctx.reply(`${name} answers ${keyword}`);
        else await next();
        trace.push(`${name}:after`);
      });
    },
  });
}

const byName = (name: string): PluginDefinition => PLUGINS.find((p) => p.name === name) as PluginDefinition;
const greeting = byName('greeting');
const fallback = byName('fallback');

describe('pipeline', () => {
  it('runs plugins as middleware in the configured order', async () => {
    const trace: string[] = [];
    bot = await startBot({ plugins: [echo('one', 'a', trace), echo('two', 'b', trace)] });
    expect(await bot.say(CUSTOMER, 'b')).toEqual(['two answers b']);
    expect(trace).toEqual(['one:before', 'two:before', 'two:after', 'one:after']);
  });

  it('keeps going when a plugin throws: the bug is logged with the message id, the customer gets one apology, later plugins still answer', async () => {
    const thrower = only('thrower', () => {
      throw new Error('kaboom');
    });
    const thrower2 = only('thrower-two', async (_ctx, next) => {
      await next();
      throw new Error('kaboom again');
    });
    bot = await startBot({ plugins: [thrower, thrower2, echo('helper', 'harga')] });
    const replies = await bot.say(CUSTOMER, 'harga', { id: 'MSG-1' });
    // the answer and the apology, written together in one bubble
    expect(replies).toEqual([
      'helper answers harga\n\nMohon maaf Kak, sistem kami sedang ada kendala. Pesan Kakak sudah kami terima dan admin akan membalas secepatnya. 🙏',
    ]);
    const errors = bot.logs.filter((l) => l.level === 50);
    expect(errors.map((e) => [e['plugin'], e['msgId'], (e['err'] as { message: string }).message])).toEqual([
      ['thrower', 'MSG-1', 'kaboom'],
      ['thrower-two', 'MSG-1', 'kaboom again'],
    ]);
    // the apology promises a person will answer: the owner is told
    expect(bot.sentTo(OWNER)).toEqual([
      '⚠️ Bot gagal menjawab pesan dari *Pelanggan* (+62 812-3456-7890) karena kesalahan di bot (sudah dicatat di log). Mohon balas langsung di chat mereka.',
    ]);
    // within ten minutes the same chat is not apologised to again; the answer still comes
    expect(await bot.say(CUSTOMER, 'harga')).toEqual(['helper answers harga']);
    await bot.advance(11 * MINUTE);
    expect((await bot.say(CUSTOMER, 'harga')).join()).toContain('Mohon maaf');
    // and the process is fine: another customer is served normally
    expect((await bot.say(OTHER, 'harga'))[0]).toMatch(/^helper answers harga/);
  });

  it('sends the apology instead of the fallback when the failing plugin was the only one to speak', async () => {
    const thrower = only('thrower', () => {
      throw new Error('kaboom');
    });
    bot = await startBot({ plugins: [thrower, fallback] });
    expect(await bot.say(CUSTOMER, 'mau komplain')).toEqual([expect.stringMatching(/^Mohon maaf Kak, sistem kami sedang ada kendala/)]);
  });

  it('treats calling next() twice as a bug of that plugin only', async () => {
    const twice = only('twice', async (_ctx, next) => {
      await next();
      await next();
    });
    const trace: string[] = [];
    bot = await startBot({ plugins: [twice, echo('after', 'x', trace)] });
    expect(await bot.say(CUSTOMER, 'x')).toEqual([expect.stringMatching(/^after answers x\n\nMohon maaf/)]);
    expect(trace).toEqual(['after:before', 'after:after']);
    expect(bot.logs.find((l) => l.level === 50)?.['err']).toMatchObject({ message: 'plugin twice called next() twice' });
  });

  it('survives a plugin that calls next() twice without awaiting it', async () => {
    const careless = only('careless', (_ctx, next) => {
      void next();
      void next();
    });
    bot = await startBot({ plugins: [careless, echo('after', 'x')] });
    expect(await bot.say(CUSTOMER, 'x')).toEqual([expect.stringMatching(/^after answers x\n\nMohon maaf/)]);
    expect(bot.logs.find((l) => l.level === 50)?.['err']).toMatchObject({ message: 'plugin careless called next() twice' });
  });

  it('gives up on a message whose handler never finishes, and the chat moves on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const stuck = only('stuck', async (ctx, next) => {
        if (ctx.text === 'hang') {
          await new Promise(() => undefined);
          ctx.reply('too late');
        }
        await next();
      });
      bot = await startBot({ plugins: [stuck, echo('after', 'x')] });
      bot.transport.deliver({ from: CUSTOMER, text: 'hang' });
      bot.transport.deliver({ from: CUSTOMER, text: 'x' });
      await vi.advanceTimersByTimeAsync(59_000);
      expect(bot.sentTo(CUSTOMER)).toEqual([]);
      await vi.advanceTimersByTimeAsync(2_000);
      await bot.app.idle();
      expect(bot.sentTo(CUSTOMER)).toEqual([expect.stringContaining('Mohon maaf'), 'after answers x']);
      const err = bot.logs.find((l) => l.level === 50);
      expect(err).toMatchObject({ plugin: 'stuck', err: { message: 'no answer after 60000 ms; the message was given up on' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('watches every message in hand with one timer: each is given up at its own deadline, however many pass meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const stuck = only('stuck', async (ctx, next) => {
        if (ctx.text === 'hang') await new Promise(() => undefined);
        await next();
      });
      const trace: string[] = [];
      bot = await startBot({ plugins: [stuck, echo('after', 'x', trace)] });
      bot.transport.deliver({ from: CUSTOMER, text: 'hang' });
      await vi.advanceTimersByTimeAsync(30_000);
      bot.transport.deliver({ from: OTHER, text: 'hang' });
      // more messages pass than one alarm keeps waiting (1,000), from other customers, in batches
      // the outbox takes whole; the store writes to disk meanwhile, so the test waits on the event
      // loop, not on the faked timers
      const others = Array.from({ length: 1_200 }, (_, i) => `62813${String(10_000_000 + i)}`);
      for (let batch = 0; batch < others.length; batch += 300) {
        for (const from of others.slice(batch, batch + 300)) bot.transport.deliver({ from, text: 'x' });
        for (let spins = 0; spins < 20_000 && bot.transport.sent.length < batch + 300; spins++) await new Promise((r) => setImmediate(r));
      }
      expect(trace.filter((t) => t === 'after:before')).toHaveLength(1_200);
      expect(others.every((from) => bot.sentTo(from).join() === 'after answers x')).toBe(true);
      expect(bot.sentTo(CUSTOMER)).toEqual([]);
      await vi.advanceTimersByTimeAsync(29_000);
      expect(bot.sentTo(CUSTOMER)).toEqual([]);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(bot.sentTo(CUSTOMER)).toEqual([expect.stringContaining('Mohon maaf')]);
      expect(bot.sentTo(OTHER)).toEqual([]);
      await vi.advanceTimersByTimeAsync(29_000);
      expect(bot.sentTo(OTHER)).toEqual([]);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(bot.sentTo(OTHER)).toEqual([expect.stringContaining('Mohon maaf')]);
      expect(bot.logs.filter((l) => l.level === 50 && l['plugin'] === 'stuck')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a ReplyError text to the chat as it is, without logging a bug', async () => {
    const refuser = only('refuser', () => {
      throw new ReplyError('Maaf Kak, stok sedang kosong.');
    });
    bot = await startBot({ plugins: [refuser, fallback] });
    expect(await bot.say(CUSTOMER, 'ada?')).toEqual(['Maaf Kak, stok sedang kosong.']);
    expect(bot.logs.some((l) => l.level >= 50)).toBe(false);
  });

  it('answers a message delivered twice only once', async () => {
    bot = await startBot({ plugins: [echo('one', 'halo')] });
    expect(await bot.say(CUSTOMER, 'halo', { id: 'same' })).toEqual(['one answers halo']);
    expect(await bot.say(CUSTOMER, 'halo', { id: 'same' })).toEqual([]);
  });

  it('handles one chat at a time in order, while other chats do not wait', async () => {
    const gates = new Map<string, () => void>();
    const slow = only('slow', async (ctx) => {
      if (ctx.text.startsWith('wait')) await new Promise<void>((resolve) => gates.set(ctx.text, resolve));
      ctx.reply(`done ${ctx.text}`);
    });
    bot = await startBot({ plugins: [slow] });
    const { transport, app } = bot;
    transport.deliver({ from: CUSTOMER, text: 'wait 1' });
    transport.deliver({ from: CUSTOMER, text: 'second' });
    transport.deliver({ from: OTHER, text: 'other' });
    await new Promise((r) => setImmediate(r));
    await app.outbox.idle();
    expect(transport.textsTo(`${OTHER}@s.whatsapp.net`)).toEqual(['done other']);
    expect(transport.textsTo(`${CUSTOMER}@s.whatsapp.net`)).toEqual([]);
    gates.get('wait 1')?.();
    await app.idle();
    expect(transport.textsTo(`${CUSTOMER}@s.whatsapp.net`)).toEqual(['done wait 1', 'done second']);
  });

  it('records customers without their texts, and never answers what the shop typed by hand', async () => {
    bot = await startBot({ plugins: [greeting, fallback] });
    await bot.say(CUSTOMER, 'halo', { senderName: '  *Rina*  ' });
    await bot.advance(2 * MINUTE);
    expect(await bot.say(CUSTOMER, 'shop reply', { fromShop: true, senderNumber: null })).toEqual([]);
    await bot.advance(MINUTE);
    await bot.say(CUSTOMER, 'makasih');
    const record = bot.app.customers.get(`${CUSTOMER}@s.whatsapp.net`);
    expect(record).toMatchObject({
      number: CUSTOMER,
      name: 'Rina',
      firstSeen: T0,
      lastSeen: T0 + 3 * MINUTE,
      messageCount: 2,
      lastShopMessageAt: T0 + 2 * MINUTE,
    });
    await bot.app.store.flush();
    const onDisk = readFileSync(join(bot.dir, 'db.json'), 'utf8');
    expect(onDisk).not.toContain('makasih');
    expect(onDisk).not.toContain('shop reply');
  });

  it('flushes before an acknowledgement: what the customer is told was recorded is on disk when it goes out', async () => {
    const orders = definePlugin({
      name: 'orders',
      description: 'test',
      state: { schema: z.object({ last: z.number() }), defaults: () => ({ last: 0 }) },
      setup(api) {
        api.use(async (ctx) => {
          ctx.state.update((s) => void (s.last += 1));
          await api.flush();
          ctx.reply(`Pesanan O-${ctx.state.get().last} tercatat`);
        });
      },
    });
    bot = await startBot({ plugins: [orders] });
    const seenOnDisk: number[] = [];
    bot.transport.onSend = () => {
      seenOnDisk.push((JSON.parse(readFileSync(join(bot.dir, 'db.json'), 'utf8')) as { plugins: { orders: { last: number } } }).plugins.orders.last);
    };
    await bot.say(CUSTOMER, 'pesan');
    await bot.say(OTHER, 'pesan');
    expect(seenOnDisk).toEqual([1, 2]);
  });

  it('lets a plugin hold a chat in a dialog (its numbers are not menu choices), and times it out with the clock', async () => {
    const expired: string[] = [];
    const survey = definePlugin({
      name: 'survey',
      description: 'test',
      setup(api) {
        api.use(async (ctx, next) => {
          const session = ctx.dialog.current;
          if (session && /^[1-5]$/.test(ctx.text)) {
            ctx.dialog.end();
            ctx.reply(`Terima kasih, nilai ${ctx.text} (step ${session.step})`);
          } else if (ctx.text === 'survei') {
            ctx.dialog.start('rating', { asked: ctx.now }, { timeoutMs: 3 * MINUTE });
            ctx.reply('Nilai 1-5?');
          } else await next();
        });
        api.on('dialog-timeout', async (chat, session) => {
          expired.push(session.step);
          await chat.send(`Waktu habis, ${chat.salutation}`);
        });
      },
    });
    // a plugin before the dialog's own: while the dialog holds the chat, "4" is no menu choice to it
    const choices: Array<string | null> = [];
    const spy = definePlugin({
      name: 'spy',
      description: 'test',
      setup(api) {
        api.use((ctx, next) => {
          choices.push(ctx.choice?.kind ?? null);
          return next();
        });
      },
    });
    bot = await startBot({ plugins: [spy, survey, echo('other', '4'), fallback] });
    expect(await bot.say(CUSTOMER, 'survei', { senderName: 'Rina' })).toEqual(['Nilai 1-5?']);
    expect(await bot.say(CUSTOMER, '4')).toEqual(['Terima kasih, nilai 4 (step rating)']);
    expect(await bot.say(CUSTOMER, '4')).toEqual(['other answers 4']);
    expect(choices.slice(1)).toEqual([null, 'item']);
    // a new session, then silence: the timeout fires when simulated time passes it
    await bot.say(CUSTOMER, 'survei');
    await bot.advance(2 * MINUTE);
    expect(expired).toEqual([]);
    await bot.advance(2 * MINUTE);
    expect(expired).toEqual(['rating']);
    expect(bot.sentTo(CUSTOMER).at(-1)).toBe('Waktu habis, Rina');
  });

  it('keeps dialog sessions across a restart and still times them out', async () => {
    const expired: string[] = [];
    const make = () =>
      definePlugin({
        name: 'survey',
        description: 'test',
        setup(api) {
          api.use((ctx) => (ctx.dialog.current ? ctx.reply('still in the dialog') : ctx.dialog.start('waiting', null, { timeoutMs: 10 * MINUTE })));
          api.on('dialog-timeout', (chat) => void expired.push(chat.chatId));
        },
      });
    bot = await startBot({ plugins: [make()] });
    await bot.say(CUSTOMER, 'start');
    bot = await bot.restart();
    expect(await bot.say(CUSTOMER, 'anything')).toEqual(['still in the dialog']);
    await bot.advance(11 * MINUTE);
    expect(expired).toEqual([`${CUSTOMER}@s.whatsapp.net`]);
  });

  it('runs scheduled jobs of plugins with the simulated clock, and they can write to known customers only', async () => {
    const sends: string[] = [];
    const reminder = definePlugin({
      name: 'reminder',
      description: 'test',
      setup(api) {
        api.schedule('morning', '0 8 * * *', async () => {
          const known = api.chat(`${CUSTOMER}@s.whatsapp.net`);
          const unknown = api.chat(`${OTHER}@s.whatsapp.net`);
          sends.push(unknown === null ? 'unknown is null' : 'unknown reachable');
          await known?.send('Selamat pagi!');
          await api.notifyOwners('Ringkasan pagi');
        });
      },
    });
    bot = await startBot({ plugins: [reminder] });
    await bot.say(CUSTOMER, 'halo');
    await bot.advance(DAY);
    expect(sends).toEqual(['unknown is null']);
    expect(bot.sentTo(CUSTOMER)).toEqual(['Selamat pagi!']);
    expect(bot.sentTo(OWNER)).toEqual(['Ringkasan pagi']);
  });

  it('lets a job send several paced messages under the manual clock without waiting on itself', async () => {
    const digest = definePlugin({
      name: 'digest',
      description: 'test',
      setup(api) {
        api.schedule('morning', '0 8 * * *', async () => {
          await api.notifyOwners('satu');
          await api.notifyOwners('dua');
        });
      },
    });
    bot = await startBot({ plugins: [digest], pacing: { minGapMs: 1000, jitter: 0, typingPerCharMs: 0, typingMinMs: 0, typingMaxMs: 0 } });
    await bot.clock.advance(DAY); // returns: the job only queued its messages
    await bot.clock.advance(2000);
    await bot.app.outbox.idle();
    const sent = bot.transport.sent.map((s) => [s.message.kind === 'text' ? s.message.text : '', s.at]);
    const eight = Date.parse('2026-12-02T08:00:00+07:00');
    expect(sent).toEqual([
      ['satu', eight],
      ['dua', eight + 1000],
    ]);
  });

  it('sends owner alerts to the chat the owner last wrote from', async () => {
    const alerter = definePlugin({
      name: 'alerter',
      description: 'test',
      setup(api) {
        api.use(async (ctx) => {
          if (!ctx.isOwner) await api.notifyOwners(`alert about ${ctx.customer.number}`);
        });
      },
    });
    bot = await startBot({ plugins: [alerter] });
    await bot.say(CUSTOMER, 'x');
    expect(bot.sentTo(OWNER)).toEqual([`alert about ${CUSTOMER}`]);
    // the owner writes from a LID chat id: alerts follow them there
    await bot.say(OWNER, '!bantuan', { chatId: '99887766@lid' });
    await bot.say(OTHER, 'y');
    expect(bot.transport.textsTo('99887766@lid').at(-1)).toBe(`alert about ${OTHER}`);
  });
});
