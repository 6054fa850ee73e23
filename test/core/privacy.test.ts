import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogState } from '../../plugins/catalog/model.js';
import type { ComplaintState } from '../../plugins/complaint/model.js';
import { MINUTE, OWNER, closeBots, startBot } from '../helpers.js';

/** !pelanggan: what is stored about a customer, and erasing it at their request; the audit log. */
afterEach(closeBots);
const RINA = '6281234567890';
const MAWAR_PNG = readFileSync('test/fixtures/mawar.png');

describe('!pelanggan', () => {
  it('shows what is kept about a customer, and erases it after a confirmation, keeping anonymous tickets and orders', async () => {
    const bot = await startBot();
    await bot.say(RINA, 'halo', { senderName: 'Rina' });
    await bot.say(RINA, 'pesan P01 2');
    await bot.say(RINA, 'komplain, vasnya pecah');
    await bot.say(RINA, '', { kind: 'image', image: { mimetype: 'image/png', read: () => Promise.resolve(new Uint8Array(MAWAR_PNG)) } });
    await bot.say(RINA, 'sudah');
    const photo = (bot.app.store.data.plugins['complaint'] as ComplaintState).tickets[0]?.photos[0] as string;
    expect(existsSync(join(bot.dir, photo))).toBe(true);

    const [shown] = await bot.owner('!pelanggan 0812-3456-7890');
    expect(shown).toContain('🗂️ *Data pelanggan* *Rina* (+62 812-3456-7890)');
    expect(shown).toContain('Jumlah pesan: 5 (isi pesan tidak disimpan)');
    expect(shown).toContain('Pesanan: O-0001 (baru)');
    expect(shown).toContain('Keluhan: K-0001 (baru, 1 foto)');

    expect((await bot.owner('!pelanggan 081234567890 hapus ya'))[0]).toContain('Konfirmasinya sudah lewat 10 menit atau belum diminta.');
    expect((await bot.owner('!pelanggan 081234567890 hapus'))[0]).toContain('⚠️ Hapus semua data *Rina* (+62 812-3456-7890)?');
    await bot.advance(MINUTE);
    expect((await bot.owner('!pelanggan 081234567890 hapus ya'))[0]).toBe(
      '✅ Data +62 812-3456-7890 sudah dihapus. Keluhan dan pesanannya tetap ada tanpa nama, nomor dan isi cerita. Kalau pelanggan ini menghubungi lagi, bot menganggapnya pelanggan baru.',
    );
    await bot.app.store.flush();
    const saved = readFileSync(join(bot.dir, 'db.json'), 'utf8');
    expect(saved).not.toContain('6281234567890');
    expect(saved).not.toContain('Rina');
    expect(saved).not.toContain('vasnya pecah');
    const ticket = (bot.app.store.data.plugins['complaint'] as ComplaintState).tickets[0];
    expect(ticket).toMatchObject({
      number: 'K-0001',
      category: 'rusak',
      customerName: null,
      customerNumber: null,
      description: '(dihapus atas permintaan pelanggan)',
      photos: [],
    });
    expect(existsSync(join(bot.dir, photo))).toBe(false);
    expect((bot.app.store.data.plugins['catalog'] as CatalogState).orders[0]).toMatchObject({
      number: 'O-0001',
      total: 50000,
      customerName: null,
      customerNumber: null,
    });
    expect((await bot.owner('!pelanggan 081234567890'))[0]).toContain('Tidak ada data tentang +62 812-3456-7890');
    // a new message is a new customer: greeted again
    expect((await bot.say(RINA, 'halo'))[0]).toContain('Selamat datang');
  });

  it('shows and erases what a customer filed from their other WhatsApp id (a LID) too', async () => {
    const bot = await startBot();
    const LID = '190000000000009@lid';
    await bot.say(RINA, 'halo', { senderName: 'Rina' });
    const onLid = { chatId: LID, senderNumber: RINA, senderId: LID };
    await bot.say(RINA, 'komplain, vasnya pecah', onLid);
    await bot.say(RINA, 'sudah', onLid);
    expect((bot.app.store.data.plugins['complaint'] as ComplaintState).tickets[0]?.chatId).toBe(LID);
    expect((await bot.owner('!pelanggan 081234567890'))[0]).toContain('Keluhan: K-0001 (baru)');
    await bot.owner('!pelanggan 081234567890 hapus');
    await bot.owner('!pelanggan 081234567890 hapus ya');
    expect((bot.app.store.data.plugins['complaint'] as ComplaintState).tickets[0]).toMatchObject({ customerName: null, customerNumber: null });
    await bot.app.store.flush();
    expect(readFileSync(join(bot.dir, 'db.json'), 'utf8')).not.toContain('190000000000009');
  });

  it('refuses a bad number, an unknown customer and an unknown action', async () => {
    const bot = await startBot();
    await bot.say(RINA, 'halo');
    expect((await bot.owner('!pelanggan'))[0]).toContain('⚠️ Tulis nomor pelanggannya');
    expect((await bot.owner('!pelanggan 12'))[0]).toMatch(/^⚠️ Nomor "12" tidak bisa dibaca\./);
    expect((await bot.owner('!pelanggan 081299998888'))[0]).toContain('⚠️ Tidak ada data tentang +62 812-9999-8888');
    expect((await bot.owner('!pelanggan 081234567890 ubah'))[0]).toContain('⚠️ Tulis !pelanggan 081234567890, atau !pelanggan 081234567890 hapus.');
    expect(bot.app.customers.count()).toBe(1);
  });
});

describe('audit log', () => {
  it('records who ran which admin command when, one JSON line each', async () => {
    const bot = await startBot();
    await bot.owner('!jam');
    await bot.owner('!toko nama Baim Florist');
    await bot.owner('!tidakada');
    await bot.say(RINA, '!jam'); // a customer typing a command is not an admin action
    const lines = readFileSync(join(bot.dir, 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toEqual([
      { at: '2026-12-01T03:00:00.000Z', owner: OWNER, command: 'jam', args: '' },
      { at: '2026-12-01T03:00:00.000Z', owner: OWNER, command: 'toko', args: 'nama Baim Florist' },
    ]);
  });

  it("names the owner who wrote from a LID without a number, and masks customers' numbers but not prices", async () => {
    const bot = await startBot();
    const LID = '190000000000006@lid';
    await bot.say(OWNER, '!jam', { chatId: LID, senderId: LID }); // the number comes with it once: the LID is remembered
    await bot.say('', '!pelanggan 0812-3456-7890', { chatId: LID, senderNumber: null, senderId: LID });
    await bot.say('', '!produk ubah P07 harga 1.500.000', { chatId: LID, senderNumber: null, senderId: LID });
    await bot.say('', '!pesanan 12 1500000', { chatId: LID, senderNumber: null, senderId: LID });
    await bot.app.idle();
    const lines = readFileSync(join(bot.dir, 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => [l['owner'], l['command'], l['args']])).toEqual([
      [OWNER, 'jam', ''],
      [OWNER, 'pelanggan', '08123****7890'],
      [OWNER, 'produk', 'ubah P07 harga 1.500.000'],
      [OWNER, 'pesanan', '12 1500000'],
    ]);
  });
});
