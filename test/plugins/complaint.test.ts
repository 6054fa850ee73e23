import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_AFTER_MS } from '../../plugins/complaint/index.js';
import { INTAKE_QUIET_MS } from '../../plugins/complaint/desk.js';
import { detectComplaint } from '../../plugins/complaint/detect.js';
import type { ComplaintState } from '../../plugins/complaint/model.js';
import { DAY, HOUR, MINUTE, OWNER, closeBots, startBot, type TestBot, read } from '../helpers.js';

/**
 * Complaints through the real app and the in-memory transport: intake, filing (saved before the
 * number is given), the owner's answers, rating, reopening, closing, reminders and the summary.
 * The test clock starts on Tuesday 1 December 2026, 10:00 in Medan; the shop is open 09–17.
 */
const RINA = '6281234567890';
const MAWAR_PNG = readFileSync('test/fixtures/mawar.png');
const image = { mimetype: 'image/png', read: () => Promise.resolve(new Uint8Array(MAWAR_PNG)) };
let bot: TestBot;
afterEach(closeBots);

async function greeted(): Promise<TestBot> {
  const b = await startBot();
  await b.say(RINA, 'halo', { senderName: 'Rina' });
  return b;
}

const state = (b: TestBot): ComplaintState => b.app.store.data.plugins['complaint'] as ComplaintState;

/** Files a complaint the usual way and returns the bot's last answer. */
async function fileOne(b: TestBot, first = 'kak mawarnya patah 2 tangkai'): Promise<string> {
  await b.say(RINA, first);
  await b.say(RINA, 'pesanan O-0001 kemarin');
  const replies = await b.say(RINA, 'sudah');
  return replies.at(-1) ?? '';
}

describe('intake', () => {
  it('listens with empathy for what happened, collects details over several messages and a photo, and files on "sudah"', async () => {
    bot = await greeted();
    const [first] = await bot.say(RINA, 'kak mawarnya patah 2 tangkai, kecewa');
    expect(first).toMatch(/^Aduh, mohon maaf sekali Rina barangnya sampai dalam keadaan rusak\./);
    expect(first).toContain('Boleh ceritakan apa yang terjadi, dan produk atau pesanan yang mana?');
    expect(await bot.say(RINA, 'yang pesanan O-0001 kemarin')).toEqual(['Baik, kami catat. Ada lagi yang ingin disampaikan? Ketik *sudah* kalau sudah semua.']);
    expect(await bot.say(RINA, '', { kind: 'image', image })).toEqual([]);
    // during intake nobody else answers: not the catalog, not the quick replies
    expect(await bot.say(RINA, 'harga mawar merah brp sih sebenarnya')).toEqual([]);

    const db = join(bot.dir, 'db.json');
    let onDisk = '';
    bot.transport.onSend = (sent) => {
      if (sent.message.kind === 'text' && sent.message.text.includes('K-0001') && sent.chatId === bot.transport.chatIdForNumber(RINA))
        onDisk = readFileSync(db, 'utf8');
    };
    const [filed] = await bot.say(RINA, 'sudah');
    expect(filed).toBe(
      [
        '✅ Keluhan Kakak sudah kami catat dengan nomor *K-0001*:',
        '“kak mawarnya patah 2 tangkai, kecewa yang pesanan O-0001 kemarin harga mawar merah brp…”',
        '',
        'Admin kami akan memeriksanya dan membalas di chat ini hari ini sebelum pukul 17.00. Kakak bisa cek kapan saja dengan mengetik *status keluhan*. Terima kasih atas kesabarannya, Rina. 🙏',
      ].join('\n'),
    );
    // the ticket was in the file when the customer read its number
    expect(JSON.parse(onDisk).plugins.complaint.tickets[0]).toMatchObject({ number: 'K-0001', category: 'rusak', status: 'baru' });
    const owner = bot.transport.sent.filter((s) => s.chatId === bot.transport.chatIdForNumber(OWNER));
    expect(owner[0]?.message.kind === 'text' && owner[0].message.text).toContain('📝 *Keluhan baru K-0001* · barang rusak\nDari: *Rina* (+62 812-3456-7890)');
    expect(owner[1]?.message.kind).toBe('image');
    expect(state(bot).tickets[0]?.photos).toHaveLength(1);
  });

  it('starts from the main menu and from "mau komplain", and files after three quiet minutes', async () => {
    bot = await greeted();
    expect((await bot.say(RINA, '4'))[0]).toContain('Terima kasih sudah menyampaikan keluhan Kakak, Rina.');
    await bot.say(RINA, 'batal');
    expect((await bot.say(RINA, 'mau komplain'))[0]).toContain('Boleh ceritakan apa yang terjadi');
    await bot.say(RINA, 'warnanya beda sama di foto, jadi pink pucat');
    await bot.advance(INTAKE_QUIET_MS - 1000);
    expect(state(bot).tickets).toHaveLength(0);
    await bot.advance(2000);
    expect(bot.sentTo(RINA).at(-1)).toContain('nomor *K-0001*');
    expect(state(bot).tickets[0]?.category).toBe('warna');
  });

  it('asks once more when nothing was told, and files nothing on a second "sudah", a cancel, or silence', async () => {
    bot = await greeted();
    await bot.say(RINA, 'komplain');
    expect(await bot.say(RINA, 'sudah')).toEqual([
      'Kami belum menerima ceritanya, Rina. Boleh tuliskan singkat apa yang terjadi, atau kirim fotonya? Ketik *batal* kalau tidak jadi.',
    ]);
    expect(await bot.say(RINA, 'sudah')).toEqual([
      'Baik Rina, tidak ada keluhan yang kami catat. Kalau nanti ingin menyampaikan sesuatu, ketik *komplain* kapan saja. 🙏',
    ]);
    await bot.advance(2 * MINUTE);
    await bot.say(RINA, 'komplain');
    await bot.say(RINA, 'barangnya rusak');
    expect((await bot.say(RINA, 'gak jadi kak'))[0]).toContain('tidak ada keluhan yang kami catat');
    await bot.advance(2 * MINUTE);
    await bot.say(RINA, 'komplain');
    await bot.advance(INTAKE_QUIET_MS + MINUTE);
    expect(state(bot).tickets).toEqual([]);
    expect(bot.sentTo(OWNER)).toEqual([]);
  });

  it('promises an answer by the morning when the shop is closed', async () => {
    bot = await startBot({ start: Date.parse('2026-12-01T20:00:00+07:00') });
    await bot.say(RINA, 'mau komplain kak');
    await bot.say(RINA, 'ukurannya lebih kecil dari foto');
    expect((await bot.say(RINA, 'sudah')).at(-1)).toContain('membalas di chat ini besok pagi.');
  });

  it('leaves questions that only sound like complaints to the other answers', async () => {
    for (const text of ['kalau rusak bisa tukar?', 'mahal gak kak?', 'ada mawar merah?', 'terima kasih bunganya bagus']) {
      expect(detectComplaint(read(text)).complaint, text).toBe(false);
    }
    bot = await greeted();
    expect((await bot.say(RINA, 'kalau rusak bisa tukar?')).join('\n')).not.toContain('Boleh ceritakan apa yang terjadi');
  });

  it('does not give a number when the ticket cannot be saved', async () => {
    bot = await greeted();
    const db = join(bot.dir, 'db.json');
    await bot.say(RINA, 'komplain, vasnya pecah');
    rmSync(db);
    mkdirSync(join(db, 'blocked'), { recursive: true });
    const [reply] = await bot.say(RINA, 'sudah');
    expect(reply).toBe(
      'Mohon maaf Rina, keluhan Kakak belum bisa kami simpan karena gangguan di sistem kami. Admin kami sudah diberi tahu dan akan menghubungi Kakak langsung. 🙏',
    );
    expect(state(bot).tickets).toEqual([]);
    expect(bot.sentTo(OWNER).some((m) => m.startsWith('⚠️ Keluhan dari *Rina*'))).toBe(true);
    rmSync(db, { recursive: true });
  });
});

describe('follow-up with the customer', () => {
  it('answers "status keluhan", passes answers to the shop\'s question on, takes a rating, and reopens', async () => {
    bot = await greeted();
    await fileOne(bot);
    expect(await bot.say(RINA, 'status keluhan')).toEqual([
      'Keluhan Kakak:\n• *K-0001* (sudah kami terima, menunggu admin): “kak mawarnya patah 2 tangkai pesanan O-0001 kemarin”',
    ]);
    await bot.advance(30 * MINUTE);
    expect(await bot.owner('!keluhan 1 tanya Boleh kirim foto tangkainya, Kak?')).toEqual([
      '⏳ Pertanyaan untuk K-0001 dicatat; menunggu jawaban pelanggan. Terkirim ke pelanggan.',
    ]);
    expect(bot.sentTo(RINA).at(-1)).toBe('Boleh kirim foto tangkainya, Kak?');
    expect(state(bot).tickets[0]?.firstResponseAt).toBe(bot.clock.now());
    expect(await bot.say(RINA, '', { kind: 'image', image })).toEqual(['Terima kasih Rina, sudah kami teruskan ke admin (keluhan *K-0001*). 🙏']);
    expect(bot.sentTo(OWNER).at(-2)).toContain('💬 *K-0001*: *Rina* (+62 812-3456-7890) menjawab:\n(foto)');
    expect(state(bot).tickets[0]?.status).toBe('diproses');

    await bot.owner('!keluhan 1 selesai Kami kirim 2 tangkai pengganti besok pagi, gratis ongkir.');
    expect(bot.sentTo(RINA).at(-1)).toContain('✅ Keluhan *K-0001* sudah kami tindak lanjuti:\nKami kirim 2 tangkai pengganti besok pagi, gratis ongkir.');
    // a rating, even though "4" is also a main menu item
    expect(await bot.say(RINA, '4')).toEqual(['Terima kasih atas nilainya, Rina! 🌸 Masukan Kakak sangat berarti untuk kami.']);
    expect(state(bot).tickets[0]?.rating).toBe(4);
    expect((await bot.say(RINA, 'belum beres kak, penggantinya belum datang'))[0]).toBe(
      'Mohon maaf Rina, ternyata belum beres. Keluhan *K-0001* kami buka lagi dan admin kami segera menindaklanjuti. 🙏',
    );
    expect(state(bot).tickets[0]?.status).toBe('diproses');
    expect(bot.sentTo(OWNER).at(-1)).toContain('🔁 Keluhan *K-0001* dibuka lagi');
  });

  it('alerts the owner at once on a rating of 1 or 2, and takes no rating after 24 hours', async () => {
    bot = await greeted();
    await fileOne(bot);
    await bot.owner('!keluhan 1 selesai Uang dikembalikan.');
    expect((await bot.say(RINA, '2'))[0]).toContain('Mohon maaf kami belum memuaskan');
    expect(bot.sentTo(OWNER).at(-1)).toContain('⚠️ *Rina* (+62 812-3456-7890) memberi nilai *2* untuk keluhan K-0001');

    await bot.say(RINA, 'komplain, warnanya beda');
    await bot.say(RINA, 'sudah');
    await bot.owner('!keluhan 2 selesai Ditukar.');
    await bot.advance(25 * HOUR);
    // a day later "5" is the main menu's item 5 again
    expect((await bot.say(RINA, '5'))[0]).toContain('admin kami sudah diberi tahu');
    expect(state(bot).tickets[1]?.rating).toBeNull();
  });

  it('closes a resolved ticket by itself seven days later', async () => {
    bot = await greeted();
    await fileOne(bot);
    await bot.owner('!keluhan 1 selesai Diganti.');
    await bot.advance(CLOSE_AFTER_MS - HOUR);
    expect(state(bot).tickets[0]?.status).toBe('selesai');
    await bot.advance(2 * HOUR);
    expect(state(bot).tickets[0]).toMatchObject({ status: 'ditutup', closedAt: expect.any(Number) });
    expect((await bot.owner('!keluhan 1 balas halo'))[0]).toContain('⚠️ Keluhan K-0001 sudah ditutup; tidak bisa dibalas atau diubah lagi');
  });
});

describe('reminders and the daily summary', () => {
  it('reminds the owner after two business hours without a reply, again the next business morning, and never twice', async () => {
    bot = await greeted();
    await fileOne(bot); // Tuesday 10:00
    await bot.advance(HOUR + 50 * MINUTE);
    expect(bot.sentTo(OWNER).filter((m) => m.includes('belum dibalas'))).toEqual([]);
    await bot.advance(15 * MINUTE); // 12:05: two business hours have passed
    const reminders = (): string[] => bot.sentTo(OWNER).filter((m) => m.includes('belum dibalas'));
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toContain('• *K-0001* · Rina · rusak · 2 jam');
    await bot.advance(5 * HOUR); // the rest of the day: no second reminder
    expect(reminders()).toHaveLength(1);
    await bot.advance(16 * HOUR); // Wednesday 09:05
    expect(reminders()).toHaveLength(2);
    await bot.owner('!keluhan 1 balas Maaf Kak, kami cek dulu.');
    await bot.advance(DAY);
    expect(reminders()).toHaveLength(2);
  });

  it('counts business hours only: a complaint at night is due two hours after opening', async () => {
    bot = await startBot({ start: Date.parse('2026-12-01T22:00:00+07:00') });
    await bot.say(RINA, 'komplain, pesanan belum sampai');
    await bot.say(RINA, 'sudah');
    await bot.advance(12 * HOUR); // Wednesday 10:00
    expect(bot.sentTo(OWNER).filter((m) => m.includes('belum dibalas'))).toEqual([]);
    await bot.advance(HOUR + 15 * MINUTE); // 11:15
    expect(bot.sentTo(OWNER).filter((m) => m.includes('belum dibalas'))).toHaveLength(1);
  });

  it('sends the summary once a day at 08:00, can move or switch it off, and keeps the rule across a restart', async () => {
    bot = await greeted();
    await fileOne(bot);
    await bot.advance(22 * HOUR + 5 * MINUTE); // Wednesday 08:05
    const summaries = (): string[] => bot.sentTo(OWNER).filter((m) => m.startsWith('☀️ *Ringkasan kemarin*')); // the transport of the bot running now
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0]).toContain('☀️ *Ringkasan kemarin* (1/12/2026)\nPelanggan baru: 1 · pesan masuk: 4\nKeluhan: 1 baru, 0 selesai, 1 masih terbuka');
    expect(summaries()[0]).toContain('Pesanan: 0 masuk; terbuka 0');
    // after a restart, no second summary the same day
    bot = await bot.restart();
    await bot.advance(HOUR);
    expect(summaries()).toHaveLength(0);
    expect(await bot.owner('!keluhan ringkasan 07:30')).toEqual(['✅ Ringkasan harian dikirim tiap hari pukul 07.30 (paling lambat 15 menit sesudahnya).']);
    await bot.advance(22 * HOUR + 45 * MINUTE); // Thursday 07:50
    expect(summaries()).toHaveLength(1);
    await bot.owner('!keluhan ringkasan off');
    await bot.advance(DAY);
    expect(summaries()).toHaveLength(1);
  });

  it('shows the last 7 and 30 days with !statistik', async () => {
    bot = await greeted();
    await fileOne(bot);
    await bot.advance(HOUR);
    await bot.owner('!keluhan 1 selesai Diganti.');
    await bot.say(RINA, '5');
    const [stats] = await bot.owner('!statistik');
    expect(stats).toContain(
      '📊 *Statistik*\n\n*7 hari terakhir*\nPelanggan baru: 1 · pesan masuk: 5\nKeluhan: 1 baru, 1 selesai, 0 masih terbuka\nWaktu balasan pertama (median): 1 jam\nNilai rata-rata: 5,0 dari 5 (1 nilai)\nKeluhan per kategori: rusak 1',
    );
    expect(stats).toContain('*30 hari terakhir*');
    expect((await bot.owner('!statistik minggu'))[0]).toContain('⚠️ !statistik tidak memakai tambahan apa-apa.');
  });
});

describe('what a review of real messages found', () => {
  it('tells complaints from questions before buying and from orders', () => {
    for (const text of [
      'warna lain ada kak?',
      'ada ukuran lebih kecil dari ini?',
      'ukurannya beda-beda ya kak?',
      'bunga ini tahan lama? gak gampang rusak kak?',
      'vas kaca gampang pecah gak',
      'kak saya mau tanya, bunganya kotor kena debu gimana cara bersihinnya?',
      'mau pesan P01 2 kak, kurang 1 lagi nanti saya tambah',
      'wah kemahalan kak, bisa kurang?',
    ]) {
      expect(detectComplaint(read(text)).complaint, text).toBe(false);
    }
    for (const text of [
      'bunga yang saya beli patah kak, kalau bisa diganti',
      'bunganya rusak kak, ada garansi?',
      'pesanan saya belum sampai, kalau bisa hari ini ya kak',
      'beda jauh sama foto',
      'dikirim yang salah kak',
      'uang saya belum dikembalikan kak',
      'minta retur kak',
    ]) {
      expect(detectComplaint(read(text)).complaint, text).toBe(true);
    }
  });

  it('takes a photo with a complaint caption as the complaint, photo included', async () => {
    bot = await greeted();
    const [first] = await bot.say(RINA, 'kak ini bunga yang saya terima, patah semua tangkainya', { kind: 'image', image });
    expect(first).toContain('barangnya sampai dalam keadaan rusak');
    await bot.say(RINA, 'sudah');
    expect(state(bot).tickets[0]?.photos).toHaveLength(1);
    expect(state(bot).tickets[0]?.description).toBe('kak ini bunga yang saya terima, patah semua tangkainya');
  });

  it('understands a cancel or a "sudah" said with more words, and "menu" leaves the intake', async () => {
    bot = await greeted();
    await bot.say(RINA, 'mau komplain kak');
    expect((await bot.say(RINA, 'eh gak jadi deh kak, maaf'))[0]).toContain('tidak ada keluhan yang kami catat');
    await bot.say(RINA, 'komplain, vasnya retak');
    expect((await bot.say(RINA, 'sudah itu aja kak makasih')).at(-1)).toContain('nomor *K-0001*');
    await bot.say(RINA, 'kecewa, warnanya pudar');
    const left = await bot.say(RINA, 'menu');
    expect(left[0]).toContain('tidak ada keluhan yang kami catat');
    expect(left[0]).toContain('\n\nSilakan pilih menu berikut');
    expect(state(bot).tickets).toHaveLength(1);
  });

  it('does not file a greeting as a complaint', async () => {
    bot = await greeted();
    await bot.say(RINA, 'selamat pagi kak, saya mau komplain');
    expect(await bot.say(RINA, 'sudah')).toEqual([
      'Kami belum menerima ceritanya, Rina. Boleh tuliskan singkat apa yang terjadi, atau kirim fotonya? Ketik *batal* kalau tidak jadi.',
    ]);
  });

  it('takes a number as a rating only while the rating request is the last thing said', async () => {
    bot = await greeted();
    await fileOne(bot);
    await bot.owner('!keluhan 1 selesai Diganti.');
    await bot.advance(MINUTE);
    await bot.say(RINA, 'menu');
    await bot.advance(MINUTE);
    expect((await bot.say(RINA, '2'))[0]).toContain('Pusat Pasar Lantai 1');
    expect(state(bot).tickets[0]?.rating).toBeNull();
    expect(bot.sentTo(OWNER).join('\n')).not.toContain('memberi nilai *');
  });

  it('reads ratings written 5/5 or "bintang 4"', async () => {
    bot = await greeted();
    await fileOne(bot);
    await bot.owner('!keluhan 1 selesai Diganti.');
    expect((await bot.say(RINA, '5/5 kak'))[0]).toContain('Terima kasih atas nilainya');
    expect(state(bot).tickets[0]?.rating).toBe(5);
  });

  it('does not reopen on a question that happens to say "masih sama", and keeps the rating', async () => {
    bot = await greeted();
    await fileOne(bot);
    await bot.owner('!keluhan 1 selesai Diganti.');
    await bot.say(RINA, '5');
    await bot.advance(2 * DAY);
    await bot.say(RINA, 'kak mau pesan lagi, P01 harganya masih sama kak?');
    expect(state(bot).tickets[0]).toMatchObject({ status: 'selesai', rating: 5 });
    // a real "not fixed" reopens, more of the same complaint goes to it, and it is rated afresh
    expect((await bot.say(RINA, 'kak penggantinya belum sampai juga'))[0]).toContain('Keluhan *K-0001* kami buka lagi');
    expect(state(bot).tickets).toHaveLength(1);
    await bot.owner('!keluhan 1 selesai Sudah dikirim ulang.');
    await bot.say(RINA, '4');
    expect(state(bot).tickets[0]?.rating).toBe(4);
  });

  it('answers a status question asked any way, and puts "belum dibalas" on the open ticket', async () => {
    bot = await greeted();
    await fileOne(bot);
    for (const text of ['kak gimana keluhan saya?', 'cek komplain', 'komplain saya kemarin sudah sampai mana']) {
      expect((await bot.say(RINA, text))[0], text).toMatch(/^Keluhan Kakak:\n• \*K-0001\*/);
      // the same answer a third time within ten minutes would be a loop (see the reply cap)
      await bot.advance(6 * MINUTE);
    }
    expect((await bot.say(RINA, 'dari tadi belum dibalas'))[0]).toContain('sudah kami teruskan ke admin (keluhan *K-0001*)');
    expect(state(bot).tickets).toHaveLength(1);
    expect(state(bot).tickets[0]?.timeline.at(-1)?.text).toBe('dari tadi belum dibalas');
  });

  it('takes an answer told over several messages, and lets later messages go elsewhere', async () => {
    bot = await greeted();
    await fileOne(bot);
    await bot.owner('!keluhan 1 tanya Berapa tangkai yang patah, Kak?');
    expect(await bot.say(RINA, '3 tangkai kak')).toEqual(['Terima kasih Rina, sudah kami teruskan ke admin (keluhan *K-0001*). 🙏']);
    expect(await bot.say(RINA, 'yang merah semua')).toEqual([]);
    await bot.say(RINA, '', { kind: 'audio' });
    expect(
      state(bot)
        .tickets[0]?.timeline.slice(-3)
        .map((e) => e.text),
    ).toEqual(['3 tangkai kak', 'yang merah semua', '(pesan suara)']);
    await bot.advance(HOUR);
    // an hour later, an order is an order again
    expect((await bot.say(RINA, 'pesan P01 2'))[0]).toContain('Pesanan *O-0001*');
  });

  it('counts a reply the shop typed by hand as the first response, and stops the reminders', async () => {
    bot = await greeted();
    await fileOne(bot);
    await bot.advance(20 * MINUTE);
    bot.transport.deliver({
      chatId: bot.transport.chatIdForNumber(RINA),
      senderNumber: null,
      fromShop: true,
      text: 'Maaf Kak, kami cek ya',
      at: bot.clock.now(),
    });
    await bot.app.idle();
    expect(state(bot).tickets[0]).toMatchObject({ status: 'diproses', firstResponseAt: bot.clock.now() });
    await bot.advance(DAY);
    expect(bot.sentTo(OWNER).filter((m) => m.includes('belum dibalas'))).toEqual([]);
  });

  it('refuses a summary time too late to go out that day', async () => {
    bot = await greeted();
    expect((await bot.owner('!keluhan ringkasan 23:50'))[0]).toContain('⚠️ Paling lambat 23:45');
  });
});
