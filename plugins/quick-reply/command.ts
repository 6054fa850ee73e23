import type { QuickRule } from './defaults.js';
import type { Api, RuleBook, State } from './rules.js';
import { type CommandContext, listVariables, normalise, SHOP_VARIABLES, unknownVariables, UsageError } from '../../src/plugin-api.js';

/** The owner's side (`!balasan`): list, show, add and change the quick replies, and give one a picture. */
type Ctx = CommandContext<State, undefined>;
type Replies = { reply(m: string): void };

export const MAX_ANSWER = 4096;
const ANSWER_VARIABLES = ['nama', ...SHOP_VARIABLES];
const NAME = /^[a-z0-9][a-z0-9-]{0,24}$/;
/** The words !balasan itself uses; a rule of that name could not be shown or changed. */
const RESERVED = new Set(['tambah', 'ubah', 'kata', 'hapus', 'gambar', 'hal']);
const PAGE = 40;

/** A keyword as the matcher sees it, to tell whether two rules claim the same words. */
function keywordKey(k: string): string {
  return normalise(k.replace(/^~/, '')).join(' ');
}

/** The handlers of `!balasan`, with what they share: the API, the rules, and the checks of what the owner typed. */
class RuleCommand {
  readonly p: string;

  constructor(
    private readonly api: Api,
    private readonly book: RuleBook,
  ) {
    this.p = api.commandPrefix;
  }

  private find(name: string): QuickRule {
    const r = this.book.rules().find((x) => x.name === name.trim().toLowerCase());
    if (!r) throw new UsageError(`Balasan "${name.trim()}" tidak ada. Ketik ${this.p}balasan untuk daftarnya.`);
    return r;
  }

  private checkAnswer(answer: string): string {
    const a = answer.trim();
    if (a === '') throw new UsageError('Jawabannya kosong.');
    if (a.length > MAX_ANSWER) throw new UsageError(`Jawabannya ${a.length} karakter, paling banyak ${MAX_ANSWER}.`);
    const bad = unknownVariables(a, ANSWER_VARIABLES);
    if (bad.length > 0) throw new UsageError(`Variabel ${listVariables(bad)} tidak dikenal. Yang bisa dipakai: ${listVariables(ANSWER_VARIABLES)}.`);
    return a;
  }

  private checkKeywords(list: string, owner: string): string[] {
    const keywords = list
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    if (keywords.length === 0) throw new UsageError('Tulis paling sedikit satu kata kunci.');
    for (const k of keywords) {
      if (k.length > 60) throw new UsageError(`Kata kunci "${k.slice(0, 20)}…" terlalu panjang (paling banyak 60 huruf).`);
      if (keywordKey(k) === '') throw new UsageError(`"${k}" tidak berisi huruf atau angka.`);
      const taken = this.book.rules().find((r) => r.name !== owner && r.keywords.some((o) => keywordKey(o) === keywordKey(k)));
      if (taken) throw new UsageError(`Kata kunci "${k}" sudah dipakai balasan *${taken.name}*.`);
    }
    return keywords;
  }

  list(ctx: Replies, page: number, pageText: string): void {
    const p = this.p;
    const all = this.book.rules();
    const pages = Math.max(1, Math.ceil(all.length / PAGE));
    if (!Number.isInteger(page) || page < 1 || page > pages) throw new UsageError(`Halaman "${pageText}" tidak ada; ada ${pages} halaman.`);
    const shown = all.slice((page - 1) * PAGE, page * PAGE);
    const lines = shown.map(
      (r) => `• *${r.name}* (${r.hits}×)${r.image ? ' 🖼️' : ''}: ${r.keywords.slice(0, 5).join(', ')}${r.keywords.length > 5 ? ', …' : ''}`,
    );
    const more =
      page < pages ? [`Halaman ${page} dari ${pages}. Berikutnya: ${p}balasan hal ${page + 1}`] : pages > 1 ? [`Halaman ${page} dari ${pages}.`] : [];
    ctx.reply([`*Balasan cepat* (${all.length})`, '', ...lines, '', ...more, `Lihat satu: ${p}balasan <nama>`].join('\n'));
  }

  show(ctx: Replies, nama: string): void {
    const rule = this.find(nama);
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
  }

  add(ctx: Replies, nama: string, kata: string, jawaban: string): void {
    const p = this.p;
    const name = nama.trim().toLowerCase();
    if (!NAME.test(name)) throw new UsageError('Nama balasan: satu kata, huruf kecil, angka atau tanda -, paling panjang 25.');
    if (RESERVED.has(name)) throw new UsageError(`"${name}" dipakai sebagai perintah ${p}balasan; pilih nama lain.`);
    if (this.book.rules().some((r) => r.name === name)) throw new UsageError(`Balasan *${name}* sudah ada. Ubah dengan ${p}balasan ubah ${name} = …`);
    const keywords = this.checkKeywords(kata, name);
    const answer = this.checkAnswer(jawaban);
    this.book.change((s) => void s.rules.push({ name, keywords, answer, image: null, hits: 0 }));
    ctx.reply(`✅ Balasan *${name}* ditambahkan. Kata kunci: ${keywords.join(', ')}`);
  }

  setAnswer(ctx: Replies, nama: string, jawaban: string): void {
    const rule = this.find(nama);
    const answer = this.checkAnswer(jawaban);
    this.book.edit(rule.name, (r) => void (r.answer = answer));
    ctx.reply(`✅ Jawaban *${rule.name}* diperbarui:\n\n${this.api.texts.fill(answer, { nama: 'Rina' })}`);
  }

  setKeywords(ctx: Replies, nama: string, kata: string): void {
    const rule = this.find(nama);
    const keywords = this.checkKeywords(kata, rule.name);
    this.book.edit(rule.name, (r) => void (r.keywords = keywords));
    ctx.reply(`✅ Kata kunci *${rule.name}*: ${keywords.join(', ')}`);
  }

  remove(ctx: Replies, nama: string): void {
    const rule = this.find(nama);
    this.book.change((s) => void (s.rules = s.rules.filter((r) => r.name !== rule.name)));
    ctx.reply(`✅ Balasan *${rule.name}* dihapus.`);
  }

  async attachPicture(ctx: Ctx, nama: string): Promise<void> {
    const rule = this.find(nama);
    if (!ctx.msg.image)
      throw new UsageError(`Perintah ini ditulis sebagai keterangan sebuah foto: kirim fotonya dengan keterangan ${this.p}balasan gambar ${rule.name}`);
    const saved = await this.api.media.save(ctx.msg.image, `balasan-${rule.name}`);
    this.book.edit(rule.name, (r) => void (r.image = saved));
    ctx.reply(`✅ Foto disimpan untuk balasan *${rule.name}*; foto ikut dikirim bersama jawabannya.`);
  }

  detachPicture(ctx: Replies, nama: string): void {
    const rule = this.find(nama);
    this.book.edit(rule.name, (r) => void (r.image = null));
    ctx.reply(`✅ Foto dilepas dari balasan *${rule.name}*.`);
  }
}

/** Declares `!balasan` and its forms; the handlers are RuleCommand's. */
export function registerRuleCommand(api: Api, book: RuleBook): void {
  const command = new RuleCommand(api, book);
  const p = command.p;
  const pictureProblem = `Kirim foto dengan keterangan "${p}balasan gambar <nama>", atau tulis "${p}balasan gambar <nama> hapus".`;

  api
    .command({ name: 'balasan', aliases: ['quickreply'], help: 'Balasan cepat: jawaban otomatis untuk pertanyaan yang sering datang.' })
    .form('', 'daftar balasan dan berapa kali dipakai', (ctx) => command.list(ctx, 1, '1'))
    .form('hal <N>', 'halaman berikutnya dari daftar yang panjang', (ctx, { N }) => command.list(ctx, Number(N), N), {
      problem: (typed) => `Halaman "${typed.replace(/^\S+\s*/, '')}" tidak ada; tulis satu nomor halaman.`,
    })
    .form('<nama>', 'lihat satu balasan', (ctx, { nama }) => command.show(ctx, nama))
    .form(
      'tambah <nama>: <kata:kata kunci, dipisah koma> = <jawaban>',
      'tambah balasan baru',
      (ctx, { nama, kata, jawaban }) => command.add(ctx, nama, kata, jawaban),
      { problem: 'Tulis nama, titik dua, kata kunci, tanda =, lalu jawabannya.' },
    )
    .form(
      'ubah <nama> = <jawaban>',
      'ganti jawaban; variabel: {nama}, {toko}, {alamat}, {jam}, {buka}, {status}',
      (ctx, { nama, jawaban }) => command.setAnswer(ctx, nama, jawaban),
      { problem: 'Tulis nama, tanda =, lalu jawaban barunya.' },
    )
    .form('kata <nama>: <kata:kata kunci, …>', 'ganti kata kuncinya', (ctx, { nama, kata }) => command.setKeywords(ctx, nama, kata), {
      problem: 'Tulis nama, titik dua, lalu kata kuncinya.',
    })
    .form('hapus <nama>', 'hapus balasan', (ctx, { nama }) => command.remove(ctx, nama), { problem: 'Tulis satu nama balasan.' })
    .form('gambar <nama>', 'kirim sebagai keterangan foto: foto itu ikut dikirim bersama jawaban', (ctx, { nama }) => command.attachPicture(ctx, nama), {
      problem: pictureProblem,
    })
    .form('gambar <nama> hapus', 'lepas fotonya', (ctx, { nama }) => command.detachPicture(ctx, nama), { problem: pictureProblem });
}
