import { definePlugin, formatLocal, formatPhone, normalisePhone, UsageError } from '../plugin-api.js';
import { unreadableNumber } from '../phone.js';
import type { BuiltinServices } from './services.js';

/** How long the owner has to confirm an erasure. */
export const FORGET_CONFIRM_MS = 10 * 60_000;

/**
 * The customer's rights under Indonesia's personal data protection law (UU 27/2022), served by the
 * owner: `!pelanggan <nomor>` shows what is stored about a customer, `!pelanggan <nomor> hapus`
 * erases it after a confirmation. Each part of the bot shows and erases its own part; tickets and
 * orders stay, anonymised, so the shop's figures remain true.
 */
export function privacyPlugin({ customers, privacy, clock, config }: BuiltinServices) {
  const prefix = config.commandPrefix;
  const pending = new Map<string, number>();
  const when = (t: number | null): string => (t === null ? '-' : formatLocal(t, config.timeZone));
  const customerOf = (numberText: string) => {
    const phone = normalisePhone(numberText);
    if (!phone.ok) throw new UsageError(unreadableNumber(numberText, phone.reason));
    const record = customers.findByNumber(phone.digits);
    if (!record) throw new UsageError(`Tidak ada data tentang ${formatPhone(phone.digits)}: nomor itu belum pernah menghubungi bot.`);
    return { record, digits: phone.digits, who: `${record.name ? `*${record.name}* ` : ''}(${formatPhone(phone.digits)})` };
  };
  const wrongShape = (typed: string): string => {
    const numberText = typed.split(/\s+/)[0] ?? '';
    return numberText === ''
      ? 'Tulis nomor pelanggannya, misalnya 081234567890.'
      : `Tulis ${prefix}pelanggan ${numberText}, atau ${prefix}pelanggan ${numberText} hapus.`;
  };

  return definePlugin({
    name: 'privacy',
    description: 'Shows what is kept about a customer and erases it on request.',
    setup(api) {
      api
        .command({
          name: 'pelanggan',
          aliases: ['customer'],
          help: 'Data yang disimpan tentang seorang pelanggan, dan menghapusnya atas permintaannya (UU PDP).',
        })
        .form(
          '<nomor>',
          'lihat semua yang disimpan bot tentang pelanggan itu',
          (ctx, { nomor }) => {
            const { record, who } = customerOf(nomor);
            const ids = customers.idsOf(record);
            ctx.reply(
              [
                `🗂️ *Data pelanggan* ${who}`,
                `Nama WhatsApp: ${record.name ?? '-'}`,
                `Pertama menghubungi: ${when(record.firstSeen)}`,
                `Terakhir menghubungi: ${when(record.lastSeen)}`,
                `Jumlah pesan: ${record.messageCount} (isi pesan tidak disimpan)`,
                `Bot berhenti di chat ini sampai: ${when(record.pausedUntil)}`,
                ...Object.keys(record.data).map((plugin) => `Catatan ${plugin}: ${JSON.stringify(record.data[plugin]).slice(0, 200)}`),
                ...privacy.describe(ids),
                '',
                `Hapus semuanya atas permintaan pelanggan: ${prefix}pelanggan ${nomor} hapus`,
              ].join('\n'),
            );
          },
          { problem: wrongShape },
        )
        .form(
          '<nomor> hapus',
          'hapus datanya (diminta konfirmasi); keluhan dan pesanan tetap, tanpa nama dan nomor',
          (ctx, { nomor }) => ask(ctx, nomor, false),
          {
            problem: wrongShape,
          },
        )
        .form('<nomor> hapus ya', 'konfirmasi penghapusan, dalam 10 menit', (ctx, { nomor }) => ask(ctx, nomor, true), { problem: wrongShape });

      async function ask(
        ctx: { now: number; reply(text: string): void; log: { info(o: object, m: string): void } },
        nomor: string,
        confirmed: boolean,
      ): Promise<void> {
        const { record, digits, who } = customerOf(nomor);
        const now = clock.now();
        const asked = pending.get(digits);
        if (!confirmed || asked === undefined || now - asked > FORGET_CONFIRM_MS) {
          pending.set(digits, now);
          ctx.reply(
            [
              confirmed ? 'Konfirmasinya sudah lewat 10 menit atau belum diminta.' : '',
              `⚠️ Hapus semua data ${who}? Catatan pelanggan, sapaan dan pengaturannya dihapus; keluhan dan pesanannya tetap untuk angka toko, tanpa nama, nomor dan isi cerita.`,
              `Kalau yakin, dalam 10 menit tulis: *${prefix}pelanggan ${nomor} hapus ya*`,
            ]
              .filter(Boolean)
              .join('\n'),
          );
          return;
        }
        pending.delete(digits);
        const chatIds = customers.forget(record);
        const parts = await privacy.forget(chatIds);
        ctx.log.info({ handlers: parts }, "a customer's data was erased at the owner's request");
        ctx.reply(
          `✅ Data ${formatPhone(digits)} sudah dihapus. Keluhan dan pesanannya tetap ada tanpa nama, nomor dan isi cerita. Kalau pelanggan ini menghubungi lagi, bot menganggapnya pelanggan baru.`,
        );
      }
    },
  });
}
