import { describeCustomer } from '../engine/customers.js';
import { definePlugin, formatLocal, normalisePhone, UsageError } from '../plugin-api.js';
import type { CustomerRecord } from '../store/schema.js';
import { customerByNumber as findCustomer } from './lookup.js';
import type { BuiltinServices } from './services.js';

const MAX_MINUTES = 7 * 24 * 60;

/** !jeda and !lanjut: the owner quiets the bot in one chat to answer by hand, and lets it answer again. */
export function pausePlugin({ customers, clock, config }: BuiltinServices) {
  const prefix = config.commandPrefix;
  const customerByNumber = (written: string): CustomerRecord => findCustomer(customers, written);
  /**
   * "0812 3456 7890 30": a number may be written with spaces, and minutes may follow it. The whole
   * text is tried as a number first; only if no customer has it is the last word read as minutes.
   */
  const numberAndMinutes = (args: string): { record: CustomerRecord; minutes: string | undefined } => {
    const whole = normalisePhone(args);
    if (whole.ok && customers.findByNumber(whole.digits)) return { record: customerByNumber(args), minutes: undefined };
    const words = args.split(/\s+/);
    const last = words.at(-1) ?? '';
    if (words.length > 1 && /^\d{1,5}$/.test(last)) return { record: customerByNumber(words.slice(0, -1).join(' ')), minutes: last };
    return { record: customerByNumber(args), minutes: undefined };
  };
  const clockTime = (t: number): string => formatLocal(t, config.timeZone).split(' ').pop() ?? '';

  return definePlugin({
    name: 'pause',
    description: 'Pauses the bot in one chat so the owner can answer by hand, and resumes it.',
    setup(api) {
      api
        .command({ name: 'jeda', aliases: ['pause'], help: 'Hentikan bot sementara di satu chat, agar Kakak bisa membalas sendiri.' })
        .form('', 'daftar chat yang sedang dijeda', (ctx) => {
          const now = clock.now();
          const paused = customers.paused(now);
          ctx.reply(
            paused.length === 0
              ? 'Tidak ada chat yang sedang dijeda. Bot menjawab di semua chat.'
              : [
                  '*Chat yang dijeda*',
                  ...paused.map(
                    (c) =>
                      `• ${describeCustomer(c)} sampai ${clockTime(c.pausedUntil ?? now)} (${Math.ceil(((c.pausedUntil ?? now) - now) / 60_000)} menit lagi)`,
                  ),
                ].join('\n'),
          );
        })
        .form(
          '<nomor...>',
          'jeda bot di chat nomor itu (bawaan: sama seperti saat toko membalas sendiri)',
          (ctx, { nomor }) => {
            const now = clock.now();
            const { record, minutes: minutesToken } = numberAndMinutes(nomor);
            let minutes = config.takeoverMinutes;
            if (minutesToken !== undefined) {
              if (!/^\d+$/.test(minutesToken) || Number(minutesToken) < 1 || Number(minutesToken) > MAX_MINUTES) {
                throw new UsageError(`Jumlah menit "${minutesToken}" tidak bisa dipakai; tulis angka 1 sampai ${MAX_MINUTES}.`);
              }
              minutes = Number(minutesToken);
            }
            const until = now + minutes * 60_000;
            customers.pause(record.chatId, until);
            ctx.reply(
              `⏸️ Bot dijeda di chat ${describeCustomer(record)} sampai pukul ${clockTime(until)} (${minutes} menit). Lanjutkan lebih cepat dengan ${prefix}lanjut ${record.number ?? ''}`.trim(),
            );
          },
          { shown: '<nomor> [menit]' },
        );

      api
        .command({ name: 'lanjut', aliases: ['resume'], help: 'Jalankan lagi bot di chat yang dijeda.' })
        .form('semua', 'bot menjawab lagi di semua chat yang dijeda', (ctx) => {
          const paused = customers.paused(clock.now());
          for (const c of paused) customers.pause(c.chatId, null);
          ctx.reply(paused.length === 0 ? 'Tidak ada chat yang sedang dijeda.' : `▶️ Bot menjawab lagi di ${paused.length} chat.`);
        })
        .form(
          '<nomor...>',
          'bot menjawab lagi di chat nomor itu',
          (ctx, { nomor }) => {
            const record = customerByNumber(nomor);
            const wasPaused = record.pausedUntil !== null && record.pausedUntil > clock.now();
            customers.pause(record.chatId, null);
            ctx.reply(
              wasPaused
                ? `▶️ Bot menjawab lagi di chat ${describeCustomer(record)}.`
                : `Chat ${describeCustomer(record)} tidak sedang dijeda; bot memang menjawab di sana.`,
            );
          },
          { problem: 'Tulis nomornya, atau "semua".' },
        );
    },
  });
}
