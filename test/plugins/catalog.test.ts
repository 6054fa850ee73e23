import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSE_TIMEOUT_MS, CART_WINDOW_MS } from '../../plugins/catalog/shop.js';
import type { CatalogState } from '../../plugins/catalog/model.js';
import type { SentMessage } from '../../src/transport/memory.js';
import { HOUR, MINUTE, OWNER, closeBots, startBot, type TestBot } from '../helpers.js';

/**
 * The catalog as customers and the owner use it, through the real app and the in-memory
 * transport, with the florist's seed catalog (21 products; P05 and P16 sold out).
 */
const RINA = '6281234567890';
const BUDI = '6281298765432';
const MAWAR_PNG = readFileSync('test/fixtures/mawar.png');
let bot: TestBot;
afterEach(closeBots);

async function greeted(): Promise<TestBot> {
  const b = await startBot();
  await b.say(RINA, 'halo', { senderName: 'Rina' });
  return b;
}

/** Everything sent to a number from now on, pictures included, as the customer sees it. */
async function sees(b: TestBot, from: string, text: string): Promise<SentMessage[]> {
  const before = b.transport.sent.length;
  b.transport.deliver({ from, text, at: b.clock.now() });
  await b.app.idle();
  const chat = b.transport.chatIdForNumber(from);
  return b.transport.sent.slice(before).filter((s) => s.chatId === chat);
}

function textOf(m: SentMessage | undefined): string {
  if (!m) return '';
  return m.message.kind === 'text' ? m.message.text : (m.message.caption ?? '');
}

function imagePath(m: SentMessage | undefined): string | null {
  return m?.message.kind === 'image' && 'path' in m.message.image ? m.message.image.path : null;
}

function catalogState(b: TestBot): CatalogState {
  return b.app.store.data.plugins['catalog'] as CatalogState;
}

describe('browsing', () => {
  it('lists categories, opens one by number, shows a product, and goes back step by step', async () => {
    bot = await greeted();
    const [cats] = await bot.say(RINA, 'katalog');
    expect(cats).toBe(
      [
        '🌸 *Katalog UD. Baim Florist*',
        '*1.* Mawar (5 produk)',
        '*2.* Anggrek (4 produk)',
        '*3.* Bunga Meja (4 produk)',
        '*4.* Buket (4 produk)',
        '*5.* Dekorasi (4 produk)',
        '',
        'Balas dengan *nomor* kategori untuk melihat produknya.',
        'Bisa juga langsung cari, misalnya _anggrek putih_ atau _buket yang murah_.',
      ].join('\n'),
    );
    const [mawar] = await bot.say(RINA, '1');
    expect(mawar).toContain('🌸 *Mawar* · 5 produk');
    expect(mawar).toContain('*1.* Mawar Merah Premium (P01) · Rp25.000');
    expect(mawar).toContain('*5.* Mawar Biru Latex (P05) · Rp30.000 · ❌ _habis_');
    expect(mawar).not.toContain('*lagi*'); // one page only

    const detail = await sees(bot, RINA, '3');
    expect(detail).toHaveLength(1);
    expect(textOf(detail[0])).toBe(
      [
        '*Mawar Pink Velvet*',
        'Kode P03 · Mawar',
        '💰 *Rp22.000*',
        '🎨 Warna: pink, salem',
        '',
        'Mawar bahan beludru, lembut seperti asli. Harga per tangkai.',
        '',
        '✅ Stok ready',
        '🛒 Untuk memesan, balas *pesan <jumlah>*, misalnya *pesan 2*.',
        'Ketik *kembali* untuk daftar sebelumnya.',
      ].join('\n'),
    );
    // until the owner sends a photo, the picture is the product's generated card
    const card = imagePath(detail[0]);
    expect(card).toMatch(/media\/kartu-p03-[0-9a-f]{8}\.png$/);
    const png = PNG.sync.read(readFileSync(card as string));
    expect([png.width, png.height]).toEqual([480, 480]);

    expect((await bot.say(RINA, 'kembali'))[0]).toContain('🌸 *Mawar* · 5 produk');
    expect((await bot.say(RINA, 'kembali'))[0]).toContain('🌸 *Katalog UD. Baim Florist*');
    expect((await bot.say(RINA, 'kembali'))[0]).toContain('Silakan pilih menu berikut');
    // out of the catalog, a number is the main menu's again
    expect((await bot.say(RINA, '2'))[0]).toContain('Pusat Pasar Lantai 1');
  });

  it('leaves the catalog for the main menu: "menu" while browsing, or a number when no list is on screen', async () => {
    bot = await greeted();
    await bot.say(RINA, 'katalog');
    expect((await bot.say(RINA, 'menu'))[0]).toContain('Silakan pilih menu berikut');
    // the menu's numbers are the menu's again
    expect((await bot.say(RINA, '2'))[0]).toContain('Pusat Pasar Lantai 1');
    // one product shown, no list under it: "1" is the main menu's first item, the catalog
    expect((await bot.say(RINA, 'mawar kuning ready?'))[0]).toContain('*Mawar Kuning Satin*');
    expect((await bot.say(RINA, '1'))[0]).toContain('🌸 *Katalog UD. Baim Florist*');
    // "selesai" closes the list; the message goes on like any other
    expect((await bot.say(RINA, 'selesai')).join('\n')).not.toContain('🌸 *Mawar*');
    expect((await bot.say(RINA, '3'))[0]).not.toContain('🌸 *Bunga Meja*');
  });

  it('opens from the main menu number and from a category name', async () => {
    bot = await greeted();
    expect((await bot.say(RINA, '1'))[0]).toContain('🌸 *Katalog UD. Baim Florist*');
    expect((await bot.say(RINA, '4'))[0]).toContain('🌸 *Buket* · 4 produk');
    expect((await bot.say(RINA, 'bunga meja'))[0]).toContain('🌸 *Bunga Meja* · 4 produk');
  });

  it('pages a long category ten at a time, numbering across pages', async () => {
    bot = await greeted();
    for (let i = 1; i <= 8; i++) await bot.owner(`!produk tambah Mawar Seri ${i} | ${20 + i}rb | mawar | Mawar uji ${i}`);
    await bot.say(RINA, 'katalog');
    const [page1] = await bot.say(RINA, '1');
    expect(page1).toContain('🌸 *Mawar* · 13 produk · halaman 1 dari 2');
    expect(page1).toContain('*10.* Mawar Seri 5 (P26) · Rp25.000');
    expect(page1).not.toContain('*11.*');
    expect(page1).toContain('Ketik *lagi* untuk halaman berikutnya, *kembali* untuk daftar kategori.');
    const [page2] = await bot.say(RINA, 'lagi');
    expect(page2).toContain('halaman 2 dari 2');
    expect(page2).toContain('*11.* Mawar Seri 6 (P27) · Rp26.000');
    expect(page2).toContain('*13.* Mawar Seri 8 (P29) · Rp28.000');
    expect((await bot.say(RINA, 'next'))[0]).toBe(
      'Itu sudah semua produk *Mawar*, Kak. Balas dengan *nomor* produk, atau ketik *kembali* untuk daftar kategori.',
    );
    // a number from the first page still works on the second
    expect((await bot.say(RINA, '2'))[0]).toContain('*Mawar Putih Premium*');
    expect((await bot.say(RINA, '12'))[0]).toContain('*Mawar Seri 7*');
    expect((await bot.say(RINA, '14'))[0]).toBe('Nomor *14* tidak ada di daftar, Kak. Pilih nomor 1 sampai 13, atau ketik *menu* untuk menu utama.');
    // back from a product returns to the page it was on
    expect((await bot.say(RINA, 'kembali'))[0]).toContain('halaman 2 dari 2');
  });

  it('forgets where the customer was after 30 quiet minutes, and leaves the list when something else answered', async () => {
    bot = await greeted();
    await bot.say(RINA, 'katalog');
    await bot.advance(BROWSE_TIMEOUT_MS + MINUTE);
    expect((await bot.say(RINA, '2'))[0]).toContain('Pusat Pasar Lantai 1'); // the main menu's item 2
    await bot.say(RINA, 'katalog');
    expect((await bot.say(RINA, 'alamat tokonya dimana kak'))[0]).toContain('Pusat Pasar Lantai 1');
    expect((await bot.say(RINA, '3'))[0]).toContain('Cara pesan'); // main menu again, not a category
  });

  it('leaves the catalog for the main menu when asked', async () => {
    bot = await greeted();
    await bot.say(RINA, 'katalog');
    expect((await bot.say(RINA, 'menu'))[0]).toContain('Silakan pilih menu berikut');
    expect((await bot.say(RINA, '5'))[0]).toContain('admin kami sudah diberi tahu');
  });
});

describe('numbers and questions while browsing', () => {
  it('reads a number written the everyday way', async () => {
    bot = await greeted();
    await bot.say(RINA, 'katalog');
    expect((await bot.say(RINA, '2 kak'))[0]).toContain('🌸 *Anggrek* · 4 produk');
    expect((await bot.say(RINA, 'yg 3'))[0]).toContain('*Anggrek Dendrobium Pink*');
  });

  it('answers the price and stock of the product on screen, not the generic reply', async () => {
    bot = await greeted();
    await bot.say(RINA, 'P01');
    expect(await bot.say(RINA, 'ready kak?')).toEqual([
      '*Mawar Merah Premium* (P01): Rp25.000, ✅ stok ready. Untuk memesan, balas *pesan <jumlah>*, misalnya *pesan 2*.',
    ]);
    expect(await bot.say(RINA, 'ini berapa kak?')).toEqual([
      '*Mawar Merah Premium* (P01): Rp25.000, ✅ stok ready. Untuk memesan, balas *pesan <jumlah>*, misalnya *pesan 2*.',
    ]);
    await bot.say(RINA, 'P05');
    expect((await bot.say(RINA, 'masih ada?'))[0]).toBe('*Mawar Biru Latex* (P05): Rp30.000, ❌ stok sedang habis.');
  });

  it('names only the codes that do not exist', async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'P01 atau P99 kak?');
    expect(replies[0]).toBe('Maaf Kak, kode *P99* tidak ada di katalog kami. 🙏');
    expect(replies[1]).toContain('*Mawar Merah Premium*');
  });
});

describe('product detail', () => {
  it("shows the owner's photos: the first with the caption, the others after it", async () => {
    bot = await greeted();
    const image = { mimetype: 'image/png', read: () => Promise.resolve(new Uint8Array(MAWAR_PNG)) };
    expect(await bot.owner('!produk foto P01', { kind: 'image', image })).toEqual([
      '✅ Foto ke-1 untuk *P01 Mawar Merah Premium* disimpan. Pelanggan melihatnya di detail produk.',
    ]);
    await bot.owner('!produk foto p1', { kind: 'image', image });
    const detail = await sees(bot, RINA, 'P01');
    expect(detail).toHaveLength(2);
    expect(textOf(detail[0])).toMatch(/^\*Mawar Merah Premium\*\nKode P01 · Mawar\n💰 \*Rp25\.000\*/);
    const [first, second] = catalogState(bot).products.find((p) => p.code === 'P01')?.photos ?? [];
    expect(imagePath(detail[0])).toBe(join(bot.dir, first as string));
    expect(imagePath(detail[1])).toBe(join(bot.dir, second as string));
    expect(detail[1]?.message.kind === 'image' && detail[1].message.caption).toBeFalsy();
    expect(readFileSync(imagePath(detail[0]) as string).equals(MAWAR_PNG)).toBe(true);
  });

  it('falls back to the card when a photo file went missing, and to text when no picture can be made', async () => {
    bot = await greeted();
    const image = { mimetype: 'image/png', read: () => Promise.resolve(new Uint8Array(MAWAR_PNG)) };
    await bot.owner('!produk foto P02', { kind: 'image', image });
    const photo = catalogState(bot).products.find((p) => p.code === 'P02')?.photos[0] as string;
    rmSync(join(bot.dir, photo));
    expect(imagePath((await sees(bot, RINA, 'P02'))[0])).toMatch(/kartu-p02-/);

    // the media folder cannot be written: the product is still described, in text
    rmSync(join(bot.dir, 'media'), { recursive: true, force: true });
    writeFileSync(join(bot.dir, 'media'), 'not a folder');
    const shown = await sees(bot, RINA, 'P04');
    expect(shown).toHaveLength(1);
    expect(shown[0]?.message.kind).toBe('text');
    expect(textOf(shown[0])).toContain('*Mawar Kuning Satin*');
    expect(bot.logs.some((l) => l.msg.includes('placeholder picture could not be made'))).toBe(true);
    rmSync(join(bot.dir, 'media'));
  });

  it('names an unknown code and offers the categories', async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'P99 ada kak?');
    // one bubble: what is missing, then the categories
    expect(replies[0]?.startsWith('Maaf Kak, kode *P99* tidak ada di katalog kami. 🙏\n\n')).toBe(true);
    expect(replies[0]).toContain('🌸 *Katalog UD. Baim Florist*');
  });

  it('keeps a hidden product from customers', async () => {
    bot = await greeted();
    await bot.owner('!produk sembunyi P03');
    expect((await bot.say(RINA, 'P03'))[0]?.startsWith('Maaf Kak, kode *P03* tidak ada di katalog kami. 🙏')).toBe(true);
    expect((await bot.say(RINA, 'katalog'))[0]).toContain('*1.* Mawar (4 produk)');
    expect((await bot.say(RINA, 'mawar pink'))[0]).not.toContain('Velvet');
  });
});

describe('search', () => {
  it('finds products by words, with typos, in Indonesian chat spelling or English', async () => {
    bot = await greeted();
    const [angrek] = await bot.say(RINA, 'angrek putih brp?');
    expect(angrek).toMatch(/^Ini yang kami temukan:\n\*1\.\* Anggrek Bulan Putih \(P06\) · Rp45\.000\n/);
    expect(angrek).not.toContain('Ungu');
    const [merah] = await bot.say(RINA, 'ada mawar merah?');
    // the one product whose own name says it all: its card, not a list of every red rose
    expect(merah).toMatch(/^\*Mawar Merah Premium\*\nKode P01 · Mawar\n💰 \*Rp25\.000\*/);
    // English words for the shop's things: "white orchid" is Anggrek Bulan Putih
    const [rose] = await bot.say(RINA, 'do you have white orchid?');
    expect(rose).toMatch(/^\*Anggrek Bulan Putih\*\nCode P06/);
    // a number picks from the results
    await bot.say(RINA, 'anggrek');
    expect((await bot.say(RINA, '1'))[0]).toContain('*Anggrek Bulan Putih*');
  });

  it('shows the product at once when only one has every word asked', async () => {
    bot = await greeted();
    const shown = await sees(bot, RINA, 'tulip kuning ready kak?');
    expect(imagePath(shown[0])).toMatch(/kartu-p12-/);
    expect(textOf(shown[0])).toContain('*Bunga Meja Mini Tulip*');
  });

  it('sorts by price for "murah" and "termurah"', async () => {
    bot = await greeted();
    const [cheap] = await bot.say(RINA, 'bunga meja yg murah');
    expect(cheap).toBe(
      [
        'Ini pilihan yang paling terjangkau:',
        '*1.* Bunga Meja Mini Tulip (P12) · Rp55.000',
        '*2.* Vas Kaca Baby Breath (P13) · Rp65.000',
        '*3.* Rangkaian Meja Mawar Mix (P10) · Rp85.000',
        '*4.* Bunga Meja Lily Putih (P11) · Rp95.000',
        '',
        'Balas dengan *nomor* produk untuk melihat foto dan detailnya.',
      ].join('\n'),
    );
    const [cheapest] = await bot.say(RINA, 'yang paling termurah apa kak?');
    expect(cheapest).toMatch(
      /^Ini pilihan yang paling terjangkau:\n\*1\.\* Daun Monstera Artificial \(P21\) · Rp15\.000\n\*2\.\* Mawar Kuning Satin \(P04\) · Rp20\.000/,
    );
  });

  it('says when nothing matches, and offers the categories', async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'ada bunga lavender kak?');
    expect(replies[0]?.startsWith('Maaf Rina, *bunga lavender* belum ada di katalog kami. 🙏 Mungkin ada yang cocok di sini:\n\n')).toBe(true);
    expect(replies[0]).toContain('🌸 *Katalog UD. Baim Florist*');
    expect((await bot.say(RINA, '2'))[0]).toContain('🌸 *Anggrek* · 4 produk');
  });

  it('stays out of remarks, greetings and complaints that happen to name a product', async () => {
    bot = await greeted();
    for (const text of [
      'selamat pagi',
      'bunganya cantik banget',
      'mawarnya patah satu kak',
      'tanggal merah buka kak?',
      'jangan marah ya kak nanya terus',
      'vasnya pecah kak',
      'anggreknya kotor semua',
      'mawarnya kusam kak',
      'lily putihnya kotor',
      'kak barangnya sudah sesuai ya?',
      'berapa meter dari pintu masuk pasar?',
      'mini market dekat toko apa kak?',
      'Kak saya kemarin pesan P01 2 tangkai tapi yang datang cuma 1, tolong dicek ya',
    ]) {
      const replies = await bot.say(RINA, text);
      expect(replies.join('\n'), text).not.toMatch(/Ini yang kami temukan|Kode P\d\d/);
    }
  });
});

describe('price questions', () => {
  it("answers a product's price from the catalog instead of the generic price reply", async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'harga mawar merah brp kak');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^\*Mawar Merah Premium\*\nKode P01 · Mawar\n💰 \*Rp25\.000\*/);
    expect(replies.join()).not.toContain('Harga produk kami berbeda-beda');
  });

  it('still gives the generic answer when no product is named, and both answers for two topics', async () => {
    bot = await greeted();
    expect((await bot.say(RINA, 'harganya berapa ya kak?'))[0]).toContain('Harga produk kami berbeda-beda');
    const both = await bot.say(RINA, 'harga anggrek bulan putih brp, lokasi dimana?');
    expect(both.join('\n')).toContain('Rp45.000');
    expect(both.join('\n')).toContain('📍 *UD. Baim Florist*');
    expect(both.join('\n')).not.toContain('Harga produk kami berbeda-beda');
  });
});

describe('sold out', () => {
  it('shows a habis product as such, with up to three ready ones from its category to pick', async () => {
    bot = await greeted();
    const shown = await sees(bot, RINA, 'mawar biru');
    expect(textOf(shown[0])).toContain('*Mawar Biru Latex*');
    expect(textOf(shown[0])).toContain(
      [
        '❌ *Stok sedang habis.*',
        '',
        'Pilihan lain yang ready:',
        '*1.* Mawar Merah Premium (P01) · Rp25.000',
        '*2.* Mawar Putih Premium (P02) · Rp25.000',
        '*3.* Mawar Pink Velvet (P03) · Rp22.000',
      ].join('\n'),
    );
    expect(textOf(shown[0])).not.toContain('Untuk memesan');
    expect((await bot.say(RINA, '2'))[0]).toContain('*Mawar Putih Premium*');
  });

  it('refuses an order for it and shows the alternatives', async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'pesan P16 1');
    expect(replies[0]).toBe('Maaf Kak, *Buket Sunflower* (P16) sedang habis. 🙏');
    expect(replies[1]).toContain('Pilihan lain yang ready:\n*1.* Buket Wisuda Mawar (P14)');
    expect(catalogState(bot).orders).toEqual([]);
    expect(bot.sentTo(OWNER)).toEqual([]);
  });
});

describe('orders', () => {
  it('records "pesan 2" after a product, saves it before answering, and tells the owner', async () => {
    bot = await greeted();
    await bot.say(RINA, 'P07');
    const db = join(bot.dir, 'db.json');
    let onDisk: string | null = null;
    bot.transport.onSend = (sent) => {
      if (textOf(sent).includes('O-0001') && sent.chatId === bot.transport.chatIdForNumber(RINA)) onDisk = readFileSync(db, 'utf8');
    };
    const [ack] = await bot.say(RINA, 'pesan 2');
    expect(ack).toBe(
      [
        '✅ Terima kasih Rina! Pesanan *O-0001* sudah kami catat:',
        '• 2 × Anggrek Bulan Ungu (P07) @ Rp45.000 = Rp90.000',
        '*Total: Rp90.000* (belum termasuk ongkos kirim)',
        '',
        'Admin kami akan mengonfirmasi ketersediaan, ongkos kirim, dan cara pembayaran di chat ini secepatnya. 🙏',
      ].join('\n'),
    );
    // at the moment the customer read their order number, the order was in the file
    expect(onDisk).not.toBeNull();
    const saved = JSON.parse(onDisk as unknown as string) as { plugins: { catalog: CatalogState } };
    expect(saved.plugins.catalog.orders[0]).toMatchObject({ number: 'O-0001', status: 'baru', total: 90000, items: [{ code: 'P07', qty: 2, price: 45000 }] });
    expect(bot.sentTo(OWNER)).toEqual([
      [
        '🛒 *Pesanan baru O-0001*',
        'Dari: *Rina* (+62 812-3456-7890)',
        '• 2 × Anggrek Bulan Ungu (P07) @ Rp45.000 = Rp90.000',
        '*Total: Rp90.000*',
        '',
        'Balas pelanggan di chat mereka, lalu: !pesanan O-0001 konfirmasi',
      ].join('\n'),
    ]);
    // the generic "how to order" quick reply does not follow
    expect(bot.sentTo(RINA).join('\n')).not.toContain('Cara pesan di');
  });

  it('takes codes with quantities, and adds to the open order within two hours', async () => {
    bot = await greeted();
    const [first] = await bot.say(RINA, 'pesan P01 3');
    expect(first).toContain('Pesanan *O-0001*');
    const [second] = await bot.say(RINA, 'mau order p2 2 pcs dan P01 1');
    expect(second).toContain(
      '• 4 × Mawar Merah Premium (P01) @ Rp25.000 = Rp100.000\n• 2 × Mawar Putih Premium (P02) @ Rp25.000 = Rp50.000\n*Total: Rp150.000*',
    );
    expect(bot.sentTo(OWNER).at(-1)).toContain('🛒 *Pesanan O-0001 ditambah*');
    await bot.advance(CART_WINDOW_MS + MINUTE);
    expect((await bot.say(RINA, 'pesan P03'))[0]).toContain('Pesanan *O-0002* sudah kami catat:\n• 1 × Mawar Pink Velvet (P03)');
    // another customer has their own order
    expect((await bot.say(BUDI, 'pesan P06 1', { senderName: 'Budi' })).join('\n')).toContain('Pesanan *O-0003*');
  });

  it('asks which product when the order names it by words, then orders the one chosen', async () => {
    bot = await greeted();
    const [ask] = await bot.say(RINA, 'pesan mawar 3');
    expect(ask).toMatch(/^Mau pesan yang mana, Kak\? \(3 buah\)\n\*1\.\* Mawar Merah Premium \(P01\)/);
    expect(ask).toContain('Balas dengan *nomor* produk yang mau dipesan.');
    expect(catalogState(bot).orders).toEqual([]);
    const [ack] = await bot.say(RINA, '2');
    expect(ack).toContain('• 3 × Mawar Putih Premium (P02) @ Rp25.000 = Rp75.000');
  });

  it('asks for what is missing and refuses what cannot be ordered, recording nothing', async () => {
    // eight tries in a row: more than the reply cap allows in ten minutes, which is not under test here
    bot = await startBot({ config: { replyCap: { count: 50, windowMs: 10 * MINUTE } } });
    await bot.say(RINA, 'halo', { senderName: 'Rina' });
    expect((await bot.say(RINA, 'mau pesan'))[0]).toBe(
      'Mau pesan apa, Kak? 😊\nTulis kode produk dan jumlahnya, misalnya *pesan P01 2*.\nKode produk ada di *katalog*: ketik *katalog* untuk melihatnya.',
    );
    expect((await bot.say(RINA, 'pesan 2'))[0]).toContain('Produk mana yang mau dipesan 2 buah, Kak?');
    await bot.say(RINA, 'P11');
    expect((await bot.say(RINA, 'pesan'))[0]).toBe('Mau pesan berapa *Bunga Meja Lily Putih*, Kak? Balas jumlahnya, misalnya *2*.');
    expect((await bot.say(RINA, 'pesan 0'))[0]).toBe('Jumlah pesanan 1 sampai 999 ya, Kak. Contoh: *pesan P11 2*.');
    expect((await bot.say(RINA, 'pesan P11 5000'))[0]).toContain('Jumlah pesanan 1 sampai 999');
    expect((await bot.say(RINA, 'pesan P99 2'))[0]).toBe('Maaf Kak, Kode *P99* tidak ada di katalog kami. 🙏 Ketik *katalog* untuk melihat kode produk kami.');
    expect((await bot.say(RINA, 'pesan kaktus 2'))[0]).toContain('*kaktus* tidak kami temukan di katalog');
    expect(catalogState(bot).orders).toEqual([]);
    expect(bot.sentTo(OWNER)).toEqual([]);
  });

  it('orders once from a choice: a number sent afterwards is not another order', async () => {
    bot = await greeted();
    await bot.say(RINA, 'mau pesan anggrek 2');
    expect((await bot.say(RINA, '1'))[0]).toContain('• 2 × Anggrek Bulan Putih (P06)');
    await bot.say(RINA, 'ok');
    expect((await bot.say(RINA, '3')).join('\n')).not.toContain('Pesanan *O-');
    expect(catalogState(bot).orders[0]?.items).toHaveLength(1);
  });

  it('does not record a question or a remark that names a code, and shows what to send instead', async () => {
    bot = await greeted();
    const [asked] = await bot.say(RINA, 'beli P14 kemarin, pitanya warna apa ya');
    expect(asked).toBe(
      'Ini yang Kakak maksud?\n• 1 × Buket Wisuda Mawar (P14) @ Rp120.000\n\nKalau sudah pas, balas *pesan P14 1* untuk memesan. Pertanyaan lain (warna, ukuran, ongkir) dijawab admin kami di chat ini. 🙏',
    );
    expect((await bot.say(RINA, 'pesan P01 warna pink 2'))[0]).toContain('Ini yang Kakak maksud?');
    expect((await bot.say(RINA, 'pesan P01 99999999'))[0]).toContain('Jumlah pesanan 1 sampai 999');
    expect((await bot.say(RINA, 'pesan P01 -2'))[0]).toContain('Jumlah pesanan 1 sampai 999');
    expect(catalogState(bot).orders).toEqual([]);
    // the exact words do order
    expect((await bot.say(RINA, 'pesan P14 1'))[0]).toContain('Pesanan *O-0001*');
  });

  it('understands the ways customers really order', async () => {
    bot = await greeted();
    for (const [text, line] of [
      ['pesan P01-2', '• 2 × Mawar Merah Premium (P01)'],
      ['makasih kak, pesan P02 2 ya', '• 2 × Mawar Putih Premium (P02)'],
      ['assalamualaikum kak, mau order P03 1', '• 1 × Mawar Pink Velvet (P03)'],
      ['saya ambil P04 2', '• 2 × Mawar Kuning Satin (P04)'],
      ['P06 2 pcs ya kak', '• 2 × Anggrek Bulan Putih (P06)'],
    ] as const) {
      expect((await bot.say(RINA, text))[0], text).toContain(line);
    }
  });

  it('takes the quantity it asked for, however it is written', async () => {
    bot = await greeted();
    await bot.say(RINA, 'katalog');
    await bot.say(RINA, '2');
    await bot.say(RINA, '1');
    expect((await bot.say(RINA, 'pesan'))[0]).toBe('Mau pesan berapa *Anggrek Bulan Putih*, Kak? Balas jumlahnya, misalnya *2*.');
    expect((await bot.say(RINA, '5 tangkai'))[0]).toContain('• 5 × Anggrek Bulan Putih (P06)');
  });

  it('reads "pesan nomor 2" and a new quantity while choosing', async () => {
    bot = await greeted();
    await bot.say(RINA, 'katalog');
    await bot.say(RINA, '1');
    expect((await bot.say(RINA, 'pesan nomor 2'))[0]).toBe('Mau pesan berapa *Mawar Putih Premium*, Kak? Balas jumlahnya, misalnya *2*.');
    expect((await bot.say(RINA, '2'))[0]).toContain('• 2 × Mawar Putih Premium (P02)');
    await bot.say(RINA, 'pesan mawar');
    expect((await bot.say(RINA, 'pesan 3'))[0]).toMatch(/^Baik, 3 buah\. Yang mana, Kak\?\n\*1\.\* Mawar Merah Premium/);
    expect((await bot.say(RINA, '1'))[0]).toContain('• 3 × Mawar Merah Premium (P01)');
  });

  it('offers only the products with every word asked when an order names them', async () => {
    bot = await greeted();
    const [ask] = await bot.say(RINA, 'mau pesan anggrek putih 2');
    expect(ask).toContain('Anggrek Bulan Putih (P06)');
    expect(ask).not.toContain('Ungu');
    expect(ask).not.toContain('Mawar');
  });

  it('leaves talk about ordering to the quick replies', async () => {
    bot = await greeted();
    for (const text of ['order tadi gimana kak', 'beli di toko bisa?', 'pesan bunga utk acara buka puasa bersama']) {
      const replies = await bot.say(RINA, text);
      expect(replies.join('\n'), text).not.toContain('tidak kami temukan');
    }
    expect((await bot.say(RINA, 'pesan bunga utk acara buka puasa bersama')).join('\n')).not.toContain('Mau pesan apa');
  });

  it('does not tell the customer an order number when the order cannot be saved', async () => {
    bot = await greeted();
    // db.json becomes a folder: every write of the store fails
    const db = join(bot.dir, 'db.json');
    rmSync(db);
    mkdirSync(join(db, 'blocked'), { recursive: true });
    const replies = await bot.say(RINA, 'pesan P01 2');
    expect(replies).toEqual([
      'Maaf Rina, pesanan Kakak belum bisa kami simpan karena gangguan di sistem kami. 🙏 Admin kami sudah diberi tahu dan akan mencatatnya langsung di chat ini.',
    ]);
    const alert = bot.sentTo(OWNER).find((m) => m.startsWith('⚠️ Pesanan')) ?? '';
    expect(alert).toContain('⚠️ Pesanan dari *Rina* (+62 812-3456-7890) tidak bisa disimpan ke disk');
    expect(alert).toContain('• 2 × Mawar Merah Premium (P01)');
    // and the owner hears once that the disk refuses writes
    expect(bot.sentTo(OWNER).filter((m) => m.startsWith('⚠️ Bot tidak bisa menyimpan data ke disk'))).toHaveLength(1);
    // the owner records it by hand: it is not kept, so it cannot come back twice
    expect(catalogState(bot).orders).toEqual([]);
    rmSync(db, { recursive: true });
  });

  it('keeps orders across a restart and numbers on from them', async () => {
    bot = await greeted();
    await bot.say(RINA, 'pesan P01 1');
    bot = await bot.restart();
    expect(catalogState(bot).orders.map((o) => o.number)).toEqual(['O-0001']);
    await bot.advance(3 * HOUR);
    expect((await bot.say(RINA, 'pesan P02 1'))[0]).toContain('O-0002');
  });
});

describe('owner', () => {
  it('keeps a deletion waiting while a "ya" for another product is refused', async () => {
    bot = await greeted();
    await bot.owner('!produk hapus P03');
    expect((await bot.owner('!produk hapus P04 ya'))[0]).toContain('Konfirmasinya sudah lewat 10 menit atau belum diminta.');
    expect((await bot.owner('!produk hapus P03 ya'))[0]).toBe('🗑️ P03 Mawar Pink Velvet dihapus dari katalog. Kodenya tidak dipakai lagi untuk produk lain.');
    expect(catalogState(bot).products.some((p) => p.code === 'P04')).toBe(true);
  });
});

describe('odd input', () => {
  it('starts over quietly when the saved place in the catalog is damaged', async () => {
    bot = await greeted();
    await bot.say(RINA, 'katalog');
    const record = bot.app.customers.get(bot.transport.chatIdForNumber(RINA));
    if (!record?.dialog) throw new Error('no catalog session');
    record.dialog.data = { stack: [{ type: 'category', name: 42 }] };
    // the number is the main menu's again, and nothing breaks
    expect((await bot.say(RINA, '2'))[0]).toContain('Pusat Pasar Lantai 1');
    expect(bot.app.customers.get(bot.transport.chatIdForNumber(RINA))?.dialog).toBeNull();
  });

  it('lets a sticker or a voice note through while browsing, to the people', async () => {
    bot = await greeted();
    await bot.say(RINA, 'katalog');
    const replies = await bot.say(RINA, '', { kind: 'sticker' });
    expect(replies.join('\n')).not.toContain('Katalog');
    expect((await bot.say(RINA, '', { kind: 'audio' })).join('\n')).not.toContain('Nomor');
    expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('answers a very long message or one of emoji only without searching', async () => {
    bot = await greeted();
    const long = `${'mawar merah '.repeat(30)}?`;
    expect((await bot.say(RINA, long)).join('\n')).not.toContain('Ini yang kami temukan');
    expect((await bot.say(RINA, '🌹🌹🌹')).join('\n')).not.toContain('Kode P');
    expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('pictures made at start', () => {
  const cards = (b: TestBot): string[] =>
    catalogState(b)
      .products.map((p) => p.placeholder)
      .filter((p): p is string => p !== null);

  it('draws a card for each product without photos, in the background, and keeps them', async () => {
    bot = await startBot();
    await bot.app.backgroundDone();
    expect(cards(bot)).toHaveLength(21);
    for (const card of cards(bot)) expect(existsSync(join(bot.dir, card))).toBe(true);
    const before = cards(bot);
    bot = await bot.restart();
    expect(cards(bot)).toEqual(before); // not drawn again
  });

  it('stops drawing when the bot stops, leaving the rest for later', async () => {
    bot = await startBot();
    await bot.close(); // waits for the drawing to stop before the store closes
    expect(cards(bot).length).toBeLessThan(21);
    for (const card of cards(bot)) expect(existsSync(join(bot.dir, card))).toBe(true);
  });
});
