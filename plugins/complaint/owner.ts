import type { Desk } from './desk.js';
import { CATEGORIES, CATEGORY_WORDS, isOpenTicket, normaliseTicketNumber, summaryOf, type Category, type ComplaintState, type Ticket } from './model.js';
import { type CommandContext, describeCustomer, formatLocal, localTime, type PluginApi, UsageError } from '../../src/plugin-api.js';

/**
 * The owner's side (`!keluhan`): the open tickets oldest first, one ticket with its timeline, and
 * answering, asking, resolving, and re-filing a ticket. A reply goes to the customer in the shop's
 * name and on the ticket's timeline; the first one sets the first-response time.
 */
type Api = PluginApi<ComplaintState, unknown>;
type Ctx = CommandContext<ComplaintState, unknown>;

const MAX_TEXT = 2000;
const REMIND_PROBLEM = 'Tulis berapa jam buka, 0,25 sampai 48, misalnya: pengingat 2';
const SUMMARY_PROBLEM = 'Tulis jamnya, misalnya: ringkasan 08:00, atau ringkasan off';

/** Text cut to `n` characters at a word, with "…" when cut. */
export function clip(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > n / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:…]+$/, '')}…`;
}

/** "35 menit", "3 jam", "2 hari". */
export function age(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} menit`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} jam`;
  return `${Math.round(hours / 24)} hari`;
}

const STATUS_MARK: Record<Ticket['status'], string> = {
  baru: '🆕 baru',
  diproses: '🔧 diproses',
  menunggu: '⏳ menunggu pelanggan',
  selesai: '✅ selesai',
  ditutup: '📁 ditutup',
};

/** The handlers of `!keluhan`, with what they share: the API, the desk, and how times and tickets read. */
class ComplaintCommand {
  private readonly p: string;
  private readonly tz: string;

  constructor(
    private readonly api: Api,
    private readonly desk: Desk,
  ) {
    this.p = api.commandPrefix;
    this.tz = api.timeZone;
  }

  private when(t: number): string {
    return formatLocal(t, this.tz);
  }

  private short(t: number): string {
    const l = localTime(t, this.tz);
    return `${l.day}/${l.month} ${String(l.hour).padStart(2, '0')}.${String(l.minute).padStart(2, '0')}`;
  }

  private who(t: Ticket): string {
    return describeCustomer({ name: t.customerName, number: t.customerNumber });
  }

  card(t: Ticket, now: number): string {
    const lines = [
      `🧾 *Keluhan ${t.number}* · ${STATUS_MARK[t.status]}${t.priority === 'tinggi' ? ' · ❗ prioritas tinggi' : ''}`,
      `Pelanggan: ${this.who(t)}`,
      `Kategori: ${t.category} (${CATEGORY_WORDS[t.category]})`,
      `Dibuat: ${this.when(t.createdAt)} (${age(now - t.createdAt)} lalu)`,
      t.firstResponseAt !== null ? `Balasan pertama: setelah ${age(t.firstResponseAt - t.createdAt)}` : 'Balasan pertama: belum',
    ];
    if (t.resolvedAt !== null) lines.push(`Selesai: ${this.when(t.resolvedAt)} (setelah ${age(t.resolvedAt - t.createdAt)}): ${t.resolution}`);
    if (t.rating !== null) lines.push(`Nilai: ${'⭐'.repeat(t.rating)} (${t.rating})`);
    lines.push('', `Cerita: ${t.description || '(hanya foto)'}`, t.photos.length > 0 ? `Foto: ${t.photos.length}` : 'Foto: tidak ada', '', '*Riwayat*');
    const by = { customer: '👤', shop: '🏪', system: '·' } as const;
    const shown = t.timeline.slice(-20);
    if (t.timeline.length > shown.length) lines.push(`(${t.timeline.length - shown.length} catatan sebelumnya tidak ditampilkan)`);
    for (const e of shown) lines.push(`${this.short(e.at)} ${by[e.by]} ${e.photo ? '📷 ' : ''}${e.text.replace(/\s+/g, ' ').slice(0, 200)}`);
    return lines.join('\n');
  }

  find(token: string): Ticket {
    const number = normaliseTicketNumber(token);
    if (!number) throw new UsageError(`"${token}" bukan nomor keluhan. Nomor keluhan seperti K-0001 (boleh ditulis 1).`);
    const t = this.desk.find(number);
    if (!t) throw new UsageError(`Keluhan ${number} tidak ada. Lihat yang terbuka dengan ${this.p}keluhan`);
    return t;
  }

  /** Sends the owner's words to the customer in the shop's name, and records them. */
  private async send(ctx: Ctx, t: Ticket, text: string): Promise<string> {
    const chat = this.api.chat(t.chatId);
    this.desk.log(t, 'shop', text, ctx.now);
    if (t.firstResponseAt === null) this.api.state.update(() => void (t.firstResponseAt = ctx.now));
    if (!chat) return ' Pelanggan tidak bisa dihubungi lewat bot (chatnya tidak dikenal); sampaikan langsung ya.';
    await chat.send(text);
    return ' Terkirim ke pelanggan.';
  }

  private needText(rest: string, example: string): string {
    if (rest === '') throw new UsageError(`Teksnya belum ditulis, misalnya: ${example}`);
    if (rest.length > MAX_TEXT) throw new UsageError(`Teksnya ${rest.length} huruf, paling banyak ${MAX_TEXT}.`);
    return rest;
  }

  private closed(t: Ticket): never {
    throw new UsageError(
      t.status === 'ditutup'
        ? `Keluhan ${t.number} sudah ditutup; tidak bisa dibalas atau diubah lagi (kategorinya masih bisa, untuk statistik).`
        : `Keluhan ${t.number} sudah ${t.status}; tidak bisa diubah lagi.`,
    );
  }

  list(ctx: { now: number; reply(m: string): void }, all: boolean): void {
    const p = this.p;
    const tickets = this.api.state.get().tickets;
    const shown = all ? tickets.slice(-20) : tickets.filter(isOpenTicket);
    if (shown.length === 0) {
      ctx.reply(all ? 'Belum ada keluhan sama sekali.' : `Tidak ada keluhan yang terbuka. 🎉 Semua keluhan: ${p}keluhan semua`);
      return;
    }
    const sorted = all ? shown : [...shown].sort((a, b) => a.createdAt - b.createdAt);
    ctx.reply(
      [
        all ? `📋 *${shown.length} keluhan terakhir*` : `📋 *${shown.length} keluhan terbuka* (paling lama dulu)`,
        ...sorted.map(
          (t) =>
            `*${t.number}* · ${STATUS_MARK[t.status]}${t.priority === 'tinggi' ? ' ❗' : ''} · ${t.customerName ?? t.customerNumber ?? 'pelanggan'} · ${t.category} · ${age(ctx.now - t.createdAt)} · “${clip(summaryOf(t), 50)}”`,
        ),
        '',
        `Detail: ${p}keluhan <nomor> · Balas: ${p}keluhan <nomor> balas <teks>`,
      ].join('\n'),
    );
  }

  async answer(ctx: Ctx, nomor: string, teks: string | undefined): Promise<void> {
    const t = this.find(nomor);
    if (t.status === 'ditutup') this.closed(t);
    const text = this.needText(teks ?? '', `${this.p}keluhan ${t.number} balas Mohon maaf Kak, kami kirim gantinya besok.`);
    if (t.status === 'baru' || t.status === 'menunggu') this.api.state.update(() => void (t.status = 'diproses'));
    const told = await this.send(ctx, t, text);
    ctx.reply(`✅ Balasan untuk ${t.number} dicatat.${told}`);
  }

  async ask(ctx: Ctx, nomor: string, teks: string | undefined): Promise<void> {
    const t = this.find(nomor);
    if (t.status === 'selesai' || t.status === 'ditutup') this.closed(t);
    const text = this.needText(teks ?? '', `${this.p}keluhan ${t.number} tanya Boleh kirim foto bagian yang rusak, Kak?`);
    this.api.state.update(() => void (t.status = 'menunggu'));
    const told = await this.send(ctx, t, text);
    this.desk.log(t, 'system', 'menunggu jawaban pelanggan', ctx.now);
    ctx.reply(`⏳ Pertanyaan untuk ${t.number} dicatat; menunggu jawaban pelanggan.${told}`);
  }

  async resolve(ctx: Ctx, nomor: string, solusi: string | undefined): Promise<void> {
    const t = this.find(nomor);
    if (t.status === 'selesai' || t.status === 'ditutup') this.closed(t);
    const solution = this.needText(solusi ?? '', `${this.p}keluhan ${t.number} selesai Kami kirim pengganti besok pagi, gratis ongkir.`);
    const chat = this.api.chat(t.chatId);
    this.api.state.update(() => {
      t.status = 'selesai';
      t.resolution = solution;
      t.resolvedAt = ctx.now;
      t.ratingAskedAt = ctx.now;
      t.ratingAskedCount = chat?.customer.messageCount ?? null;
      if (t.firstResponseAt === null) t.firstResponseAt = ctx.now;
    });
    this.desk.log(t, 'system', `selesai: ${solution}`, ctx.now);
    if (chat) {
      await chat.send(this.api.texts.render('keluhan.selesai', { nama: chat.addressee, nomor: t.number, solusi: solution }, chat.language));
    }
    ctx.reply(
      `✅ Keluhan ${t.number} selesai.${chat ? ' Pelanggan sudah diberi tahu dan diminta memberi nilai 1–5.' : ' Pelanggan tidak bisa dihubungi lewat bot; sampaikan langsung ya.'}`,
    );
  }

  recategorise(ctx: Ctx, nomor: string, kategori: string | undefined): void {
    const t = this.find(nomor);
    const value = (kategori ?? '').toLowerCase();
    if (value === '') throw new UsageError(`Tulis kategorinya, misalnya: ${this.p}keluhan ${t.number} kategori warna. Pilih: ${CATEGORIES.join(', ')}.`);
    if (!(CATEGORIES as readonly string[]).includes(value)) throw new UsageError(`Kategori "${kategori}" tidak ada. Pilih: ${CATEGORIES.join(', ')}.`);
    if (value === t.category) {
      ctx.reply(`${t.number} memang sudah berkategori ${value}.`);
      return;
    }
    const before = t.category;
    this.api.state.update(() => void (t.category = value as Category));
    this.desk.log(t, 'system', `kategori: ${before} → ${value}`, ctx.now);
    ctx.reply(`✅ ${t.number} kategori: ${before} → ${value}`);
  }

  reprioritise(ctx: Ctx, nomor: string, tingkat: string | undefined): void {
    const t = this.find(nomor);
    if (t.status === 'ditutup') this.closed(t);
    const value = (tingkat ?? '').toLowerCase();
    if (value !== 'tinggi' && value !== 'normal') throw new UsageError('Prioritas hanya "tinggi" atau "normal".');
    if (value === t.priority) {
      ctx.reply(`${t.number} memang sudah berprioritas ${value}.`);
      return;
    }
    this.api.state.update(() => void (t.priority = value));
    this.desk.log(t, 'system', `prioritas ${value}`, ctx.now);
    ctx.reply(`✅ ${t.number} prioritas ${value}.`);
  }

  setReminder(ctx: Ctx, jam: string): void {
    const hours = Number(jam.replace(',', '.'));
    if (!Number.isFinite(hours) || hours < 0.25 || hours > 48) throw new UsageError(REMIND_PROBLEM);
    this.api.state.update((s) => void (s.settings.reminderHours = hours));
    ctx.reply(`✅ Saya ingatkan bila keluhan baru belum dibalas setelah ${jam} jam buka, lalu tiap pagi hari buka selama belum dibalas.`);
  }

  setSummary(ctx: Ctx, jam: string): void {
    const value = jam.toLowerCase();
    if (['off', 'mati'].includes(value)) {
      this.api.state.update((s) => void (s.settings.summaryAt = null));
      ctx.reply(`⛔ Ringkasan harian dimatikan. Nyalakan lagi dengan ${this.p}keluhan ringkasan 08:00`);
      return;
    }
    const m = /^(\d{1,2})[:.](\d{2})$/.exec(value);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new UsageError(`"${jam}" bukan jam. Contoh: ringkasan 08:00`);
    if (Number(m[1]) * 60 + Number(m[2]) > 23 * 60 + 45) throw new UsageError('Paling lambat 23:45, supaya ringkasan masih terkirim hari itu.');
    const at = `${String(Number(m[1])).padStart(2, '0')}:${m[2]}`;
    this.api.state.update((s) => void (s.settings.summaryAt = at));
    ctx.reply(`✅ Ringkasan harian dikirim tiap hari pukul ${at.replace(':', '.')} (paling lambat 15 menit sesudahnya).`);
  }
}

/** Declares `!keluhan` and its forms; the handlers are ComplaintCommand's. */
export function registerComplaintCommand(api: Api, desk: Desk): void {
  const owner = new ComplaintCommand(api, desk);
  api
    .command({
      name: 'keluhan',
      aliases: ['complaints', 'komplain'],
      help: 'Tangani keluhan pelanggan: balas, tanya, selesaikan; pelanggan diberi tahu.',
      args: { nomor: (n) => owner.find(n).number },
    })
    .form('', 'keluhan yang masih terbuka, paling lama dulu, dengan umurnya', (ctx) => owner.list(ctx, false))
    .form('semua|all', '20 keluhan terakhir, termasuk yang selesai dan ditutup', (ctx) => owner.list(ctx, true))
    .form('<nomor>', 'lihat satu keluhan dengan riwayatnya, misalnya K-0001 (boleh ditulis 1)', (ctx, { nomor }) =>
      ctx.reply(owner.card(owner.find(nomor), ctx.now)),
    )
    .form(
      '<nomor> balas|reply [teks...]',
      'kirim teks ke pelanggan atas nama toko; dicatat di riwayat',
      (ctx, { nomor, teks }) => owner.answer(ctx, nomor, teks),
      { shown: '<nomor> balas <teks>' },
    )
    .form(
      '<nomor> tanya|ask [teks...]',
      'kirim pertanyaan ke pelanggan; status jadi menunggu pelanggan',
      (ctx, { nomor, teks }) => owner.ask(ctx, nomor, teks),
      { shown: '<nomor> tanya <teks>' },
    )
    .form(
      '<nomor> selesai|done [solusi...]',
      'beri tahu solusinya, ucapkan terima kasih, dan minta nilai 1–5',
      (ctx, { nomor, solusi }) => owner.resolve(ctx, nomor, solusi),
      { shown: '<nomor> selesai <solusi>' },
    )
    .form(
      '<nomor> kategori|category [kategori...]',
      `ganti kategori: ${CATEGORIES.join(', ')}`,
      (ctx, { nomor, kategori }) => owner.recategorise(ctx, nomor, kategori),
      { shown: '<nomor> kategori <kategori>' },
    )
    .form('<nomor> prioritas|priority [tingkat...]', 'ubah prioritas', (ctx, { nomor, tingkat }) => owner.reprioritise(ctx, nomor, tingkat), {
      shown: '<nomor> prioritas tinggi|normal',
    })
    .form(
      'pengingat <jam>',
      'ingatkan saya bila keluhan baru belum dibalas setelah sekian jam buka (bawaan 2)',
      (ctx, { jam }) => owner.setReminder(ctx, jam),
      { problem: REMIND_PROBLEM },
    )
    .form('ringkasan <jam>', 'jam ringkasan harian, paling lambat 23:45 (bawaan 08:00), atau matikan', (ctx, { jam }) => owner.setSummary(ctx, jam), {
      problem: SUMMARY_PROBLEM,
      shown: 'ringkasan <JJ:MM>|off',
    });
}
