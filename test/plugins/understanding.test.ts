import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { closeBots, HOUR, MINUTE, OWNER, startBot, type TestBot } from '../helpers.js';

/** What customers ask in their own words, beyond the keywords: the examples of issue 12. */
const RINA = '6281234567890';
const BUDI = '6281298765432';
let bot: TestBot;
afterEach(closeBots);

async function greeted(): Promise<TestBot> {
  const b = await startBot();
  await b.say(RINA, 'halo', { senderName: 'Rina' });
  await b.advance(MINUTE);
  return b;
}

const owner = (b: TestBot): string[] => b.sentTo(OWNER);

describe('asking for the catalog in words', () => {
  it.each(['kak minta katalognya dong', 'jual apa aja kak', 'can i see your catalog', 'spill produknya dong kak'])('"%s" opens the catalog', async (text) => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, text);
    // in the customer's language: "can i see your catalog" gets the English frame
    expect(reply).toMatch(/🌸 \*(?:Katalog UD\. Baim Florist|UD\. Baim Florist catalog)\*\n\*1\.\* Mawar/);
    expect(reply).not.toContain('belum menangkap');
  });

  it.each(['kirimin gambar2 bunganya dong kk', 'ada pricelist ga ka? kirim dong', 'apa aja yg ada kak', 'What do you have?', 'Bunga apa yg paling laris kak?'])(
    '"%s" opens the catalog, without the delivery text ("kirim" is sending in the chat)',
    async (text) => {
      bot = await greeted();
      const replies = await bot.say(RINA, text);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatch(/🌸 \*(?:Katalog UD\. Baim Florist|UD\. Baim Florist catalog)\*\n\*1\.\* Mawar/);
      expect(replies[0]).not.toContain('kurir');
    },
  );

  it('opens the category named with it', async () => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, 'lihat katalog buket dong');
    expect(reply).toContain('Buket Wisuda Mawar');
  });
});

describe('needs a person', () => {
  it.each([
    'kak tolong sambungin ke admin yg asli dong',
    'ga bisa kurang lagi kah? udh langganan',
    'kasih lah harga teman bang',
    'ada jasa rangkai bunga di tempat?',
  ])('"%s" is for a person', async (text) => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, text);
    expect(reply).toContain('admin kami yang akan menjawab langsung');
    expect(owner(bot).join('\n')).toContain(text);
  });

  it('says a person will answer and when, tells the owner once with the words, and hands the chat over', async () => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, 'kak tolong telpon sy ya 081234567890');
    expect(reply).toBe(
      'Baik Rina, untuk yang ini admin kami yang akan menjawab langsung. 🙏 Pesan Kakak sudah kami teruskan; admin membalas di chat ini secepatnya.',
    );
    expect(owner(bot)).toEqual(['🙋 *Rina* (+62 812-3456-7890) perlu dijawab langsung oleh admin:\n“kak tolong telpon sy ya 081234567890”']);
    await bot.advance(MINUTE);
    await bot.say(RINA, 'ada harga grosir kak kalau ambil 200 tangkai?');
    expect(owner(bot)).toHaveLength(1);
  });

  it('leaves a discount, a bulk price or a custom design to the person, without product cards', async () => {
    bot = await greeted();
    for (const text of ['ada diskon ga kak kalau beli 5 buket wisuda?', 'harga borongan utk 50 pot anggrek brp ya']) {
      const replies = await bot.say(RINA, text);
      expect(replies).toEqual([expect.stringContaining('admin kami yang akan menjawab langsung')]);
      await bot.advance(MINUTE);
    }
  });

  it("answers the other question in the same message too: the product's price, the shipping, an order's status", async () => {
    bot = await greeted();
    const product = await bot.say(RINA, 'ko, anggrek pot keramik brp? ada diskon kalo beli 5?');
    expect(product[0]).toContain('admin kami yang akan menjawab langsung');
    expect(product.join('\n')).toContain('Anggrek Pot Keramik');
    expect(product.join('\n')).toContain('Rp125.000');
    expect(product.length).toBeLessThanOrEqual(2);
    await bot.advance(MINUTE);
    const shipping = await bot.say(BUDI, 'sy reseller dr rantauprapat, bs harga grosir? ongkir kesini brp', { senderName: 'Budi' });
    expect(shipping.join('\n')).toContain('admin kami yang akan menjawab langsung');
    expect(shipping.join('\n')).toMatch(/kurir|ekspedisi/);
    // the owner is told with the whole message
    expect(owner(bot).at(-1)).toContain('ongkir kesini brp');
  });

  it('keeps a person\'s part to the person when the rest only goes with it (an order of 200, "brp kira2", a remark)', async () => {
    bot = await greeted();
    for (const text of [
      'mau pesan 200 tangkai mawar putih utk dekor gedung, bs harga grosir?',
      'Mau dekor pelaminan utk pesta adat batak tgl 19, bisa kak? brp kira2',
      'Can I speak to someone who can actually help? The bot keeps giving me the catalog.',
    ]) {
      const replies = await bot.say(RINA, text);
      expect(replies).toEqual([expect.stringMatching(/admin kami yang akan menjawab langsung|Our admin will answer this one personally/)]);
      await bot.advance(MINUTE);
    }
  });

  it('tells the owner once when the menu\'s "5" is sent four times', async () => {
    bot = await greeted();
    const answers: string[][] = [];
    // sent in one go, as an impatient customer does
    for (let i = 0; i < 4; i++) answers.push(await bot.say(RINA, '5'));
    // the same answer twice; then the bot leaves the chat to the person already called
    expect(answers.map((a) => a.length)).toEqual([1, 1, 0, 0]);
    expect(owner(bot)).toEqual([expect.stringMatching(/^📣 \*Rina\*/)]);
  });

  it("leaves a discount to the owner's own quick reply when there is one", async () => {
    bot = await greeted();
    await bot.owner('!balasan tambah promo: diskon = Ada diskon 10% untuk buket, {nama}!');
    expect(await bot.say(RINA, 'ada diskon kak?')).toEqual(['Ada diskon 10% untuk buket, Rina!']);
    expect(owner(bot).filter((m) => m.startsWith('🙋'))).toEqual([]);
  });

  it('tells the customer when a person will answer at night', async () => {
    bot = await startBot({ start: Date.parse('2026-12-01T21:00:00+07:00') });
    const replies = await bot.say(RINA, 'bisa jasa dekor acara nikahan kak?', { senderName: 'Rina' });
    expect(replies.join('\n')).toContain('admin membalas di chat ini besok pukul 09.00');
  });
});

describe('after an order', () => {
  it('answers "is my order recorded?" with the order itself, and tells the owner', async () => {
    bot = await greeted();
    expect((await bot.say(RINA, 'pesan P01 4'))[0]).toContain('O-0001');
    await bot.advance(5 * MINUTE);
    const [status] = await bot.say(RINA, 'kak pesanan sy udh dicatat?');
    expect(status).toContain('Pesanan *O-0001*');
    expect(status).toContain('4 × Mawar Merah Premium');
    expect(status).toContain('menunggu konfirmasi admin');
    expect(owner(bot).at(-1)).toContain('menanyakan pesanan *O-0001*');
  });

  it("never shows another chat's order, and tells the owner when none is found", async () => {
    bot = await greeted();
    await bot.say(RINA, 'pesan P01 4');
    const [reply] = await bot.say(BUDI, 'pesanan O-0001 dikirim kapan ya?', { senderName: 'Budi' });
    const all = (await bot.say(BUDI, 'x')).concat(reply ?? '').join('\n');
    expect(all).not.toContain('Mawar Merah');
    expect(reply).toContain('belum menemukan pesanan dari nomor ini');
    expect(owner(bot).at(-1)).toContain('tidak ada pesanan dari chat itu');
  });

  it('thanks a customer who says they paid, ties it to their open order, and tells the owner', async () => {
    bot = await greeted();
    await bot.say(RINA, 'pesan P02 2');
    await bot.advance(10 * MINUTE);
    const [reply] = await bot.say(RINA, 'sudah sy transfer ya kak');
    expect(reply).toBe('Terima kasih Rina! 🙏 Konfirmasi pembayaran pesanan *O-0001* sudah kami terima. Admin kami akan mengecek dan memprosesnya secepatnya.');
    expect(reply).not.toContain('kirim bukti bayarnya');
    expect(owner(bot).at(-1)).toContain('bilang sudah membayar pesanan *O-0001* (Rp50.000)');
  });
});

describe('courtesy', () => {
  it('answers thanks, salam, a ping warmly, stays quiet after "ok" and an emoji, and never says it did not understand', async () => {
    bot = await greeted();
    const answers: string[][] = [];
    for (const text of ['ok makasih kak', '👍', 'assalamualaikum', 'p', 'siap kak']) {
      answers.push(await bot.say(RINA, text));
      await bot.advance(MINUTE);
    }
    expect(answers).toEqual([
      ['Sama-sama, Rina! 🙏 Senang bisa membantu.'],
      [],
      ['Waalaikumsalam, Rina. 🙏 Ada yang bisa kami bantu?'],
      ['Halo Rina! 😊 Ada yang bisa kami bantu?'],
      [],
    ]);
  });

  it('answers a first "assalamualaikum" with its answer before the greeting', async () => {
    bot = await startBot();
    const [reply] = await bot.say(RINA, 'assalamualaikum kak', { senderName: 'Rina' });
    expect(reply).toMatch(/^Waalaikumsalam\. 🙏\nHalo Rina! 🌸 Selamat datang/);
  });
});

describe('bubbles', () => {
  it('writes the greeting, the away notice and the answer as one message at night', async () => {
    bot = await startBot({ start: Date.parse('2026-12-01T21:00:00+07:00') });
    const replies = await bot.say(RINA, 'halo kak, lokasinya dimana?', { senderName: 'Rina' });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^Halo Rina! 🌸[\s\S]*sedang tutup[\s\S]*Pusat Pasar Lantai 1/);
  });
});

describe('orders in words', () => {
  const orders = (b: TestBot) =>
    (b.app.store.data.plugins['catalog'] as { orders: Array<{ number: string; status: string; items: Array<{ code: string; qty: number }>; total: number }> })
      .orders;

  it.each([
    ['sy ambil anggrek bulan ungu 3', [{ code: 'P07', qty: 3 }]],
    ['MAWAR MERAH 2 LUSIN KAK, BUNGKUS YA', [{ code: 'P01', qty: 24 }]],
    [
      "I'd like to order 2 purple orchids and 1 table lily please",
      [
        { code: 'P07', qty: 2 },
        { code: 'P11', qty: 1 },
      ],
    ],
    [
      'setengah lusin mawar merah + setengah lusin mawar putih, kirim ke marelan',
      [
        { code: 'P01', qty: 6 },
        { code: 'P02', qty: 6 },
      ],
    ],
  ])('"%s" is recorded as said', async (text, items) => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, text);
    expect(reply).toMatch(/Pesanan \*O-0001\* sudah kami catat|Your order \*O-0001\* is recorded/);
    expect(orders(bot)[0]?.items.map(({ code, qty }) => ({ code, qty }))).toEqual(items);
  });

  it('asks about a fraction instead of rounding it, and records nothing', async () => {
    bot = await greeted();
    expect(await bot.say(RINA, 'pesan P01 1.5')).toEqual([
      'Maaf Kak, jumlah *1.5* belum bisa kami catat: *Mawar Merah Premium* (P01) dijual per buah/tangkai. Mau pesan berapa? Misalnya *pesan P01 2*. 🙏',
    ]);
    expect((await bot.say(RINA, 'mawar merah premium 1,5 kak'))[0]).toContain('jumlah *1,5* belum bisa kami catat');
    expect(orders(bot)).toEqual([]);
  });

  it('orders the product on screen: "I\'d like to order 3 please" after viewing P06', async () => {
    bot = await greeted();
    await bot.say(RINA, 'P06');
    const [reply] = await bot.say(RINA, "I'd like to order 3 please");
    expect(reply).toContain('3 × Anggrek Bulan Putih (P06)');
  });

  it('answers a named product with its own card, not a list', async () => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, 'mawar putih ready?');
    expect(reply).toMatch(/^\*Mawar Putih Premium\*\nKode P02 · Mawar\n💰 \*Rp25\.000\*/);
    expect(reply).toContain('ready');
  });
});

describe('a product question with how many', () => {
  it('answers the question with the card, then shows what the order would be and how to place it; nothing is recorded', async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'sis monstera daunnya selembar brp? aku mau 20 lembar buat dekor cafe');
    expect(replies[0]).toMatch(/^\*Daun Monstera Artificial\*\nKode P21/);
    expect(replies[1]).toBe(
      [
        'Ini yang Kakak maksud?',
        '• 20 × Daun Monstera Artificial (P21) @ Rp15.000',
        'Total: Rp300.000 (belum termasuk ongkir)',
        '',
        'Kalau sudah pas, balas *pesan P21 20* untuk memesan. Pertanyaan lain (warna, ukuran, ongkir) dijawab admin kami di chat ini. 🙏',
      ].join('\n'),
    );
    expect((bot.app.store.data.plugins['catalog'] as { orders: unknown[] }).orders).toEqual([]);
  });

  it('an order in words asked as a stock question gets the card, then the order it would be', async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'anggrek bulan putih stok ada brp? mau pesan 15 tangkai buat gereja');
    expect(replies[0]).toMatch(/^\*Anggrek Bulan Putih\*\nKode P06/);
    expect(replies[1]).toContain('• 15 × Anggrek Bulan Putih (P06) @ Rp45.000');
  });

  it('a sold-out product gets only its card, which says so and shows what is ready', async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'Is the blue latex rose available? I need 5 stems');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('❌ *Sold out for now.*');
  });
});

describe('changing an order', () => {
  const orders = (b: TestBot) =>
    (b.app.store.data.plugins['catalog'] as { orders: Array<{ status: string; items: Array<{ code: string; qty: number }>; total: number }> }).orders;

  it('adds, sets and removes items of the open order, and tells the owner each time', async () => {
    bot = await greeted();
    await bot.say(RINA, 'pesan P01 2 P02 1');
    await bot.advance(MINUTE);
    expect((await bot.say(RINA, 'eh tambah 1 lg mawar merah jd 3'))[0]).toContain('3 × Mawar Merah Premium');
    expect(orders(bot)[0]?.items).toEqual([expect.objectContaining({ code: 'P01', qty: 3 }), expect.objectContaining({ code: 'P02', qty: 1 })]);
    await bot.advance(MINUTE);
    await bot.say(RINA, 'batal yang P02');
    expect(orders(bot)[0]?.items.map((i) => i.code)).toEqual(['P01']);
    await bot.advance(MINUTE);
    await bot.say(RINA, 'kurangi jd 1 aja');
    expect(orders(bot)[0]).toMatchObject({ items: [expect.objectContaining({ code: 'P01', qty: 1 })], total: 25_000 });
    expect(owner(bot).filter((m) => m.startsWith('✏️'))).toHaveLength(3);
  });

  it('cancels the whole order before the admin confirmed it', async () => {
    bot = await greeted();
    await bot.say(RINA, 'pesan P01 2');
    await bot.advance(MINUTE);
    expect(await bot.say(RINA, 'batal aja kak pesanan sy, gk jadi')).toEqual([
      'Baik Rina, pesanan *O-0001* sudah kami batalkan. Kalau ingin memesan lagi, ketik *katalog* kapan saja. 🙏',
    ]);
    expect(orders(bot)[0]?.status).toBe('batal');
  });

  it('with no open order, a change naming a product shows what it would be and how to order it; nothing is recorded', async () => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, 'ganti jd 15 aja yg mawar pink nya');
    expect(reply).toBe(
      [
        'Kami belum menemukan pesanan Kakak yang masih terbuka di chat ini.',
        'Ini yang Kakak maksud?',
        '• 15 × Mawar Pink Velvet (P03) @ Rp22.000',
        'Total: Rp330.000 (belum termasuk ongkir)',
        '',
        'Kalau sudah pas, balas *pesan P03 15* untuk memesan. Pertanyaan lain (warna, ukuran, ongkir) dijawab admin kami di chat ini. 🙏',
      ].join('\n'),
    );
    expect(orders(bot)).toEqual([]);
  });

  it.each(['Please cancel my order, I found one elsewhere', 'kak pesanan O-0044 tolong dibatalkan ya, maaf'])(
    'with no order on record, "%s" is checked by a person, not taken as a complaint',
    async (text) => {
      bot = await greeted();
      const [reply] = await bot.say(RINA, text);
      // in the customer's language
      expect(reply).toMatch(/kami belum menemukan pesanan dari nomor ini|we could not find an order from this number/);
      expect(owner(bot).join('\n')).toContain(text);
      expect((bot.app.store.data.plugins['complaint'] as { tickets: unknown[] }).tickets).toEqual([]);
    },
  );

  it('"sy gk ada minta batal" about a cancelled order is a complaint', async () => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, 'loh kok pesanan sy dibatalin? sy gk ada minta batal lho kak');
    expect(reply).toContain('Boleh ceritakan apa yang terjadi');
  });

  it('"gak jadi deh" with nothing ordered is no change and tells the owner nothing', async () => {
    bot = await greeted();
    await bot.say(RINA, 'gak jadi deh kak');
    expect(owner(bot)).toEqual([]);
  });

  it('passes a change to a confirmed order, or a colour, to a person', async () => {
    bot = await greeted();
    await bot.say(RINA, 'pesan P14 1');
    await bot.owner('!pesanan O-0001 konfirmasi');
    await bot.advance(MINUTE);
    const [reply] = await bot.say(RINA, 'tambah 1 lagi ya kak');
    expect(reply).toContain('permintaan perubahan pesanan *O-0001* sudah kami teruskan ke admin');
    expect(orders(bot)[0]?.items).toEqual([expect.objectContaining({ code: 'P14', qty: 1 })]);
  });
});

describe('not a shopper talking', () => {
  it.each([
    'Terima kasih telah menghubungi Toko Sinar Jaya. Pesan Anda akan kami balas secepatnya pada jam kerja.',
    'Mohon maaf, saat ini saya sedang tidak dapat menerima panggilan. Silakan tinggalkan pesan.',
    'Pemberitahuan: Paket Anda tertahan karena alamat tidak lengkap. Konfirmasi di link berikut: cek-paket-ekspres.xyz',
    'Dear owner, we are a supplier of artificial flowers. Factory prices, MOQ 100 pcs, free samples.',
  ])('"%s" gets no answer and tells the owner nothing', async (text) => {
    bot = await greeted();
    expect(await bot.say(RINA, text)).toEqual([]);
    expect(owner(bot)).toEqual([]);
  });
});

describe('an impatient question about an order is not a complaint', () => {
  it.each(['kakk pesanan akuu kapan dikirimnyaa? udh bayar kemaren loh', 'admin ganteng, kapan pesanan ku dikirim 😭'])(
    '"%s" gets the order\'s status',
    async (text) => {
      bot = await greeted();
      await bot.say(RINA, 'pesan P01 2');
      await bot.advance(MINUTE);
      const [reply] = await bot.say(RINA, text);
      expect(reply).toContain('*O-0001*');
      expect(reply).toContain('Status: *');
      expect((bot.app.store.data.plugins['complaint'] as { tickets: unknown[] }).tickets).toEqual([]);
    },
  );

  it('but "pesanan sy nyasar ke alamat tetangga, gmn nih" is', async () => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, 'paket sy nyasar ke alamat tetangga, gmn nih');
    expect(reply).toContain('Boleh ceritakan apa yang terjadi');
  });
});

describe('words that look like a topic and are not', () => {
  it.each([
    ['Thank you so much, the flowers look lovely!', 'Pusat Pasar'],
    ['kak sy pesen p03 5 p04 5 ya, kirim ke jl sisingamangaraja', 'Gojek/Grab'],
    ['bang kirimin la foto2 bunga abang semua', 'kurir'],
  ])('"%s" is not answered with the text about "%s"', async (text, not) => {
    bot = await greeted();
    const replies = await bot.say(RINA, text);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.join('\n')).not.toContain(not);
  });

  it('"pesanan sy udh di proses kak?" asks about the order ("proses" is not a typo of "protes")', async () => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, 'pesanan sy yg atas nama rina udh di proses kak?');
    expect(reply).toContain('kami belum menemukan pesanan dari nomor ini');
  });

  it('"kak buket2 nya apa aja? mau liat modelnya" opens the bouquets page', async () => {
    bot = await greeted();
    expect((await bot.say(RINA, 'kak buket2 nya apa aja? mau liat modelnya'))[0]).toMatch(/^🌸 \*Buket\* · 4 produk/);
  });

  it('"P07 2 tangkai, P06 2 tangkai, kirim ke jl. Katamso" is an order by its codes', async () => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, 'P07 2 tangkai, P06 2 tangkai, kirim ke jl. Brigjend Katamso');
    expect(reply).toContain('• 2 × Anggrek Bulan Ungu (P07) @ Rp45.000\n• 2 × Anggrek Bulan Putih (P06) @ Rp45.000');
  });

  it('"Pusat pasar lt brp ya kak? dkt pintu mana" asks the location, not a price', async () => {
    bot = await greeted();
    expect((await bot.say(RINA, 'Pusat pasar lt brp ya kak? dkt pintu mana'))[0]).toMatch(/^📍/);
  });
});

describe('two things in one message', () => {
  it('"udh sy tf ya kak. kapan dikirim?" is thanked for the payment and told where the order is, with one alert to the owner', async () => {
    bot = await greeted();
    await bot.say(RINA, 'pesan P14 1');
    await bot.advance(MINUTE);
    const before = owner(bot).length;
    const replies = await bot.say(RINA, 'udh sy tf 120rb ya kak utk buket wisuda. kapan dikirim ya?');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Konfirmasi pembayaran pesanan *O-0001* sudah kami terima');
    expect(replies[0]).toContain('Status: *');
    expect(
      owner(bot)
        .slice(before)
        .filter((m) => m.includes('Rina')),
    ).toHaveLength(1);
  });

  it('a complaint that also asks to be called, or when the order ships, gets both: the complaint taken down, the owner told', async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'barang blm nyampe padahal udh lewat jam janji. nomor sy 0812xxxx tlg telp');
    expect(replies.join('\n')).toContain('Boleh ceritakan apa yang terjadi');
    expect(replies.join('\n')).toContain('admin kami yang akan menjawab langsung');
    expect(replies.length).toBeLessThanOrEqual(2);
    expect(owner(bot).some((m) => m.startsWith('🙋') && m.includes('tlg telp'))).toBe(true);
    await bot.advance(MINUTE);
    const late = await bot.say(BUDI, 'kak, pesanan O-0120 udh lewat 3 hari dr jadwal. kpn dikirim sbnrnya?', { senderName: 'Budi' });
    expect(late.join('\n')).toContain('Boleh ceritakan apa yang terjadi');
    expect(late.join('\n')).toContain('belum menemukan pesanan');
  });

  it('an order in words and "besok buka kan?" get the order and the hours; an order\'s status and "jam brp tutup hari ini?" too', async () => {
    bot = await greeted();
    const order = await bot.say(RINA, 'anggrek ungu 3 tangkai sama daun monstera 5 lembar, mau ambil besok di toko. besok buka kan?');
    expect(order.join('\n')).toContain('3 × Anggrek Bulan Ungu (P07)');
    expect(order.join('\n')).toMatch(/📅 Rabu, 2 Desember 2026: toko \*buka\*/);
    expect(order.length).toBeLessThanOrEqual(2);
    await bot.advance(MINUTE);
    const status = await bot.say(BUDI, 'jam brp tutup kak hari ini? mau ambil pesanan O-0215 udh siap blm', { senderName: 'Budi' });
    expect(status.join('\n')).toContain('belum menemukan pesanan');
    expect(status.join('\n')).toContain('Jam buka');
    // asked about the order itself, the hour is the order's, not the shop's
    await bot.advance(MINUTE);
    const own = await bot.say(BUDI, 'pesanan sy jadi diantar jam brp kak?');
    expect(own.join('\n')).not.toContain('Jam buka');
  });

  it('a payment with "is it shipping today?" or "blm ada konfirmasi" gets the thanks and where the order is; "mohon diproses" only the thanks', async () => {
    bot = await greeted();
    await bot.say(RINA, 'pesan P14 1');
    await bot.advance(MINUTE);
    const asked = (await bot.say(RINA, "I've transferred the money. Is it shipping today?")).join('\n');
    expect(asked).toContain('O-0001');
    expect(asked).toMatch(/Status: \*/);
    await bot.advance(MINUTE);
    const request = (await bot.say(BUDI, 'kak sdh sy tf ke BCA td, mohon diproses', { senderName: 'Budi' })).join('\n');
    expect(request).toContain('Konfirmasi pembayaran');
    expect(request).not.toContain('belum menemukan pesanan');
  });

  it('a payment and a question about the shipping fee in a part of its own get both; "tolong segera dikirim" only the thanks', async () => {
    bot = await greeted();
    const fee = await bot.say(RINA, 'done tf kak, ongkir nya udh sy itung kan ya 20rb?');
    expect(fee.join('\n')).toContain('Konfirmasi pembayaran');
    expect(fee.join('\n')).toMatch(/kurir/);
    await bot.advance(MINUTE);
    const send = await bot.say(BUDI, 'nih kak buktinya, tolong segera dikirim ya', { senderName: 'Budi' });
    expect(send.join('\n')).toContain('Konfirmasi pembayaran');
    expect(send.join('\n')).not.toMatch(/kurir/);
  });

  it('a complaint and a wish to speak to the owner in one message: the complaint is taken down and the owner is called', async () => {
    bot = await greeted();
    const replies = (await bot.say(RINA, 'kak bunga sy blm sampe jg udh 3 hari, gmn sih. mau ngomong sm owner nya')).join('\n');
    expect(replies).toContain('Boleh ceritakan apa yang terjadi');
    expect(replies).toContain('admin kami yang akan menjawab langsung');
    // the owner reads the whole message, not only the part about the owner
    expect(owner(bot).find((m) => m.startsWith('🙋'))).toContain('bunga sy blm sampe jg udh 3 hari');
    // a repair asked of old flowers is the person's alone, not a complaint
    await bot.advance(MINUTE);
    const repair = (await bot.say(BUDI, 'kak bisa servis bunga artificial lama sy ga? udh kusam', { senderName: 'Budi' })).join('\n');
    expect(repair).not.toContain('Boleh ceritakan apa yang terjadi');
    expect(repair).toContain('admin kami yang akan menjawab langsung');
  });

  it('"bs pesan lewat wa aja kan? bayar nya gmn" asks how to order and pay: "lewat" is "via" here, not late', async () => {
    bot = await greeted();
    const replies = (await bot.say(RINA, 'kak bs pesan lewat wa aja kan? bayar nya gmn')).join('\n');
    expect(replies).not.toContain('Boleh ceritakan apa yang terjadi');
    expect(replies).toContain('Cara pesan');
    expect(replies).toContain('QRIS');
  });

  it("a complaint about a product is not also answered with the product's card", async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'anggrek bulan putih 9 kuntum kan kak? punya sy cuma 6 kuntum per tangkainya');
    expect(replies.join('\n')).toContain('Boleh ceritakan apa yang terjadi');
    expect(replies.join('\n')).not.toContain('Stok ready');
  });

  it('"vas kacanya beneran kaca? takut pecah kalo dikirim ke aceh" is a question, not a complaint', async () => {
    bot = await greeted();
    const replies = await bot.say(RINA, 'vas kaca baby breath itu vasnya kaca beneran kak? takut pecah dijalan kalo dikirim ke aceh');
    expect(replies.join('\n')).not.toContain('Boleh ceritakan apa yang terjadi');
  });
});

describe('a product question without a question mark', () => {
  it('"bahan mawar merah premium apa ya kak, tahan lama ga" gets the product; "prosedur order bunga papan gmn ya kak" how to order', async () => {
    bot = await greeted();
    const product = await bot.say(RINA, 'bahan mawar merah premium apa ya kak, tahan lama ga');
    expect(product.join('\n')).toContain('Mawar Merah Premium (P01)');
    await bot.advance(MINUTE);
    const how = await bot.say(RINA, 'prosedur order bunga papan gmn ya kak');
    expect(how.join('\n')).toContain('Cara pesan');
  });
});

describe('orders in more words', () => {
  it('"ka jd nya sy ambil mawar pink velvet 12 ya, warna salem": 12, not 13 (the colour is a note), shown to confirm with the total', async () => {
    bot = await greeted();
    const replies = (await bot.say(RINA, 'ka jd nya sy ambil mawar pink velvet 12 ya, warna salem')).join('\n');
    expect(replies).toContain('• 12 × Mawar Pink Velvet (P03) @ Rp22.000');
    expect(replies).toContain('Total: Rp264.000');
    expect(replies).toContain('pesan P03 12');
  });

  it('"Saya hendak memesan Bunga Meja Lily Putih sebanyak 4 buah … Mohon diproses." is an order, not a question about one', async () => {
    bot = await greeted();
    const replies = (await bot.say(RINA, 'Saya hendak memesan Bunga Meja Lily Putih sebanyak 4 buah untuk meja resepsionis kantor. Mohon diproses.')).join(
      '\n',
    );
    expect(replies).toContain('O-0001');
    expect(replies).toContain('4 × Bunga Meja Lily Putih (P11)');
  });

  it('"pesen buket wisuda 3 kak, buat wisuda tgl 5. total brp?" is 3 (the 5 is a day) with its total; "bayar qris bs?" after an order is answered too', async () => {
    bot = await greeted();
    const total = (await bot.say(RINA, 'pesen buket wisuda 3 kak, buat wisuda tgl 5. total brp?')).join('\n');
    expect(total).toContain('• 3 × Buket Wisuda Mawar (P14)');
    expect(total).toContain('Total: Rp360.000');
    await bot.advance(MINUTE);
    const several = (
      await bot.say(BUDI, 'kak mau beli 2 anggrek bulan putih, 1 ungu, dan 1 anggrek pot keramik ungu. totalnya brp?', { senderName: 'Budi' })
    ).join('\n');
    expect(several).toContain('Total: Rp260.000');
    await bot.advance(MINUTE);
    const paying = (await bot.say(BUDI, 'pesan 1 mini tulip kuning + 1 bunga meja lily, bayar qris bs?')).join('\n');
    expect(paying).toContain('1 × Bunga Meja Mini Tulip (P12)');
    expect(paying).toContain('QRIS');
  });

  it('cancelling an item with no order on record is checked by a person, not "didn\'t catch that"', async () => {
    bot = await greeted();
    const replies = (await bot.say(RINA, 'kak batalin 1 buket tulip nya ya, jd 1 aja')).join('\n');
    expect(replies).toContain('belum menemukan pesanan');
    expect(replies).not.toContain('belum menangkap');
  });

  it('an order at the end of a longer message is read: "kak sorry baru bls, jd sy pesan mawar pink velvet 10 yg warna salem ya"', async () => {
    bot = await greeted();
    const replies = (await bot.say(RINA, 'kak sorry baru bls, jd sy pesan mawar pink velvet 10 yg warna salem ya')).join('\n');
    expect(replies).toContain('10 × Mawar Pink Velvet (P03)');
    // a part that orders nothing countable is a question about what there is
    await bot.advance(MINUTE);
    const budget = (
      await bot.say(BUDI, 'kak aku mahasiswa, mau beli buket wisuda buat temen tp budget 80rb aja, ada ga yg segitu?', { senderName: 'Budi' })
    ).join('\n');
    expect(budget).not.toContain('Ini yang Kakak maksud');
  });

  it('"gk jd pesen yg anggrek, ganti mawar merah aja 6 tangkai" with no order open shows the new choice to confirm, not "didn\'t catch that"', async () => {
    bot = await greeted();
    const replies = (await bot.say(RINA, 'kk gk jd pesen yg anggrek, ganti mawar merah aja 6 tangkai')).join('\n');
    expect(replies).toContain('• 6 × Mawar Merah Premium (P01)');
    expect(replies).toContain('pesan P01 6');
    expect(replies).not.toContain('belum menangkap');
  });
});

describe('several products in one question', () => {
  it('"harga mawar merah sm mawar putih sama ya?" and "anggrek bulan putih sama ungu beda harga ga?" list each named product with its price', async () => {
    bot = await greeted();
    const roses = (await bot.say(RINA, 'kak harga mawar merah sm mawar putih sama ya?')).join('\n');
    expect(roses).toContain('Mawar Merah Premium (P01) · Rp25.000');
    expect(roses).toContain('Mawar Putih Premium (P02) · Rp25.000');
    expect(roses).not.toContain('P10');
    await bot.advance(MINUTE);
    const orchids = (await bot.say(RINA, 'Anggrek bulan putih sama ungu beda harga ga?')).join('\n');
    expect(orchids).toContain('Anggrek Bulan Putih (P06) · Rp45.000');
    expect(orchids).toContain('Anggrek Bulan Ungu (P07) · Rp45.000');
  });

  it('"P01 x 20, P02 x 20, P21 x 10" is an order; with colours between, what it would be, to confirm', async () => {
    bot = await greeted();
    const placed = (await bot.say(RINA, 'P01 x 20, P02 x 20, P21 x 10')).join('\n');
    expect(placed).toContain('O-0001');
    expect(placed).toContain('20 × Mawar Merah Premium');
    expect(placed).toContain('10 × Daun Monstera Artificial');
    await bot.advance(MINUTE);
    const noted = (await bot.say(BUDI, 'P10 merah putih 2, P13 pink 1 kak', { senderName: 'Budi' })).join('\n');
    expect(noted).toContain('Ini yang Kakak maksud?');
    expect(noted).toContain('pesan P10 2 P13 1');
  });
});

describe('a kind of flower the shop does not sell', () => {
  it.each(['ada bunga segar ga kak? yg asli', 'hallo, do you sell fresh flowers or only artificial?', 'ada bunga asli gk kak? buat tabur makam'])(
    '"%s" is told the shop sells artificial flowers only, with what it has; no person is called',
    async (text) => {
      bot = await greeted();
      const replies = await bot.say(RINA, text);
      expect(replies.join('\n')).toMatch(/khusus menjual bunga \*artificial\*|we only sell \*artificial\* flowers/);
      expect(replies.join('\n')).toMatch(/Mawar \((?:5 produk|5 products)\)/);
      expect(replies.join('\n')).not.toContain('admin kami yang akan menjawab langsung');
      expect(owner(bot).filter((m) => m.startsWith('🙋'))).toEqual([]);
    },
  );
});

describe('dates in questions', () => {
  it.each([
    ['natal buka ga kak', '📅 Jumat, 25 Desember 2026: toko *tutup* (libur Natal).'],
    ['besok buka?', '📅 Rabu, 2 Desember 2026: toko *buka* 09.00–17.00.'],
    ['tgl 25 buka?', '📅 Jumat, 25 Desember 2026: toko *tutup* (libur Natal).'],
    ['sabtu sampai jam brp?', '📅 Sabtu, 5 Desember 2026: toko *buka* 09.00–17.00.'],
    ['hari minggu buka?', '📅 Minggu, 6 Desember 2026: toko *tutup*.'],
  ])('"%s" on Tuesday 1 December is answered for the day asked', async (text, line) => {
    bot = await greeted();
    const [reply] = await bot.say(RINA, text);
    expect(reply?.startsWith(`${line}\n\n🕘 Jam buka`)).toBe(true);
  });

  it('answers "jam buka?" with the week, without a day line', async () => {
    bot = await greeted();
    expect((await bot.say(RINA, 'jam buka brp kak'))[0]).toMatch(/^🕘 Jam buka/);
  });
});

describe('whole journeys', () => {
  const picture = { mimetype: 'image/png', read: () => Promise.resolve(new Uint8Array(readFileSync('test/fixtures/mawar.png'))) };
  const tickets = (b: TestBot) =>
    (b.app.store.data.plugins['complaint'] as { tickets: Array<{ status: string; rating: number | null; timeline: Array<{ by: string; text: string }> }> })
      .tickets;

  it('complaint with a photo → ticket → the owner answers → the customer thanks → resolved → rating → thanks', async () => {
    bot = await greeted();
    const [empathy] = await bot.say(RINA, 'kak mawar yg sy terima patah semua tangkainya', { kind: 'image', image: picture });
    expect(empathy).toContain('mohon maaf');
    expect((await bot.say(RINA, 'sudah'))[0]).toContain('*K-0001*');
    await bot.advance(10 * MINUTE);
    await bot.owner('!keluhan 1 balas Mohon maaf Kak, kami kirim gantinya besok.');
    expect(bot.sentTo(RINA).at(-1)).toContain('kami kirim gantinya besok');
    await bot.advance(5 * MINUTE);
    // the customer's answer goes on the ticket, never "didn't catch that"
    const thanks = await bot.say(RINA, 'oke kak ditunggu ya, makasih');
    expect(thanks.join()).not.toContain('belum menangkap');
    expect(tickets(bot)[0]?.timeline.at(-1)).toMatchObject({ by: 'customer', text: 'oke kak ditunggu ya, makasih' });
    await bot.advance(HOUR);
    await bot.owner('!keluhan 1 selesai Pengganti sudah dikirim, gratis ongkir.');
    expect(bot.sentTo(RINA).at(-1)).toContain('Balas dengan angka *1* sampai *5*');
    await bot.advance(MINUTE);
    expect((await bot.say(RINA, '5')).join()).not.toContain('belum menangkap');
    expect(tickets(bot)[0]).toMatchObject({ status: 'selesai', rating: 5 });
    await bot.advance(MINUTE);
    expect(await bot.say(RINA, 'makasih bnyk kak 🙏')).toEqual(['Sama-sama, Rina! 🙏 Senang bisa membantu.']);
  });

  it('browse → choose → order → pay → proof', async () => {
    bot = await greeted();
    expect((await bot.say(RINA, 'katalog'))[0]).toContain('*1.* Mawar');
    await bot.say(RINA, '1');
    expect((await bot.say(RINA, '2'))[0]).toContain('*Mawar Putih Premium*');
    expect((await bot.say(RINA, 'pesan 3'))[0]).toContain('Pesanan *O-0001* sudah kami catat');
    await bot.owner('!pesanan O-0001 konfirmasi ongkir 15rb, transfer BCA 123');
    await bot.advance(30 * MINUTE);
    const [thanked] = await bot.say(RINA, 'sudah sy transfer ya kak, ini buktinya', { kind: 'image', image: picture });
    expect(thanked).toContain('Konfirmasi pembayaran pesanan *O-0001* sudah kami terima');
    expect(owner(bot).some((m) => m.includes('bilang sudah membayar pesanan *O-0001*') && m.includes('dengan foto bukti'))).toBe(true);
    // one alert for the proof, not a second "sent a picture"
    expect(owner(bot).filter((m) => m.startsWith('📷'))).toEqual([]);
  });

  it('night → away → morning', async () => {
    bot = await startBot({ start: Date.parse('2026-12-01T21:00:00+07:00') });
    const [night] = await bot.say(RINA, 'kak mawar putih ready?', { senderName: 'Rina' });
    expect(night).toContain('sedang tutup');
    await bot.advance(12 * HOUR);
    const [morning] = await bot.say(RINA, 'kak, lokasi toko dimana?');
    expect(morning).toMatch(/^📍 \*UD\. Baim Florist\*/);
  });

  it('owner edits → customer sees', async () => {
    bot = await greeted();
    await bot.owner('!teks sama-sama Sama-sama {nama}, ditunggu kunjungannya di {toko}! 🌸');
    expect(await bot.say(RINA, 'makasih kak')).toEqual(['Sama-sama Rina, ditunggu kunjungannya di UD. Baim Florist! 🌸']);
  });
});

describe('messages sent close together are read together', () => {
  const together = () => startBot({ config: { readTogetherMs: 3000 } });

  it('"halo" and a question in the same second get one complete answer: the greeting and the product, in one message', async () => {
    bot = await together();
    bot.transport.deliver({ from: RINA, text: 'halo', senderName: 'Rina', at: bot.clock.now() });
    bot.transport.deliver({ from: RINA, text: 'mawar putih ready?', senderName: 'Rina', at: bot.clock.now() });
    await bot.app.idle();
    // the greeting with the menu, then the product's photo with its card as the caption
    const seen = bot.transport.sent.filter((x) => x.chatId === bot.transport.chatIdForNumber(RINA)).map((x) => x.message);
    expect(seen.map((m) => m.kind)).toEqual(['text', 'image']);
    expect(bot.sentTo(RINA)[0]).toMatch(/^Halo Rina! 🌸 Selamat datang/);
    expect(bot.sentTo(RINA)[1]).toMatch(/^\*Mawar Putih Premium\*[\s\S]*✅ Stok ready/);
  });

  it('a lone "halo" waits up to 3 seconds for more, then gets the greeting and the menu', async () => {
    bot = await together();
    bot.transport.deliver({ from: RINA, text: 'halo kak', senderName: 'Rina', at: bot.clock.now() });
    await bot.clock.advance(2_900);
    expect(bot.sentTo(RINA)).toEqual([]);
    await bot.advance(200);
    expect(bot.sentTo(RINA)).toHaveLength(1);
    expect(bot.sentTo(RINA)[0]).toMatch(/^Halo Rina! 🌸[\s\S]*\*1\.\* Lihat produk/);
  });

  it('"p", "kak" and a question a second apart are one message; a question after the wait is its own', async () => {
    bot = await together();
    bot.transport.deliver({ from: RINA, text: 'p', senderName: 'Rina', at: bot.clock.now() });
    await bot.clock.advance(1_000);
    bot.transport.deliver({ from: RINA, text: 'kak', senderName: 'Rina', at: bot.clock.now() });
    await bot.clock.advance(1_000);
    bot.transport.deliver({ from: RINA, text: 'lokasi dmn', senderName: 'Rina', at: bot.clock.now() });
    await bot.app.idle();
    expect(bot.sentTo(RINA)).toHaveLength(1);
    expect(bot.sentTo(RINA)[0]).toContain('Pusat Pasar Lantai 1');
    // a question is never held back
    await bot.advance(MINUTE);
    bot.transport.deliver({ from: RINA, text: 'jam buka brp', senderName: 'Rina', at: bot.clock.now() });
    await bot.app.idle();
    expect(bot.sentTo(RINA)).toHaveLength(2);
    expect(bot.sentTo(RINA)[1]).toMatch(/Jam buka/);
  });

  it('a picture after "halo" is not joined to it: the greeting, then the picture handled on its own', async () => {
    bot = await together();
    const picture = { mimetype: 'image/png', read: () => Promise.resolve(new Uint8Array(readFileSync('test/fixtures/mawar.png'))) };
    bot.transport.deliver({ from: RINA, text: 'halo', senderName: 'Rina', at: bot.clock.now() });
    bot.transport.deliver({ from: RINA, text: '', kind: 'image', image: picture, senderName: 'Rina', at: bot.clock.now() });
    await bot.app.idle();
    const seen = bot.sentTo(RINA);
    expect(seen[0]).toMatch(/^Halo Rina! 🌸/);
    expect(owner(bot).some((m) => m.includes('mengirim gambar'))).toBe(true);
  });

  it('a greeting still waiting when the bot stops is answered before it stops', async () => {
    bot = await together();
    bot.transport.deliver({ from: RINA, text: 'halo', senderName: 'Rina', at: bot.clock.now() });
    await bot.close();
    expect(bot.sentTo(RINA)[0]).toMatch(/^Halo Rina! 🌸/);
  });
});

describe('two messages in the same second', () => {
  it('"halo" and a question sent together: the greeting, then the answer', async () => {
    bot = await startBot();
    bot.transport.deliver({ from: RINA, text: 'halo', senderName: 'Rina', at: bot.clock.now() });
    bot.transport.deliver({ from: RINA, text: 'mawar putih ready?', senderName: 'Rina', at: bot.clock.now() });
    await bot.app.idle();
    await bot.app.outbox.idle();
    const seen = bot.sentTo(RINA);
    expect(seen[0]).toMatch(/^Halo Rina! 🌸 Selamat datang/);
    expect(seen.some((m) => m.startsWith('*Mawar Putih Premium*'))).toBe(true);
  });
});

describe('English', () => {
  const TOM = '6281377778888';

  it('answers a customer who writes English in English, the greeting, the quick replies, an order and thanks', async () => {
    bot = await startBot();
    const [first] = await bot.say(TOM, 'Hello, where is your shop located?', { senderName: 'Tom' });
    expect(first).toMatch(/^Hello Tom! 👋 Welcome to \*UD\. Baim Florist\*/);
    expect(first).toContain('Please choose from the menu:');
    expect(first).toContain('📍 *UD. Baim Florist*\nPusat Pasar Lantai 1, Medan\n\nYou are welcome to visit, Tom!');
    await bot.advance(MINUTE);
    const [order] = await bot.say(TOM, "I'd like to order 2 purple orchids please");
    expect(order).toMatch(/^✅ Thank you Tom! Your order \*O-0001\* is recorded:/);
    await bot.advance(MINUTE);
    expect(await bot.say(TOM, 'thank you so much!')).toEqual(["You're welcome, Tom! 🙏 Happy to help."]);
  });

  it('browses the catalog in English, remembering the language for "1" and "2", and files a complaint in English', async () => {
    bot = await startBot();
    await bot.say(TOM, 'Hello there', { senderName: 'Tom' });
    await bot.advance(MINUTE);
    const [list] = await bot.say(TOM, 'can i see your catalog');
    expect(list).toMatch(/^🌸 \*UD\. Baim Florist catalog\*\n\*1\.\* Mawar \(5 products\)/);
    expect(list).toContain('Reply with a category’s *number* to see its products.');
    const [page] = await bot.say(TOM, '1');
    expect(page).toMatch(/^🌸 \*Mawar\* · 5 products\n\*1\.\* Mawar Merah Premium \(P01\)/);
    expect(page).toContain('*5.* Mawar Biru Latex (P05) · Rp30.000 · ❌ _sold out_');
    expect(page).toContain('Type *back* for the categories.');
    const [card] = await bot.say(TOM, '2');
    expect(card).toMatch(/^\*Mawar Putih Premium\*\nCode P02 · Mawar\n💰 \*Rp25\.000\*/);
    expect(card).toContain('✅ In stock\n🛒 To order, reply *order <quantity>*, for example *order 2*.');
    expect((await bot.say(TOM, 'order 3'))[0]).toMatch(/^✅ Thank you Tom! Your order \*O-0001\* is recorded:\n• 3 × Mawar Putih Premium/);
    await bot.advance(HOUR);
    const [sorry] = await bot.say(TOM, 'I want to complain, the roses I received are damaged');
    expect(sorry).toMatch(/^Oh no, we are so sorry, Tom, that it arrived damaged\./);
    expect(sorry).toContain('Type *done* when you have told us everything');
    await bot.say(TOM, 'two of the stems are broken');
    const [filed] = await bot.say(TOM, 'done');
    expect(filed).toMatch(/^✅ Your complaint is recorded as \*K-0001\*:/);
  });

  it('tells an English customer at night that the shop is closed, and when it opens, in English', async () => {
    bot = await startBot({ start: Date.parse('2026-12-01T21:00:00+07:00') });
    const [night] = await bot.say(TOM, 'Hello, do you have white roses?', { senderName: 'Tom' });
    expect(night).toContain(
      'Thank you for contacting *UD. Baim Florist*, Tom. 🙏\nWe are closed right now. We have your message and will reply tomorrow at 09.00.',
    );
  });

  it("tells an English customer their order's status and changes it in English", async () => {
    bot = await startBot();
    await bot.say(TOM, 'Hello, I would like to order P07 2 please', { senderName: 'Tom' });
    await bot.advance(MINUTE);
    const [status] = await bot.say(TOM, 'what is the status of my order?');
    expect(status).toMatch(/^Order \*O-0001\* for Tom:\n• 2 × Anggrek Bulan Ungu/);
    expect(status).toContain(
      'Status: *received, waiting for our admin to confirm*. About the delivery, our admin will let you know in this chat as soon as possible. 🙏',
    );
    await bot.advance(MINUTE);
    expect((await bot.say(TOM, 'please cancel my order'))[0]).toBe(
      'All right Tom, order *O-0001* is cancelled. If you would like to order again, type *catalog* any time. 🙏',
    );
  });

  it('keeps Indonesian for Indonesian, and lets the owner edit the English text', async () => {
    bot = await startBot();
    expect((await bot.say(RINA, 'halo kak', { senderName: 'Rina' }))[0]).toMatch(/^Halo Rina!/);
    await bot.owner('!teks sapaan.en Hi {nama}, welcome to {toko}!');
    expect((await bot.say(TOM, 'Hi, do you deliver to Binjai?', { senderName: 'Tom' }))[0]).toMatch(/^Hi Tom, welcome to UD\. Baim Florist!/);
  });
});

describe('!kenapa', () => {
  it("shows the owner who answered a customer's last message and about what, never its text", async () => {
    bot = await greeted();
    await bot.say(RINA, 'jam buka brp kak? alamatnya dmn');
    const [why] = await bot.owner('!kenapa 0812 3456 7890');
    expect(why).toContain('🔎 Pesan terakhir dari *Rina* (+62 812-3456-7890)');
    expect(why).toContain('• Dijawab oleh: balasan cepat (jam, lokasi)');
    expect(why).not.toContain('alamatnya');
    await bot.advance(MINUTE);
    await bot.say(RINA, 'ok');
    expect((await bot.owner('!kenapa 081234567890'))[0]).toContain('Tidak dijawab otomatis');
    expect((await bot.owner('!kenapa 0899 1111 2222'))[0]).toContain('belum pernah menghubungi toko');
    expect((await bot.owner('!kenapa abc'))[0]).toContain('abc');
  });
});
