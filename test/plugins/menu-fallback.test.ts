import { afterEach, describe, expect, it } from 'vitest';
import { definePlugin } from '../../src/plugin-api.js';
import { PLUGINS } from '../../src/plugins.js';
import { parseChoice, type MenuItem } from '../../src/host/menu.js';
import { HOUR, MINUTE, OWNER, closeBots, read, startBot, type TestBot } from '../helpers.js';

const RINA = '6281234567890';
let bot: TestBot;
afterEach(closeBots);

/** A customer who has been greeted already, so what follows is only the answer under test. */
async function greeted(): Promise<TestBot> {
  const b = await startBot();
  await b.say(RINA, 'halo', { senderName: 'Rina' });
  await b.advance(MINUTE); // what the customer writes next is a new message, not the same breath
  return b;
}

describe('menu choices', () => {
  const items: MenuItem[] = [
    { id: 'katalog', label: 'Lihat produk & harga', reply: 'x', notifyOwner: false },
    { id: 'lokasi', label: 'Lokasi & jam buka', reply: 'y', notifyOwner: false },
  ];

  it.each([
    ['2', 'item', 1],
    [' 2. ', 'item', 1],
    ['2️⃣', 'item', 1],
    ['no 1', 'item', 0],
    ['Pilih 2', 'item', 1],
    ['lokasi & jam buka', 'item', 1],
    ['7', 'invalid', null],
    ['menu', 'menu', null],
    ['Menu utama', 'menu', null],
    ['2 buket mawar', 'none', null],
    ['harga 25000', 'none', null],
    ['', 'none', null],
  ])('%j → %s', (text, kind, index) => {
    const c = parseChoice(read(text), items);
    expect(c?.kind ?? 'none').toBe(kind);
    if (c?.kind === 'item') expect(c.index).toBe(index);
  });
});

describe('menu plugin', () => {
  it("answers a number with that item's text", async () => {
    bot = await greeted();
    expect(await bot.say(RINA, '2')).toEqual([
      '📍 *UD. Baim Florist*\nPusat Pasar Lantai 1, Medan\n\n🕘 Jam buka (WIB):\nSenin–Sabtu: 09.00–17.00\nMinggu: tutup\nHari libur nasional tutup.\n\nSaat ini toko *buka*. Silakan mampir, Kak!',
    ]);
  });

  it('tells the owner when a customer asks for a person, with their name and number', async () => {
    bot = await greeted();
    expect(await bot.say(RINA, '5')).toEqual(['Baik Rina, admin kami sudah diberi tahu dan akan membalas di chat ini secepatnya. 🙏']);
    expect(bot.sentTo(OWNER)).toEqual(['📣 *Rina* (+62 812-3456-7890) memilih menu "Bicara dengan admin". Silakan balas di chat mereka.']);
    // what they write next is for the person who was called: the bot does not say it did not understand
    expect(await bot.say(RINA, 'ini untuk lamaran adik saya minggu depan')).toEqual([]);
    await bot.advance(HOUR);
    expect((await bot.say(RINA, 'qwerty?'))[0]).toMatch(/^Maaf Rina, kami belum menangkap/);
    // a greeting in the middle of a chat gets a short hello, not "didn't catch that"
    await bot.advance(MINUTE);
    expect(await bot.say(RINA, 'halo?')).toEqual(['Halo Rina! 😊 Ada yang bisa kami bantu?']);
  });

  it('answers a number that is not on the menu with the menu again, and "menu" with the menu', async () => {
    bot = await greeted();
    const [wrong] = await bot.say(RINA, '9');
    expect(wrong).toMatch(/^Maaf Kak, pilihan \*9\* tidak ada di menu\.\n\nSilakan pilih menu berikut, Kak:\n\*1\.\* /);
    const [menu] = await bot.say(RINA, 'menu');
    expect(menu).toMatch(/^Silakan pilih menu berikut, Kak:/);
  });

  it('lets a plugin take over a menu item by its id', async () => {
    const catalog = definePlugin({
      name: 'catalog',
      description: 'test',
      setup(api) {
        api.menu.claim('katalog');
        api.use((ctx, next) =>
          ctx.choice?.kind === 'item' && ctx.choice.item.id === 'katalog' ? ctx.reply('Katalog kami: P01 Mawar merah, P02 Anggrek putih') : next(),
        );
      },
    });
    // the real catalog stands aside for this stand-in with its name
    bot = await startBot({ plugins: [...PLUGINS.filter((p) => p.name !== 'catalog'), catalog] });
    await bot.say(RINA, 'halo');
    expect(await bot.say(RINA, '1')).toEqual(['Katalog kami: P01 Mawar merah, P02 Anggrek putih']);
    expect(bot.sentTo(OWNER)).toEqual([]); // the plugin answers for itself, alerts included
    expect((await bot.owner('!menu'))[0]).toContain('*1. Lihat produk & harga*\n   otomatis oleh catalog');
    expect((await bot.owner('!menu kabari 1 on'))[0]).toContain('⚠️ Pilihan 1 dijalankan otomatis oleh catalog');
  });

  it('lets the owner edit the menu, and refuses bad edits without changing anything', async () => {
    bot = await greeted();
    const [added] = await bot.owner('!menu tambah Info promo = Diskon 10% setiap Jumat untuk {nama}!');
    expect(added).toContain('✅ Pilihan *6. Info promo* ditambahkan.');
    expect(added).toContain('*6.* Info promo');
    expect(await bot.say(RINA, '6')).toEqual(['Diskon 10% setiap Jumat untuk Rina!']);
    await bot.owner('!menu pindah 6 1');
    expect(await bot.say(RINA, '1')).toEqual(['Diskon 10% setiap Jumat untuk Rina!']);
    await bot.owner('!menu judul 1 Promo minggu ini');
    await bot.owner('!menu jawab 1 Beli 2 gratis 1 🎁');
    await bot.owner('!menu kabari 1 on');
    expect(await bot.say(RINA, 'promo minggu ini')).toEqual(['Beli 2 gratis 1 🎁']);
    expect(bot.sentTo(OWNER).at(-1)).toContain('memilih menu "Promo minggu ini"');
    await bot.owner('!menu hapus 1');
    // item 1 is the catalog's again: it answers with its categories
    expect((await bot.say(RINA, '1'))[0]).toContain('🌸 *Katalog UD. Baim Florist*');

    const before = JSON.stringify(bot.app.store.data.plugins['core.menu']);
    for (const bad of [
      '!menu tambah Tanpa jawaban',
      '!menu tambah Promo = Halo {pelanggan}',
      '!menu judul 9 Baru',
      '!menu jawab 0 x',
      '!menu kabari 1 mungkin',
      '!menu pindah 1',
      '!menu hapus satu',
      '!menu warnai 1',
    ]) {
      const [reply] = await bot.owner(bad);
      expect(reply, bad).toMatch(/^⚠️ /);
    }
    expect(JSON.stringify(bot.app.store.data.plugins['core.menu'])).toBe(before);
  });
});

describe('fallback', () => {
  it('answers what nobody understood with "didn\'t catch that" and the menu, at most once per 10 minutes', async () => {
    bot = await greeted();
    const [first] = await bot.say(RINA, 'asdfgh');
    expect(first).toMatch(/^Maaf Rina, kami belum menangkap maksud pesan Kakak\. 🙏\n\nSilakan pilih menu berikut, Kak:/);
    expect(await bot.say(RINA, 'qwerty')).toEqual([]);
    await bot.advance(9 * MINUTE);
    expect(await bot.say(RINA, 'zxcv')).toEqual([]);
    await bot.advance(MINUTE);
    expect(await bot.say(RINA, 'lagi')).toHaveLength(1);
  });

  it('answers a burst typed in one breath once: "halo", "kak", "mau tanya" get the greeting only', async () => {
    bot = await startBot();
    expect((await bot.say(RINA, 'halo'))[0]).toContain('Selamat datang');
    await bot.advance(700);
    expect(await bot.say(RINA, 'kak')).toEqual([]);
    await bot.advance(900);
    expect(await bot.say(RINA, 'mau tanya')).toEqual([]);
    // a question in the burst is answered all the same, and later chatter gets the usual answer
    await bot.advance(800);
    expect((await bot.say(RINA, 'lokasi dimana'))[0]).toContain('Pusat Pasar');
    await bot.advance(MINUTE);
    expect((await bot.say(RINA, 'hmm'))[0]).toContain('belum menangkap maksud');
  });

  it('does not follow a greeting or an answer', async () => {
    bot = await startBot();
    expect(await bot.say(RINA, 'asdfgh')).toHaveLength(1); // the greeting only
    expect(await bot.say(RINA, '3')).toHaveLength(1); // the answer only
  });

  it('thanks a customer for a picture or a voice note instead of saying it did not understand', async () => {
    bot = await greeted();
    const [photo] = await bot.say(RINA, '', { kind: 'image' });
    expect(photo).toMatch(/^Terima kasih Rina, gambar dari Kakak sudah kami terima\./);
    expect(bot.sentTo(OWNER)).toEqual(['📷 *Rina* (+62 812-3456-7890) mengirim gambar. Silakan lihat dan balas di chat mereka.']);
    // the owner was alerted: while they look at it, the bot does not interrupt
    await bot.advance(10 * MINUTE);
    expect(await bot.say(RINA, 'gimana kak?')).toEqual([]);
    // a second picture during the hand-off still reaches a person; a burst of them, once
    await bot.say(RINA, '', { kind: 'image' });
    await bot.say(RINA, '', { kind: 'image' });
    expect(bot.sentTo(OWNER)).toHaveLength(2);
    await bot.advance(HOUR);
    const [voice] = await bot.say(RINA, '', { kind: 'audio' });
    expect(voice).toMatch(/^Terima kasih Rina, pesan suara dari Kakak sudah kami terima\./);
    await bot.advance(2 * HOUR);
    const [sticker] = await bot.say(RINA, '', { kind: 'sticker' });
    expect(sticker).toMatch(/^Maaf Rina, kami belum menangkap/);
  });
});
