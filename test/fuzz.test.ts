import type { WAMessage } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import { definePlugin } from '../src/plugin-api.js';
import { toIncoming, type InboundDeps } from '../src/transport/baileys/inbound.js';
import { closeBots, MINUTE, startBot, T0 } from './helpers.js';

/**
 * 10,000 randomly made inbound messages (a fixed seed, so a failure can be replayed) through the
 * WhatsApp normaliser and then the whole pipeline: random Unicode, right-to-left text, zero-width
 * characters, a 64 KB text, empty texts, emoji only, missing or null fields, every content kind.
 * Nothing may throw or reject, and no reply may be longer than WhatsApp's 4,096 characters.
 */
afterEach(closeBots);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(20261201);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const chance = (p: number): boolean => rand() < p;

const PIECES = [
  'halo',
  'kak',
  'harga mawar merah brp',
  'katalog',
  '1',
  '2',
  '4',
  'pesan P07 2',
  'komplain',
  'sudah',
  'batal',
  'lokasi dmn',
  '!jam',
  '!keluhan',
  'مرحبا بك',
  'שלום',
  '\u202Eterbalik\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '🌹🌹🌹',
  '👨‍👩‍👧‍👦',
  '🇮🇩',
  'ᾅ̸̡͎̓',
  '\u0000',
  '\uD800',
  'ｆｕｌｌｗｉｄｔｈ',
  '𝓯𝓪𝓷𝓬𝔂',
  '\n\n\t',
  '   ',
  '%s%n{{nama}}',
  '<script>',
  'P0',
  'p-07',
  'x'.repeat(300),
];

function randomText(): string | null | undefined {
  if (chance(0.05)) return null;
  if (chance(0.05)) return undefined;
  if (chance(0.05)) return '';
  if (chance(0.002)) return 'a'.repeat(64 * 1024);
  const n = 1 + Math.floor(rand() * 5);
  return Array.from({ length: n }, () => pick(PIECES)).join(pick([' ', '', '\n']));
}

const JIDS = [
  '150000000000002@lid',
  '120363000000000000@g.us',
  'status@broadcast',
  '1203630000@newsletter',
  '',
  'garbage',
  '6281100001111@s.whatsapp.net',
  ...Array.from({ length: 60 }, (_, i) => `62812${String(30_000_000 + i)}@s.whatsapp.net`),
];

function randomContent(): Record<string, unknown> | null | undefined {
  const text = randomText();
  const kinds: Array<() => Record<string, unknown> | null | undefined> = [
    () => ({ conversation: text }),
    () => ({ extendedTextMessage: { text } }),
    () => ({ imageMessage: { caption: text, mimetype: pick(['image/jpeg', 'image/png', null, 'x/y']) } }),
    () => ({ videoMessage: { caption: text } }),
    () => ({ audioMessage: { ptt: chance(0.5) } }),
    () => ({ stickerMessage: {} }),
    () => ({ documentMessage: { caption: text, fileName: text } }),
    () => ({ locationMessage: { degreesLatitude: rand() * 180 - 90, degreesLongitude: rand() * 360 - 180, name: text } }),
    () => ({ contactMessage: { displayName: text, vcard: text } }),
    () => ({ reactionMessage: { text: '👍' } }),
    () => ({ protocolMessage: { type: 0 } }),
    () => ({ ephemeralMessage: { message: { conversation: text } } }),
    () => ({ viewOnceMessageV2: { message: { imageMessage: { caption: text } } } }),
    () => ({ buttonsResponseMessage: { selectedDisplayText: text } }),
    () => ({ listResponseMessage: { title: text } }),
    () => ({ pollUpdateMessage: {} }),
    () => ({ [`unknown${Math.floor(rand() * 5)}Message`]: { text } }),
    () => null,
    () => undefined,
    () => ({}),
  ];
  return pick(kinds)();
}

let clockNow = T0;

function randomMessage(i: number): WAMessage {
  const key: Record<string, unknown> = {
    remoteJid: chance(0.03) ? null : pick(JIDS),
    fromMe: chance(0.05) ? null : chance(0.1),
    id: chance(0.03) ? null : `F${i}-${Math.floor(rand() * 1e6)}`,
  };
  if (chance(0.2)) key['participant'] = pick(JIDS);
  if (chance(0.2)) key['remoteJidAlt'] = pick(JIDS);
  const msg: Record<string, unknown> = {
    key,
    message: randomContent(),
    messageTimestamp: pick([
      Math.floor(clockNow / 1000) - Math.floor(rand() * 600),
      Math.floor(clockNow / 1000),
      Math.floor(clockNow / 1000) - Math.floor(rand() * 100_000),
      null,
      undefined,
      '1764558000',
      { low: 1, high: 0, unsigned: true },
      -5,
      1e15,
    ]),
    pushName: chance(0.5) ? randomText() : pick(['Owner', 'Admin', 'Pemilik Toko', '\u202EnimdA']),
  };
  if (chance(0.02)) msg['messageStubType'] = 1;
  return msg as unknown as WAMessage;
}

describe("WhatsApp's limits", () => {
  it('splits a reply longer than 4,096 characters into parts, and keeps a caption within 1,024', async () => {
    const wordy = definePlugin({
      name: 'wordy',
      description: 'test',
      setup: (api) =>
        api.use((ctx) => {
          ctx.reply(`${'a'.repeat(3000)}\n\n${'b'.repeat(3000)}`);
          ctx.reply({ kind: 'image', image: { path: 'test/fixtures/mawar.png' }, caption: 'c'.repeat(2000) });
        }),
    });
    const bot = await startBot({ plugins: [wordy] });
    await bot.say('6281234567890', 'halo');
    const texts = bot.transport.sent.filter((s) => s.message.kind === 'text').map((s) => (s.message.kind === 'text' ? s.message.text : ''));
    expect(texts).toEqual(['a'.repeat(3000), 'b'.repeat(3000)]);
    const image = bot.transport.sent.find((s) => s.message.kind === 'image');
    expect(image?.message.kind === 'image' && (image.message.caption ?? '').length).toBeLessThanOrEqual(1024);
  });
});

describe('fuzzing', () => {
  it('takes 10,000 random messages through the normaliser and the pipeline without a crash or an overlong reply', async () => {
    const bot = await startBot({ config: { replyCap: { count: 1000, windowMs: 600_000 } } });
    const deps: InboundDeps = {
      me: { pn: '6281100009999@s.whatsapp.net', lid: '140000000000001@lid' },
      now: T0,
      backlogMaxAgeMs: 6 * 3_600_000,
      allowGroups: false,
      isOwnSend: () => false,
      pnForLid: async (lid) => (lid === '150000000000002@lid' ? '6281234567890@s.whatsapp.net' : null),
      download: async () => {
        if (chance(0.3)) throw new Error('download failed');
        return new Uint8Array(chance(0.2) ? 0 : 10);
      },
    };
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const timersBefore = timers();
    let delivered = 0;
    let skipped = 0;
    for (let i = 0; i < 10_000; i++) {
      if (i % 250 === 249) {
        // time passes: rate limits, hand-offs and dialogs expire, jobs run
        await bot.advance(7 * MINUTE);
        clockNow = bot.clock.now();
        deps.now = clockNow;
      }
      const result = await toIncoming(randomMessage(i), chance(0.1) ? 'append' : 'notify', deps);
      if (!result.ok) {
        skipped++;
        continue;
      }
      delivered++;
      await bot.app.deliver(result.incoming);
      if (i % 500 === 0) await bot.app.idle();
    }
    await bot.app.idle();
    expect(delivered).toBeGreaterThan(3000);
    expect(skipped).toBeGreaterThan(500);
    const longest = Math.max(...bot.transport.sent.map((s) => (s.message.kind === 'text' ? s.message.text.length : (s.message.caption ?? '').length)));
    expect(longest).toBeLessThanOrEqual(4096);
    for (const s of bot.transport.sent) if (s.message.kind === 'image') expect((s.message.caption ?? '').length).toBeLessThanOrEqual(1024);
    // nothing is left hanging, rejected unhandled, or growing without bound
    process.off('unhandledRejection', onRejection);
    expect(rejections).toEqual([]);
    expect(timers()).toBeLessThanOrEqual(timersBefore + 2);
    expect(bot.app.store.data.seen.length).toBeLessThanOrEqual(5500); // 5,000 kept, trimmed in batches of 500
    expect(bot.app.store.data.held).toEqual([]);
    expect(bot.app.outbox.size()).toBe(0);
    expect(bot.logs.filter((l) => l.level >= 50 && !String(l.msg).includes('could not be kept'))).toEqual([]);
  }, 120_000);
});
