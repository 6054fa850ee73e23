import { UsageError } from '../errors.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import type { CommandRunner } from '../app.js';
import type { CommandRegistry } from '../host/commands/registry.js';
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

/** !jam and !libur: the owner sets the week and the holidays from WhatsApp. */
export const HOURS_COMMANDS = {
  jam: {
    name: 'jam',
    aliases: ['hours'],
    help: 'Lihat dan atur jam buka toko.',
    usage: [
      { form: 'jam', help: 'jam buka seminggu, dan apakah toko buka sekarang' },
      { form: 'jam senin-sabtu 09:00-17:00', help: 'atur beberapa hari sekaligus' },
      { form: 'jam sabtu 09:00-12:00,13:00-15:00', help: 'satu hari, boleh beberapa rentang' },
      { form: 'jam minggu tutup', help: 'hari itu tutup' },
    ],
  },
  libur: {
    name: 'libur',
    aliases: ['holiday'],
    help: 'Atur hari libur: toko tutup sepanjang hari itu.',
    usage: [
      { form: 'libur', help: 'daftar hari libur yang akan datang' },
      { form: 'libur 2026-12-25 Natal', help: 'tambah hari libur (keterangan boleh dikosongkan)' },
      { form: 'libur hapus 2026-12-25', help: 'hapus hari libur' },
    ],
  },
} as const;

export function registerHoursCommands(deps: { commands: CommandRegistry<CommandRunner>; store: Store; clock: Clock; timeZone: string; prefix: string }): void {
  const { commands, store, clock, timeZone, prefix } = deps;
  const hours = () => store.data.hours;

  const statusLine = (): string => {
    const now = clock.now();
    if (isOpen(hours(), now, timeZone)) return 'Sekarang: *buka*';
    return `Sekarang: *tutup*, buka lagi ${describeOpening(nextOpening(hours(), now, timeZone), now, timeZone)}`;
  };

  commands.add('core', HOURS_COMMANDS.jam, async (run, parsed) => {
    const args = parsed.args.trim();
    if (args === '') {
      const upcoming = upcomingHolidays();
      run.reply(
        [
          '*Jam buka*',
          formatWeek(hours()),
          '',
          statusLine(),
          ...(upcoming.length > 0 ? ['', `Libur: ${upcoming.map((h) => `${formatDate(h.date)}${h.note ? ` (${h.note})` : ''}`).join('; ')}`] : []),
        ].join('\n'),
      );
      return;
    }
    // The days come first, the hours (or "tutup") last: "senin - sabtu 09:00 - 17:00".
    // Written the way owners write it: "Jum’at buka 10-14", "sabtu 09:00-12:00 13:00-15:00 WIB"
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
    run.reply(`✅ ${names}: ${ranges.length === 0 ? 'tutup' : 'jam diperbarui'}.\n\n*Jam buka*\n${formatWeek(hours())}\n\n${statusLine()}`);
  });

  function upcomingHolidays() {
    const today = todayKey(clock.now(), timeZone);
    return hours()
      .holidays.filter((h) => h.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  commands.add('core', HOURS_COMMANDS.libur, async (run, parsed) => {
    const args = parsed.args.trim();
    if (args === '') {
      const upcoming = upcomingHolidays();
      run.reply(
        upcoming.length === 0
          ? `Belum ada hari libur yang akan datang. Tambah dengan ${prefix}libur 2026-12-25 Natal`
          : ['*Hari libur*', ...upcoming.map((h) => `• ${formatDate(h.date)}${h.note ? `: ${h.note}` : ''}`)].join('\n'),
      );
      return;
    }
    const [first = '', ...rest] = args.split(/\s+/);
    if (first.toLowerCase() === 'hapus') {
      if (rest.length !== 1) throw new UsageError('Tulis satu tanggal yang dihapus.');
      const date = parseDate(rest[0] ?? '');
      if (!date.ok) throw new UsageError(`Tidak ada yang dihapus: ${date.reason}.`);
      const before = store.data.hours.holidays.length;
      store.data.hours.holidays = store.data.hours.holidays.filter((h) => h.date !== date.value);
      if (store.data.hours.holidays.length === before) throw new UsageError(`${formatDate(date.value)} memang tidak ada di daftar libur.`);
      store.changed();
      run.reply(`✅ ${formatDate(date.value)} tidak lagi hari libur.`);
      return;
    }
    const date = parseDate(first);
    if (!date.ok) throw new UsageError(`Hari libur tidak ditambah: ${date.reason}.`);
    if (date.value < todayKey(clock.now(), timeZone)) throw new UsageError(`${formatDate(date.value)} sudah lewat.`);
    const note = rest.join(' ').slice(0, 60);
    const existing = store.data.hours.holidays.find((h) => h.date === date.value);
    if (existing) existing.note = note;
    else store.data.hours.holidays.push({ date: date.value, note });
    store.changed();
    run.reply(
      `✅ ${formatDate(date.value)}${note ? ` (${note})` : ''} ${existing ? 'diperbarui' : 'ditambahkan sebagai hari libur'}. Pada hari itu toko dianggap tutup sepanjang hari.`,
    );
  });
}
