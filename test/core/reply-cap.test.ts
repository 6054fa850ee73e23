import { afterEach, describe, expect, it } from 'vitest';
import { BoundedSet } from '../../src/engine/chat-queue.js';
import { LOOP_LIMITS, LoopGuard, ReplyCap } from '../../src/engine/reply-cap.js';
import { HOUR, MINUTE, OWNER, closeBots, startBot } from '../helpers.js';

/** At most 6 automatic replies per chat in 10 minutes: floods and loops with other bots end there. */
afterEach(closeBots);
const RINA = '6281234567890';

describe('ReplyCap', () => {
  it('allows the count within the window, refuses the rest, and says once when a spell starts', () => {
    const cap = new ReplyCap({ count: 3, windowMs: 10 * MINUTE });
    const t0 = 1_000_000;
    expect([0, 1, 2].map((i) => cap.take('a', t0 + i).allowed)).toEqual([true, true, true]);
    expect(cap.take('a', t0 + 3)).toEqual({ allowed: false, newlyCapped: true });
    expect(cap.take('a', t0 + 4)).toEqual({ allowed: false, newlyCapped: false });
    expect(cap.take('b', t0 + 4).allowed).toBe(true); // another chat is not affected
    // a chat that keeps writing stays capped: the quiet lasts until it has been calm for a whole
    // window, however long it keeps going (a spammer, another bot with its own timer)
    let t = t0 + 4;
    for (let i = 0; i < 12; i++) {
      t += 5 * MINUTE;
      expect(cap.take('a', t)).toEqual({ allowed: false, newlyCapped: false });
    }
    // calm for ten minutes ends the spell: answers go out again, and the next spell is told again
    const later = t + 10 * MINUTE;
    expect([0, 1, 2].map((i) => cap.take('a', later + i).allowed)).toEqual([true, true, true]);
    expect(cap.take('a', later + 3)).toEqual({ allowed: false, newlyCapped: true });
  });
});

describe('LoopGuard', () => {
  const limits = { ...LOOP_LIMITS, windowMs: 10 * MINUTE };
  const t0 = 1_000_000_000;

  it('sees the same message repeated, more than a person types, and the same answer a third time', () => {
    const guard = new LoopGuard(limits);
    const text = 'Pesan Anda akan kami balas segera';
    expect([0, 1].map((i) => guard.inbound('a', text, t0 + i * 1000))).toEqual([null, null]);
    expect(guard.inbound('a', text, t0 + 2000)).toBe('repeat');
    // short texts a person repeats while waiting never count
    expect([0, 1, 2, 3].map((i) => guard.inbound('b', 'kak??', t0 + i * 10_000))).toEqual([null, null, null, null]);
    const fast = Array.from({ length: 13 }, (_, i) => guard.inbound('c', `pertanyaan nomor ${i}`, t0 + i * 1000));
    expect(fast.slice(0, 12).every((r) => r === null)).toBe(true);
    expect(fast[12]).toBe('flood');
    expect(guard.answer('d', 'Jam buka 09.00', t0)).toBeNull();
    expect(guard.answer('d', 'Jam buka 09.00', t0 + 1000)).toBeNull();
    expect(guard.answer('d', 'Jam buka 09.00', t0 + 2000)).toBe('same-answer');
    // the same answer after the loop window is a person asking again
    expect(guard.answer('e', 'Jam buka 09.00', t0)).toBeNull();
    expect(guard.answer('e', 'Jam buka 09.00', t0 + 3 * MINUTE)).toBeNull();
    expect(guard.answer('e', 'Jam buka 09.00', t0 + 6 * MINUTE)).toBeNull();
  });

  it('forgets what lies outside the window, and starts afresh when the clock goes back', () => {
    const guard = new LoopGuard(limits);
    const text = 'Pesan Anda akan kami balas segera';
    guard.inbound('a', text, t0);
    guard.inbound('a', text, t0 + 1000);
    // after the window the earlier two are forgotten: this is the first again
    expect(guard.inbound('a', text, t0 + 11 * MINUTE)).toBeNull();
    guard.inbound('b', text, t0);
    guard.inbound('b', text, t0 + 1000);
    // the clock went back an hour: what was seen "in the future" does not count
    expect(guard.inbound('b', text, t0 - HOUR)).toBeNull();
  });
});

describe('BoundedSet', () => {
  it('remembers at least its last `capacity` keys, and at most twice as many', () => {
    const set = new BoundedSet(100);
    for (let i = 0; i < 1000; i++) expect(set.add(`k${i}`)).toBe(true);
    expect(set.add('k999')).toBe(false);
    for (let i = 900; i < 1000; i++) expect(set.has(`k${i}`)).toBe(true);
    expect(set.has('k0')).toBe(false);
    expect(set.size).toBeLessThanOrEqual(200);
    expect(set.size).toBeGreaterThanOrEqual(100);
  });
});

describe('in the bot', () => {
  it('answers a keen shopper: 15 different questions in 5 minutes get 15 answers', async () => {
    const bot = await startBot();
    const questions = [
      'halo',
      'lokasi dimana',
      'jam buka?',
      'ongkir ke binjai brp',
      'bisa cod?',
      'ada mawar merah?',
      'harga buket wisuda?',
      'kirim hari ini bisa?',
      'cara pesan?',
      'mawar putih ready?',
      'anggrek ungu brp kak',
      'bayar pakai qris bisa?',
      'katalog',
      'P14',
      'bunga meja lily brp',
    ];
    let answered = 0;
    for (const q of questions) {
      if ((await bot.say(RINA, q)).length > 0) answered++;
      await bot.advance(20_000);
    }
    expect(answered).toBe(15);
    expect(bot.sentTo(OWNER).filter((m) => m.startsWith('🔁'))).toEqual([]);
  });

  it('ends a flood of the same message, tells the owner why once, hands the chat over, and answers again after a quiet spell', async () => {
    const bot = await startBot();
    const answered: number[] = [];
    for (let i = 0; i < 10; i++) answered.push((await bot.say(RINA, 'lokasi dimana')).length);
    // the same message a third time is a loop: the bot stops there
    expect(answered).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(bot.sentTo(OWNER).filter((m) => m.startsWith('🔁'))).toEqual([
      '🔁 Bot berhenti membalas otomatis di chat *Pelanggan* (+62 812-3456-7890) karena pesan yang sama datang berulang kali (mungkin bot lain atau pesan otomatis). Chatnya kami serahkan ke Kakak; bot membalas lagi setelah chatnya tenang 10 menit. Silakan lihat chatnya.',
    ]);
    await bot.advance(HOUR + MINUTE);
    expect((await bot.say(RINA, 'lokasi dimana'))[0]).toContain('Pusat Pasar');
  });

  it('stops before the same answer goes out a third time, and when messages come faster than a person types', async () => {
    const bot = await startBot();
    await bot.say(RINA, 'halo');
    for (const text of ['alamat toko dmn?', 'lokasi dimana kak', 'tempatnya dimana ya']) await bot.say(RINA, text);
    expect(bot.sentTo(RINA).filter((m) => m.startsWith('📍'))).toHaveLength(2);
    expect(bot.sentTo(OWNER).at(-1)).toContain('karena bot hampir mengirim jawaban yang sama untuk ketiga kalinya dalam 2 menit');
    const BUDI = '6281298765432';
    // fourteen different product codes within the same minute: no person types that fast
    for (let i = 1; i <= 14; i++) await bot.say(BUDI, `P${String(i).padStart(2, '0')}`);
    expect(bot.sentTo(OWNER).at(-1)).toContain('karena pesan datang lebih cepat dari ketikan orang');
  });

  it('still sends the order number to a capped chat', async () => {
    const bot = await startBot({ config: { replyCap: { count: 2, windowMs: 10 * MINUTE } } });
    await bot.say(RINA, 'lokasi dimana');
    await bot.say(RINA, 'jam buka?');
    expect(await bot.say(RINA, 'ada mawar merah?')).toEqual([]);
    const [ack] = await bot.say(RINA, 'pesan P01 4');
    expect(ack).toContain('Pesanan *O-0001* sudah kami catat');
  });

  it('lets a customer browse the catalog past the cap: a list they work through is not a flood', async () => {
    const bot = await startBot();
    for (const text of ['katalog', '1', '1', 'kembali', '2', 'kembali', '3', 'kembali', '4', 'kembali', '5']) {
      expect((await bot.say(RINA, text)).length, text).toBeGreaterThan(0);
    }
  });

  it('caps a dialog too, five times higher: a loop inside the catalog ends and the owner is told once', async () => {
    const bot = await startBot({ config: { replyCap: { count: 6, windowMs: 10 * MINUTE } } });
    await bot.say(RINA, 'katalog');
    let answered = 1;
    for (let i = 0; i < 40; i++) {
      if ((await bot.say(RINA, i % 2 === 0 ? '1' : 'kembali')).length > 0) answered++;
      // a person's pace: the flood rule (more than 12 a minute) is not what is tested here
      await bot.advance(10_000);
    }
    // "katalog" opens the dialog (the ordinary cap); then 30 steps inside it
    expect(answered).toBe(31);
    expect(bot.sentTo(OWNER).filter((m) => m.startsWith('🔁'))).toEqual([expect.stringContaining('sudah menerima 30 balasan otomatis dalam 10 menit')]);
  });

  it("ends a real loop: another shop's bot that answers every message it gets, 3 s later", async () => {
    const bot = await startBot();
    const OTHER = '6281399990000';
    const otherChat = bot.transport.chatIdForNumber(OTHER);
    let owed = 0; // answers the other bot still has to send
    bot.transport.onSend = (sent) => void (sent.chatId === otherChat && owed++);
    let theirs = 0;
    const say = (text: string) => bot.say(OTHER, text, { senderName: 'Toko Sebelah' });
    await say('Halo! Terima kasih telah menghubungi Toko Sebelah. Ada yang bisa dibantu?');
    for (let turn = 0; turn < 200 && owed > 0; turn++) {
      owed--;
      await bot.advance(3000);
      theirs++;
      await say(`Maaf, kami tidak mengerti pesan Anda. Ketik MENU untuk pilihan. (${theirs})`);
    }
    expect(owed).toBe(0); // the loop ended by itself
    expect(bot.sentTo(OTHER).length).toBeLessThanOrEqual(6);
    expect(theirs).toBeLessThanOrEqual(6);
    // it ends by itself (one "didn't catch that" per ten minutes), or at the cap with one alert
    expect(bot.sentTo(OWNER).filter((m) => m.startsWith('🔁')).length).toBeLessThanOrEqual(1);
  });
});
