import { afterEach, describe, expect, it } from 'vitest';
import { closeBots, HOUR, MINUTE, OWNER, startBot, type TestBot } from './helpers.js';

const RINA = '6281234567890';
const BUDI = '6281298765432';
let bot: TestBot;
afterEach(closeBots);

/** Rina has been greeted, so what follows is only the answer under test. */
async function greeted(config = {}): Promise<TestBot> {
  const b = await startBot({ config });
  await b.say(RINA, 'halo', { senderName: 'Rina' });
  return b;
}

const shopTypes = (b: TestBot, text: string) => b.say(RINA, text, { fromShop: true, senderNumber: null });

describe('human takeover', () => {
  it('steps aside in a chat where the shop typed by hand, and a customer reply does not bring it back', async () => {
    bot = await greeted();
    await shopTypes(bot, 'Halo Kak Rina, saya pemilik toko. Mau yang merah?');
    expect(await bot.say(RINA, 'iya kak, 2 tangkai')).toEqual([]);
    expect(await bot.say(RINA, '2')).toEqual([]);
    // other chats are served as usual
    expect((await bot.say(BUDI, 'halo'))[0]).toContain('Selamat datang');
    // after TAKEOVER_MINUTES (60 by default) of no hand-typed message, the bot answers again
    await bot.advance(59 * MINUTE);
    expect(await bot.say(RINA, '2')).toEqual([]);
    await bot.advance(MINUTE);
    expect((await bot.say(RINA, '2'))[0]).toContain('Pusat Pasar Lantai 1');
    // the customer's messages during the pause were still recorded
    expect(bot.app.customers.get(`${RINA}@s.whatsapp.net`)?.messageCount).toBe(5);
  });

  it('starts the pause again with every hand-typed message, for as long as TAKEOVER_MINUTES says', async () => {
    bot = await greeted({ takeoverMinutes: 15 });
    await shopTypes(bot, 'sebentar ya kak');
    await bot.advance(10 * MINUTE);
    await shopTypes(bot, 'ini fotonya');
    await bot.advance(10 * MINUTE);
    expect(await bot.say(RINA, '2')).toEqual([]);
    await bot.advance(5 * MINUTE);
    expect(await bot.say(RINA, '2')).toHaveLength(1);
  });

  it('also pauses a chat the shop started before the customer ever wrote', async () => {
    bot = await startBot();
    await bot.say(BUDI, 'Halo Pak Budi, pesanan bunga mejanya sudah siap.', { fromShop: true, senderNumber: null });
    expect(await bot.say(BUDI, 'oke kak, saya ambil sore')).toEqual([]);
  });

  it('lets the owner lift the pause early with !lanjut, and pause a chat with !jeda', async () => {
    bot = await greeted();
    await shopTypes(bot, 'Halo Kak');
    expect((await bot.owner('!jeda'))[0]).toMatch(/^\*Chat yang dijeda\*\n• \*Rina\* \(\+62 812-3456-7890\) sampai 11\.00 \(60 menit lagi\)$/);
    expect(await bot.owner('!lanjut 0812 3456 7890')).toEqual(['▶️ Bot menjawab lagi di chat *Rina* (+62 812-3456-7890).']);
    expect(await bot.say(RINA, '2')).toHaveLength(1);
    expect(await bot.owner('!lanjut 081234567890')).toEqual(['Chat *Rina* (+62 812-3456-7890) tidak sedang dijeda; bot memang menjawab di sana.']);

    expect(await bot.owner('!jeda 0812 3456 7890 30')).toEqual([
      '⏸️ Bot dijeda di chat *Rina* (+62 812-3456-7890) sampai pukul 10.30 (30 menit). Lanjutkan lebih cepat dengan !lanjut 6281234567890',
    ]);
    expect(await bot.say(RINA, '2')).toEqual([]);
    await bot.advance(30 * MINUTE);
    expect(await bot.say(RINA, '2')).toHaveLength(1);

    await bot.say(BUDI, 'halo');
    expect((await bot.owner('!jeda 0812 3456 7890'))[0]).toContain('(60 menit)');
    await bot.owner('!jeda 081298765432 120');
    expect(await bot.owner('!lanjut semua')).toEqual(['▶️ Bot menjawab lagi di 2 chat.']);
    expect(await bot.owner('!jeda')).toEqual(['Tidak ada chat yang sedang dijeda. Bot menjawab di semua chat.']);
  });

  it('refuses bad !jeda and !lanjut forms with the right usage, changing nothing', async () => {
    bot = await greeted();
    for (const bad of [
      '!jeda 0899',
      '!jeda 081377778888',
      '!jeda 081234567890 lama',
      '!jeda 081234567890 0',
      '!jeda 081234567890 30 menit',
      '!lanjut',
      '!lanjut 0812 3456',
      '!lanjut Rina',
    ]) {
      const [reply] = await bot.owner(bad);
      expect(reply, bad).toMatch(/^⚠️ /);
      expect(reply, bad).toContain('Cara pakai:');
    }
    expect((await bot.owner('!jeda 081377778888'))[0]).toContain('Nomor +62 813-7777-8888 belum pernah menghubungi toko.');
    expect(await bot.owner('!jeda')).toEqual(['Tidak ada chat yang sedang dijeda. Bot menjawab di semua chat.']);
    expect(await bot.say(RINA, '2')).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('never answers a message twice, even when it is delivered again after a restart', async () => {
    bot = await startBot();
    expect(await bot.say(RINA, 'halo', { id: 'WA-1' })).toHaveLength(1);
    bot = await bot.restart();
    expect(await bot.say(RINA, 'halo', { id: 'WA-1' })).toEqual([]);
    expect(await bot.say(RINA, '2', { id: 'WA-2' })).toHaveLength(1);
  });

  it('records but does not answer a backlog message too old to answer', async () => {
    bot = await startBot();
    expect(await bot.say(RINA, 'halo', { tooOld: true, at: bot.clock.now() - 8 * HOUR })).toEqual([]);
    expect(bot.app.customers.get(`${RINA}@s.whatsapp.net`)?.messageCount).toBe(1);
    // and an owner command that old is not run either
    expect(await bot.owner('!sapaan off', { tooOld: true })).toEqual([]);
    expect((await bot.owner('!sapaan'))[0]).toContain('✅ aktif');
  });
});

describe('owner identity', () => {
  it('remembers the LID an owner wrote from, so a later message without a number is still theirs', async () => {
    bot = await startBot();
    const lid = '140000000000001@lid';
    expect((await bot.say(OWNER, '!toko', { chatId: lid, senderId: lid }))[0]).toContain('*Profil toko*');
    expect((await bot.say(OWNER, '!toko', { chatId: lid, senderId: lid, senderNumber: null }))[0]).toContain('*Profil toko*');
    // and that survives a restart
    bot = await bot.restart();
    expect((await bot.say(OWNER, '!toko', { chatId: lid, senderId: lid, senderNumber: null }))[0]).toContain('*Profil toko*');
  });

  it('fails closed: a sender whose number cannot be resolved is a customer', async () => {
    bot = await startBot();
    const lid = '150000000000009@lid';
    const replies = await bot.say(OWNER, '!toko nama Toko Palsu', { chatId: lid, senderId: lid, senderNumber: null, senderName: 'Owner' });
    expect(replies.join()).not.toContain('Profil toko');
    expect(bot.app.store.data.shop.name).toBe('UD. Baim Florist');
  });
});
