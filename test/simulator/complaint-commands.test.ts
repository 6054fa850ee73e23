import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers.js';
import { OWNER, OWNER_CHAT, RINA_CHAT, SimScript, type SimOut } from './script.js';

/**
 * Every form of !keluhan (aliases !complaints, !komplain) and !statistik (alias !stats), valid and
 * invalid, typed by the owner into the simulator (`simulate --jsonl`, a separate process), with the
 * customer Rina filing complaints, and what the owner and Rina then see.
 */

const script = new SimScript();
const { owner, rina } = script;
const line = (entry: Record<string, unknown>): number => script.line(entry);

const REPLY_TEXT = 'Mohon maaf ya Kak Rina 🙏\nMawar penggantinya kami kirim besok,  tanpa ongkir.';
const QUESTION = 'Boleh kirim foto bagian yang warnanya beda, Kak?';
const SOLUTION = 'Mawar pengganti kami kirim besok pagi, gratis ongkir.';

// Tuesday 1 December 2026, 10:00 in Medan; the shop is open Monday–Saturday 09.00–17.00
const start = line({ from: OWNER, text: '!keluhan', at: '2026-12-01T10:00:00+07:00' });
const L = {
  // ---- before any complaint
  noneOpen: start,
  noneAll: owner('!keluhan semua'),
  statsEmpty: owner('!statistik'),

  // ---- Rina files two complaints
  file1: rina('komplain, mawarnya patah'),
  file1Done: rina('sudah'),
  listOne: owner('!keluhan', { at: '2026-12-01T10:35:00+07:00' }),
  file2: rina('kecewa, warnanya beda sama foto', { at: '2026-12-01T11:40:00+07:00' }),
  file2More: rina('yang pink jadi ungu'),
  file2Done: rina('sudah'),

  // ---- lists and one ticket, by every way of writing its number
  listTwo: owner('!keluhan', { at: '2026-12-01T13:00:00+07:00' }),
  allTwo: owner('!keluhan semua'),
  allEnglish: owner('!keluhan all'),
  cardLong: owner('!keluhan K-0001'),
  cardShort: owner('!keluhan k1'),
  cardDigit: owner('!keluhan 1'),
  cardZeros: owner('!keluhan 0001'),
  aliasComplaints: owner('!complaints 1'),
  aliasKomplain: owner('!komplain K-0001'),
  aliasList: owner('!komplain'),
  unknownNumber: owner('!keluhan 9'),
  notNumber: owner('!keluhan satu'),
  zero: owner('!keluhan 0'),
  allExtra: owner('!keluhan semua lagi'),
  listExtra: owner('!keluhan  '),
  listAfterLookups: owner('!keluhan'),

  // ---- balas
  replyNoText: owner('!keluhan 1 balas'),
  replyTooLong: owner(`!keluhan 1 balas ${'a'.repeat(2001)}`),
  cardAfterReplyNoText: owner('!keluhan 1'),
  reply: owner(`!keluhan 1 balas ${REPLY_TEXT}`),
  cardAfterReply: owner('!keluhan 1'),

  // ---- tanya
  askNoText: owner('!keluhan 2 tanya'),
  cardAfterAskNoText: owner('!keluhan 2'),
  ask: owner(`!keluhan 2 tanya ${QUESTION}`),
  listWaiting: owner('!keluhan'),
  cardWaiting: owner('!keluhan 2'),
  rinaStatus: rina('status keluhan'),
  rinaAnswer: rina('ini kak, pinknya jadi ungu semua'),
  cardAfterAnswer: owner('!keluhan 2'),

  // ---- refusals on an open ticket
  doneNoText: owner('!keluhan 2 selesai'),
  badAction: owner('!keluhan 2 hapus'),
  cardAfterRefusals: owner('!keluhan 2'),

  // ---- prioritas
  prioHigh: owner('!keluhan 2 prioritas tinggi'),
  prioBad: owner('!keluhan 2 prioritas sedang'),
  prioMissing: owner('!keluhan 2 prioritas'),
  listHigh: owner('!keluhan'),
  cardHigh: owner('!keluhan 2'),
  prioNormal: owner('!keluhan 2 prioritas normal'),
  listNormal: owner('!keluhan'),

  // ---- selesai
  done: owner(`!keluhan 1 selesai ${SOLUTION}`),
  cardDone: owner('!keluhan 1'),
  doneAgain: owner('!keluhan 1 selesai Kami kirim sekali lagi.'),
  doneAgainNoText: owner('!keluhan 1 selesai'),
  askResolved: owner('!keluhan 1 tanya Sudah sampai, Kak?'),
  cardAfterResolvedRefusals: owner('!keluhan 1'),
  rinaRates: rina('5'),
  listAfterDone: owner('!keluhan'),
  allAfterDone: owner('!keluhan semua'),
  timeline1: owner('!keluhan 1'),
  timeline2: owner('!keluhan 2'),

  // ---- !statistik
  stats: owner('!statistik'),
  statsAlias: owner('!stats'),
  statsExtra: owner('!statistik minggu'),
  statsAfterRefusal: owner('!statistik'),

  // ---- pengingat and ringkasan
  remind3: owner('!keluhan pengingat 3'),
  remindHalf: owner('!keluhan pengingat 0,5'),
  remindZero: owner('!keluhan pengingat 0'),
  remind100: owner('!keluhan pengingat 100'),
  remindWord: owner('!keluhan pengingat dua'),
  remindMissing: owner('!keluhan pengingat'),
  summary0730: owner('!keluhan ringkasan 07:30'),
  summary2500: owner('!keluhan ringkasan 25:00'),
  summaryMissing: owner('!keluhan ringkasan'),

  // ---- Wednesday: the summary at 07.30 (not 08.00), then switched off
  beforeSummary: owner('!keluhan', { at: '2026-12-02T07:25:00+07:00' }),
  afterSummary: owner('!keluhan', { at: '2026-12-02T07:35:00+07:00' }),
  summaryOff: owner('!keluhan ringkasan off'),

  // ---- a third complaint: reminded after half an hour, re-filed under another category
  file3: rina('komplain kak', { at: '2026-12-02T10:00:00+07:00' }),
  file3More: rina('tangkainya kependekan, tidak bisa masuk vas'),
  file3Done: rina('sudah'),
  listThree: owner('!keluhan', { at: '2026-12-02T10:20:00+07:00' }),
  card3: owner('!keluhan 3', { at: '2026-12-02T10:35:00+07:00' }),
  aliasCategory: owner('!keluhan 3 category kirim'),
  catValid: owner('!keluhan 3 kategori ukuran'),
  catBad: owner('!keluhan 3 kategori bunga'),
  card3AfterCategory: owner('!keluhan 3'),

  // ---- the English action words
  aliasReply: owner('!keluhan 3 reply Baik Kak, kami ganti dengan tangkai yang lebih panjang.'),
  aliasAsk: owner('!keluhan 3 ask Vasnya setinggi berapa cm, Kak?'),
  rinaAnswer3: rina('20 cm kak'),
  aliasPriority: owner('!keluhan 3 priority tinggi'),
  aliasDone: owner('!keluhan 3 done Tangkai 60 cm kami kirim sore ini.'),
  card3Done: owner('!keluhan 3'),

  // ---- Thursday: no summary any more
  noSummary: owner('!keluhan', { at: '2026-12-03T08:05:00+07:00' }),

  // ---- a week after K-0001 was resolved: it is closed
  allClosed: owner('!keluhan semua', { at: '2026-12-08T14:00:00+07:00' }),
  replyClosed: owner('!keluhan 1 balas Halo Kak, apa kabar?'),
  cardClosed: owner('!keluhan 1'),
  listEnd: owner('!keluhan'),
  prioClosed: owner('!keluhan 1 prioritas tinggi'),
  cardClosedEnd: owner('!keluhan 1'),

  // ---- slips that look answered badly (see the end)
  catMissing: owner('!keluhan 3 kategori'),
  catSame: owner('!keluhan 3 kategori ukuran'),
  card3End: owner('!keluhan 3'),
};

let out: SimOut[] = [];
let dataDir = '';
/**
 * Reminders that K-0002 waits for the shop after Rina answered its question: the owner never
 * replies to that answer in this script, so they come each morning; checked on their own below.
 */
const isK2Reminder = (text: string): boolean => text.startsWith('⏰') && text.includes('*K-0002*') && !/\*K-000[13]\*/.test(text);
const to = (after: number, who = OWNER_CHAT): string[] =>
  out
    .filter((o) => o.after === after && o.to === who)
    .map((o) => o.text ?? '')
    .filter((t) => !isK2Reminder(t));
const one = (after: number): string => to(after).join('\n---\n');
/** The last message the owner got for a line: the command's own answer, after any reminder or summary that came first. */
const last = (after: number): string => to(after).at(-1) ?? '';
/** A refusal without the usage that follows it. */
const reason = (after: number): string => one(after).split('\n\n*!')[0] ?? '';
/** The usage block under a refusal. */
const usage = (after: number): string => one(after).split('\n\n*!').slice(1).join('\n\n*!');
const toRina = (after: number): string[] => to(after, RINA_CHAT);

const RINA_WHO = '*Rina* (+62 812-3456-7890)';
const FOOTER = 'Detail: !keluhan <nomor> · Balas: !keluhan <nomor> balas <teks>';
const FULL_USAGE = [
  'keluhan* (alias !complaints, !komplain): Tangani keluhan pelanggan: balas, tanya, selesaikan; pelanggan diberi tahu.',
  '',
  'Cara pakai:',
  '• !keluhan',
  '   keluhan yang masih terbuka, paling lama dulu, dengan umurnya',
  '• !keluhan semua',
  '   20 keluhan terakhir, termasuk yang selesai dan ditutup',
  '• !keluhan <nomor>',
  '   lihat satu keluhan dengan riwayatnya, misalnya K-0001 (boleh ditulis 1)',
  '• !keluhan <nomor> balas <teks>',
  '   kirim teks ke pelanggan atas nama toko; dicatat di riwayat',
  '• !keluhan <nomor> tanya <teks>',
  '   kirim pertanyaan ke pelanggan; status jadi menunggu pelanggan',
  '• !keluhan <nomor> selesai <solusi>',
  '   beri tahu solusinya, ucapkan terima kasih, dan minta nilai 1–5',
  '• !keluhan <nomor> kategori <kategori>',
  '   ganti kategori: warna, ukuran, rusak, stok, harga, kirim, layanan, lain',
  '• !keluhan <nomor> prioritas tinggi|normal',
  '   ubah prioritas',
  '• !keluhan pengingat <jam>',
  '   ingatkan saya bila keluhan baru belum dibalas setelah sekian jam buka (bawaan 2)',
  '• !keluhan ringkasan <JJ:MM>|off',
  '   jam ringkasan harian, paling lambat 23:45 (bawaan 08:00), atau matikan',
].join('\n');
const HEAD = 'keluhan* (alias !complaints, !komplain): Tangani keluhan pelanggan: balas, tanya, selesaikan; pelanggan diberi tahu.\n\nCara pakai:\n';
const PENGINGAT_USAGE = `${HEAD}• !keluhan pengingat <jam>\n   ingatkan saya bila keluhan baru belum dibalas setelah sekian jam buka (bawaan 2)`;
const RINGKASAN_USAGE = `${HEAD}• !keluhan ringkasan <JJ:MM>|off\n   jam ringkasan harian, paling lambat 23:45 (bawaan 08:00), atau matikan`;

const K1_SUMMARY = '“komplain, mawarnya patah”';
const K2_SUMMARY = 'kecewa, warnanya beda sama foto yang pink jadi ungu';
/** The list's row prefixes; the quoted summary is checked separately (see the end). */
const row = (text: string): string => text.replace(/ · “[^”]*”$/, '');

/** K-0001's card before anyone answered it, as seen at 13.00 on Tuesday. */
const K1_CARD_NEW = [
  '🧾 *Keluhan K-0001* · 🆕 baru',
  `Pelanggan: ${RINA_WHO}`,
  'Kategori: rusak (barang rusak)',
  'Dibuat: Selasa, 1 Desember 2026 10.00 (3 jam lalu)',
  'Balasan pertama: belum',
  '',
  'Cerita: komplain, mawarnya patah',
  'Foto: tidak ada',
  '',
  '*Riwayat*',
  '1/12 10.00 👤 komplain, mawarnya patah',
  '1/12 10.00 · keluhan dicatat',
].join('\n');

const K2_HEAD = (status: string, extra = ''): string[] => [
  `🧾 *Keluhan K-0002* · ${status}${extra}`,
  `Pelanggan: ${RINA_WHO}`,
  'Kategori: warna (warna tidak sesuai)',
  'Dibuat: Selasa, 1 Desember 2026 11.40 (1 jam lalu)',
];
const K2_STORY = [
  '',
  'Cerita: kecewa, warnanya beda sama foto\nyang pink jadi ungu',
  'Foto: tidak ada',
  '',
  '*Riwayat*',
  '1/12 11.40 👤 kecewa, warnanya beda sama foto',
  '1/12 11.40 👤 yang pink jadi ungu',
  '1/12 11.40 · keluhan dicatat',
];

beforeAll(async () => {
  dataDir = await tempDir();
  out = script.run(dataDir);
});
afterAll(async () => removeDir(dataDir));

it('runs every line of the script without an input error, answering each owner command once', () => {
  expect(out.filter((o) => o.error !== undefined)).toEqual([]);
  // lines where a reminder or the daily summary came due just before the command
  const withJob = new Set([L.listTwo, L.afterSummary, L.card3]);
  for (const [name, after] of Object.entries(L)) {
    if (script.lines[after - 1]?.['from'] !== OWNER) continue;
    expect(to(after), name).toHaveLength(withJob.has(after) ? 2 : 1);
    // nothing the owner types is ever seen by Rina unless it is meant for her
    if (![L.reply, L.ask, L.done, L.aliasReply, L.aliasAsk, L.aliasDone].includes(after)) expect(toRina(after), name).toEqual([]);
  }
});

describe('before any complaint', () => {
  it('says there is nothing open, and nothing at all', () => {
    expect(one(L.noneOpen)).toBe('Tidak ada keluhan yang terbuka. 🎉 Semua keluhan: !keluhan semua');
    expect(one(L.noneAll)).toBe('Belum ada keluhan sama sekali.');
  });

  it('shows !statistik with zeros', () => {
    const block = (days: number): string[] => [
      `*${days} hari terakhir*`,
      'Pelanggan baru: 0 · pesan masuk: 0',
      'Keluhan: 0 baru, 0 selesai, 0 masih terbuka',
      'Waktu balasan pertama (median): -',
      'Nilai rata-rata: - (belum ada nilai)',
      'Keluhan per kategori: -',
      'Pesanan: 0 masuk; terbuka 0 (0 baru, 0 dikonfirmasi)',
    ];
    expect(one(L.statsEmpty)).toBe(['📊 *Statistik*', '', ...block(7), '', ...block(30)].join('\n'));
  });
});

describe('Rina files complaints', () => {
  it('answers with empathy for the damage, asks for the story, and files it on "sudah"', () => {
    const first = toRina(L.file1);
    expect(first).toHaveLength(1); // one bubble: the first-ever greeting with the menu, then the complaint answer
    expect(first[0]).toMatch(/^Halo Rina! 🌸 Selamat datang di \*UD\. Baim Florist\*/);
    expect(first[0]?.split('\n\n').slice(-2).join('\n\n')).toBe(
      'Aduh, mohon maaf sekali Rina barangnya sampai dalam keadaan rusak. Kami paham rasanya kecewa, kami akan bantu sebaik-baiknya. 🙏\n\n' +
        'Boleh ceritakan apa yang terjadi, dan produk atau pesanan yang mana? Kalau ada, kirimkan juga fotonya. Boleh dalam beberapa pesan.\nKetik *sudah* kalau sudah semua, atau *batal* kalau tidak jadi.',
    );
    expect(to(L.file1)).toEqual([]);
    expect(toRina(L.file1Done)).toEqual([
      `✅ Keluhan Kakak sudah kami catat dengan nomor *K-0001*:\n${K1_SUMMARY}\n\nAdmin kami akan memeriksanya dan membalas di chat ini hari ini sebelum pukul 17.00. Kakak bisa cek kapan saja dengan mengetik *status keluhan*. Terima kasih atas kesabarannya, Rina. 🙏`,
    ]);
  });

  it('tells the owner of each new ticket with the commands to act on it', () => {
    expect(one(L.file1Done)).toBe(
      [
        '📝 *Keluhan baru K-0001* · barang rusak',
        `Dari: ${RINA_WHO}`,
        'Cerita: komplain, mawarnya patah',
        'Foto: tidak ada',
        '',
        'Balas: !keluhan K-0001 balas <teks>',
        'Tanya: !keluhan K-0001 tanya <teks>',
        'Selesai: !keluhan K-0001 selesai <solusi>',
      ].join('\n'),
    );
    expect(toRina(L.file2More)).toEqual(['Baik, kami catat. Ada lagi yang ingin disampaikan? Ketik *sudah* kalau sudah semua.']);
    expect(one(L.file2Done)).toBe(
      [
        '📝 *Keluhan baru K-0002* · warna tidak sesuai',
        `Dari: ${RINA_WHO}`,
        'Cerita: kecewa, warnanya beda sama foto\nyang pink jadi ungu',
        'Foto: tidak ada',
        '',
        'Balas: !keluhan K-0002 balas <teks>',
        'Tanya: !keluhan K-0002 tanya <teks>',
        'Selesai: !keluhan K-0002 selesai <solusi>',
      ].join('\n'),
    );
    expect(toRina(L.file2Done)[0]).toMatch(
      /^✅ Keluhan Kakak sudah kami catat dengan nomor \*K-0002\*:\n“kecewa, warnanya beda sama foto yang pink jadi ungu”\n/,
    );
  });
});

describe('!keluhan: lists', () => {
  it('lists the open ticket with its age in minutes', () => {
    expect(one(L.listOne)).toBe(
      ['📋 *1 keluhan terbuka* (paling lama dulu)', `*K-0001* · 🆕 baru · Rina · rusak · 35 menit · ${K1_SUMMARY}`, '', FOOTER].join('\n'),
    );
  });

  it('lists open tickets oldest first with their ages in hours, after the reminder that came due', () => {
    const [reminder, list] = to(L.listTwo);
    // K-0001 went unanswered for the default 2 business hours: reminded at 12.00
    expect(reminder).toBe(
      ['⏰ *Keluhan ini belum dibalas*', `• *K-0001* · Rina · rusak · 2 jam · ${K1_SUMMARY}`, '', 'Balas: !keluhan <nomor> balas <teks>'].join('\n'),
    );
    const rows = (list ?? '').split('\n');
    expect(rows[0]).toBe('📋 *2 keluhan terbuka* (paling lama dulu)');
    expect(rows[1]).toBe(`*K-0001* · 🆕 baru · Rina · rusak · 3 jam · ${K1_SUMMARY}`);
    expect(row(rows[2] ?? '')).toBe('*K-0002* · 🆕 baru · Rina · warna · 1 jam'); // 80 minutes
    expect(rows.slice(3)).toEqual(['', FOOTER]);
  });

  it('lists all tickets with "semua" and "all", and the same with the !komplain alias', () => {
    const all = one(L.allTwo).split('\n');
    expect(all[0]).toBe('📋 *2 keluhan terakhir*');
    expect(all.slice(1)).toEqual(last(L.listTwo).split('\n').slice(1));
    expect(one(L.allEnglish)).toBe(one(L.allTwo));
    expect(one(L.aliasList)).toBe(last(L.listTwo));
  });

  it('refuses a word after "semua" with the usage of semua, and ignores trailing spaces', () => {
    expect(reason(L.allExtra)).toBe('⚠️ "lagi" tidak diperlukan di sini.');
    expect(usage(L.allExtra)).toBe(`${HEAD}• !keluhan semua\n   20 keluhan terakhir, termasuk yang selesai dan ditutup`);
    expect(one(L.listExtra)).toBe(last(L.listTwo));
  });
});

describe('!keluhan <nomor>', () => {
  it('shows one ticket with its timeline, the number written K-0001, k1, 1 or 0001', () => {
    expect(one(L.cardLong)).toBe(K1_CARD_NEW);
    expect(one(L.cardShort)).toBe(K1_CARD_NEW);
    expect(one(L.cardDigit)).toBe(K1_CARD_NEW);
    expect(one(L.cardZeros)).toBe(K1_CARD_NEW);
  });

  it('answers the same to the !complaints and !komplain aliases', () => {
    expect(one(L.aliasComplaints)).toBe(K1_CARD_NEW);
    expect(one(L.aliasKomplain)).toBe(K1_CARD_NEW);
  });

  it('refuses an unknown number, a word and 0 with the whole usage, creating nothing', () => {
    expect(reason(L.unknownNumber)).toBe('⚠️ Keluhan K-0009 tidak ada. Lihat yang terbuka dengan !keluhan');
    expect(reason(L.notNumber)).toBe('⚠️ "satu" bukan nomor keluhan. Nomor keluhan seperti K-0001 (boleh ditulis 1).');
    expect(reason(L.zero)).toBe('⚠️ "0" bukan nomor keluhan. Nomor keluhan seperti K-0001 (boleh ditulis 1).');
    for (const after of [L.unknownNumber, L.notNumber, L.zero]) expect(usage(after)).toBe(FULL_USAGE);
    expect(one(L.listAfterLookups)).toBe(last(L.listTwo));
  });
});

describe('!keluhan <nomor> balas', () => {
  it('refuses a reply without text or too long, leaving the ticket untouched and Rina unbothered', () => {
    expect(reason(L.replyNoText)).toBe('⚠️ Teksnya belum ditulis, misalnya: !keluhan K-0001 balas Mohon maaf Kak, kami kirim gantinya besok.');
    expect(usage(L.replyNoText)).toBe(`${HEAD}• !keluhan <nomor> balas <teks>\n   kirim teks ke pelanggan atas nama toko; dicatat di riwayat`);
    expect(toRina(L.replyNoText)).toEqual([]);
    expect(reason(L.replyTooLong)).toBe('⚠️ Teksnya 2001 huruf, paling banyak 2000.');
    expect(toRina(L.replyTooLong)).toEqual([]);
    expect(one(L.cardAfterReplyNoText)).toBe(K1_CARD_NEW);
  });

  it('sends the text to Rina exactly as written and records it as the first response', () => {
    expect(toRina(L.reply)).toEqual([REPLY_TEXT]);
    expect(one(L.reply)).toBe('✅ Balasan untuk K-0001 dicatat. Terkirim ke pelanggan.');
    expect(one(L.cardAfterReply)).toBe(
      [
        '🧾 *Keluhan K-0001* · 🔧 diproses',
        `Pelanggan: ${RINA_WHO}`,
        'Kategori: rusak (barang rusak)',
        'Dibuat: Selasa, 1 Desember 2026 10.00 (3 jam lalu)',
        'Balasan pertama: setelah 3 jam',
        '',
        'Cerita: komplain, mawarnya patah',
        'Foto: tidak ada',
        '',
        '*Riwayat*',
        '1/12 10.00 👤 komplain, mawarnya patah',
        '1/12 10.00 · keluhan dicatat',
        '1/12 13.00 🏪 Mohon maaf ya Kak Rina 🙏 Mawar penggantinya kami kirim besok, tanpa ongkir.',
      ].join('\n'),
    );
  });
});

describe('!keluhan <nomor> tanya', () => {
  const K2_CARD_NEW = [...K2_HEAD('🆕 baru'), 'Balasan pertama: belum', ...K2_STORY].join('\n');

  it('refuses a question without text, leaving the ticket untouched', () => {
    expect(reason(L.askNoText)).toBe('⚠️ Teksnya belum ditulis, misalnya: !keluhan K-0002 tanya Boleh kirim foto bagian yang rusak, Kak?');
    expect(toRina(L.askNoText)).toEqual([]);
    expect(one(L.cardAfterAskNoText)).toBe(K2_CARD_NEW);
  });

  it('sends the question to Rina and marks the ticket as waiting for her', () => {
    expect(toRina(L.ask)).toEqual([QUESTION]);
    expect(one(L.ask)).toBe('⏳ Pertanyaan untuk K-0002 dicatat; menunggu jawaban pelanggan. Terkirim ke pelanggan.');
    expect(row(one(L.listWaiting).split('\n')[2] ?? '')).toBe('*K-0002* · ⏳ menunggu pelanggan · Rina · warna · 1 jam');
    expect(one(L.cardWaiting)).toBe(
      [
        ...K2_HEAD('⏳ menunggu pelanggan'),
        'Balasan pertama: setelah 1 jam',
        ...K2_STORY,
        `1/12 13.00 🏪 ${QUESTION}`,
        '1/12 13.00 · menunggu jawaban pelanggan',
      ].join('\n'),
    );
    expect(toRina(L.rinaStatus)).toEqual([
      `Keluhan Kakak:\n• *K-0001* (sedang ditangani admin): ${K1_SUMMARY}\n• *K-0002* (menunggu jawaban Kakak): “${K2_SUMMARY}”`,
    ]);
  });

  it("attaches Rina's next message to the ticket and tells the owner", () => {
    expect(toRina(L.rinaAnswer)).toEqual(['Terima kasih Rina, sudah kami teruskan ke admin (keluhan *K-0002*). 🙏']);
    expect(one(L.rinaAnswer)).toBe(`💬 *K-0002*: ${RINA_WHO} menjawab:\nini kak, pinknya jadi ungu semua\n\nBalas: !keluhan K-0002 balas <teks>`);
    expect(one(L.cardAfterAnswer)).toBe(
      [
        ...K2_HEAD('🔧 diproses'),
        'Balasan pertama: setelah 1 jam',
        ...K2_STORY,
        `1/12 13.00 🏪 ${QUESTION}`,
        '1/12 13.00 · menunggu jawaban pelanggan',
        '1/12 13.00 👤 ini kak, pinknya jadi ungu semua',
      ].join('\n'),
    );
  });
});

describe('refusals on an open ticket', () => {
  it('refuses "selesai" without a solution and an unknown action, changing nothing', () => {
    expect(reason(L.doneNoText)).toBe('⚠️ Teksnya belum ditulis, misalnya: !keluhan K-0002 selesai Kami kirim pengganti besok pagi, gratis ongkir.');
    expect(usage(L.doneNoText)).toBe(`${HEAD}• !keluhan <nomor> selesai <solusi>\n   beri tahu solusinya, ucapkan terima kasih, dan minta nilai 1–5`);
    expect(reason(L.badAction)).toBe('⚠️ "hapus" tidak dikenal untuk !keluhan 2. Pilih: balas, tanya, selesai, kategori, atau prioritas.');
    expect(usage(L.badAction)).toBe(FULL_USAGE);
    expect(toRina(L.doneNoText)).toEqual([]);
    expect(toRina(L.badAction)).toEqual([]);
    expect(one(L.cardAfterRefusals)).toBe(one(L.cardAfterAnswer));
  });
});

describe('!keluhan <nomor> prioritas', () => {
  it('raises the priority, shown in the list and on the card', () => {
    expect(one(L.prioHigh)).toBe('✅ K-0002 prioritas tinggi.');
    expect(row(one(L.listHigh).split('\n')[2] ?? '')).toBe('*K-0002* · 🔧 diproses ❗ · Rina · warna · 1 jam');
    expect(one(L.cardHigh).split('\n')[0]).toBe('🧾 *Keluhan K-0002* · 🔧 diproses · ❗ prioritas tinggi');
    expect(one(L.cardHigh).split('\n').at(-1)).toBe('1/12 13.00 · prioritas tinggi');
  });

  it('refuses another value or none, keeping the priority high', () => {
    expect(reason(L.prioBad)).toBe('⚠️ Prioritas hanya "tinggi" atau "normal".');
    expect(reason(L.prioMissing)).toBe('⚠️ Prioritas hanya "tinggi" atau "normal".');
    expect(usage(L.prioBad)).toBe(`${HEAD}• !keluhan <nomor> prioritas tinggi|normal\n   ubah prioritas`);
    // the two refusals came between the change and these: still high, one entry on the timeline
    expect(one(L.cardHigh).match(/prioritas tinggi/g)).toHaveLength(2);
    expect(one(L.cardHigh)).not.toContain('sedang');
  });

  it('lowers it back to normal', () => {
    expect(one(L.prioNormal)).toBe('✅ K-0002 prioritas normal.');
    expect(row(one(L.listNormal).split('\n')[2] ?? '')).toBe('*K-0002* · 🔧 diproses · Rina · warna · 1 jam');
  });
});

describe('!keluhan <nomor> selesai', () => {
  it('sends Rina the solution with thanks and the rating request', () => {
    expect(toRina(L.done)).toEqual([
      `✅ Keluhan *K-0001* sudah kami tindak lanjuti:\n${SOLUTION}\n\nTerima kasih atas kesabaran dan kepercayaan Kakak, Rina. Kalau ternyata belum beres, balas saja *belum beres*.\n\nBagaimana penanganan kami? Balas dengan angka *1* sampai *5* (5 = sangat puas).`,
    ]);
    expect(one(L.done)).toBe('✅ Keluhan K-0001 selesai. Pelanggan sudah diberi tahu dan diminta memberi nilai 1–5.');
    expect(one(L.cardDone).split('\n').slice(0, 6)).toEqual([
      '🧾 *Keluhan K-0001* · ✅ selesai',
      `Pelanggan: ${RINA_WHO}`,
      'Kategori: rusak (barang rusak)',
      'Dibuat: Selasa, 1 Desember 2026 10.00 (3 jam lalu)',
      'Balasan pertama: setelah 3 jam',
      `Selesai: Selasa, 1 Desember 2026 13.00 (setelah 3 jam): ${SOLUTION}`,
    ]);
  });

  it('refuses to resolve twice, with or without text, and to ask on a resolved ticket', () => {
    const refused = '⚠️ Keluhan K-0001 sudah selesai; tidak bisa diubah lagi.';
    expect(reason(L.doneAgain)).toBe(refused);
    expect(reason(L.doneAgainNoText)).toBe(refused);
    expect(reason(L.askResolved)).toBe(refused);
    for (const after of [L.doneAgain, L.doneAgainNoText, L.askResolved]) expect(toRina(after)).toEqual([]);
    expect(one(L.cardAfterResolvedRefusals)).toBe(one(L.cardDone));
  });

  it('thanks Rina for her rating and drops the ticket from the open list', () => {
    expect(toRina(L.rinaRates)).toEqual(['Terima kasih atas nilainya, Rina! 🌸 Masukan Kakak sangat berarti untuk kami.']);
    expect(to(L.rinaRates)).toEqual([]);
    const open = one(L.listAfterDone).split('\n');
    expect(open[0]).toBe('📋 *1 keluhan terbuka* (paling lama dulu)');
    expect(row(open[1] ?? '')).toBe('*K-0002* · 🔧 diproses · Rina · warna · 1 jam');
    expect(open.slice(2)).toEqual(['', FOOTER]);
    const all = one(L.allAfterDone).split('\n');
    expect(all[0]).toBe('📋 *2 keluhan terakhir*');
    expect(all[1]).toBe(`*K-0001* · ✅ selesai · Rina · rusak · 3 jam · ${K1_SUMMARY}`);
    expect(row(all[2] ?? '')).toBe('*K-0002* · 🔧 diproses · Rina · warna · 1 jam');
  });

  it("shows the whole exchange on K-0001's timeline", () => {
    expect(one(L.timeline1)).toBe(
      [
        '🧾 *Keluhan K-0001* · ✅ selesai',
        `Pelanggan: ${RINA_WHO}`,
        'Kategori: rusak (barang rusak)',
        'Dibuat: Selasa, 1 Desember 2026 10.00 (3 jam lalu)',
        'Balasan pertama: setelah 3 jam',
        `Selesai: Selasa, 1 Desember 2026 13.00 (setelah 3 jam): ${SOLUTION}`,
        'Nilai: ⭐⭐⭐⭐⭐ (5)',
        '',
        'Cerita: komplain, mawarnya patah',
        'Foto: tidak ada',
        '',
        '*Riwayat*',
        '1/12 10.00 👤 komplain, mawarnya patah',
        '1/12 10.00 · keluhan dicatat',
        '1/12 13.00 🏪 Mohon maaf ya Kak Rina 🙏 Mawar penggantinya kami kirim besok, tanpa ongkir.',
        `1/12 13.00 · selesai: ${SOLUTION}`,
        '1/12 13.00 👤 nilai 5',
      ].join('\n'),
    );
  });

  it("shows the question, the answer and the priority changes on K-0002's timeline, and nothing from the refusals", () => {
    expect(one(L.timeline2)).toBe(
      [
        ...K2_HEAD('🔧 diproses'),
        'Balasan pertama: setelah 1 jam',
        ...K2_STORY,
        `1/12 13.00 🏪 ${QUESTION}`,
        '1/12 13.00 · menunggu jawaban pelanggan',
        '1/12 13.00 👤 ini kak, pinknya jadi ungu semua',
        '1/12 13.00 · prioritas tinggi',
        '1/12 13.00 · prioritas normal',
      ].join('\n'),
    );
  });
});

describe('!statistik', () => {
  const block = (days: number): string[] => [
    `*${days} hari terakhir*`,
    'Pelanggan baru: 1 · pesan masuk: 8',
    'Keluhan: 2 baru, 1 selesai, 1 masih terbuka',
    'Waktu balasan pertama (median): 2 jam', // 3 hours and 80 minutes: 130 minutes
    'Nilai rata-rata: 5,0 dari 5 (1 nilai)',
    'Keluhan per kategori: warna 1, rusak 1',
    'Pesanan: 0 masuk; terbuka 0 (0 baru, 0 dikonfirmasi)',
  ];

  it('shows the last 7 and 30 days, the same with !stats', () => {
    expect(one(L.stats)).toBe(['📊 *Statistik*', '', ...block(7), '', ...block(30)].join('\n'));
    expect(one(L.statsAlias)).toBe(one(L.stats));
  });

  it('refuses anything after it, with its usage', () => {
    expect(reason(L.statsExtra)).toBe('⚠️ !statistik tidak memakai tambahan apa-apa.');
    expect(usage(L.statsExtra)).toBe(
      'statistik* (alias !stats): Angka 7 dan 30 hari terakhir: pelanggan, pesan, keluhan, waktu balasan, nilai.\n\nCara pakai:\n• !statistik\n   angka 7 dan 30 hari terakhir, dan keluhan per kategori',
    );
    expect(one(L.statsAfterRefusal)).toBe(one(L.stats));
  });
});

describe('!keluhan pengingat', () => {
  it('sets the reminder in business hours, with a comma for a fraction', () => {
    expect(one(L.remind3)).toBe('✅ Saya ingatkan bila keluhan baru belum dibalas setelah 3 jam buka, lalu tiap pagi hari buka selama belum dibalas.');
    expect(one(L.remindHalf)).toBe('✅ Saya ingatkan bila keluhan baru belum dibalas setelah 0,5 jam buka, lalu tiap pagi hari buka selama belum dibalas.');
  });

  it('refuses 0, 100, a word and nothing with the usage of pengingat', () => {
    for (const after of [L.remindZero, L.remind100, L.remindWord, L.remindMissing]) {
      expect(reason(after)).toBe('⚠️ Tulis berapa jam buka, 0,25 sampai 48, misalnya: pengingat 2');
      expect(usage(after)).toBe(PENGINGAT_USAGE);
    }
  });

  it('keeps half an hour through the refusals: a new ticket is reminded of at 10.30, not before', () => {
    expect(one(L.listThree)).not.toContain('⏰');
    const [reminder] = to(L.card3);
    expect(reminder).toBe(
      [
        '⏰ *Keluhan ini belum dibalas*',
        '• *K-0003* · Rina · lain · 30 menit · “tangkainya kependekan, tidak bisa masuk vas”',
        '',
        'Balas: !keluhan <nomor> balas <teks>',
      ].join('\n'),
    );
    const db = JSON.parse(readFileSync(join(dataDir, 'db.json'), 'utf8')) as { plugins: { complaint: { settings: { reminderHours: number } } } };
    expect(db.plugins.complaint.settings.reminderHours).toBe(0.5);
  });
});

describe('!keluhan ringkasan', () => {
  it('sets the time of the daily summary, and switches it off', () => {
    expect(one(L.summary0730)).toBe('✅ Ringkasan harian dikirim tiap hari pukul 07.30 (paling lambat 15 menit sesudahnya).');
    expect(one(L.summaryOff)).toBe('⛔ Ringkasan harian dimatikan. Nyalakan lagi dengan !keluhan ringkasan 08:00');
  });

  it('refuses 25:00 and nothing with the usage of ringkasan', () => {
    expect(reason(L.summary2500)).toBe('⚠️ "25:00" bukan jam. Contoh: ringkasan 08:00');
    expect(usage(L.summary2500)).toBe(RINGKASAN_USAGE);
    expect(reason(L.summaryMissing)).toBe('⚠️ Tulis jamnya, misalnya: ringkasan 08:00, atau ringkasan off');
    expect(usage(L.summaryMissing)).toBe(RINGKASAN_USAGE);
  });

  it('sends the summary at 07.30 the next morning, as set before the refusals', () => {
    expect(to(L.beforeSummary)).toHaveLength(1);
    expect(one(L.beforeSummary)).toMatch(/^📋 \*1 keluhan terbuka\*/);
    const [summary, list] = to(L.afterSummary);
    expect(summary).toBe(
      [
        '☀️ *Ringkasan kemarin* (1/12/2026)',
        'Pelanggan baru: 1 · pesan masuk: 8',
        'Keluhan: 2 baru, 1 selesai, 1 masih terbuka',
        'Waktu balasan pertama (median): 2 jam',
        'Nilai rata-rata: 5,0 dari 5 (1 nilai)',
        'Pesanan: 0 masuk; terbuka 0 (0 baru, 0 dikonfirmasi)',
        '',
        'Keluhan terbuka: K-0002. Lihat: !keluhan',
        '',
        'Matikan ringkasan ini: !keluhan ringkasan off',
      ].join('\n'),
    );
    expect(list).toMatch(/^📋 \*1 keluhan terbuka\*/);
  });

  it('sends no summary once it is off', () => {
    expect(to(L.noSummary)).toHaveLength(1);
    expect(one(L.noSummary)).toMatch(/^📋 \*1 keluhan terbuka\*/);
    const db = JSON.parse(readFileSync(join(dataDir, 'db.json'), 'utf8')) as { plugins: { complaint: { settings: { summaryAt: string | null } } } };
    expect(db.plugins.complaint.settings.summaryAt).toBeNull();
  });
});

describe('!keluhan <nomor> kategori', () => {
  it('files a ticket under another category, on the card and its timeline', () => {
    expect(one(L.listThree).split('\n')).toEqual([
      '📋 *2 keluhan terbuka* (paling lama dulu)',
      expect.stringMatching(/^\*K-0002\* · 🔧 diproses · Rina · warna · 23 jam · /),
      '*K-0003* · 🆕 baru · Rina · lain · 20 menit · “tangkainya kependekan, tidak bisa masuk vas”',
      '',
      FOOTER,
    ]);
    expect(last(L.card3)).toBe(
      [
        '🧾 *Keluhan K-0003* · 🆕 baru',
        `Pelanggan: ${RINA_WHO}`,
        'Kategori: lain (lainnya)',
        'Dibuat: Rabu, 2 Desember 2026 10.00 (35 menit lalu)',
        'Balasan pertama: belum',
        '',
        'Cerita: tangkainya kependekan, tidak bisa masuk vas',
        'Foto: tidak ada',
        '',
        '*Riwayat*',
        '2/12 10.00 👤 tangkainya kependekan, tidak bisa masuk vas',
        '2/12 10.00 · keluhan dicatat',
      ].join('\n'),
    );
    expect(one(L.aliasCategory)).toBe('✅ K-0003 kategori: lain → kirim');
    expect(one(L.catValid)).toBe('✅ K-0003 kategori: kirim → ukuran');
  });

  it('keeps the category through a missing value and the same value written again', () => {
    expect(one(L.card3End).split('\n')[2]).toBe('Kategori: ukuran (ukuran tidak sesuai)');
  });

  it('refuses a category that does not exist, keeping the one set', () => {
    expect(reason(L.catBad)).toBe('⚠️ Kategori "bunga" tidak ada. Pilih: warna, ukuran, rusak, stok, harga, kirim, layanan, lain.');
    expect(usage(L.catBad)).toBe(`${HEAD}• !keluhan <nomor> kategori <kategori>\n   ganti kategori: warna, ukuran, rusak, stok, harga, kirim, layanan, lain`);
    const card = one(L.card3AfterCategory).split('\n');
    expect(card[2]).toBe('Kategori: ukuran (ukuran tidak sesuai)');
    expect(card.slice(-4)).toEqual([
      '2/12 10.00 👤 tangkainya kependekan, tidak bisa masuk vas',
      '2/12 10.00 · keluhan dicatat',
      '2/12 10.35 · kategori: lain → kirim',
      '2/12 10.35 · kategori: kirim → ukuran',
    ]);
  });
});

describe('the English action words: reply, ask, priority, done', () => {
  it('answer as balas, tanya, prioritas and selesai do', () => {
    expect(toRina(L.aliasReply)).toEqual(['Baik Kak, kami ganti dengan tangkai yang lebih panjang.']);
    expect(one(L.aliasReply)).toBe('✅ Balasan untuk K-0003 dicatat. Terkirim ke pelanggan.');
    expect(toRina(L.aliasAsk)).toEqual(['Vasnya setinggi berapa cm, Kak?']);
    expect(one(L.aliasAsk)).toBe('⏳ Pertanyaan untuk K-0003 dicatat; menunggu jawaban pelanggan. Terkirim ke pelanggan.');
    expect(toRina(L.rinaAnswer3)).toEqual(['Terima kasih Rina, sudah kami teruskan ke admin (keluhan *K-0003*). 🙏']);
    expect(one(L.rinaAnswer3)).toBe(`💬 *K-0003*: ${RINA_WHO} menjawab:\n20 cm kak\n\nBalas: !keluhan K-0003 balas <teks>`);
    expect(one(L.aliasPriority)).toBe('✅ K-0003 prioritas tinggi.');
    expect(toRina(L.aliasDone)).toEqual([
      '✅ Keluhan *K-0003* sudah kami tindak lanjuti:\nTangkai 60 cm kami kirim sore ini.\n\nTerima kasih atas kesabaran dan kepercayaan Kakak, Rina. Kalau ternyata belum beres, balas saja *belum beres*.\n\nBagaimana penanganan kami? Balas dengan angka *1* sampai *5* (5 = sangat puas).',
    ]);
    expect(one(L.aliasDone)).toBe('✅ Keluhan K-0003 selesai. Pelanggan sudah diberi tahu dan diminta memberi nilai 1–5.');
  });

  it("put the whole exchange on K-0003's timeline", () => {
    expect(one(L.card3Done)).toBe(
      [
        '🧾 *Keluhan K-0003* · ✅ selesai · ❗ prioritas tinggi',
        `Pelanggan: ${RINA_WHO}`,
        'Kategori: ukuran (ukuran tidak sesuai)',
        'Dibuat: Rabu, 2 Desember 2026 10.00 (35 menit lalu)',
        'Balasan pertama: setelah 35 menit',
        'Selesai: Rabu, 2 Desember 2026 10.35 (setelah 35 menit): Tangkai 60 cm kami kirim sore ini.',
        '',
        'Cerita: tangkainya kependekan, tidak bisa masuk vas',
        'Foto: tidak ada',
        '',
        '*Riwayat*',
        '2/12 10.00 👤 tangkainya kependekan, tidak bisa masuk vas',
        '2/12 10.00 · keluhan dicatat',
        '2/12 10.35 · kategori: lain → kirim',
        '2/12 10.35 · kategori: kirim → ukuran',
        '2/12 10.35 🏪 Baik Kak, kami ganti dengan tangkai yang lebih panjang.',
        '2/12 10.35 🏪 Vasnya setinggi berapa cm, Kak?',
        '2/12 10.35 · menunggu jawaban pelanggan',
        '2/12 10.35 👤 20 cm kak',
        '2/12 10.35 · prioritas tinggi',
        '2/12 10.35 · selesai: Tangkai 60 cm kami kirim sore ini.',
      ].join('\n'),
    );
  });
});

describe('a week after a ticket was resolved', () => {
  it('closes it by itself, shown in the lists with ages in days', () => {
    expect(one(L.allClosed).split('\n')).toEqual([
      '📋 *3 keluhan terakhir*',
      `*K-0001* · 📁 ditutup · Rina · rusak · 7 hari · ${K1_SUMMARY}`,
      expect.stringMatching(/^\*K-0002\* · 🔧 diproses · Rina · warna · 7 hari · /),
      '*K-0003* · ✅ selesai ❗ · Rina · ukuran · 6 hari · “tangkainya kependekan, tidak bisa masuk vas”',
      '',
      FOOTER,
    ]);
    expect(one(L.listEnd).split('\n')).toEqual([
      '📋 *1 keluhan terbuka* (paling lama dulu)',
      expect.stringMatching(/^\*K-0002\* · 🔧 diproses · Rina · warna · 7 hari · /),
      '',
      FOOTER,
    ]);
  });

  it('refuses a reply on the closed ticket, sending Rina nothing and changing nothing', () => {
    expect(reason(L.replyClosed)).toBe('⚠️ Keluhan K-0001 sudah ditutup; tidak bisa dibalas atau diubah lagi (kategorinya masih bisa, untuk statistik).');
    expect(toRina(L.replyClosed)).toEqual([]);
    const card = one(L.cardClosed).split('\n');
    expect(card[0]).toBe('🧾 *Keluhan K-0001* · 📁 ditutup');
    expect(card[3]).toBe('Dibuat: Selasa, 1 Desember 2026 10.00 (7 hari lalu)');
    expect(card.slice(-2)).toEqual(['1/12 13.00 👤 nilai 5', '8/12 13.00 · ditutup otomatis 7 hari setelah selesai']);
    expect(one(L.cardClosed)).not.toContain('Halo Kak');
  });
});

describe("a customer's answer the shop has not replied to", () => {
  it('brings the owner a reminder, as a new ticket does', () => {
    const reminders = out.filter((o) => o.to === OWNER_CHAT && isK2Reminder(o.text ?? '')).map((o) => o.text ?? '');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders[0]).toMatch(/^⏰ \*Keluhan ini belum dibalas\*\n• \*K-0002\* · Rina · warna · /);
  });
});

describe('answers a review found wrong, now right', () => {
  // The list cuts the summary at 50 characters: at a word, and marked with "…".
  it('marks a summary cut short in the list instead of quoting half a word', () => {
    const quoted = /“([^”]*)”$/.exec(one(L.listAfterDone).split('\n')[1] ?? '')?.[1] ?? '';
    expect(quoted).toBe('kecewa, warnanya beda sama foto yang pink jadi…');
    expect(K2_SUMMARY.startsWith(quoted.slice(0, -1))).toBe(true);
  });

  // "!keluhan 3 kategori" with nothing after it is answered 'Kategori "" tidak ada.'
  it('asks for the category when none is written, instead of naming an empty one', () => {
    expect(reason(L.catMissing)).toMatch(/^⚠️ /);
    expect(reason(L.catMissing)).not.toContain('""');
  });

  // Re-filing under the category it already has answers "ukuran → ukuran" as a change and puts a
  // change that did not happen on the timeline.
  it('says the ticket already has that category, without recording a change', () => {
    expect(one(L.catSame)).not.toContain('ukuran → ukuran');
    expect(one(L.card3End)).not.toContain('ukuran → ukuran');
  });

  // "balas" on a closed ticket is refused, and so is "prioritas tinggi" on it.
  it('refuses to raise the priority of a closed ticket, as it refuses a reply', () => {
    expect(reason(L.prioClosed)).toBe('⚠️ Keluhan K-0001 sudah ditutup; tidak bisa dibalas atau diubah lagi (kategorinya masih bisa, untuk statistik).');
    expect(one(L.cardClosedEnd)).toBe(one(L.cardClosed));
  });
});
