import { z } from 'zod';
import { DEFAULT_RULES, type QuickRule } from './defaults.js';
import { Matcher, normalise } from './matcher.js';
import { type Context, definePlugin, listVariables, SHOP_VARIABLES, unknownVariables, UsageError } from '../../src/plugin-api.js';

/**
 * Quick replies that answer themselves (SOP stage 4): where WhatsApp Business makes the owner type
 * "/harga" for each customer, layani sees "hrg brp kak" and answers. Two questions in one message
 * get both answers in one reply. There is no limit of 50 rules.
 */
export const MAX_ANSWER = 4096;
const ANSWER_VARIABLES = ['nama', ...SHOP_VARIABLES];
const NAME = /^[a-z0-9][a-z0-9-]{0,24}$/;
/** The words !balasan itself uses; a rule of that name could not be shown or changed. */
const RESERVED = new Set(['tambah', 'ubah', 'kata', 'hapus', 'gambar', 'hal']);
const PAGE = 40;

const ruleSchema = z.object({
  name: z.string(),
  keywords: z.array(z.string()),
  answer: z.string(),
  image: z.string().nullable().default(null),
  hits: z.number().int().nonnegative().default(0),
});
const stateSchema = z.object({ rules: z.array(ruleSchema) });
type State = z.infer<typeof stateSchema>;

/** A keyword as the matcher sees it, to tell whether two rules claim the same words. */
function keywordKey(k: string): string {
  return normalise(k.replace(/^~/, '')).join(' ');
}

export default definePlugin({
  name: 'quick-reply',
  description: 'Answers common questions (price, location, hours, stock, ordering, payment, delivery) from keywords.',
  state: { schema: stateSchema, defaults: () => ({ rules: DEFAULT_RULES() }) },
  setup(api) {
    let cached: { rules: State['rules']; matcher: Matcher } | null = null;
    // Rebuilt only when the rules change (the array is replaced or edited through update()).
    let version = 0;
    let builtFor = -1;
    const matcher = (): Matcher => {
      const rules = api.state.get().rules;
      if (!cached || builtFor !== version || cached.rules !== rules) {
        cached = { rules, matcher: new Matcher(rules) };
        builtFor = version;
      }
      return cached.matcher;
    };
    const change = (fn: (s: State) => void): void => {
      api.state.update(fn);
      version++;
    };

    api.use(async (ctx, next) => {
      if (ctx.text === '') return next();
      // A topic another plugin answered better (the catalog's own price) is not answered again.
      const names = matcher()
        .match(ctx.text)
        .filter((n) => !ctx.answered(n));
      if (names.length === 0) return next();
      const rules = api.state.get().rules;
      const matched = names.map((n) => rules.find((r) => r.name === n)).filter((r): r is QuickRule => r !== undefined);
      answer(ctx, matched);
      api.state.update((s) => {
        for (const r of s.rules) if (names.includes(r.name)) r.hits++;
      });
      await next();
    });

    /** One reply for all the questions; a rule's picture goes with it. */
    function answer(ctx: Context, matched: QuickRule[]): void {
      const texts = matched.map((r) => api.texts.fill(r.answer, { nama: ctx.salutation }));
      const combined = texts.join('\n\n');
      const images = matched.filter((r) => r.image).map((r) => api.media.path(r.image as string));
      if (images.length === 1 && combined.length <= 1024) {
        ctx.reply({ kind: 'image', image: { path: images[0] as string }, caption: combined });
        return;
      }
      ctx.reply(combined);
      for (const path of images) ctx.reply({ kind: 'image', image: { path } });
    }

    const p = api.commandPrefix;
    const rules = (): QuickRule[] => api.state.get().rules;
    const find = (name: string): QuickRule => {
      const r = rules().find((x) => x.name === name.trim().toLowerCase());
      if (!r) throw new UsageError(`Balasan "${name.trim()}" tidak ada. Ketik ${p}balasan untuk daftarnya.`);
      return r;
    };
    const checkAnswer = (answer: string): string => {
      const a = answer.trim();
      if (a === '') throw new UsageError('Jawabannya kosong.');
      if (a.length > MAX_ANSWER) throw new UsageError(`Jawabannya ${a.length} karakter, paling banyak ${MAX_ANSWER}.`);
      const bad = unknownVariables(a, ANSWER_VARIABLES);
      if (bad.length > 0) throw new UsageError(`Variabel ${listVariables(bad)} tidak dikenal. Yang bisa dipakai: ${listVariables(ANSWER_VARIABLES)}.`);
      return a;
    };
    const checkKeywords = (list: string, owner: string): string[] => {
      const keywords = list
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      if (keywords.length === 0) throw new UsageError('Tulis paling sedikit satu kata kunci.');
      for (const k of keywords) {
        if (k.length > 60) throw new UsageError(`Kata kunci "${k.slice(0, 20)}…" terlalu panjang (paling banyak 60 huruf).`);
        if (keywordKey(k) === '') throw new UsageError(`"${k}" tidak berisi huruf atau angka.`);
        const taken = rules().find((r) => r.name !== owner && r.keywords.some((o) => keywordKey(o) === keywordKey(k)));
        if (taken) throw new UsageError(`Kata kunci "${k}" sudah dipakai balasan *${taken.name}*.`);
      }
      return keywords;
    };
    const edit = (name: string, fn: (r: QuickRule) => void): void =>
      change((s) => {
        const r = s.rules.find((x) => x.name === name);
        if (r) fn(r);
      });
    const list = (ctx: { reply(m: string): void }, page: number, pageText: string): void => {
      const all = rules();
      const pages = Math.max(1, Math.ceil(all.length / PAGE));
      if (!Number.isInteger(page) || page < 1 || page > pages) throw new UsageError(`Halaman "${pageText}" tidak ada; ada ${pages} halaman.`);
      const shown = all.slice((page - 1) * PAGE, page * PAGE);
      const lines = shown.map(
        (r) => `• *${r.name}* (${r.hits}×)${r.image ? ' 🖼️' : ''}: ${r.keywords.slice(0, 5).join(', ')}${r.keywords.length > 5 ? ', …' : ''}`,
      );
      const more =
        page < pages ? [`Halaman ${page} dari ${pages}. Berikutnya: ${p}balasan hal ${page + 1}`] : pages > 1 ? [`Halaman ${page} dari ${pages}.`] : [];
      ctx.reply([`*Balasan cepat* (${all.length})`, '', ...lines, '', ...more, `Lihat satu: ${p}balasan <nama>`].join('\n'));
    };
    const pictureProblem = `Kirim foto dengan keterangan "${p}balasan gambar <nama>", atau tulis "${p}balasan gambar <nama> hapus".`;

    api
      .command({ name: 'balasan', aliases: ['quickreply'], help: 'Balasan cepat: jawaban otomatis untuk pertanyaan yang sering datang.' })
      .form('', 'daftar balasan dan berapa kali dipakai', (ctx) => list(ctx, 1, '1'))
      .form('hal <N>', 'halaman berikutnya dari daftar yang panjang', (ctx, { N }) => list(ctx, Number(N), N), {
        problem: (typed) => `Halaman "${typed.replace(/^\S+\s*/, '')}" tidak ada; tulis satu nomor halaman.`,
      })
      .form('<nama>', 'lihat satu balasan', (ctx, { nama }) => {
        const rule = find(nama);
        ctx.reply(
          [
            `*${rule.name}* (dipakai ${rule.hits}×)`,
            `Kata kunci: ${rule.keywords.join(', ')}`,
            rule.image ? 'Foto: ada 🖼️' : 'Foto: tidak ada',
            '',
            '*Jawaban:*',
            rule.answer,
          ].join('\n'),
        );
      })
      .form(
        'tambah <nama>: <kata:kata kunci, dipisah koma> = <jawaban>',
        'tambah balasan baru',
        (ctx, { nama, kata, jawaban }) => {
          const name = nama.trim().toLowerCase();
          if (!NAME.test(name)) throw new UsageError('Nama balasan: satu kata, huruf kecil, angka atau tanda -, paling panjang 25.');
          if (RESERVED.has(name)) throw new UsageError(`"${name}" dipakai sebagai perintah ${p}balasan; pilih nama lain.`);
          if (rules().some((r) => r.name === name)) throw new UsageError(`Balasan *${name}* sudah ada. Ubah dengan ${p}balasan ubah ${name} = …`);
          const keywords = checkKeywords(kata, name);
          const answer = checkAnswer(jawaban);
          change((s) => void s.rules.push({ name, keywords, answer, image: null, hits: 0 }));
          ctx.reply(`✅ Balasan *${name}* ditambahkan. Kata kunci: ${keywords.join(', ')}`);
        },
        { problem: 'Tulis nama, titik dua, kata kunci, tanda =, lalu jawabannya.' },
      )
      .form(
        'ubah <nama> = <jawaban>',
        'ganti jawaban; variabel: {nama}, {toko}, {alamat}, {jam}, {buka}, {status}',
        (ctx, { nama, jawaban }) => {
          const rule = find(nama);
          const answer = checkAnswer(jawaban);
          edit(rule.name, (r) => void (r.answer = answer));
          ctx.reply(`✅ Jawaban *${rule.name}* diperbarui:\n\n${api.texts.fill(answer, { nama: 'Rina' })}`);
        },
        { problem: 'Tulis nama, tanda =, lalu jawaban barunya.' },
      )
      .form(
        'kata <nama>: <kata:kata kunci, …>',
        'ganti kata kuncinya',
        (ctx, { nama, kata }) => {
          const rule = find(nama);
          const keywords = checkKeywords(kata, rule.name);
          edit(rule.name, (r) => void (r.keywords = keywords));
          ctx.reply(`✅ Kata kunci *${rule.name}*: ${keywords.join(', ')}`);
        },
        { problem: 'Tulis nama, titik dua, lalu kata kuncinya.' },
      )
      .form(
        'hapus <nama>',
        'hapus balasan',
        (ctx, { nama }) => {
          const rule = find(nama);
          change((s) => void (s.rules = s.rules.filter((r) => r.name !== rule.name)));
          ctx.reply(`✅ Balasan *${rule.name}* dihapus.`);
        },
        { problem: 'Tulis satu nama balasan.' },
      )
      .form(
        'gambar <nama>',
        'kirim sebagai keterangan foto: foto itu ikut dikirim bersama jawaban',
        async (ctx, { nama }) => {
          const rule = find(nama);
          if (!ctx.msg.image)
            throw new UsageError(`Perintah ini ditulis sebagai keterangan sebuah foto: kirim fotonya dengan keterangan ${p}balasan gambar ${rule.name}`);
          const saved = await api.media.save(ctx.msg.image, `balasan-${rule.name}`);
          edit(rule.name, (r) => void (r.image = saved));
          ctx.reply(`✅ Foto disimpan untuk balasan *${rule.name}*; foto ikut dikirim bersama jawabannya.`);
        },
        { problem: pictureProblem },
      )
      .form(
        'gambar <nama> hapus',
        'lepas fotonya',
        (ctx, { nama }) => {
          const rule = find(nama);
          edit(rule.name, (r) => void (r.image = null));
          ctx.reply(`✅ Foto dilepas dari balasan *${rule.name}*.`);
        },
        { problem: pictureProblem },
      );
  },
});
