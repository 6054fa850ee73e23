import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { CustomerRecord } from '../store/schema.js';
import type { Clock } from '../clock.js';
import { formatPhone, normalisePhone, unreadableNumber } from '../phone.js';
import { formatLocal } from '../time.js';
import { describeCustomer, type Customers } from '../engine/customers.js';
import { listVariables } from '../template.js';
import type { CommandRunner } from '../app.js';
import type { MessageRun } from '../engine/run.js';
import { type CommandRegistry, formatHelpList, formatUsage, type ParsedCommand } from '../host/commands/registry.js';
import type { Texts } from '../host/texts.js';

/** The commands that belong to the core rather than to a plugin: help, texts and the shop profile. */
export interface BuiltinDeps {
  commands: CommandRegistry<CommandRunner>;
  texts: Texts;
  store: Store;
  prefix: string;
  customers: Customers;
  clock: Clock;
  timeZone: string;
  takeoverMinutes: number;
}

export const BUILTIN_COMMANDS = {
  bantuan: {
    name: 'bantuan',
    aliases: ['help'],
    help: 'Daftar semua perintah admin, atau cara pakai satu perintah.',
    usage: [
      { form: 'bantuan', help: 'daftar semua perintah' },
      { form: 'bantuan <perintah>', help: 'cara pakai satu perintah, misalnya !bantuan sapaan' },
    ],
  },
  teks: {
    name: 'teks',
    aliases: ['text'],
    help: 'Lihat dan ubah semua teks yang dibaca pelanggan.',
    usage: [
      { form: 'teks', help: 'daftar semua teks' },
      { form: 'teks <nama>', help: 'isi satu teks dan variabel yang bisa dipakai' },
      { form: 'teks <nama> <teks baru>', help: 'ganti teks itu (boleh beberapa baris)' },
      { form: 'teks <nama> asli', help: 'kembalikan ke teks bawaan' },
    ],
  },
  toko: {
    name: 'toko',
    aliases: ['shop'],
    help: 'Lihat dan ubah profil toko: nama, alamat, tautan peta.',
    usage: [
      { form: 'toko', help: 'profil toko sekarang' },
      { form: 'toko nama <nama toko>', help: 'ganti nama toko ({toko} di semua teks)' },
      { form: 'toko alamat <alamat>', help: 'ganti alamat ({alamat} di semua teks)' },
      { form: 'toko peta <tautan>', help: 'tautan Google Maps; "toko peta hapus" menghapusnya' },
    ],
  },
  jeda: {
    name: 'jeda',
    aliases: ['pause'],
    help: 'Hentikan bot sementara di satu chat, agar Kakak bisa membalas sendiri.',
    usage: [
      { form: 'jeda', help: 'daftar chat yang sedang dijeda' },
      { form: 'jeda <nomor> [menit]', help: 'jeda bot di chat nomor itu (bawaan: sama seperti saat toko membalas sendiri)' },
    ],
  },
  lanjut: {
    name: 'lanjut',
    aliases: ['resume'],
    help: 'Jalankan lagi bot di chat yang dijeda.',
    usage: [
      { form: 'lanjut <nomor>', help: 'bot menjawab lagi di chat nomor itu' },
      { form: 'lanjut semua', help: 'bot menjawab lagi di semua chat yang dijeda' },
    ],
  },
} as const;

export function registerBuiltins(deps: BuiltinDeps): void {
  const { commands, texts, store, prefix } = deps;

  commands.add('core', BUILTIN_COMMANDS.bantuan, async (run, parsed) => {
    const wanted = parsed.args
      .replace(new RegExp(`^${escapeRegExp(prefix)}`), '')
      .trim()
      .toLowerCase();
    if (wanted === '') {
      run.reply(formatHelpList(commands.list(), prefix));
      return;
    }
    const command = commands.find(wanted.split(/\s+/)[0] ?? '');
    if (!command) {
      const guess = commands.suggest(wanted);
      throw new UsageError(`Perintah *${prefix}${wanted}* tidak ada.${guess ? ` Maksud Kakak *${prefix}${guess}*?` : ''}`);
    }
    run.reply(formatUsage(command, prefix));
  });

  commands.add('core', BUILTIN_COMMANDS.teks, async (run, parsed) => teksCommand(run, parsed, texts, prefix));

  commands.add('core', BUILTIN_COMMANDS.toko, async (run, parsed) => {
    const shop = store.data.shop;
    const [field = '', ...rest] = parsed.args.split(/\s+/);
    const value = parsed.args.slice(field.length).trim();
    switch (field.toLowerCase()) {
      case '':
        run.reply([`*Profil toko*`, `Nama: ${shop.name}`, `Alamat: ${shop.address || '(belum diisi)'}`, `Peta: ${shop.mapsUrl || '(belum diisi)'}`].join('\n'));
        return;
      case 'nama':
        if (value === '' || value.length > 60) throw new UsageError('Nama toko harus diisi, paling panjang 60 huruf.');
        shop.name = value;
        break;
      case 'alamat':
        if (value === '' || value.length > 300) throw new UsageError('Alamat harus diisi, paling panjang 300 huruf.');
        shop.address = value;
        break;
      case 'peta':
        if (value.toLowerCase() === 'hapus') shop.mapsUrl = '';
        else if (!/^https?:\/\/\S+$/.test(value) || rest.length !== 1)
          throw new UsageError('Tautan peta harus satu alamat web yang diawali http:// atau https://.');
        else shop.mapsUrl = value;
        break;
      default:
        throw new UsageError(`Bagian "${field}" tidak ada. Yang bisa diubah: nama, alamat, peta.`);
    }
    store.changed();
    run.reply(`✅ Profil toko diperbarui.\nNama: ${shop.name}\nAlamat: ${shop.address || '(belum diisi)'}\nPeta: ${shop.mapsUrl || '(belum diisi)'}`);
  });

  const { customers, clock, timeZone, takeoverMinutes } = deps;
  const customerByNumber = (written: string): CustomerRecord => {
    const r = normalisePhone(written);
    if (!r.ok) throw new UsageError(unreadableNumber(written, r.reason));
    const record = customers.findByNumber(r.digits);
    if (!record) throw new UsageError(`Nomor ${formatPhone(r.digits)} belum pernah menghubungi toko.`);
    return record;
  };
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
  const who = (c: CustomerRecord): string => describeCustomer(c);
  const clockTime = (t: number): string => formatLocal(t, timeZone).split(' ').pop() ?? '';

  commands.add('core', BUILTIN_COMMANDS.jeda, async (run, parsed) => {
    const now = clock.now();
    if (parsed.args === '') {
      const paused = customers.paused(now);
      run.reply(
        paused.length === 0
          ? 'Tidak ada chat yang sedang dijeda. Bot menjawab di semua chat.'
          : [
              '*Chat yang dijeda*',
              ...paused.map((c) => `• ${who(c)} sampai ${clockTime(c.pausedUntil ?? now)} (${Math.ceil(((c.pausedUntil ?? now) - now) / 60_000)} menit lagi)`),
            ].join('\n'),
      );
      return;
    }
    const { record, minutes: minutesToken } = numberAndMinutes(parsed.args);
    let minutes = takeoverMinutes;
    if (minutesToken !== undefined) {
      if (!/^\d+$/.test(minutesToken) || Number(minutesToken) < 1 || Number(minutesToken) > 7 * 24 * 60) {
        throw new UsageError(`Jumlah menit "${minutesToken}" tidak bisa dipakai; tulis angka 1 sampai ${7 * 24 * 60}.`);
      }
      minutes = Number(minutesToken);
    }
    const until = now + minutes * 60_000;
    customers.pause(record.chatId, until);
    run.reply(
      `⏸️ Bot dijeda di chat ${who(record)} sampai pukul ${clockTime(until)} (${minutes} menit). Lanjutkan lebih cepat dengan ${prefix}lanjut ${record.number ?? ''}`.trim(),
    );
  });

  commands.add('core', BUILTIN_COMMANDS.lanjut, async (run, parsed) => {
    const args = parsed.args.trim();
    const now = clock.now();
    if (args.toLowerCase() === 'semua') {
      const paused = customers.paused(now);
      for (const c of paused) customers.pause(c.chatId, null);
      run.reply(paused.length === 0 ? 'Tidak ada chat yang sedang dijeda.' : `▶️ Bot menjawab lagi di ${paused.length} chat.`);
      return;
    }
    if (args === '') throw new UsageError('Tulis nomornya, atau "semua".');
    const record = customerByNumber(args);
    const wasPaused = record.pausedUntil !== null && record.pausedUntil > now;
    customers.pause(record.chatId, null);
    run.reply(wasPaused ? `▶️ Bot menjawab lagi di chat ${who(record)}.` : `Chat ${who(record)} tidak sedang dijeda; bot memang menjawab di sana.`);
  });
}

function teksCommand(run: MessageRun, parsed: ParsedCommand, texts: Texts, prefix: string): void {
  const m = /^(\S+)(?:\s+([\s\S]*))?$/.exec(parsed.args);
  if (!m) {
    const lines = texts.list().map((t) => `• *${t.key}*${texts.isCustomised(t.key) ? ' ✏️' : ''}\n   ${t.help}`);
    run.reply(['*Teks untuk pelanggan*', '(✏️ = sudah diubah)', '', ...lines, '', `Lihat isinya: ${prefix}teks <nama>`].join('\n'));
    return;
  }
  const key = (m[1] ?? '').toLowerCase();
  const value = (m[2] ?? '').trim();
  if (!texts.has(key)) {
    const close = texts.list().filter((t) => t.key.includes(key) || key.includes(t.key));
    throw new UsageError(
      `Teks *${key}* tidak ada.${close.length > 0 ? ` Mungkin: ${close.map((t) => t.key).join(', ')}.` : ''} Ketik ${prefix}teks untuk daftarnya.`,
    );
  }
  if (value === '') {
    const def = texts.def(key);
    const lines = [`*${key}*: ${def?.help ?? ''}`, '', texts.get(key), '', `Variabel: ${listVariables(texts.allowed(key))}`];
    if (texts.isCustomised(key)) lines.push('', `(Sudah diubah. Kembalikan dengan: ${prefix}teks ${key} asli)`);
    run.reply(lines.join('\n'));
    return;
  }
  const result = value.toLowerCase() === 'asli' ? texts.reset(key) : texts.set(key, value);
  if (!result.ok) throw new UsageError(`Teks tidak diubah: ${result.reason}.`);
  run.reply(`✅ Teks *${key}* diperbarui:\n\n${texts.get(key)}`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
