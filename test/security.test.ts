import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { baileysLogger } from '../src/transport/baileys/log.js';
import { closeBots, memoryLogger, OWNER, startBot } from './helpers.js';

/**
 * Who may run admin commands, tried from every angle, and what the logs may hold at `info`.
 */
afterEach(closeBots);
const RINA = '6281234567890';

describe('admin access', () => {
  it('ignores a customer whose WhatsApp name says "Owner" or "Admin"', async () => {
    const bot = await startBot();
    for (const name of ['Owner', 'Admin', 'Pemilik Toko', OWNER]) {
      const replies = await bot.say(RINA, '!toko nama Toko Palsu', { senderName: name });
      expect(replies.join('\n')).not.toContain('✅');
    }
    expect((await bot.owner('!toko'))[0]).not.toContain('Toko Palsu');
  });

  it('knows the owner however the number is written in OWNER_NUMBERS', async () => {
    for (const written of ['0811-0000-1111', '+62 811 0000 1111', '62811 00001111', '(0811) 0000-1111']) {
      const parsed = parseConfig({ OWNER_NUMBERS: written });
      expect(parsed.ok, written).toBe(true);
      if (!parsed.ok) continue;
      const bot = await startBot({ config: { ownerNumbers: parsed.config.ownerNumbers } });
      expect((await bot.owner('!jam'))[0], written).toContain('*Jam buka*');
      await bot.close();
    }
  });

  it('fails closed for an @lid sender without a known number, and for a group', async () => {
    const bot = await startBot();
    const lid = await bot.say('', '!jam', { chatId: '190000000000009@lid', senderNumber: null, senderId: '190000000000009@lid' });
    expect(lid.join('\n')).not.toContain('*Jam buka*');
    // the owner's own number, but writing in a group: one member among others there
    const group = await bot.say(OWNER, '!jam', { chatId: '120363000000000001@g.us', senderNumber: OWNER });
    expect(group.join('\n')).not.toContain('*Jam buka*');
    expect((await bot.owner('!jam'))[0]).toContain('*Jam buka*');
  });
});

describe('log hygiene', () => {
  it('keeps message texts and whole phone numbers out of info-level logs', async () => {
    const bot = await startBot();
    await bot.say(RINA, 'halo kak, rahasia: alamat saya di Jalan Melati 7', { senderName: 'Rina' });
    await bot.say(RINA, 'pesan P01 2');
    await bot.say(RINA, 'komplain, vasnya pecah di Jalan Melati');
    await bot.say(RINA, 'sudah');
    await bot.owner('!keluhan 1 balas Maaf Kak Rina, kami ganti ke Jalan Melati 7');
    const info = bot.logs.filter((l) => l.level >= 30).map((l) => JSON.stringify(l));
    expect(info.length).toBeGreaterThanOrEqual(4);
    for (const line of info) {
      expect(line).not.toContain('Melati');
      expect(line).not.toContain('rahasia');
      expect(line).not.toContain(RINA);
      expect(line).not.toContain(OWNER);
    }
    // the masked form is there, so the lines stay useful
    expect(info.some((l) => l.includes('62812****7890'))).toBe(true);
  });
});

describe("Baileys' own logs", () => {
  it('mask the numbers in WhatsApp ids wherever Baileys puts them, and stay quiet below warn', () => {
    const { logger, entries } = memoryLogger('info');
    const log = baileysLogger(logger);
    log.info({ jid: `${RINA}@s.whatsapp.net` }, 'chatty');
    log.warn(
      {
        jid: `${RINA}@s.whatsapp.net`,
        key: { remoteJid: '150000000000002@lid', participant: `${RINA}:3@s.whatsapp.net`, id: '3EB0A1B2C3' },
        attrs: [{ from: `${RINA}@s.whatsapp.net` }],
        err: new Error(`no session for ${RINA}@s.whatsapp.net`),
      },
      'failed to decrypt message',
    );
    expect(entries.map((e) => e.msg)).toEqual(['failed to decrypt message']);
    const line = JSON.stringify(entries[0]);
    expect(line).not.toContain(RINA);
    expect(line).not.toContain('150000000000002');
    expect(line).toContain('62812****7890@s.whatsapp.net');
    expect(line).toContain('15000****0002@lid');
    expect(line).toContain('3EB0A1B2C3');
    expect(entries[0]?.['err']).toMatchObject({ message: 'no session for 62812****7890@s.whatsapp.net' });
  });

  it('mask them in the message text and in child-logger bindings too', () => {
    const { logger, entries } = memoryLogger('info');
    const log = baileysLogger(logger);
    log.warn({}, `Invalid LID-PN mapping: 150000000000002@lid, ${RINA}@s.whatsapp.net`);
    log.child({ jid: `${RINA}@s.whatsapp.net` }).error({ attempt: 2 }, 'retry failed');
    log.error(`plain text about ${RINA}`);
    const all = JSON.stringify(entries);
    expect(entries.map((e) => e.msg)).toEqual([
      'Invalid LID-PN mapping: 15000****0002@lid, 62812****7890@s.whatsapp.net',
      'retry failed',
      'plain text about 62812****7890',
    ]);
    expect(entries[1]).toMatchObject({ jid: '62812****7890@s.whatsapp.net', attempt: 2 });
    expect(all).not.toContain(RINA);
  });
});
