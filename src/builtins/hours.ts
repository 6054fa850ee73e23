import {
  DAY_NAMES,
  describeOpening,
  formatDate,
  formatWeek,
  isOpen,
  nextOpening,
  parseDate,
  parseDays,
  parseRanges,
  todayKey,
  type TimeRange,
} from '../hours.js';
import { definePlugin, UsageError } from '../plugin-api.js';
import type { Store } from '../store/store.js';
import type { BuiltinServices } from './services.js';

/** !jam and !libur: the owner sets the week and the holidays from WhatsApp. */
export function hoursPlugin({ store, clock, config }: BuiltinServices) {
  const { timeZone, commandPrefix: prefix } = config;
  const hours = () => store.data.hours;
  const statusLine = (): string => {
    const now = clock.now();
    if (isOpen(hours(), now, timeZone)) return 'Sekarang: *buka*';
    return `Sekarang: *tutup*, buka lagi ${describeOpening(nextOpening(hours(), now, timeZone), now, timeZone)}`;
  };
  const upcomingHolidays = () => {
    const today = todayKey(clock.now(), timeZone);
    return hours()
      .holidays.filter((h) => h.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date));
  };
  const dateOf = (text: string, failure: string): string => {
    const date = parseDate(text);
    if (!date.ok) throw new UsageError(`${failure}: ${date.reason}.`);
    return date.value;
  };

  return definePlugin({
    name: 'hours',
    description: 'Sets the opening hours and the holidays.',
    setup(api) {
      api
        .command({ name: 'jam', aliases: ['hours'], help: 'Lihat dan atur jam buka toko.' })
        .form('', 'jam buka seminggu, dan apakah toko buka sekarang', (ctx) => {
          const upcoming = upcomingHolidays();
          const holidays = upcoming.map((h) => `${formatDate(h.date)}${h.note ? ` (${h.note})` : ''}`).join('; ');
          ctx.reply(['*Jam buka*', formatWeek(hours()), '', statusLine(), ...(upcoming.length > 0 ? ['', `Libur: ${holidays}`] : [])].join('\n'));
        })
        .form(
          '<hari> <jam...>',
          'atur jam buka satu hari atau beberapa hari sekaligus, boleh beberapa rentang, atau "tutup"',
          (ctx) => setWeek(ctx.args, ctx, store, statusLine),
          {
            example: 'jam senin-sabtu 09:00-17:00',
            shown: '<hari> <jam>',
            problem: 'Tulis hari lalu jamnya, atau "tutup".',
          },
        );

      api
        .command({ name: 'libur', aliases: ['holiday'], help: 'Atur hari libur: toko tutup sepanjang hari itu.' })
        .form('', 'daftar hari libur yang akan datang', (ctx) => {
          const upcoming = upcomingHolidays();
          ctx.reply(
            upcoming.length === 0
              ? `Belum ada hari libur yang akan datang. Tambah dengan ${prefix}libur 2026-12-25 Natal`
              : ['*Hari libur*', ...upcoming.map((h) => `• ${formatDate(h.date)}${h.note ? `: ${h.note}` : ''}`)].join('\n'),
          );
        })
        .form(
          'hapus <tanggal>',
          'hapus hari libur',
          (ctx, { tanggal }) => {
            const date = dateOf(tanggal, 'Tidak ada yang dihapus');
            const before = store.data.hours.holidays.length;
            store.data.hours.holidays = store.data.hours.holidays.filter((h) => h.date !== date);
            if (store.data.hours.holidays.length === before) throw new UsageError(`${formatDate(date)} memang tidak ada di daftar libur.`);
            store.changed();
            ctx.reply(`✅ ${formatDate(date)} tidak lagi hari libur.`);
          },
          { problem: 'Tulis satu tanggal yang dihapus.' },
        )
        .form(
          '<tanggal> [keterangan...]',
          'tambah hari libur (keterangan boleh dikosongkan)',
          (ctx, { tanggal, keterangan }) => {
            const date = dateOf(tanggal, 'Hari libur tidak ditambah');
            if (date < todayKey(clock.now(), timeZone)) throw new UsageError(`${formatDate(date)} sudah lewat.`);
            const note = (keterangan ?? '').replace(/\s+/g, ' ').slice(0, 60);
            const existing = store.data.hours.holidays.find((h) => h.date === date);
            if (existing) existing.note = note;
            else store.data.hours.holidays.push({ date, note });
            store.changed();
            ctx.reply(
              `✅ ${formatDate(date)}${note ? ` (${note})` : ''} ${existing ? 'diperbarui' : 'ditambahkan sebagai hari libur'}. Pada hari itu toko dianggap tutup sepanjang hari.`,
            );
          },
          { example: 'libur 2026-12-25 Natal' },
        );
    },
  });
}

/** "senin-sabtu 09:00-17:00", "Jum’at buka 10-14", "sabtu 09:00-12:00 13:00-15:00 WIB", "minggu tutup". */
function setWeek(args: string, ctx: { reply(text: string): void }, store: Store, statusLine: () => string): void {
  // The days come first, the hours (or "tutup") last: "senin - sabtu 09:00 - 17:00".
  const cleaned = args
    .replace(/[’‘`´]/g, "'")
    .replace(/\b(wib|wita|wit)\b\.?/gi, '')
    .replace(/\s+(?:buka|jam)\s+(?=\d)/i, ' ')
    .trim();
  const m = /^(.*?[a-z'].*?)\s+((?:\d.*)|tutup|libur|closed)$/i.exec(cleaned);
  if (!m) throw new UsageError('Tulis hari lalu jamnya, atau "tutup".');
  const days = parseDays((m[1] ?? '').replace(/\s*-\s*/g, '-'));
  if (!days.ok) throw new UsageError(`Jam buka tidak diubah: ${days.reason}.`);
  const what = (m[2] ?? '').toLowerCase();
  let ranges: TimeRange[] = [];
  if (!['tutup', 'libur', 'closed'].includes(what)) {
    // "09:00 - 12:00 13:00-15:00": ranges apart by commas or spaces
    const r = parseRanges(
      what
        .replace(/\s*(-|–|sampai|s\/d)\s*/g, '-')
        .trim()
        .replace(/[\s,]+/g, ','),
    );
    if (!r.ok) throw new UsageError(`Jam buka tidak diubah: ${r.reason}.`);
    ranges = r.value;
  }
  for (const d of days.value) store.data.hours.week[d] = ranges.map((r) => ({ ...r }));
  store.changed();
  const names = days.value.map((d) => DAY_NAMES[d]).join(', ');
  ctx.reply(`✅ ${names}: ${ranges.length === 0 ? 'tutup' : 'jam diperbarui'}.\n\n*Jam buka*\n${formatWeek(store.data.hours)}\n\n${statusLine()}`);
}
