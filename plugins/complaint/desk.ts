import { z } from 'zod';
import { asksStatus, categoryOf, detectComplaint, isCancel, isDone, onlyAnnouncesComplaint, ratingIn, saysNotResolved } from './detect.js';
import {
  CATEGORY_WORDS,
  COMPLAINT_SLICE,
  isOpenTicket,
  MENU_ITEM,
  summaryOf,
  ticketNumberFor,
  type Category,
  type ComplaintState,
  type Ticket,
  type TicketEvent,
} from './model.js';
import {
  asksTheShop,
  type ChatHandle,
  clausesOf,
  closingTime,
  type Context,
  type CustomerInfo,
  describeCustomer,
  type DialogSession,
  type Language,
  formatClock,
  HANDOFF_MS,
  localTime,
  type Next,
  nextOpening,
  type Outgoing,
  type PluginApi,
} from '../../src/plugin-api.js';

/**
 * The customer's side of a complaint (SOP: listen, show empathy, record, explain): the intake
 * dialog, filing the ticket (saved before its number is given), and what the customer writes
 * about it later (its status, a rating, "belum beres", answers to the shop's questions).
 */
export const INTAKE_QUIET_MS = 3 * 60_000;
export const RATING_WINDOW_MS = 24 * 60 * 60_000;
export const REOPEN_WINDOW_MS = 7 * 24 * 60 * 60_000;
/** How long after the shop's question the customer's messages are taken as the answer. */
export const ANSWER_WINDOW_MS = 48 * 60 * 60_000;
/** After an answer, further messages within this quiet time belong to it too. */
export const ANSWERING_MS = 15 * 60_000;
/** After the shop replied on a ticket, the customer's next words within this time are their answer to it. */
export const AFTER_REPLY_MS = 2 * 60 * 60_000;
const MAX_PARTS = 30;
const MAX_DESCRIPTION = 4000;

export const intakeSchema = z.object({
  category: z.string(),
  startedAt: z.number(),
  /** What the customer told, each with its time; a photo has its path. */
  parts: z.array(z.object({ at: z.number(), text: z.string(), photo: z.string().nullable() })),
  askedAgain: z.boolean(),
  acknowledged: z.boolean(),
});
type Intake = z.infer<typeof intakeSchema>;

type Api = PluginApi<ComplaintState, unknown>;
type Ctx = Context<ComplaintState, unknown>;

/** The customer's own order or goods, in a part of a message. */
const THEIRS = /\b(?:saya|sy|aku|ak|ku|gw|gue|pesanan\w*|orderan\w*|paket\w*|kiriman\w*|my|i|our)\b|\w+ku\b/;

/** A customer asking to be called or to speak to someone, in a complaint's message. */
const CALL_ME = /\b(?:telp|telpon|telepon|tlp|call|hubungi|ngomong|bicara|owner|pemilik)\b/;

export class Desk {
  constructor(private readonly api: Api) {}

  private get state(): ComplaintState {
    return this.api.state.get();
  }

  ticketsOf(chatId: string): Ticket[] {
    return this.state.tickets.filter((t) => t.chatId === chatId);
  }

  find(number: string): Ticket | undefined {
    return this.state.tickets.find((t) => t.number === number);
  }

  /** Adds an event to a ticket's timeline. */
  log(ticket: Ticket, by: TicketEvent['by'], text: string, at: number, photo: string | null = null): void {
    this.api.state.update(() => void ticket.timeline.push({ at, by, text, photo }));
  }

  /** When the customer can expect an answer: "hari ini sebelum pukul 17.00", "besok pagi", "Senin pukul 09.00". */
  expectAnswer(now: number): string {
    const hours = this.api.hours.get();
    const tz = this.api.timeZone;
    const close = closingTime(hours, now, tz);
    if (close !== null && close - now >= 30 * 60_000) {
      const l = localTime(close, tz);
      return `hari ini sebelum pukul ${formatClock(l.hour * 60 + l.minute)}`;
    }
    const open = nextOpening(hours, close ?? now, tz);
    if (open === null) return 'secepatnya';
    const o = localTime(open, tz);
    const today = localTime(now, tz);
    const tomorrow = localTime(now + 24 * 3_600_000, tz);
    if (o.year === tomorrow.year && o.month === tomorrow.month && o.day === tomorrow.day && o.hour < 12) return 'besok pagi';
    if (o.year === today.year && o.month === today.month && o.day === today.day) return `hari ini pukul ${formatClock(o.hour * 60 + o.minute)}`;
    return this.api.hours.describeNextOpening(close ?? now);
  }

  // ---- intake ------------------------------------------------------------------------------

  /** The first answer to a complaint: empathy for what happened, then the questions. */
  async start(ctx: Ctx, category: Category, firstWords: string | null): Promise<void> {
    const intake: Intake = { category, startedAt: ctx.now, parts: [], askedAgain: false, acknowledged: false };
    if (firstWords) intake.parts.push({ at: ctx.now, text: firstWords, photo: null });
    // a photo sent with the complaint is its first evidence
    if (ctx.msg.image) {
      const photo = await this.keepPhoto(ctx);
      if (photo) intake.parts.push({ at: ctx.now, text: '(foto)', photo });
    }
    ctx.reply(
      `${this.api.texts.render(`keluhan.empati-${category}`, { nama: ctx.addressee }, ctx.language)}\n\n${this.api.texts.render('keluhan.tanya', {}, ctx.language)}`,
    );
    ctx.markAnswered('keluhan');
    ctx.dialog.start('intake', intake, { timeoutMs: INTAKE_QUIET_MS });
  }

  /** Every message during intake: details, photos, "sudah" or "batal". Nobody else answers them. */
  async intake(ctx: Ctx, session: DialogSession): Promise<void> {
    const parsed = intakeSchema.safeParse(session.data);
    if (!parsed.success) {
      ctx.dialog.end();
      ctx.reply(this.api.texts.render('keluhan.tidak-dicatat', { nama: ctx.addressee }, ctx.language));
      return;
    }
    const intake = parsed.data;
    const text = ctx.text;
    if (text !== '' && isCancel(ctx.reading)) {
      ctx.dialog.end();
      ctx.reply(this.api.texts.render('keluhan.tidak-dicatat', { nama: ctx.addressee }, ctx.language));
      return;
    }
    if (ctx.reading.navigation === 'menu' || ctx.reading.navigation === 'back') {
      // leaving for the menu drops what was started
      ctx.dialog.end();
      ctx.reply(this.api.texts.render('keluhan.tidak-dicatat', { nama: ctx.addressee }, ctx.language));
      ctx.reply(this.api.menu.render());
      return;
    }
    if (text !== '' && isDone(ctx.reading) && !ctx.msg.image) {
      if (intake.parts.length === 0) {
        if (intake.askedAgain) {
          ctx.dialog.end();
          ctx.reply(this.api.texts.render('keluhan.tidak-dicatat', { nama: ctx.addressee }, ctx.language));
          return;
        }
        ctx.reply(this.api.texts.render('keluhan.minta-cerita', { nama: ctx.addressee }, ctx.language));
        ctx.dialog.update('intake', { ...intake, askedAgain: true }, { timeoutMs: INTAKE_QUIET_MS });
        return;
      }
      ctx.dialog.end();
      await this.file(ctx.chatId, ctx.customer, intake, (m) => ctx.reply(m, { essential: true }), ctx.addressee, ctx.now, ctx.language);
      return;
    }
    if (intake.parts.length >= MAX_PARTS) {
      ctx.dialog.update('intake', intake, { timeoutMs: INTAKE_QUIET_MS });
      return;
    }
    if (ctx.msg.image) {
      const photo = await this.keepPhoto(ctx);
      if (photo) intake.parts.push({ at: ctx.now, text: text || '(foto)', photo });
    } else if (text !== '') {
      intake.parts.push({ at: ctx.now, text, photo: null });
    } else if (ctx.msg.kind === 'audio' || ctx.msg.kind === 'video' || ctx.msg.kind === 'document') {
      // a sticker says nothing; a voice note or a video does, for a person to hear
      const what = ctx.msg.kind === 'audio' ? 'pesan suara' : ctx.msg.kind === 'video' ? 'video' : 'dokumen';
      intake.parts.push({ at: ctx.now, text: `(${what}: dengarkan atau lihat di WhatsApp)`, photo: null });
    }
    if (!intake.acknowledged && intake.parts.length > 0) {
      ctx.reply(this.api.texts.render('keluhan.dicatat-sementara', {}, ctx.language));
      intake.acknowledged = true;
    }
    ctx.dialog.update('intake', intake, { timeoutMs: INTAKE_QUIET_MS });
  }

  /** Three quiet minutes end the intake: what was told is filed; nothing told, nothing filed. */
  async expire(chat: ChatHandle, session: DialogSession): Promise<void> {
    const parsed = intakeSchema.safeParse(session.data);
    if (!parsed.success) return;
    const intake = parsed.data;
    if (intake.parts.length === 0) return;
    await this.file(chat.chatId, chat.customer, intake, (m) => void chat.send(m), chat.addressee, this.api.clock.now(), chat.customer.language ?? 'id');
  }

  /** Records the ticket, makes it durable, and only then gives its number; tells the owner. */
  private async file(
    chatId: string,
    customer: CustomerInfo,
    intake: Intake,
    reply: (m: string) => void,
    salutation: string,
    now: number,
    language: Language,
  ): Promise<void> {
    const description = intake.parts
      .filter((p) => p.photo === null || p.text !== '(foto)')
      .map((p) => p.text)
      .join('\n')
      .slice(0, MAX_DESCRIPTION);
    const detected = intake.category === 'lain' ? categoryOf(this.api.read(description)) : (intake.category as Category);
    let ticket: Ticket | undefined;
    this.api.state.update((s) => {
      ticket = {
        number: ticketNumberFor(s.nextNumber),
        chatId,
        customerNumber: customer.number,
        customerName: customer.name,
        category: detected,
        description,
        photos: intake.parts.flatMap((p) => (p.photo ? [p.photo] : [])),
        status: 'baru',
        priority: 'normal',
        timeline: [
          ...intake.parts.map((p) => ({ at: p.at, by: 'customer' as const, text: p.text, photo: p.photo })),
          { at: now, by: 'system' as const, text: 'keluhan dicatat', photo: null },
        ],
        // a ticket is as old as the complaint: the reminders and response times count from there
        createdAt: intake.startedAt,
        firstResponseAt: null,
        resolvedAt: null,
        resolution: '',
        closedAt: null,
        rating: null,
        ratedAt: null,
        ratingAskedAt: null,
        ratingAskedCount: null,
        answeringUntil: null,
        remindedAt: null,
      };
      s.tickets.push(ticket);
      s.nextNumber++;
    });
    const filed = ticket as Ticket;
    try {
      await this.api.flush();
    } catch (err) {
      this.api.log.error({ err, ticket: filed.number }, 'a complaint could not be saved to disk');
      // its number stays unused: another chat may have filed the next one meanwhile
      this.api.state.update((s) => {
        s.tickets = s.tickets.filter((t) => t !== filed);
      });
      reply(
        `Mohon maaf ${salutation}, keluhan Kakak belum bisa kami simpan karena gangguan di sistem kami. Admin kami sudah diberi tahu dan akan menghubungi Kakak langsung. 🙏`,
      );
      void this.api.notifyOwners(
        `⚠️ Keluhan dari ${describeCustomer(customer)} tidak bisa disimpan ke disk (lihat log). Ceritanya:\n${description || '(foto saja)'}\nMohon hubungi pelanggan langsung.`,
      );
      return;
    }
    this.api.log.info({ ticket: filed.number, category: filed.category, photos: filed.photos.length }, 'complaint filed');
    reply(
      this.api.texts.render(
        'keluhan.tercatat',
        { nama: salutation, nomor: filed.number, ringkasan: summaryOf(filed), kapan: this.expectAnswer(now) },
        language,
      ),
    );
    await this.announce(filed);
  }

  /** The owner hears of a new ticket at once, with everything needed to act on it. */
  private async announce(t: Ticket): Promise<void> {
    const p = this.api.commandPrefix;
    await this.api.notifyOwners(
      [
        `📝 *Keluhan baru ${t.number}* · ${CATEGORY_WORDS[t.category]}`,
        `Dari: ${describeCustomer({ name: t.customerName, number: t.customerNumber })}`,
        `Cerita: ${t.description || '(hanya foto)'}`,
        t.photos.length > 0 ? `Foto: ${t.photos.length} (menyusul)` : 'Foto: tidak ada',
        '',
        `Balas: ${p}keluhan ${t.number} balas <teks>`,
        `Tanya: ${p}keluhan ${t.number} tanya <teks>`,
        `Selesai: ${p}keluhan ${t.number} selesai <solusi>`,
      ].join('\n'),
    );
    for (const photo of t.photos) {
      const image: Outgoing = { kind: 'image', image: { path: this.api.media.path(photo) }, caption: `${t.number}` };
      await this.api.notifyOwners(image);
    }
  }

  // ---- later messages from the customer ----------------------------------------------------

  /** Status questions, ratings, "belum beres", answers to the shop's questions, and new complaints. */
  async middleware(ctx: Ctx, next: Next): Promise<void> {
    // while a complaint is being told, every message is part of it: nobody else answers
    const session = ctx.dialog.current;
    if (session) return this.intake(ctx, session);
    const text = ctx.text;
    if (ctx.isOwner && text === '') return next();
    const mine = this.ticketsOf(ctx.chatId);
    if (text !== '' && asksStatus(ctx.reading)) return this.status(ctx, mine);

    // a rating only answers the rating request: not once something else was said since
    const rating = text !== '' ? ratingIn(ctx.reading) : null;
    const awaiting = mine
      .filter(
        (t) =>
          t.status === 'selesai' &&
          t.ratingAskedAt !== null &&
          ctx.now - t.ratingAskedAt <= RATING_WINDOW_MS &&
          (t.ratedAt === null || t.ratedAt < t.ratingAskedAt),
      )
      .filter((t) => this.answersRatingRequest(ctx, t))
      .at(-1);
    if (rating !== null && awaiting) return this.rate(ctx, awaiting, rating);

    const recent = (t: Ticket): boolean => t.resolvedAt !== null && ctx.now - t.resolvedAt <= REOPEN_WINDOW_MS;
    const resolved = mine.filter((t) => t.status === 'selesai' && recent(t)).at(-1);
    if (text !== '' && resolved && saysNotResolved(ctx.reading)) return this.reopen(ctx, resolved);

    // the ticket the shop asked about first, then the one it answered last
    const answering =
      mine.find((t) => this.isAnswering(t, ctx.now)) ??
      mine.filter((t) => this.isAnswering(t, ctx.now, ctx.reading)).sort((a, b) => (b.timeline.at(-1)?.at ?? 0) - (a.timeline.at(-1)?.at ?? 0))[0];
    if (answering && (text !== '' || ctx.msg.kind !== 'text')) return this.attach(ctx, answering);

    if (text !== '') {
      const found = this.complaintIn(ctx.reading, text);
      if (found.complaint) {
        // more about a complaint that is open, or was just resolved, goes to that ticket; a new
        // "komplain" or "kecewa" is a complaint of its own
        const open = mine.filter((t) => isOpenTicket(t) && ctx.now - t.createdAt <= REOPEN_WINDOW_MS).at(-1);
        if (open && !found.explicit) return this.attach(ctx, open);
        if (resolved && !found.explicit) return this.reopen(ctx, resolved);
        const details = onlyAnnouncesComplaint(ctx.reading) ? null : text;
        await this.start(ctx, found.category as Category, details);
        // "… blm sampe jg. posisi paket skrg dmn??", "… tolong telp sy": the other questions are answered too
        const rest = this.otherParts(text);
        if (rest === null) return;
        ctx.passOn(rest);
        return next();
      }
    }
    // the main menu's complaint item
    if (ctx.choice?.kind === 'item' && ctx.choice.owner === COMPLAINT_SLICE && ctx.choice.item.id === MENU_ITEM) {
      await this.start(ctx, 'lain', null);
      return;
    }
    await next();
  }

  /**
   * Whether the message complains. Asking for a person is not a grievance of itself ("bisa sewa
   * aja ga bunganya?"), but another part of the message may be one: "kak bunga sy blm sampe jg udh
   * 3 hari, gmn sih. mau ngomong sm owner nya" is a complaint, and the person is called too.
   */
  private complaintIn(reading: Ctx['reading'], text: string): { complaint: boolean; explicit: boolean; category: string } {
    const found = reading.signal('complaint') ?? detectComplaint(reading);
    if (found.complaint || !reading.wantsTo('person')) return found;
    for (const c of clausesOf(text)) {
      const part = this.api.read(c);
      if (part.wantsTo('person')) continue;
      // about their own order or goods ("bunga sy", "pesanan", "my order"), not an old thing to repair
      if (!THEIRS.test(part.simple)) continue;
      const inPart = part.signal('complaint') ?? detectComplaint(part);
      if (inPart.complaint) return inPart;
    }
    return found;
  }

  /**
   * The parts of a complaint's message that ask something else: an order's status, a common topic
   * (hours, shipping), a call. Joined, or null when every part belongs to the complaint. Not a
   * product or the catalog (the complaint is about them), nor what only the guesser read.
   */
  private otherParts(text: string): string | null {
    const clauses = clausesOf(text).map((c) => this.api.read(c));
    if (clauses.length < 2) return null;
    const other = (c: Ctx['reading']): boolean => {
      const found = c.signal('complaint');
      if (found?.complaint || found?.afterSale || c.leanedOn !== null) return false;
      if (c.wantsTo('person')) return CALL_ME.test(c.simple);
      return asksTheShop(c) && (c.topics.length > 0 || c.wantsTo('status') || c.codes.orders.length > 0);
    };
    const rest = clauses.filter(other);
    return rest.length > 0 ? rest.map((c) => c.text).join('\n') : null;
  }

  /**
   * A bare number answers the rating request when it is the customer's first message after it, or
   * when nothing else went to the chat since (a "terima kasih" first, then "5").
   */
  private answersRatingRequest(ctx: Ctx, t: Ticket): boolean {
    if (t.ratingAskedCount !== null && ctx.customer.messageCount === t.ratingAskedCount + 1) return true;
    const out = ctx.customer.lastOutboundAt;
    return out === null || out <= (t.ratingAskedAt as number);
  }

  /**
   * The customer is answering the shop: its question (within two days), their own message just
   * before, or the shop's reply on an open ticket in the last two hours ("oke kak ditunggu ya,
   * makasih" goes on the ticket; a new question does not).
   */
  private isAnswering(t: Ticket, now: number, reading?: Ctx['reading']): boolean {
    if (t.status === 'menunggu') {
      const asked = t.timeline.findLast((e) => e.by === 'shop')?.at ?? t.createdAt;
      return now - asked <= ANSWER_WINDOW_MS;
    }
    if (t.status === 'diproses' && t.answeringUntil !== null && now <= t.answeringUntil) return true;
    const last = t.timeline.at(-1);
    // a new complaint or a question is not an answer: they take their own way
    if (reading === undefined || reading.question || (reading.signal('complaint') ?? detectComplaint(reading)).complaint) return false;
    return isOpenTicket(t) && last?.by === 'shop' && now - last.at <= AFTER_REPLY_MS && now >= last.at;
  }

  private async keepPhoto(ctx: Ctx): Promise<string | null> {
    if (!ctx.msg.image) return null;
    try {
      return await this.api.media.save(ctx.msg.image, 'keluhan');
    } catch (err) {
      ctx.log.warn({ err }, 'a complaint photo could not be kept');
      ctx.reply('Maaf, fotonya tidak berhasil kami simpan. Boleh dikirim sekali lagi? 🙏');
      return null;
    }
  }

  private status(ctx: Ctx, mine: Ticket[]): void {
    const open = mine.filter((t) => isOpenTicket(t) || t.status === 'selesai');
    if (open.length === 0) {
      ctx.reply(`Tidak ada keluhan yang sedang terbuka, ${ctx.salutation}. Kalau ada yang ingin disampaikan, ketik *komplain*. 🙏`);
      return;
    }
    const words: Record<Ticket['status'], string> = {
      baru: 'sudah kami terima, menunggu admin',
      diproses: 'sedang ditangani admin',
      menunggu: 'menunggu jawaban Kakak',
      selesai: 'selesai',
      ditutup: 'ditutup',
    };
    ctx.reply(['Keluhan Kakak:', ...open.map((t) => `• *${t.number}* (${words[t.status]}): “${summaryOf(t)}”`)].join('\n'));
    ctx.markAnswered('keluhan');
  }

  private rate(ctx: Ctx, t: Ticket, rating: number): void {
    this.api.state.update(() => {
      t.rating = rating;
      t.ratedAt = ctx.now;
    });
    this.log(t, 'customer', `nilai ${rating}`, ctx.now);
    if (rating <= 2) {
      ctx.reply(this.api.texts.render('keluhan.nilai-rendah', { nama: ctx.addressee }, ctx.language), { essential: true });
      void this.api.notifyOwners(
        `⚠️ ${describeCustomer(ctx.customer)} memberi nilai *${rating}* untuk keluhan ${t.number} (“${summaryOf(t)}”). Sebaiknya hubungi langsung.`,
      );
      ctx.handOff(HANDOFF_MS);
    } else ctx.reply(this.api.texts.render('keluhan.terima-nilai', { nama: ctx.addressee }, ctx.language), { essential: true });
    ctx.log.info({ ticket: t.number, rating }, 'complaint rated');
  }

  private reopen(ctx: Ctx, t: Ticket): void {
    this.api.state.update(() => {
      t.status = 'diproses';
      t.resolvedAt = null;
      t.ratingAskedAt = null;
    });
    this.log(t, 'customer', ctx.text, ctx.now);
    this.log(t, 'system', 'dibuka lagi oleh pelanggan', ctx.now);
    ctx.reply(this.api.texts.render('keluhan.dibuka-lagi', { nama: ctx.addressee, nomor: t.number }, ctx.language));
    void this.api.notifyOwners(
      `🔁 Keluhan *${t.number}* dibuka lagi: ${describeCustomer(ctx.customer)} menulis “${ctx.text}”.\nBalas: ${this.api.commandPrefix}keluhan ${t.number} balas <teks>`,
    );
    ctx.handOff(HANDOFF_MS);
  }

  /** The customer answers the shop's question, or adds to their open complaint: it goes on the ticket and to the owner. */
  private async attach(ctx: Ctx, t: Ticket): Promise<void> {
    const photo = await this.keepPhoto(ctx);
    const what = ctx.text || (photo ? '(foto)' : ctx.msg.kind === 'audio' ? '(pesan suara)' : ctx.msg.kind === 'sticker' ? '(stiker)' : `(${ctx.msg.kind})`);
    const first = !(t.status === 'diproses' && t.answeringUntil !== null && ctx.now <= t.answeringUntil);
    const answers = t.status === 'menunggu' || !first;
    this.api.state.update(() => {
      if (photo) t.photos.push(photo);
      t.status = 'diproses';
      t.answeringUntil = ctx.now + ANSWERING_MS;
    });
    this.log(t, 'customer', what, ctx.now, photo);
    // one thank-you for an answer told over several messages
    if (first) ctx.reply(this.api.texts.render('keluhan.diteruskan', { nama: ctx.addressee, nomor: t.number }, ctx.language), { essential: true });
    ctx.markAnswered('keluhan');
    ctx.handOff(HANDOFF_MS);
    await this.api.notifyOwners(
      `💬 *${t.number}*: ${describeCustomer(ctx.customer)} ${answers ? 'menjawab' : 'menambahkan'}:\n${what}\n\nBalas: ${this.api.commandPrefix}keluhan ${t.number} balas <teks>`,
    );
    if (photo) await this.api.notifyOwners({ kind: 'image', image: { path: this.api.media.path(photo) }, caption: t.number });
  }

  /** The shop answered the customer by hand in WhatsApp: that is a reply too. */
  shopReplied(chatId: string, at: number): void {
    const open = this.ticketsOf(chatId).filter((t) => (t.status === 'baru' || t.status === 'diproses') && t.createdAt <= at);
    if (open.length === 0) return;
    this.api.state.update(() => {
      for (const t of open) {
        if (t.firstResponseAt === null) t.firstResponseAt = at;
        t.status = 'diproses';
        t.answeringUntil = null;
        t.timeline.push({ at, by: 'shop', text: '(dibalas langsung di WhatsApp)', photo: null });
      }
    });
  }
}
