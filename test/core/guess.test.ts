import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { renderExamples, TARGET } from '../../scripts/examples.js';
import { Guesser } from '../../src/engine/read/guess.js';
import { CHAT_SPELLINGS } from '../../src/engine/read/lexicon.js';
import { Reader } from '../../src/engine/read/reading.js';
import { closeBots, MINUTE, OWNER, startBot } from '../helpers.js';

/** The guesser: a second opinion learnt from labelled shoppers' messages, behind the rules. */
const TOY: Array<readonly [string, string]> = [
  ['person', 'minta nomor pemilik toko'],
  ['person', 'bisa bicara dengan bos toko'],
  ['person', 'nomor hp bos nya berapa'],
  ['catalog', 'kirim daftar bunga yang ada'],
  ['catalog', 'daftar bunganya mana'],
  ['catalog', 'ada daftar bunga lengkap'],
  ['courtesy', 'makasih kak'],
  ['courtesy', 'ok siap'],
];

describe('Guesser', () => {
  const reader = new Reader(CHAT_SPELLINGS, []);
  it('guesses nothing before it has learnt anything', () => {
    expect(new Guesser().guess(reader.read('daftar bunga'))).toBeNull();
    expect(new Guesser().trained).toBe(false);
  });

  it('names the label whose examples share the words, surely', () => {
    const g = new Guesser();
    const status = g.train(
      TOY.map(([label, text]) => ({ label, text })),
      (text) => reader.read(text),
    );
    expect(status).toMatchObject({ examples: 8, labels: 3 });
    expect(g.guess(reader.read('daftar bunga dong'))).toMatchObject({ label: 'catalog' });
    expect(g.guess(reader.read('nomor bos toko'))?.label).toBe('person');
    expect(g.guess(reader.read('nomor bos toko'))?.score).toBeGreaterThan(0.7);
    // words it never saw: no opinion worth having
    expect(g.guess(reader.read('zzz qqq'))?.label ?? 'None').not.toBe('person');
  });
});

describe('the reading leans on the guess only where the rules found nothing', () => {
  const reader = new Reader(CHAT_SPELLINGS, TOY);

  it('a message the rules find nothing in gets the guessed want, and says it leaned on it', () => {
    const r = reader.read('kak nomor bos toko dong');
    expect(r.wants).toEqual(['person']);
    expect(r.leanedOn?.label).toBe('person');
  });

  it('the rules win when they find something', () => {
    const r = reader.read('minta katalog');
    expect(r.wants).toEqual(['catalog']);
    expect(r.leanedOn).toBeNull();
    // a topic found: no guess, though the words are a person's
    const asked = reader.read('nomor bos toko dan lokasi');
    expect(asked.topics).toEqual(['lokasi']);
    expect(asked.wants).toEqual([]);
  });

  it('not for courtesy, codes, or a message that takes something back', () => {
    for (const text of ['makasih kak', 'nomor bos toko P07', 'gak jadi nomor bos tokonya']) {
      const r = reader.read(text);
      expect(r.wants, text).toEqual([]);
      expect(r.leanedOn, text).toBeNull();
    }
  });

  it('trusts() leans on a guess a plugin asks for by name, at its own bar', () => {
    const r = reader.read('nomor bos toko');
    expect(r.trusts('catalog', 0.5)).toBe(false);
    expect(r.trusts('person', 1.01)).toBe(false);
    expect(r.trusts('person', 0.5)).toBe(true);
  });
});

describe('the built-in examples', () => {
  it('are the development sets as they are now (npm run examples)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(renderExamples());
  });
});

describe('through the app', () => {
  afterEach(closeBots);
  const RINA = '6281234567890';

  it('"pilihan bunganya apa kak" (no catalog word the rules know) opens the catalog, and !kenapa says it was a guess', async () => {
    const bot = await startBot();
    await bot.say(RINA, 'halo', { senderName: 'Rina' });
    await bot.advance(MINUTE);
    const [reply] = await bot.say(RINA, 'pilihan bunganya apa kak');
    expect(reply).toMatch(/🌸 \*Katalog UD\. Baim Florist\*\n\*1\.\* Mawar/);
    const [why] = await bot.owner('!kenapa 081234567890');
    expect(why).toContain('Ditebak dari contoh pesan (kata-katanya tidak ada di daftar): minta katalog (yakin ');
    expect(bot.sentTo(OWNER).join('\n')).not.toContain('pilihan bunganya');
  });
});

describe('!ajari: the owner teaches the bot a way of asking', () => {
  afterEach(closeBots);
  const RINA = '6281234567890';

  it('a message like the taught one, that no word list knows, is read that way: a person is asked for', async () => {
    const bot = await startBot();
    await bot.say(RINA, 'halo', { senderName: 'Rina' });
    await bot.advance(MINUTE);
    const [before] = await bot.say(RINA, 'kak jual pot tanah liat ga?');
    expect(before).not.toContain('admin kami yang akan menjawab langsung');
    const [taught] = await bot.owner('!ajari orang ada jual pot tanah liat?');
    expect(taught).toBe(
      '✅ Bot sudah belajar: “ada jual pot tanah liat?” → perlu admin (diteruskan ke Kakak).\nPesan pelanggan yang mirip, dan tidak cocok dengan kata mana pun yang bot kenal, sekarang dibaca begitu. !kenapa <nomor> menunjukkan kalau bot menebak.',
    );
    await bot.advance(2 * MINUTE);
    const BUDI = '6281298765432';
    await bot.say(BUDI, 'halo', { senderName: 'Budi' });
    await bot.advance(MINUTE);
    const [after] = await bot.say(BUDI, 'pot tanah liat ada dijual kak?');
    expect(after).toContain('admin kami yang akan menjawab langsung');
    expect((await bot.owner('!kenapa 081298765432'))[0]).toContain('Ditebak dari contoh pesan');
  });

  it('keeps what it learnt over a restart, lists it, and forgets it when removed', async () => {
    const bot = await startBot();
    await bot.owner('!ajari katalog minta brosur digital dong');
    const again = await bot.restart();
    expect((await again.owner('!ajari'))[0]).toBe(
      '*Contoh yang Kakak ajarkan*\n*1.* katalog: “minta brosur digital dong”\n\nHapus dengan !ajari hapus <nomor>.',
    );
    expect((await again.owner('!ajari hapus 1'))[0]).toBe('🗑️ Contoh 1 dihapus: “minta brosur digital dong”.');
    expect((await again.owner('!ajari'))[0]).toContain('Belum ada contoh yang Kakak ajarkan.');
  });

  it('refuses a kind it does not know, a number that is not there, and an example taught twice, changing nothing', async () => {
    const bot = await startBot();
    expect((await bot.owner('!ajari harga berapa ongkirnya'))[0]).toContain(
      'Jenis "harga" tidak dikenal. Pilih *orang* (perlu admin), *katalog*, atau *keluhan*.',
    );
    expect((await bot.owner('!ajari hapus 3'))[0]).toContain('Belum ada contoh untuk dihapus.');
    await bot.owner('!ajari keluhan bunganya layu pas nyampe');
    expect((await bot.owner('!ajari keluhan bunganya layu pas nyampe'))[0]).toBe('Contoh itu sudah diajarkan. Lihat semuanya dengan !ajari.');
    expect((await bot.owner('!ajari hapus dua'))[0]).toContain('Nomor "dua" tidak ada; pilih 1 sampai 1');
    expect((await bot.owner('!ajari'))[0]).toContain('*1.* keluhan: “bunganya layu pas nyampe”');
  });
});
