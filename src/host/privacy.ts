import { appendFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandRunner } from '../app.js';
import type { Clock } from '../clock.js';
import { UsageError } from '../errors.js';
import type { Logger } from '../logger.js';
import { formatPhone, maskPhone, normalisePhone, unreadableNumber } from '../phone.js';
import type { Store } from '../store/store.js';
import { formatLocal } from '../time.js';
import type { CommandRegistry } from './commands/registry.js';
import type { Customers } from '../engine/customers.js';

/**
 * The customer's rights under Indonesia's personal data protection law (UU 27/2022), served by the
 * owner: `!pelanggan <nomor>` shows what is stored about a customer, `!pelanggan <nomor> hapus`
 * erases it after a confirmation. Plugins show and erase their own part; tickets and orders stay,
 * anonymised, so the shop's figures remain true. And the audit log: who ran which admin command when.
 */
export interface PrivacyHandler {
  plugin: string;
  /** Lines about what this plugin keeps for these chats. */
  describe(chatIds: readonly string[]): string[];
  /** Erases or anonymises it. */
  forget(chatIds: readonly string[]): void | Promise<void>;
}

export const FORGET_CONFIRM_MS = 10 * 60_000;

export const PRIVACY_COMMAND = {
  name: 'pelanggan',
  aliases: ['customer'],
  help: 'Data yang disimpan tentang seorang pelanggan, dan menghapusnya atas permintaannya (UU PDP).',
  usage: [
    { form: 'pelanggan <nomor>', help: 'lihat semua yang disimpan bot tentang pelanggan itu' },
    { form: 'pelanggan <nomor> hapus', help: 'hapus datanya (diminta konfirmasi); keluhan dan pesanan tetap, tanpa nama dan nomor' },
  ],
};

export function registerPrivacyCommand(deps: {
  commands: CommandRegistry<CommandRunner>;
  store: Store;
  customers: Customers;
  clock: Clock;
  timeZone: string;
  prefix: string;
  handlers: readonly PrivacyHandler[];
  logger: Logger;
}): void {
  const { commands, customers, clock, timeZone, prefix, handlers } = deps;
  const pending = new Map<string, number>();
  const when = (t: number | null): string => (t === null ? '-' : formatLocal(t, timeZone));

  commands.add('core', PRIVACY_COMMAND, async (run, parsed) => {
    const [numberText = '', action = '', confirm = '', ...extra] = parsed.args.split(/\s+/).filter(Boolean);
    if (numberText === '') throw new UsageError('Tulis nomor pelanggannya, misalnya 081234567890.');
    const phone = normalisePhone(numberText);
    if (!phone.ok) throw new UsageError(unreadableNumber(numberText, phone.reason));
    const record = customers.findByNumber(phone.digits);
    if (!record) throw new UsageError(`Tidak ada data tentang ${formatPhone(phone.digits)}: nomor itu belum pernah menghubungi bot.`);
    const ids = customers.idsOf(record);
    const who = `${record.name ? `*${record.name}* ` : ''}(${formatPhone(phone.digits)})`;
    if (action === '') {
      const lines = [
        `🗂️ *Data pelanggan* ${who}`,
        `Nama WhatsApp: ${record.name ?? '-'}`,
        `Pertama menghubungi: ${when(record.firstSeen)}`,
        `Terakhir menghubungi: ${when(record.lastSeen)}`,
        `Jumlah pesan: ${record.messageCount} (isi pesan tidak disimpan)`,
        `Bot berhenti di chat ini sampai: ${when(record.pausedUntil)}`,
        ...Object.keys(record.data).map((plugin) => `Catatan ${plugin}: ${JSON.stringify(record.data[plugin]).slice(0, 200)}`),
        ...handlers.flatMap((h) => h.describe(ids)),
        '',
        `Hapus semuanya atas permintaan pelanggan: ${prefix}pelanggan ${numberText} hapus`,
      ];
      run.reply(lines.join('\n'));
      return;
    }
    if (action.toLowerCase() !== 'hapus' || extra.length > 0 || (confirm !== '' && confirm.toLowerCase() !== 'ya')) {
      throw new UsageError(`Tulis ${prefix}pelanggan ${numberText}, atau ${prefix}pelanggan ${numberText} hapus.`);
    }
    const now = clock.now();
    const asked = pending.get(phone.digits);
    if (confirm === '' || asked === undefined || now - asked > FORGET_CONFIRM_MS) {
      pending.set(phone.digits, now);
      run.reply(
        [
          confirm !== '' ? 'Konfirmasinya sudah lewat 10 menit atau belum diminta.' : '',
          `⚠️ Hapus semua data ${who}? Catatan pelanggan, sapaan dan pengaturannya dihapus; keluhan dan pesanannya tetap untuk angka toko, tanpa nama, nomor dan isi cerita.`,
          `Kalau yakin, dalam 10 menit tulis: *${prefix}pelanggan ${numberText} hapus ya*`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return;
    }
    pending.delete(phone.digits);
    const chatIds = customers.forget(record);
    for (const h of handlers) await h.forget(chatIds);
    run.log.info({ handlers: handlers.map((h) => h.plugin) }, "a customer's data was erased at the owner's request");
    run.reply(
      `✅ Data ${formatPhone(phone.digits)} sudah dihapus. Keluhan dan pesanannya tetap ada tanpa nama, nomor dan isi cerita. Kalau pelanggan ini menghubungi lagi, bot menganggapnya pelanggan baru.`,
    );
  });
}

const AUDIT_FILE = 'audit.log';
/** A phone number however written: 081234567890, +62 812-3456-7890, 6281234567890 (not "12 1500000"). */
const PHONE_LIKE = /(?:\+|\b0|\b62)[\d\s.-]{7,}\d|\b\d{9,15}\b/g;
const AUDIT_MAX_BYTES = 5 * 1024 * 1024;

/** Appends who ran which admin command when to data/audit.log (one JSON line each), rotating at 5 MB. */
export class AuditLog {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly log: Logger,
  ) {}

  /**
   * `owner`: the owner's number (kept whole: the log says who did it). Phone numbers in `args`, a
   * customer's whose data may be erased later, are masked.
   */
  record(entry: { at: number; owner: string | null; command: string; args: string }): Promise<void> {
    const args = entry.args.slice(0, 300).replace(PHONE_LIKE, (found) => {
      const digits = found.replace(/\D/g, '');
      // a price (1.500.000) or a short number stays as written
      return digits.length < 9 || digits.length > 15 || /^\d{1,3}(\.\d{3})+$/.test(found) ? found : maskPhone(digits);
    });
    const line = `${JSON.stringify({ at: new Date(entry.at).toISOString(), owner: entry.owner, command: entry.command, args })}\n`;
    const path = join(this.dataDir, AUDIT_FILE);
    this.chain = this.chain
      .then(async () => {
        const size = await stat(path).then(
          (s) => s.size,
          () => 0,
        );
        if (size > AUDIT_MAX_BYTES) await rename(path, `${path}.1`);
        await appendFile(path, line, { mode: 0o600 });
      })
      .catch((err: unknown) => this.log.warn({ err }, 'could not write the audit log'));
    return this.chain;
  }

  /** Resolves when every entry so far is written. */
  settled(): Promise<void> {
    return this.chain;
  }
}
