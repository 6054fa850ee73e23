import { afterEach, describe, expect, it } from 'vitest';
import { definePlugin } from '../../src/plugin-api.js';
import { PLUGINS } from '../../src/plugins.js';
import { DAY_MS, shouldGreet, type GreetingSettings } from '../../plugins/greeting/rules.js';
import { DAY, HOUR, MINUTE, closeBots, startBot, T0, type TestBot } from '../helpers.js';

const RINA = '6281234567890';
const BUDI = '6281298765432';
let bot: TestBot;
afterEach(closeBots);

const MENU =
  'Silakan pilih menu berikut, Kak:\n*1.* Lihat produk & harga\n*2.* Lokasi & jam buka\n*3.* Cara pemesanan\n*4.* Sampaikan keluhan\n*5.* Bicara dengan admin\n\nBalas dengan *angka* pilihan Kakak, misalnya *1*.';

describe('greeting rules', () => {
  const on: GreetingSettings = { enabled: true, silentDays: 14, mode: 'semua', numbers: [] };
  const facts = { number: RINA, previousSeenAt: null, lastOutboundAt: null, now: T0 };

  it('greets a first message, and again only after the silence period in both directions', () => {
    expect(shouldGreet(on, facts)).toBe(true);
    expect(shouldGreet(on, { ...facts, previousSeenAt: T0 - 14 * DAY_MS + 1 })).toBe(false);
    expect(shouldGreet(on, { ...facts, previousSeenAt: T0 - 14 * DAY_MS })).toBe(true);
    // the shop wrote to them last week: the chat is not silent
    expect(shouldGreet(on, { ...facts, previousSeenAt: T0 - 30 * DAY_MS, lastOutboundAt: T0 - 7 * DAY_MS })).toBe(false);
    expect(shouldGreet({ ...on, enabled: false }, facts)).toBe(false);
  });

  it('follows the recipient modes', () => {
    expect(shouldGreet({ ...on, mode: 'kecuali', numbers: [RINA] }, facts)).toBe(false);
    expect(shouldGreet({ ...on, mode: 'kecuali', numbers: [BUDI] }, facts)).toBe(true);
    expect(shouldGreet({ ...on, mode: 'kecuali', numbers: [RINA] }, { ...facts, number: null })).toBe(true);
    expect(shouldGreet({ ...on, mode: 'hanya', numbers: [RINA] }, facts)).toBe(true);
    expect(shouldGreet({ ...on, mode: 'hanya', numbers: [BUDI] }, facts)).toBe(false);
    expect(shouldGreet({ ...on, mode: 'hanya', numbers: [RINA] }, { ...facts, number: null })).toBe(false);
  });
});

describe('greeting plugin', () => {
  it("greets a customer's first message by name, in the shop's words, ending with the main menu", async () => {
    bot = await startBot();
    expect(await bot.say(RINA, 'halo kak', { senderName: 'Rina' })).toEqual([
      `Halo Rina! 🌸 Selamat datang di *UD. Baim Florist*, toko bunga artificial di Pusat Pasar Lantai 1, Medan.\nTerima kasih sudah menghubungi kami. Ada yang bisa kami bantu hari ini?\n\n${MENU}`,
    ]);
    // the next message is not greeted again
    const second = await bot.say(RINA, 'mau tanya');
    expect(second.join()).not.toContain('Selamat datang');
  });

  it('calls a customer with no usable name "Kak"', async () => {
    bot = await startBot();
    const [greeting] = await bot.say(RINA, 'p', { senderName: '🌸🌸🌸' });
    expect(greeting).toMatch(/^Halo Kak! 🌸/);
  });

  it('greets again after 14 days of silence, not before', async () => {
    bot = await startBot();
    await bot.say(RINA, 'halo');
    await bot.advance(14 * DAY - HOUR);
    expect((await bot.say(RINA, 'halo lagi')).join()).not.toContain('Selamat datang');
    await bot.advance(14 * DAY);
    expect((await bot.say(RINA, 'halo lagi'))[0]).toContain('Selamat datang');
  });

  it('uses the silent days the owner set', async () => {
    bot = await startBot();
    expect(await bot.owner('!sapaan hari 3')).toEqual(['✅ Pelanggan akan disapa lagi setelah 3 hari tanpa pesan.']);
    await bot.say(RINA, 'halo');
    await bot.advance(3 * DAY);
    expect((await bot.say(RINA, 'halo'))[0]).toContain('Selamat datang');
  });

  it('comes before any other answer to the same message', async () => {
    const price = definePlugin({
      name: 'price',
      description: 'test',
      setup(api) {
        api.use(async (ctx, next) => {
          if (ctx.text.includes('tulip')) ctx.reply('Tulip kuning Rp25.000');
          await next();
        });
      },
    });
    // deliberately placed before the greeting in the middleware order, answering first
    bot = await startBot({ plugins: [price, ...PLUGINS.filter((p) => p.name !== 'catalog')] });
    const replies = await bot.say(RINA, 'tulip kuning kak');
    // one bubble: the greeting first, then the answer
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Selamat datang');
    expect(replies[0]).toMatch(/Selamat datang[\s\S]*\n\nTulip kuning Rp25\.000$/);
  });

  it('follows the recipient modes the owner sets', async () => {
    bot = await startBot();
    expect(await bot.owner('!sapaan kecuali 0812-3456-7890')).toEqual(['✅ Sapaan dikirim ke semua pelanggan kecuali nomor di daftar:\n• +62 812-3456-7890']);
    expect((await bot.say(RINA, 'halo')).join()).not.toContain('Selamat datang');
    expect((await bot.say(BUDI, 'halo'))[0]).toContain('Selamat datang');
    await bot.owner('!sapaan hanya +62 812 9999 0000');
    const ANI = '6281299990000';
    const EKA = '6281377778888';
    expect((await bot.say(ANI, 'halo'))[0]).toContain('Selamat datang');
    expect((await bot.say(EKA, 'halo')).join()).not.toContain('Selamat datang');
    await bot.owner('!sapaan semua');
    const [settings] = await bot.owner('!sapaan');
    expect(settings).toContain('Dikirim ke: semua pelanggan');
  });

  it('can be switched off and on', async () => {
    bot = await startBot();
    expect(await bot.owner('!sapaan off')).toEqual(['⛔ Sapaan dimatikan. Nyalakan lagi dengan !sapaan on']);
    expect((await bot.say(RINA, 'halo')).join()).not.toContain('Selamat datang');
    expect(await bot.owner('!sapaan on')).toEqual(['✅ Sapaan dinyalakan.']);
    expect((await bot.say(BUDI, 'halo'))[0]).toContain('Selamat datang');
  });

  it('lets the owner replace the text, refusing unknown variables with the valid ones', async () => {
    bot = await startBot();
    const [refused] = await bot.owner('!sapaan Halo {name}, selamat datang di {toko}!');
    expect(refused).toMatch(
      /^⚠️ Teks sapaan tidak diubah: variabel \{name\} tidak dikenal\. Yang bisa dipakai: \{toko\}, \{alamat\}, \{jam\}, \{buka\}, \{status\}, \{nama\}\./,
    );
    expect((await bot.owner('!sapaan'))[0]).toContain('Selamat datang di *{toko}*, toko bunga artificial');
    const [ok] = await bot.owner('!sapaan Horas {nama}! Selamat datang di {toko} 🌷');
    expect(ok).toBe('✅ Teks sapaan diperbarui. Contoh untuk pelanggan bernama Rina:\n\nHoras Rina! Selamat datang di UD. Baim Florist 🌷');
    expect((await bot.say(BUDI, 'halo', { senderName: 'Budi' }))[0]).toBe(`Horas Budi! Selamat datang di UD. Baim Florist 🌷\n\n${MENU}`);
  });

  it('refuses bad settings and changes nothing', async () => {
    bot = await startBot();
    const before = JSON.stringify(bot.app.store.data.plugins['greeting']);
    const badForms = [
      '!sapaan hari 0',
      '!sapaan hari 400',
      '!sapaan hari dua',
      '!sapaan hari',
      '!sapaan hari 7 saja',
      '!sapaan off dulu',
      '!sapaan semua pelanggan',
      '!sapaan kecuali 0812abc, 12',
      '!sapaan hanya',
      '!sapaan Hanya hari ini diskon 50%',
    ];
    for (const bad of badForms) {
      const [reply] = await bot.owner(bad);
      expect(reply, bad).toMatch(/^⚠️ /);
      expect(reply, bad).toContain('Cara pakai:');
    }
    expect(JSON.stringify(bot.app.store.data.plugins['greeting'])).toBe(before);
    expect((await bot.owner('!sapaan'))[0]).toContain('Selamat datang di *{toko}*');
  });

  it('points to "teks" when a new text starts with a setting word, and takes it that way', async () => {
    bot = await startBot();
    const [hint] = await bot.owner('!sapaan Hanya hari ini diskon 50%, {nama}!');
    expect(hint).toContain('tulis: !sapaan teks Hanya hari ini diskon 50%, {nama}!');
    expect(await bot.owner('!sapaan teks Hanya hari ini diskon 50%, {nama}!')).toEqual([
      '✅ Teks sapaan diperbarui. Contoh untuk pelanggan bernama Rina:\n\nHanya hari ini diskon 50%, Rina!',
    ]);
  });

  it('keeps its settings across a restart', async () => {
    bot = await startBot();
    await bot.owner('!sapaan hari 21');
    await bot.say(RINA, 'halo');
    bot = await bot.restart();
    expect((await bot.owner('!sapaan'))[0]).toContain('21 hari');
    await bot.advance(20 * DAY + 23 * HOUR + 59 * MINUTE);
    expect((await bot.say(RINA, 'halo')).join()).not.toContain('Selamat datang');
  });
});
