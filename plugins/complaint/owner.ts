import type { CommandContext, PluginApi } from '../../src/plugin-api.js';
import { UsageError } from '../../src/errors.js';
import { describeCustomer } from '../../src/engine/customers.js';
import { formatLocal, localTime } from '../../src/time.js';
import type { Desk } from './desk.js';
import { CATEGORIES, CATEGORY_WORDS, isOpenTicket, normaliseTicketNumber, summaryOf, type Category, type ComplaintState, type Ticket } from './model.js';

/**
 * The owner's side (`!keluhan`): the open tickets oldest first, one ticket with its timeline, and
 * answering, asking, resolving, and re-filing a ticket. A reply goes to the customer in the shop's
 * name and on the ticket's timeline; the first one sets the first-response time.
 */
type Api = PluginApi<ComplaintState, unknown>;
type Ctx = CommandContext<ComplaintState, unknown>;

const MAX_TEXT = 2000;

/** "35 menit", "3 jam", "2 hari". */
/** Text cut to `n` characters at a word, with "…" when cut. */
export function clip(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > n / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:…]+$/, '')}…`;
}

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

export function registerComplaintCommand(api: Api, desk: Desk): void {
  const p = api.commandPrefix;
  const tz = api.timeZone;
  const when = (t: number): string => formatLocal(t, tz);
  const short = (t: number): string => {
    const l = localTime(t, tz);
    return `${l.day}/${l.month} ${String(l.hour).padStart(2, '0')}.${String(l.minute).padStart(2, '0')}`;
  };
  const who = (t: Ticket): string => describeCustomer({ name: t.customerName, number: t.customerNumber });

  const card = (t: Ticket, now: number): string => {
    const lines = [
      `🧾 *Keluhan ${t.number}* · ${STATUS_MARK[t.status]}${t.priority === 'tinggi' ? ' · ❗ prioritas tinggi' : ''}`,
      `Pelanggan: ${who(t)}`,
      `Kategori: ${t.category} (${CATEGORY_WORDS[t.category]})`,
      `Dibuat: ${when(t.createdAt)} (${age(now - t.createdAt)} lalu)`,
      t.firstResponseAt !== null ? `Balasan pertama: setelah ${age(t.firstResponseAt - t.createdAt)}` : 'Balasan pertama: belum',
    ];
    if (t.resolvedAt !== null) lines.push(`Selesai: ${when(t.resolvedAt)} (setelah ${age(t.resolvedAt - t.createdAt)}): ${t.resolution}`);
    if (t.rating !== null) lines.push(`Nilai: ${'⭐'.repeat(t.rating)} (${t.rating})`);
    lines.push('', `Cerita: ${t.description || '(hanya foto)'}`, t.photos.length > 0 ? `Foto: ${t.photos.length}` : 'Foto: tidak ada', '', '*Riwayat*');
    const by = { customer: '👤', shop: '🏪', system: '·' } as const;
    const shown = t.timeline.slice(-20);
    if (t.timeline.length > shown.length) lines.push(`(${t.timeline.length - shown.length} catatan sebelumnya tidak ditampilkan)`);
    for (const e of shown) lines.push(`${short(e.at)} ${by[e.by]} ${e.photo ? '📷 ' : ''}${e.text.replace(/\s+/g, ' ').slice(0, 200)}`);
    return lines.join('\n');
  };

  const find = (token: string): Ticket => {
    const number = normaliseTicketNumber(token);
    if (!number) throw new UsageError(`"${token}" bukan nomor keluhan. Nomor keluhan seperti K-0001 (boleh ditulis 1).`);
    const t = desk.find(number);
    if (!t) throw new UsageError(`Keluhan ${number} tidak ada. Lihat yang terbuka dengan ${p}keluhan`);
    return t;
  };

  /** Sends the owner's words to the customer in the shop's name, and records them. */
  const send = async (ctx: Ctx, t: Ticket, text: string): Promise<string> => {
    const chat = api.chat(t.chatId);
    desk.log(t, 'shop', text, ctx.now);
    if (t.firstResponseAt === null) api.state.update(() => void (t.firstResponseAt = ctx.now));
    if (!chat) return ' Pelanggan tidak bisa dihubungi lewat bot (chatnya tidak dikenal); sampaikan langsung ya.';
    await chat.send(text);
    return ' Terkirim ke pelanggan.';
  };

  const needText = (rest: string, example: string): string => {
    if (rest === '') throw new UsageError(`Teksnya belum ditulis, misalnya: ${example}`);
    if (rest.length > MAX_TEXT) throw new UsageError(`Teksnya ${rest.length} huruf, paling banyak ${MAX_TEXT}.`);
    return rest;
  };

  api.command({
    name: 'keluhan',
    aliases: ['complaints', 'komplain'],
    help: 'Tangani keluhan pelanggan: balas, tanya, selesaikan; pelanggan diberi tahu.',
    usage: [
      { form: 'keluhan', help: 'keluhan yang masih terbuka, paling lama dulu, dengan umurnya' },
      { form: 'keluhan semua', help: '20 keluhan terakhir, termasuk yang selesai dan ditutup' },
      { form: 'keluhan <nomor>', help: 'lihat satu keluhan dengan riwayatnya, misalnya K-0001 (boleh ditulis 1)' },
      { form: 'keluhan <nomor> balas <teks>', help: 'kirim teks ke pelanggan atas nama toko; dicatat di riwayat' },
      { form: 'keluhan <nomor> tanya <teks>', help: 'kirim pertanyaan ke pelanggan; status jadi menunggu pelanggan' },
      { form: 'keluhan <nomor> selesai <solusi>', help: 'beri tahu solusinya, ucapkan terima kasih, dan minta nilai 1–5' },
      { form: 'keluhan <nomor> kategori <kategori>', help: `ganti kategori: ${CATEGORIES.join(', ')}` },
      { form: 'keluhan <nomor> prioritas tinggi|normal', help: 'ubah prioritas' },
      { form: 'keluhan pengingat <jam>', help: 'ingatkan saya bila keluhan baru belum dibalas setelah sekian jam buka (bawaan 2)' },
      { form: 'keluhan ringkasan <JJ:MM>|off', help: 'jam ringkasan harian, paling lambat 23:45 (bawaan 08:00), atau matikan' },
    ],
    async run(ctx) {
      const [first = '', second = '', ...more] = ctx.args.split(/\s+/).filter(Boolean);
      const word = first.toLowerCase();
      const rest = ctx.args.replace(/^\s*\S+(\s+\S+)?/, '').trim();
      const tickets = api.state.get().tickets;
      if (word === '' || word === 'semua' || word === 'all') {
        if (second !== '') throw new UsageError(`"${second}" tidak diperlukan di sini.`);
        const shown = word === '' ? tickets.filter(isOpenTicket) : tickets.slice(-20);
        if (shown.length === 0) {
          ctx.reply(word === '' ? `Tidak ada keluhan yang terbuka. 🎉 Semua keluhan: ${p}keluhan semua` : 'Belum ada keluhan sama sekali.');
          return;
        }
        const sorted = word === '' ? [...shown].sort((a, b) => a.createdAt - b.createdAt) : shown;
        ctx.reply(
          [
            word === '' ? `📋 *${shown.length} keluhan terbuka* (paling lama dulu)` : `📋 *${shown.length} keluhan terakhir*`,
            ...sorted.map(
              (t) =>
                `*${t.number}* · ${STATUS_MARK[t.status]}${t.priority === 'tinggi' ? ' ❗' : ''} · ${t.customerName ?? t.customerNumber ?? 'pelanggan'} · ${t.category} · ${age(ctx.now - t.createdAt)} · “${clip(summaryOf(t), 50)}”`,
            ),
            '',
            `Detail: ${p}keluhan <nomor> · Balas: ${p}keluhan <nomor> balas <teks>`,
          ].join('\n'),
        );
        return;
      }
      if (word === 'pengingat') {
        const hours = Number(second.replace(',', '.'));
        if (second === '' || more.length > 0 || !Number.isFinite(hours) || hours < 0.25 || hours > 48) {
          throw new UsageError('Tulis berapa jam buka, 0,25 sampai 48, misalnya: pengingat 2');
        }
        api.state.update((s) => void (s.settings.reminderHours = hours));
        ctx.reply(`✅ Saya ingatkan bila keluhan baru belum dibalas setelah ${second} jam buka, lalu tiap pagi hari buka selama belum dibalas.`);
        return;
      }
      if (word === 'ringkasan') {
        const value = second.toLowerCase();
        if (more.length > 0 || value === '') throw new UsageError('Tulis jamnya, misalnya: ringkasan 08:00, atau ringkasan off');
        if (['off', 'mati'].includes(value)) {
          api.state.update((s) => void (s.settings.summaryAt = null));
          ctx.reply(`⛔ Ringkasan harian dimatikan. Nyalakan lagi dengan ${p}keluhan ringkasan 08:00`);
          return;
        }
        const m = /^(\d{1,2})[:.](\d{2})$/.exec(value);
        if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new UsageError(`"${second}" bukan jam. Contoh: ringkasan 08:00`);
        if (Number(m[1]) * 60 + Number(m[2]) > 23 * 60 + 45) throw new UsageError('Paling lambat 23:45, supaya ringkasan masih terkirim hari itu.');
        const at = `${String(Number(m[1])).padStart(2, '0')}:${m[2]}`;
        api.state.update((s) => void (s.settings.summaryAt = at));
        ctx.reply(`✅ Ringkasan harian dikirim tiap hari pukul ${at.replace(':', '.')} (paling lambat 15 menit sesudahnya).`);
        return;
      }
      const t = find(first);
      const action = second.toLowerCase();
      const closed = (): never => {
        throw new UsageError(
          t.status === 'ditutup'
            ? `Keluhan ${t.number} sudah ditutup; tidak bisa dibalas atau diubah lagi (kategorinya masih bisa, untuk statistik).`
            : `Keluhan ${t.number} sudah ${t.status}; tidak bisa diubah lagi.`,
        );
      };
      switch (action) {
        case '':
          ctx.reply(card(t, ctx.now));
          return;
        case 'balas':
        case 'reply': {
          if (t.status === 'ditutup') closed();
          const text = needText(rest, `${p}keluhan ${t.number} balas Mohon maaf Kak, kami kirim gantinya besok.`);
          if (t.status === 'baru' || t.status === 'menunggu') api.state.update(() => void (t.status = 'diproses'));
          const told = await send(ctx, t, text);
          ctx.reply(`✅ Balasan untuk ${t.number} dicatat.${told}`);
          return;
        }
        case 'tanya':
        case 'ask': {
          if (t.status === 'selesai' || t.status === 'ditutup') closed();
          const text = needText(rest, `${p}keluhan ${t.number} tanya Boleh kirim foto bagian yang rusak, Kak?`);
          api.state.update(() => void (t.status = 'menunggu'));
          const told = await send(ctx, t, text);
          desk.log(t, 'system', 'menunggu jawaban pelanggan', ctx.now);
          ctx.reply(`⏳ Pertanyaan untuk ${t.number} dicatat; menunggu jawaban pelanggan.${told}`);
          return;
        }
        case 'selesai':
        case 'done': {
          if (t.status === 'selesai' || t.status === 'ditutup') closed();
          const solution = needText(rest, `${p}keluhan ${t.number} selesai Kami kirim pengganti besok pagi, gratis ongkir.`);
          api.state.update(() => {
            t.status = 'selesai';
            t.resolution = solution;
            t.resolvedAt = ctx.now;
            t.ratingAskedAt = ctx.now;
            t.ratingAskedCount = api.customers.get(t.chatId)?.messageCount ?? null;
            if (t.firstResponseAt === null) t.firstResponseAt = ctx.now;
          });
          desk.log(t, 'system', `selesai: ${solution}`, ctx.now);
          const chat = api.chat(t.chatId);
          if (chat) await chat.send(api.texts.render('keluhan.selesai', { nama: chat.salutation, nomor: t.number, solusi: solution }));
          ctx.reply(
            `✅ Keluhan ${t.number} selesai.${chat ? ' Pelanggan sudah diberi tahu dan diminta memberi nilai 1–5.' : ' Pelanggan tidak bisa dihubungi lewat bot; sampaikan langsung ya.'}`,
          );
          return;
        }
        case 'kategori':
        case 'category': {
          const value = rest.toLowerCase();
          if (value === '') throw new UsageError(`Tulis kategorinya, misalnya: ${p}keluhan ${t.number} kategori warna. Pilih: ${CATEGORIES.join(', ')}.`);
          if (!(CATEGORIES as readonly string[]).includes(value)) throw new UsageError(`Kategori "${rest}" tidak ada. Pilih: ${CATEGORIES.join(', ')}.`);
          if (value === t.category) {
            ctx.reply(`${t.number} memang sudah berkategori ${value}.`);
            return;
          }
          const before = t.category;
          api.state.update(() => void (t.category = value as Category));
          desk.log(t, 'system', `kategori: ${before} → ${value}`, ctx.now);
          ctx.reply(`✅ ${t.number} kategori: ${before} → ${value}`);
          return;
        }
        case 'prioritas':
        case 'priority': {
          if (t.status === 'ditutup') closed();
          const value = rest.toLowerCase();
          if (value !== 'tinggi' && value !== 'normal') throw new UsageError('Prioritas hanya "tinggi" atau "normal".');
          if (value === t.priority) {
            ctx.reply(`${t.number} memang sudah berprioritas ${value}.`);
            return;
          }
          api.state.update(() => void (t.priority = value));
          desk.log(t, 'system', `prioritas ${value}`, ctx.now);
          ctx.reply(`✅ ${t.number} prioritas ${value}.`);
          return;
        }
        default:
          throw new UsageError(`"${second}" bukan tindakan untuk keluhan. Pilih: balas, tanya, selesai, kategori, atau prioritas.`);
      }
    },
  });
}
