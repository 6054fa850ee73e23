import { z } from 'zod';
import { shouldGreet, type RecipientMode } from './rules.js';
import { definePlugin, formatPhone, isSalam, normalisePhone, type PluginApi, type Slice, UsageError } from '../../src/plugin-api.js';

/**
 * The greeting (SOP stage 1): a warm welcome on a customer's first message and after a long
 * silence, ending with the numbered main menu (stage 2). Parity with WhatsApp Business's greeting
 * message, plus an editable silence period and all its recipient modes.
 */
const stateSchema = z.object({
  enabled: z.boolean(),
  silentDays: z.number().int().min(1).max(365),
  mode: z.enum(['semua', 'kecuali', 'hanya']),
  numbers: z.array(z.string()),
});

type Settings = z.infer<typeof stateSchema>;

const customerSchema = z.object({ lastGreetedAt: z.number().nullable() });

export const TEXT_KEY = 'sapaan';

const MODE_WORDS: Record<RecipientMode, string> = {
  semua: 'semua pelanggan',
  kecuali: 'semua pelanggan kecuali nomor di daftar',
  hanya: 'hanya nomor di daftar',
};

export default definePlugin({
  name: 'greeting',
  description: 'Greets customers on their first message and after a long silence, then shows the main menu.',
  state: {
    schema: stateSchema,
    defaults: () => ({ enabled: true, silentDays: 14, mode: 'semua' as const, numbers: [] }),
  },
  customer: {
    schema: customerSchema,
    defaults: () => ({ lastGreetedAt: null }),
  },
  texts: {
    [TEXT_KEY]: {
      default: 'Halo {nama}! 👋 Selamat datang di *{toko}*.\nTerima kasih sudah menghubungi kami. Ada yang bisa kami bantu?',
      help: 'sapaan untuk pesan pertama atau setelah lama tidak ada pesan; menu utama menyusul',
      variables: ['nama'],
      en: 'Hello {nama}! 👋 Welcome to *{toko}*, artificial flowers in {alamat}.\nThank you for contacting us. How can we help you?',
    },
  },
  setup(api) {
    api.use(async (ctx, next) => {
      const settings = ctx.state.get();
      const greet = shouldGreet(settings, {
        number: ctx.customer.number,
        previousSeenAt: ctx.customer.previousSeenAt,
        lastOutboundAt: ctx.customer.lastOutboundAt,
        now: ctx.now,
      });
      if (greet) {
        // a customer who writes English is greeted in English
        const language = ctx.language;
        const text = api.texts.render(TEXT_KEY, { nama: ctx.addressee }, language);
        // "assalamualaikum" is answered before anything else is said
        const salam = ctx.reading.words.some(isSalam) ? 'Waalaikumsalam. 🙏\n' : '';
        ctx.reply(`${salam}${text}\n\n${api.menu.render(language)}`, { first: true });
        ctx.data.update((d) => {
          d.lastGreetedAt = ctx.now;
        });
      }
      await next();
    });
    declareCommand(api);
  },
});

type Api = PluginApi<Settings, z.infer<typeof customerSchema>>;

/** !sapaan: the greeting's text, who gets it, and after how long a silence. */
function declareCommand(api: Api): void {
  const p = api.commandPrefix;
  /** A setting's word with more after it: the owner may have meant a text that starts with that word. */
  const onlyWord = (typed: string): string => {
    const word = (typed.split(/\s+/)[0] ?? '').toLowerCase();
    return `"${word}" tidak diikuti apa-apa. Untuk teks sapaan yang diawali kata itu, tulis: ${p}sapaan teks ${typed}`;
  };
  const setText = (ctx: { reply(m: string): void }, text: string): void => {
    const result = api.texts.set(TEXT_KEY, text);
    if (!result.ok) throw new UsageError(`Teks sapaan tidak diubah: ${result.reason}.`);
    ctx.reply(`✅ Teks sapaan diperbarui. Contoh untuk pelanggan bernama Rina:\n\n${api.texts.render(TEXT_KEY, { nama: 'Rina' })}`);
  };
  const setMode = (ctx: { state: Slice<Settings>; reply(m: string): void }, mode: RecipientMode, list: string | undefined, typed: string): void => {
    const numbers = mode === 'semua' ? [] : parseNumbers(list ?? '', `${p}sapaan teks ${typed}`);
    ctx.state.update((s) => {
      s.mode = mode;
      if (mode !== 'semua') s.numbers = numbers;
    });
    ctx.reply(
      mode === 'semua'
        ? '✅ Sapaan dikirim ke semua pelanggan.'
        : `✅ Sapaan dikirim ke ${MODE_WORDS[mode]}:\n${numbers.map((n) => `• ${formatPhone(n)}`).join('\n')}`,
    );
  };
  const numbersMissing = 'Tulis paling sedikit satu nomor, dipisah koma. Contoh: 081234567890, 081298765432';

  // A first word that names a setting makes the command a setting, never a new text; a text that
  // happens to start with such a word goes through "teks".
  api
    .command({ name: 'sapaan', aliases: ['greeting'], help: 'Atur pesan sapaan untuk pelanggan baru dan yang lama tidak menghubungi.' })
    .form('', 'lihat pengaturan dan teks sapaan', (ctx) => {
      const s = ctx.state.get();
      const list = s.mode === 'semua' ? '' : `\nDaftar nomor: ${s.numbers.length > 0 ? s.numbers.map(formatPhone).join(', ') : '(kosong)'}`;
      ctx.reply(
        [
          `*Sapaan* ${s.enabled ? '✅ aktif' : '⛔ mati'}`,
          `Dikirim ke: ${MODE_WORDS[s.mode]}${list}`,
          `Sapa lagi setelah: ${s.silentDays} hari tanpa pesan`,
          '',
          '*Teks:*',
          api.texts.get(TEXT_KEY),
          '',
          '_(lalu menu utama)_',
          '',
          `Ubah: ${p}sapaan <teks baru>`,
        ].join('\n'),
      );
    })
    .form('<teks...>', 'ganti teks sapaan; variabel: {nama}, {toko}, {alamat}, {jam}, {buka}, {status}', (ctx, { teks }) => setText(ctx, teks))
    .form('teks <teks...>', 'sama, untuk teks yang diawali kata seperti "hari" atau "hanya"', (ctx, { teks }) => setText(ctx, teks))
    .form(
      'on|aktif|nyala',
      'nyalakan sapaan',
      (ctx) => {
        ctx.state.update((s) => void (s.enabled = true));
        ctx.reply('✅ Sapaan dinyalakan.');
      },
      { problem: onlyWord },
    )
    .form(
      'off|mati|nonaktif',
      'matikan sapaan',
      (ctx) => {
        ctx.state.update((s) => void (s.enabled = false));
        ctx.reply(`⛔ Sapaan dimatikan. Nyalakan lagi dengan ${p}sapaan on`);
      },
      { problem: onlyWord },
    )
    .form(
      'hari <N>',
      'sapa lagi pelanggan yang diam N hari (bawaan 14)',
      (ctx, { N }) => {
        if (!/^\d+$/.test(N)) throw new UsageError(daysProblem(ctx.args));
        const days = Number(N);
        if (days < 1 || days > 365) throw new UsageError('Jumlah hari harus antara 1 dan 365.');
        ctx.state.update((s) => void (s.silentDays = days));
        ctx.reply(`✅ Pelanggan akan disapa lagi setelah ${days} hari tanpa pesan.`);
      },
      { problem: (typed) => daysProblem(typed) },
    )
    .form('semua', 'sapa semua pelanggan', (ctx) => setMode(ctx, 'semua', undefined, ctx.args), { problem: onlyWord })
    .form('kecuali <nomor...:nomor, nomor…>', 'sapa semua kecuali nomor-nomor ini', (ctx, { nomor }) => setMode(ctx, 'kecuali', nomor, ctx.args), {
      problem: numbersMissing,
    })
    .form('hanya <nomor...:nomor, nomor…>', 'sapa hanya nomor-nomor ini', (ctx, { nomor }) => setMode(ctx, 'hanya', nomor, ctx.args), {
      problem: numbersMissing,
    });

  function daysProblem(typed: string): string {
    return `Tulis jumlah hari dengan angka saja, misalnya ${p}sapaan hari 14. Untuk teks sapaan yang diawali "hari", tulis: ${p}sapaan teks ${typed}`;
  }
}

function parseNumbers(list: string, asText: string): string[] {
  const parts = list
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new UsageError('Tulis paling sedikit satu nomor, dipisah koma. Contoh: 081234567890, 081298765432');
  if (!/\d/.test(list)) throw new UsageError(`Tulis nomor-nomornya, dipisah koma. Untuk teks sapaan yang diawali kata itu, tulis: ${asText}`);
  const numbers: string[] = [];
  const bad: string[] = [];
  for (const part of parts) {
    const r = normalisePhone(part);
    if (r.ok) {
      if (!numbers.includes(r.digits)) numbers.push(r.digits);
    } else bad.push(part);
  }
  if (bad.length > 0) {
    const wordy = bad.some((b) => /\p{L}{3}/u.test(b));
    throw new UsageError(
      `Nomor ini tidak bisa dibaca: ${bad.join(', ')}. Tidak ada yang diubah.${wordy ? ` Untuk teks sapaan yang diawali kata itu, tulis: ${asText}` : ''}`,
    );
  }
  return numbers;
}
