import { afterEach, describe, expect, it } from 'vitest';
import { decideAway, type AwaySettings } from '../../plugins/away/rules.js';
import { DEFAULT_HOURS } from '../../src/hours.js';
import { closeBots, MINUTE, OWNER, startBot, type TestBot } from '../helpers.js';

const RINA = '6281234567890';
const WIB = (local: string): number => Date.parse(`${local}+07:00`);
let bot: TestBot;
afterEach(closeBots);

const AWAY = (when: string) =>
  `Terima kasih sudah menghubungi *UD. Baim Florist*, Rina. 🙏\nSaat ini kami sedang tutup. Pesan Kakak sudah kami terima dan akan kami balas ${when}.`;

/** Rina was greeted on Tuesday morning, while the shop was open. */
async function greetedBot(config = {}): Promise<TestBot> {
  const b = await startBot({ start: WIB('2026-12-01T10:00:00'), config });
  await b.say(RINA, 'halo', { senderName: 'Rina' });
  return b;
}
const at = async (b: TestBot, local: string) => b.clock.advanceTo(WIB(local)).then(() => b.app.idle());

describe('away rules', () => {
  const on: AwaySettings = { enabled: true, mode: 'jam' };
  const facts = { timeZone: 'Asia/Jakarta', hours: DEFAULT_HOURS(), lastShopMessageAt: null, lastPeriod: null };

  it('sends while closed, once per closed period', () => {
    const night = decideAway(on, { ...facts, now: WIB('2026-12-01T20:00') });
    expect(night).toEqual({ send: true, period: `tutup:${WIB('2026-12-02T09:00')}`, reopenAt: WIB('2026-12-02T09:00') });
    const later = decideAway(on, { ...facts, now: WIB('2026-12-02T06:00'), lastPeriod: night.send ? night.period : null });
    expect(later).toEqual({ send: false, why: 'already' });
    expect(decideAway(on, { ...facts, now: WIB('2026-12-02T20:00'), lastPeriod: night.send ? night.period : null }).send).toBe(true);
    expect(decideAway(on, { ...facts, now: WIB('2026-12-02T10:00') })).toEqual({ send: false, why: 'open' });
    expect(decideAway({ ...on, enabled: false }, { ...facts, now: WIB('2026-12-01T20:00') })).toEqual({ send: false, why: 'off' });
  });

  it('stays quiet while the shop itself answered in the last 30 minutes', () => {
    const now = WIB('2026-12-01T20:00');
    expect(decideAway(on, { ...facts, now, lastShopMessageAt: now - 29 * MINUTE })).toEqual({ send: false, why: 'owner-present' });
    expect(decideAway(on, { ...facts, now, lastShopMessageAt: now - 31 * MINUTE }).send).toBe(true);
  });

  it('treats a closure and the closed days after it as one period', () => {
    const hours = { ...DEFAULT_HOURS(), closure: { from: WIB('2026-12-24T12:00'), to: WIB('2026-12-27T09:00') } };
    const during = decideAway(on, { ...facts, hours, now: WIB('2026-12-24T13:00') });
    // the 27th is a Sunday: the shop opens again on Monday the 28th
    expect(during).toEqual({ send: true, period: `tutup:${WIB('2026-12-28T09:00')}`, reopenAt: WIB('2026-12-28T09:00') });
    const sunday = decideAway(on, { ...facts, hours, now: WIB('2026-12-27T10:00'), lastPeriod: during.send ? during.period : null });
    expect(sunday).toEqual({ send: false, why: 'already' });
    expect(decideAway(on, { ...facts, hours, now: WIB('2026-12-24T11:00') })).toEqual({ send: false, why: 'open' });
  });

  it('in "always" mode sends once per open stretch and once per closed one', () => {
    const always: AwaySettings = { enabled: true, mode: 'selalu' };
    const morning = decideAway(always, { ...facts, now: WIB('2026-12-01T10:00') });
    expect(morning).toEqual({ send: true, period: `buka:${WIB('2026-12-01T17:00')}`, reopenAt: null });
    const night = decideAway(always, { ...facts, now: WIB('2026-12-01T23:50'), lastPeriod: morning.send ? morning.period : null });
    expect(night.send).toBe(true);
    // either side of midnight is still the same night
    const afterMidnight = decideAway(always, { ...facts, now: WIB('2026-12-02T00:10'), lastPeriod: night.send ? night.period : null });
    expect(afterMidnight).toEqual({ send: false, why: 'already' });
  });

  it('with no opening at all, says "secepatnya" once a day instead of once ever', () => {
    const closed = { ...facts, hours: { week: [[], [], [], [], [], [], []], holidays: [], closure: null } };
    const first = decideAway(on, { ...closed, now: WIB('2026-12-01T10:00') });
    expect(first).toEqual({ send: true, period: 'tutup:2026-12-01', reopenAt: null });
    expect(decideAway(on, { ...closed, now: WIB('2026-12-02T10:00'), lastPeriod: 'tutup:2026-12-01' }).send).toBe(true);
  });
});

describe('away message', () => {
  it('answers at night once per closed period, and again the next night', async () => {
    bot = await greetedBot();
    await at(bot, '2026-12-01T20:00');
    expect(await bot.say(RINA, 'kak')).toEqual([AWAY('besok pukul 09.00')]);
    for (const text of ['masih ada orang?', 'halo', 'kak mau tanya']) {
      await bot.advance(20 * MINUTE);
      // told the shop is closed, the customer is not told again, nor that the bot "did not understand"
      expect(await bot.say(RINA, text)).toEqual([]);
    }
    await at(bot, '2026-12-02T20:30');
    expect(await bot.say(RINA, 'kak')).toEqual([AWAY('besok pukul 09.00')]);
  });

  it('still tells the owner about a picture sent after the away message', async () => {
    bot = await greetedBot();
    await at(bot, '2026-12-01T21:00');
    await bot.say(RINA, 'kak');
    await bot.advance(10 * MINUTE);
    await bot.say(RINA, '', { kind: 'image' });
    expect(bot.sentTo(OWNER)).toEqual(['📷 *Rina* (+62 812-3456-7890) mengirim gambar. Silakan lihat dan balas di chat mereka.']);
  });

  it('still answers a factual question at night, after the away message', async () => {
    bot = await greetedBot();
    await at(bot, '2026-12-01T22:00');
    const replies = await bot.say(RINA, 'lokasi dmn kak?');
    // one bubble: the away notice, then the answer
    expect(replies).toHaveLength(1);
    expect(replies[0]?.startsWith(`${AWAY('besok pukul 09.00')}\n\n`)).toBe(true);
    expect(replies[0]).toContain('Pusat Pasar Lantai 1, Medan');
  });

  it('greets a new customer at night and then tells them the shop is closed', async () => {
    bot = await startBot({ start: WIB('2026-12-05T18:00:00') }); // a Saturday evening
    const replies = await bot.say(RINA, 'halo', { senderName: 'Rina' });
    // one bubble: the greeting, then the away notice
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Selamat datang');
    expect(replies[0]?.endsWith(`\n\n${AWAY('Senin, 7 Desember pukul 09.00')}`)).toBe(true);
  });

  it('skips the away message when the shop typed in the chat less than 30 minutes ago', async () => {
    bot = await greetedBot({ takeoverMinutes: 10 });
    await at(bot, '2026-12-01T19:50');
    await bot.say(RINA, 'Kak Rina, pesanannya sudah saya siapkan', { fromShop: true, senderNumber: null });
    await at(bot, '2026-12-01T20:10');
    expect(await bot.say(RINA, 'makasih kak')).not.toContain(AWAY('besok pukul 09.00'));
    await at(bot, '2026-12-01T20:25');
    expect(await bot.say(RINA, 'kak')).toEqual([AWAY('besok pukul 09.00')]);
  });

  it('closes the shop on holidays and during a closure the owner set', async () => {
    bot = await greetedBot();
    await bot.owner('!libur 2026-12-25 Natal');
    await bot.owner('!tutup 29/12/2026 12:00 sampai 31/12/2026 09:00');
    await at(bot, '2026-12-25T10:00'); // a Friday, and more than 14 days since Rina wrote: greeted too
    expect((await bot.say(RINA, 'kak')).at(-1)?.endsWith(AWAY('besok pukul 09.00'))).toBe(true);
    await at(bot, '2026-12-29T13:00');
    expect(await bot.say(RINA, 'kak')).toEqual([AWAY('Kamis, 31 Desember pukul 09.00')]);
    // during the closure every text says it is closed: {status} and the quick reply on hours too
    expect((await bot.say(RINA, 'masih buka kak?'))[0]).toContain('Saat ini toko *tutup*');
    expect((await bot.owner('!jam'))[0]).toContain('Sekarang: *tutup*, buka lagi Kamis, 31 Desember pukul 09.00');
    await at(bot, '2026-12-31T10:00');
    expect((await bot.say(RINA, '2'))[0]).toContain('Pusat Pasar');
  });

  it('can be switched off, or sent always', async () => {
    bot = await greetedBot();
    await bot.owner('!tutup off');
    await at(bot, '2026-12-01T20:00');
    expect(await bot.say(RINA, '2')).toHaveLength(1);
    await bot.owner('!tutup on');
    expect((await bot.owner('!tutup selalu'))[0]).toContain('kapan saja');
    await at(bot, '2026-12-02T10:00');
    expect((await bot.say(RINA, 'kak'))[0]).toBe(AWAY('secepatnya'));
  });
});
