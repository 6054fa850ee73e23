import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { parseCommand } from '../src/engine/classify.js';
import { editDistance } from '../src/host/commands/match.js';
import { MINUTE, OWNER, closeBots, startBot, type TestBot } from './helpers.js';

const CUSTOMER = '6281234567890';
let bot: TestBot;
afterEach(closeBots);

describe('command parsing', () => {
  it.each([
    ['!bantuan', { name: 'bantuan', args: '' }],
    ['  !Sapaan hari 7 ', { name: 'sapaan', args: 'hari 7' }],
    ['! help sapaan', { name: 'help', args: 'sapaan' }],
    ['!sapaan Halo {nama}!\nSelamat datang', { name: 'sapaan', args: 'Halo {nama}!\nSelamat datang' }],
    ['halo', null],
    ['!', null],
    ['!!!', null],
  ])('%j', (text, parsed) => {
    expect(parseCommand(text, '!')).toEqual(parsed);
  });

  it('measures typos for suggestions', () => {
    expect(editDistance('sapan', 'sapaan')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('admin commands', () => {
  it('lists every command with its help for the owner', async () => {
    bot = await startBot();
    const [help] = await bot.owner('!bantuan');
    for (const name of ['!bantuan', '!sapaan', '!menu', '!teks', '!toko']) expect(help).toContain(`*${name}*`);
    expect(help).toContain('(!greeting)');
    expect(help).toContain('Atur pesan sapaan');
    expect(await bot.owner('!help')).toEqual([help]);
  });

  it('shows one command usage, by name or alias, with or without the prefix', async () => {
    bot = await startBot();
    const [usage] = await bot.owner('!bantuan sapaan');
    expect(usage).toContain('*!sapaan* (alias !greeting)');
    expect(usage).toContain('• !sapaan hari <N>');
    expect(await bot.owner('!help !greeting')).toEqual([usage]);
    expect(await bot.owner('!bantuan sapan')).toEqual([expect.stringContaining('Maksud Kakak *!sapaan*?')]);
  });

  it('answers an unknown command with a suggestion and the way to the list', async () => {
    bot = await startBot();
    expect(await bot.owner('!')).toEqual(['Ketik *!bantuan* untuk melihat semua perintah admin.']);
    expect(await bot.owner('!!!')).toEqual(['Ketik *!bantuan* untuk melihat semua perintah admin.']);
    expect(await bot.owner('!sapan')).toEqual(['Perintah *!sapan* tidak dikenal.\nMaksud Kakak *!sapaan*?\nKetik *!bantuan* untuk melihat semua perintah.']);
    expect(await bot.owner('!xyzzy')).toEqual(['Perintah *!xyzzy* tidak dikenal.\nKetik *!bantuan* untuk melihat semua perintah.']);
  });

  it('answers a mistyped sub-command with the one meant, even where a form takes any word there', async () => {
    bot = await startBot();
    // "!produk <kode>" takes a word in that place, but "hapuss P01" is a mistyped "hapus"
    const [reply] = await bot.owner('!produk hapuss P01');
    expect(reply).toMatch(/^⚠️ "hapuss" tidak dikenal untuk !produk\. Maksud Kakak \*!produk hapus\*\?/);
    expect(reply).toContain('• !produk hapus <kode>');
    // nothing was removed
    expect((await bot.owner('!produk P01'))[0]).toContain('P01');
  });

  it.each(['0811-0000-1111', '+62 811 0000 1111', '62811 0000 1111'])('recognises the owner by phone digits when configured as %j', async (written) => {
    const parsed = parseConfig({ OWNER_NUMBERS: written });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    bot = await startBot({ config: { ownerNumbers: parsed.config.ownerNumbers } });
    const [help] = await bot.say(OWNER, '!bantuan', { chatId: 'abc123@lid' });
    expect(help).toContain('*Perintah admin*');
    // one digit off is a customer
    expect((await bot.say('6281100001112', '!bantuan'))[0]).not.toContain('Perintah admin');
  });

  it('accepts commands from the shop\'s own "message yourself" chat', async () => {
    bot = await startBot();
    const replies = await bot.say('6280000000999', '!bantuan', { chatId: 'self@s.whatsapp.net', selfChat: true, fromShop: true, senderNumber: null });
    expect(replies[0]).toContain('*Perintah admin*');
    // and ignores notes the shop writes to itself
    expect(await bot.say('6280000000999', 'catatan belanja', { chatId: 'self@s.whatsapp.net', selfChat: true, fromShop: true, senderNumber: null })).toEqual(
      [],
    );
  });

  it('treats a customer typing commands as an ordinary customer who never learns commands exist', async () => {
    bot = await startBot();
    const all = [
      ...(await bot.say(CUSTOMER, '!help')),
      ...(await bot.say(CUSTOMER, '!bantuan')),
      ...(await bot.say(CUSTOMER, '!sapaan off', { senderName: 'Owner' })),
      ...(await bot.say(CUSTOMER, '!toko nama Toko Palsu')),
    ];
    expect(all.length).toBeGreaterThan(0);
    for (const text of all) {
      expect(text).not.toContain('Perintah');
      expect(text).not.toContain('!sapaan');
      expect(text).not.toContain('tidak dikenal');
    }
    expect(all[0]).toContain('Selamat datang'); // their first message is simply greeted
    expect(bot.app.store.data.shop.name).toBe('UD. Baim Florist');
    // the greeting is still on: a customer cannot switch it off
    const [settings] = await bot.owner('!sapaan');
    expect(settings).toContain('✅ aktif');
  });

  it('lets the owner see and change any customer-facing text, refusing unknown variables', async () => {
    bot = await startBot();
    // long enough to come in two messages now that the English texts are listed too
    const list = (await bot.owner('!teks')).join('\n');
    expect(list).toContain('*sapaan* ✏️'); // the florist's seed replaced it
    expect(list).toContain('*tidak-paham*');
    expect(list).toContain('*sapaan.en*');
    const [one] = await bot.owner('!teks tidak-paham');
    expect(one).toContain('Maaf {nama}, kami belum menangkap maksud pesan Kakak.');
    expect(one).toContain('Variabel: {toko}, {alamat}, {jam}, {buka}, {status}, {nama}');
    const [refused] = await bot.owner('!teks tidak-paham Maaf {pelanggan}');
    expect(refused).toContain('⚠️ Teks tidak diubah: variabel {pelanggan} tidak dikenal. Yang bisa dipakai: {toko}, {alamat}, {jam}, {buka}, {status}, {nama}.');
    expect(refused).toContain('Cara pakai:');
    expect(await bot.owner('!teks tidak-paham Aduh {nama}, kurang jelas nih.')).toEqual([expect.stringContaining('✅ Teks *tidak-paham* diperbarui')]);
    const [answer] = await bot.say(CUSTOMER, 'xyz', { senderName: 'Rina' });
    // first message: greeted, so no fallback; the second unclear message gets the new text
    expect(answer).toContain('Selamat datang');
    await bot.advance(MINUTE);
    expect((await bot.say(CUSTOMER, 'qwerty'))[0]).toMatch(/^Aduh Rina, kurang jelas nih\./);
    await bot.owner('!teks tidak-paham asli');
    const [back] = await bot.owner('!teks tidak-paham');
    expect(back).not.toContain('Sudah diubah');
    expect((await bot.owner('!teks tidakpaham'))[0]).toContain('Teks *tidakpaham* tidak ada.');
  });

  it('falls back to the default for a stored text with unknown variables, and says so in the log', async () => {
    bot = await startBot({ seed: { shop: { name: 'Toko Uji' }, texts: { sapaan: 'Halo {pelanggan}!', 'teks-lama': 'x' } } });
    const warnings = bot.logs.filter((l) => l.level === 40 && l.msg === 'a stored text cannot be used as it is');
    expect(warnings.map((w) => w['text'])).toEqual(['sapaan', 'teks-lama']);
    const [greeting] = await bot.say(CUSTOMER, 'halo', { senderName: 'Rina' });
    expect(greeting).toMatch(/^Halo Rina! 👋 Selamat datang di \*Toko Uji\*\./);
    expect(bot.app.store.data.texts['sapaan']).toBe('Halo {pelanggan}!'); // kept, not deleted
  });

  it('lets the owner change the shop profile used by {toko} and {alamat}', async () => {
    bot = await startBot();
    expect((await bot.owner('!toko'))[0]).toContain('Nama: UD. Baim Florist');
    await bot.owner('!toko nama Baim Florist & Dekorasi');
    await bot.owner('!toko alamat Pusat Pasar Lt. 1 No. 27, Medan');
    expect((await bot.owner('!toko peta bukan-tautan'))[0]).toContain('⚠️ Tautan peta harus');
    expect((await bot.owner('!toko warna merah'))[0]).toContain('"warna" tidak dikenal untuk !toko. Pilih: nama, alamat, atau peta.');
    const [greeting] = await bot.say(CUSTOMER, 'halo');
    expect(greeting).toContain('*Baim Florist & Dekorasi*');
    expect(greeting).toContain('Pusat Pasar Lt. 1 No. 27, Medan');
  });

  it('writes admin commands to the log without their arguments at info level', async () => {
    bot = await startBot();
    await bot.owner('!sapaan Halo rahasia {nama}');
    const info = bot.logs.filter((l) => l.level === 30 && l.msg === 'admin command');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ cmd: 'sapaan', owner: '62811****1111' });
    expect(JSON.stringify(info)).not.toContain('rahasia');
  });
});
