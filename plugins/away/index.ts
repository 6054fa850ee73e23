import { z } from 'zod';
import { decideAway, type AwayMode } from './rules.js';
import {
  definePlugin,
  type PluginApi,
  type Slice,
  describeOpening,
  formatLocal,
  parseClock,
  parseDate,
  parseLocalDateTime,
  UsageError,
} from '../../src/plugin-api.js';

/**
 * The away message (SOP stage 4, at any hour): a customer who writes while the shop is closed
 * learns at once that the message arrived and when the shop will answer. It never stops the other
 * plugins: a question asked at night still gets its answer, after this.
 */
export const TEXT_KEY = 'tutup';
const HALF_DAY_MS = 12 * 3_600_000;

const stateSchema = z.object({
  enabled: z.boolean(),
  mode: z.enum(['jam', 'selalu']),
});

type Settings = z.infer<typeof stateSchema>;

const MODE_WORDS: Record<AwayMode, string> = {
  jam: 'saat toko tutup (di luar jam buka, hari libur, dan tutup sementara)',
  selalu: 'kapan saja, juga saat toko buka',
};

export default definePlugin({
  name: 'away',
  description: 'Tells customers who write while the shop is closed that their message arrived and when the shop answers.',
  state: {
    schema: stateSchema,
    defaults: () => ({ enabled: true, mode: 'jam' as const }),
  },
  customer: {
    schema: z.object({ lastPeriod: z.string().nullable() }),
    defaults: () => ({ lastPeriod: null }),
  },
  texts: {
    [TEXT_KEY]: {
      default: 'Terima kasih sudah menghubungi *{toko}*, {nama}. 🙏\nSaat ini kami sedang tutup. Pesan Kakak sudah kami terima dan akan kami balas {buka}.',
      help: 'pesan tutup: untuk pelanggan yang menghubungi saat toko tutup',
      variables: ['nama'],
      en: 'Thank you for contacting *{toko}*, {nama}. 🙏\nWe are closed right now. We have your message and will reply {buka}.',
    },
  },
  setup(api) {
    const tz = api.timeZone;
    const reopenWords = (reopenAt: number | null, now: number, lang: 'id' | 'en' = 'id'): string => {
      if (reopenAt === null || reopenAt <= now) return lang === 'en' ? 'as soon as we can' : 'secepatnya';
      return describeOpening(reopenAt, now, tz, lang);
    };

    api.use(async (ctx, next) => {
      const decision = decideAway(ctx.state.get(), {
        now: ctx.now,
        timeZone: tz,
        hours: api.hours.get(),
        lastShopMessageAt: ctx.customer.lastShopMessageAt,
        lastPeriod: ctx.data.get().lastPeriod,
      });
      if (decision.send) {
        ctx.reply(api.texts.render(TEXT_KEY, { nama: ctx.addressee, buka: reopenWords(decision.reopenAt, ctx.now, ctx.language) }, ctx.language));
        ctx.data.update((d) => {
          d.lastPeriod = decision.period;
        });
        // The customer was told a person answers when the shop opens: until then the bot does not
        // tell them it "did not understand" what they add meanwhile.
        const until = decision.reopenAt !== null && decision.reopenAt > ctx.now ? decision.reopenAt : ctx.now + HALF_DAY_MS;
        ctx.handOff(until - ctx.now);
      }
      await next();
    });

    declareCommand(api);
  },
});

type Api = PluginApi<Settings, { lastPeriod: string | null }>;

/** !tutup: the away message's text, when it is sent, and closures set ahead. */
function declareCommand(api: Api): void {
  const tz = api.timeZone;
  const p = api.commandPrefix;
  const onlyWord = (typed: string): string => {
    const word = (typed.split(/\s+/)[0] ?? '').toLowerCase();
    return `"${word}" tidak diikuti apa-apa. Untuk teks yang diawali kata itu, tulis: ${p}tutup teks ${typed}`;
  };
  const setText = (ctx: { reply(m: string): void }, text: string): void => {
    const result = api.texts.set(TEXT_KEY, text);
    if (!result.ok) throw new UsageError(`Teks pesan tutup tidak diubah: ${result.reason}.`);
    ctx.reply(`✅ Teks pesan tutup diperbarui. Contoh:\n\n${api.texts.render(TEXT_KEY, { nama: 'Rina' })}`);
  };
  const setMode = (ctx: { state: Slice<Settings>; reply(m: string): void }, mode: AwayMode): void => {
    ctx.state.update((s) => void (s.mode = mode));
    ctx.reply(`✅ Pesan tutup dikirim ${MODE_WORDS[mode]}.`);
  };
  const closureProblem = (typed: string): string =>
    `Tulis awal dan akhir tutup, misalnya ${p}tutup 2026-12-24 12:00 sampai 2026-12-27 09:00. Untuk teks yang diawali angka, tulis: ${p}tutup teks ${typed}`;

  api
    .command({ name: 'tutup', aliases: ['away'], help: 'Atur pesan tutup untuk pelanggan yang menghubungi saat toko tutup.' })
    .form('', 'lihat pengaturan dan teks pesan tutup', (ctx) => ctx.reply(show(api, ctx)))
    .form('<teks...>', 'ganti teks; variabel: {nama}, {toko}, {alamat}, {jam}, {buka}, {status}', (ctx, { teks }) => setText(ctx, teks), {
      // "2026-12-24 12:00 …" is a closure written wrong, not a text that starts with a date
      args: {
        teks: (text) => {
          if (/^\d/.test(text)) throw new UsageError(closureProblem(text));
          return text;
        },
      },
    })
    .form('teks <teks...>', 'sama, untuk teks yang diawali kata seperti "jam" atau "selalu"', (ctx, { teks }) => setText(ctx, teks))
    .form(
      'on|aktif|nyala',
      'nyalakan pesan tutup',
      (ctx) => {
        ctx.state.update((s) => void (s.enabled = true));
        ctx.reply('✅ Pesan tutup dinyalakan.');
      },
      { problem: onlyWord },
    )
    .form(
      'off|mati|nonaktif',
      'matikan pesan tutup',
      (ctx) => {
        ctx.state.update((s) => void (s.enabled = false));
        ctx.reply(`⛔ Pesan tutup dimatikan. Nyalakan lagi dengan ${p}tutup on`);
      },
      { problem: onlyWord },
    )
    .form('jam', 'kirim saat toko tutup: di luar jam buka, hari libur, tutup sementara (bawaan)', (ctx) => setMode(ctx, 'jam'), { problem: onlyWord })
    .form('selalu', 'kirim kapan saja, juga saat toko buka', (ctx) => setMode(ctx, 'selalu'), { problem: onlyWord })
    .form(
      '<dari:tanggal> <mulai:jam> sampai|s/d|-|hingga|to <hingga:tanggal> <akhir:jam>',
      'toko tutup sementara dalam rentang itu (tanggal boleh 24/12/2026)',
      (ctx, { dari, mulai, hingga, akhir }) => {
        const from = moment(dari, mulai, tz);
        const to = moment(hingga, akhir, tz);
        if (to <= from) throw new UsageError('Akhir tutup harus sesudah awalnya.');
        if (to <= ctx.now) throw new UsageError('Rentang itu sudah lewat.');
        api.hours.setClosure({ from, to });
        ctx.state.update((s) => void (s.enabled = true));
        ctx.reply(
          `✅ Toko tutup sementara: ${formatLocal(from, tz)} sampai ${formatLocal(to, tz)}. Pelanggan yang menghubungi diberi tahu toko buka lagi ${describeOpening(api.hours.nextOpening(to), ctx.now, tz)}.`,
        );
      },
      { example: 'tutup 2026-12-24 12:00 sampai 2026-12-27 09:00', problem: closureProblem },
    )
    .form(
      'selesai',
      'akhiri tutup sementara sekarang',
      (ctx) => {
        const closure = api.hours.get().closure;
        if (!closure || closure.to <= ctx.now) throw new UsageError('Tidak ada tutup sementara yang sedang berlaku.');
        api.hours.setClosure(null);
        ctx.reply(
          `✅ Tutup sementara diakhiri. Toko sekarang ${api.hours.isOpen() ? 'buka' : `tutup sesuai jam buka, buka lagi ${api.hours.describeNextOpening()}`}.`,
        );
      },
      { problem: onlyWord },
    );
}

/** The away message's settings and text, as !tutup shows them. */
function show(api: Api, ctx: { now: number; state: Slice<Settings> }): string {
  const tz = api.timeZone;
  const s = ctx.state.get();
  const closure = api.hours.get().closure;
  if (closure && closure.to <= ctx.now) api.hours.setClosure(null); // over: forget it
  const current = api.hours.get().closure;
  const range = current ? `\nTutup sementara: ${formatLocal(current.from, tz)} sampai ${formatLocal(current.to, tz)}` : '';
  const decision = decideAway(s, { now: ctx.now, timeZone: tz, hours: api.hours.get(), lastShopMessageAt: null, lastPeriod: null });
  return [
    `*Pesan tutup* ${s.enabled ? '✅ aktif' : '⛔ mati'}`,
    `Dikirim: ${MODE_WORDS[s.mode]}${range}`,
    `Sekarang: ${decision.send ? 'pelanggan yang menghubungi akan menerimanya' : 'tidak dikirim'}`,
    '',
    '*Teks:*',
    api.texts.get(TEXT_KEY),
  ].join('\n');
}

/** "2026-12-24" and "12:00" as a moment in the shop's time zone; a UsageError when either is wrong. */
function moment(date: string, clock: string, tz: string): number {
  const d = parseDate(date);
  if (!d.ok) throw new UsageError(`Tutup sementara tidak diatur: ${d.reason}.`);
  const c = parseClock(clock);
  if (!c.ok) throw new UsageError(`Tutup sementara tidak diatur: ${c.reason}.`);
  const t = parseLocalDateTime(`${d.value} ${String(Math.floor(c.value / 60)).padStart(2, '0')}:${String(c.value % 60).padStart(2, '0')}`, tz);
  if (t === null) throw new UsageError(`Tutup sementara tidak diatur: ${date} ${clock} tidak ada.`);
  return t;
}
