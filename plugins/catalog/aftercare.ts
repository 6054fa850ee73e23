import type { Catalog } from './catalog.js';
import { formatRupiah, type CatalogState, type Order, type OrderStatus, type Product } from './model.js';
import { MAX_QTY } from './intent.js';
import { orderLines } from './views.js';
import { orderChange, type OrderChange } from './words.js';
import { CHAT_SPELLINGS, clausesOf, type Context, describeCustomer, HANDOFF_MS, type PluginApi, QUESTION_WORDS, topicQuestions } from '../../src/plugin-api.js';

/**
 * After an order: "pesanan saya sudah dikirim?", "O-0003 gimana?", "sudah transfer ya kak". The
 * customer hears what the shop's records say about their own orders, never another chat's, and a
 * person is told whatever the bot cannot know (a parcel on its way, a payment to check).
 */

type Ctx = Context<CatalogState, unknown>;
type Api = PluginApi<CatalogState, unknown>;

export const AFTERCARE_TEXTS = {
  'katalog.status-pesanan': {
    default: 'Pesanan *{nomor}* atas nama {nama}:\n{rincian}\n*Total: {total}*\nStatus: *{status}*.{lanjut}',
    help: 'jawaban saat pelanggan menanyakan pesanannya ({status}: baru, dikonfirmasi, selesai, batal)',
    variables: ['nama', 'nomor', 'rincian', 'total', 'status', 'lanjut'],
    en: 'Order *{nomor}* for {nama}:\n{rincian}\n*Total: {total}*\nStatus: *{status}*.{lanjut}',
  },
  'katalog.status-tidak-ada': {
    default:
      'Maaf {nama}, kami belum menemukan pesanan dari nomor ini di catatan bot. 🙏 Admin kami sudah diberi tahu dan akan mengecek lalu membalas di chat ini {kapan}.',
    help: 'jawaban saat pelanggan menanyakan pesanan yang tidak ada di catatan (admin diberi tahu)',
    variables: ['nama', 'kapan'],
    en: 'Sorry {nama}, we could not find an order from this number in our records. 🙏 Our admin has been told and will check and reply in this chat {kapan}.',
  },
  'katalog.pesanan-diubah': {
    default: '✏️ Baik {nama}, pesanan *{nomor}* sudah kami ubah:\n{rincian}\n*Total: {total}*\n\nAdmin kami akan mengonfirmasi di chat ini {kapan}. 🙏',
    help: 'jawaban saat pelanggan mengubah pesanan yang belum dikonfirmasi (tambah, kurangi, batalkan satu produk)',
    variables: ['nama', 'nomor', 'rincian', 'total', 'kapan'],
    en: '✏️ All right {nama}, order *{nomor}* is changed:\n{rincian}\n*Total: {total}*\n\nOur admin will confirm in this chat {kapan}. 🙏',
  },
  'katalog.pesanan-dibatalkan-pelanggan': {
    default: 'Baik {nama}, pesanan *{nomor}* sudah kami batalkan. Kalau ingin memesan lagi, ketik *katalog* kapan saja. 🙏',
    help: 'jawaban saat pelanggan membatalkan pesanan yang belum dikonfirmasi',
    variables: ['nama', 'nomor'],
    en: 'All right {nama}, order *{nomor}* is cancelled. If you would like to order again, type *catalog* any time. 🙏',
  },
  'katalog.perubahan-diteruskan': {
    default: 'Baik {nama}, permintaan perubahan pesanan *{nomor}* sudah kami teruskan ke admin. Admin kami akan mengonfirmasi di chat ini {kapan}. 🙏',
    help: 'jawaban saat pelanggan minta perubahan yang hanya admin bisa (warna, ganti produk, pesanan yang sudah dikonfirmasi)',
    variables: ['nama', 'nomor', 'kapan'],
    en: 'All right {nama}, we passed your change to order *{nomor}* on to our admin, who will confirm in this chat {kapan}. 🙏',
  },
  'katalog.bayar-diterima': {
    default: 'Terima kasih {nama}! 🙏 Konfirmasi pembayaran{untuk} sudah kami terima. Admin kami akan mengecek dan memprosesnya {kapan}.',
    help: 'jawaban saat pelanggan bilang sudah membayar atau mengirim bukti transfer (admin diberi tahu)',
    variables: ['nama', 'untuk', 'kapan'],
    en: 'Thank you {nama}! 🙏 We have your payment confirmation{untuk}. Our admin will check it and process it {kapan}.',
  },
} as const;

const STATUS_WORDS_EN: Record<OrderStatus, string> = {
  baru: 'received, waiting for our admin to confirm',
  dikonfirmasi: 'confirmed by our admin and being prepared',
  selesai: 'completed',
  batal: 'cancelled',
};

const STATUS_WORDS: Record<OrderStatus, string> = {
  baru: 'sudah kami terima, menunggu konfirmasi admin',
  dikonfirmasi: 'sudah dikonfirmasi admin dan sedang kami siapkan',
  selesai: 'selesai',
  batal: 'dibatalkan',
};

export class Aftercare {
  constructor(
    private readonly api: Api,
    private readonly catalog: Catalog,
  ) {}

  /** The chat's orders, newest last; the one named, when it is theirs. */
  private ordersOf(ctx: Ctx): Order[] {
    const mine = this.catalog.state.orders.filter((o) => o.chatId === ctx.chatId);
    const named = ctx.reading.codes.orders;
    const picked = named.length > 0 ? mine.filter((o) => named.includes(o.number)) : [];
    return picked.length > 0 ? picked : mine;
  }

  private when(ctx: Ctx): string {
    if (!this.api.hours.isOpen(ctx.now)) return this.api.hours.describeNextOpening(ctx.now);
    return ctx.language === 'en' ? 'as soon as possible' : 'secepatnya';
  }

  /** A question about the customer's order: its status from the records, and a person for the rest. */
  status(ctx: Ctx, { quiet = false }: { quiet?: boolean } = {}): void {
    // "jadi diantar jam brp?", "ready for pickup?": about this order, not the shop's hours or stock,
    // unless a part of its own asks them ("jam brp tutup hari ini? mau ambil pesanan O-0215")
    const asked = new Set(topicQuestions(clausesOf(ctx.text).map((c) => this.api.read(c))).flatMap((c) => c.topics));
    const about = (topic: 'kirim' | 'pesan' | 'jam' | 'stok'): void => {
      if (!asked.has(topic)) ctx.markAnswered(topic);
    };
    // a change asked of an order the records do not have is about that order, not its delivery
    if (orderChange(ctx.text) === null) about('kirim');
    about('pesan');
    about('jam');
    about('stok');
    const order = this.ordersOf(ctx).at(-1);
    if (!order) {
      this.say(ctx, this.api.texts.render('katalog.status-tidak-ada', { nama: ctx.addressee, kapan: this.when(ctx) }, ctx.language));
      if (!quiet) this.tellPerson(ctx, `❓ ${describeCustomer(ctx.customer)} menanyakan pesanannya, tapi tidak ada pesanan dari chat itu di catatan bot.`);
      return;
    }
    const open = order.status === 'baru' || order.status === 'dikonfirmasi';
    this.say(
      ctx,
      this.api.texts.render(
        'katalog.status-pesanan',
        {
          nama: ctx.language === 'en' ? (ctx.customer.name ?? 'you') : ctx.salutation,
          nomor: order.number,
          rincian: orderLines(order),
          total: formatRupiah(order.total),
          status: (ctx.language === 'en' ? STATUS_WORDS_EN : STATUS_WORDS)[order.status],
          lanjut: !open
            ? ''
            : ctx.language === 'en'
              ? ` About the delivery, our admin will let you know in this chat ${this.when(ctx)}. 🙏`
              : ` Soal pengiriman, admin kami akan mengabari di chat ini ${this.when(ctx)}. 🙏`,
        },
        ctx.language,
      ),
    );
    if (open && !quiet) this.tellPerson(ctx, `❓ ${describeCustomer(ctx.customer)} menanyakan pesanan *${order.number}* (${order.status}).`);
  }

  /** "Sudah transfer": thanked, tied to their open order, and a person checks the payment. */
  paid(ctx: Ctx): void {
    // "sudah tf, tolong segera dikirim": the admin sends it, not the delivery text; but "done tf
    // kak, ongkir nya udh sy itung kan ya 20rb?" asks about the shipping in a part of its own
    ctx.markAnswered('bayar');
    const asksShipping = clausesOf(ctx.text).some((c) => {
      const part = this.api.read(c);
      // a question in so many words ("… 20rb?", "brp"), not a request ("tolong segera dikirim ya")
      const asked = c.includes('?') || part.words.some((w) => QUESTION_WORDS.has(w));
      return !part.wantsTo('paid') && asked && part.asks('kirim');
    });
    if (!asksShipping) ctx.markAnswered('kirim');
    const order = this.ordersOf(ctx)
      .filter((o) => o.status === 'baru' || o.status === 'dikonfirmasi')
      .at(-1);
    if (order) {
      void this.catalog.change((s) => {
        const o = s.orders.find((x) => x.number === order.number);
        if (o) {
          o.note = o.note ? `${o.note}; pelanggan bilang sudah bayar` : 'pelanggan bilang sudah bayar';
          o.updatedAt = ctx.now;
        }
      });
    }
    const english = ctx.language === 'en';
    const vars = english
      ? {
          nama: ctx.customer.name ?? '',
          untuk: order ? ` for order *${order.number}*` : '',
          kapan: this.api.hours.isOpen(ctx.now) ? 'as soon as possible' : this.when(ctx),
        }
      : { nama: ctx.salutation, untuk: order ? ` pesanan *${order.number}*` : '', kapan: this.when(ctx) };
    this.say(ctx, this.api.texts.render('katalog.bayar-diterima', vars, ctx.language));
    const photo = ctx.msg.image ? ' (dengan foto bukti, lihat chatnya)' : '';
    this.tellPerson(
      ctx,
      `💸 ${describeCustomer(ctx.customer)} bilang sudah membayar${order ? ` pesanan *${order.number}* (${formatRupiah(order.total)})` : ''}${photo}. Mohon dicek.`,
    );
  }

  /**
   * "tambah 1 lg", "kurangi jd 1", "batal yang P02", "cancel my order": a change to the chat's open
   * order. The bot makes it while the order waits for the admin; anything else (a colour, another
   * product, an order already confirmed) goes to a person. False when nothing is open to change.
   */
  changes(ctx: Ctx): boolean | { confirm: { code: string; qty: number } } {
    const change = orderChange(ctx.text);
    if (!change) return false;
    const order = this.ordersOf(ctx)
      .filter((o) => o.status === 'baru' || o.status === 'dikonfirmasi')
      .at(-1);
    if (!order) return this.nothingOpen(ctx, change);
    ctx.markAnswered('pesan');
    const done = order.status === 'baru' && change.kind !== 'other' ? this.apply(ctx, order, change) : null;
    if (done === null) {
      this.say(ctx, this.api.texts.render('katalog.perubahan-diteruskan', { nama: ctx.addressee, nomor: order.number, kapan: this.when(ctx) }, ctx.language));
      this.tellPerson(ctx, `✏️ ${describeCustomer(ctx.customer)} minta perubahan pesanan *${order.number}* (${order.status}).`);
      return true;
    }
    const changed = this.catalog.state.orders.find((o) => o.number === order.number) ?? order;
    if (changed.status === 'batal') {
      this.say(ctx, this.api.texts.render('katalog.pesanan-dibatalkan-pelanggan', { nama: ctx.addressee, nomor: changed.number }, ctx.language));
      this.tellPerson(ctx, `❌ ${describeCustomer(ctx.customer)} membatalkan pesanan *${changed.number}* sebelum dikonfirmasi.`);
      return true;
    }
    const lines = { rincian: orderLines(changed), total: formatRupiah(changed.total) };
    this.say(
      ctx,
      this.api.texts.render('katalog.pesanan-diubah', { nama: ctx.addressee, nomor: changed.number, ...lines, kapan: this.when(ctx) }, ctx.language),
    );
    this.tellPerson(ctx, `✏️ ${describeCustomer(ctx.customer)} mengubah pesanan *${changed.number}*:\n${lines.rincian}\nTotal: ${lines.total}`);
    return true;
  }

  /**
   * A change asked with no open order in this chat: "tambah 2 lg mawar kuningnya" names what it
   * would be (the catalog shows it and how to order it); "please cancel my order", "pesanan O-0044
   * dibatalkan" are about an order the records do not have, which a person checks. Anything
   * else ("gak jadi deh") is no change at all.
   */
  private nothingOpen(ctx: Ctx, change: OrderChange): boolean | { confirm: { code: string; qty: number } } {
    if ((change.kind === 'add' || change.kind === 'set') && change.words !== '') {
      const product = this.productNamed(change.words, []);
      if (product) return { confirm: { code: product.code, qty: Math.min(MAX_QTY, Math.max(1, change.qty)) } };
    }
    // "batalin 1 buket tulip nya ya": an item of an order the records do not have, for a person to check
    const cancelsItem = change.kind === 'cancel' && change.words !== '' && this.productNamed(change.words, []) !== undefined;
    if (!cancelsItem && !ABOUT_AN_ORDER.test(ctx.reading.simple) && ctx.reading.codes.orders.length === 0) return false;
    this.status(ctx);
    return true;
  }

  /** Makes the change on an order that waits for the admin; null when it cannot be told which item is meant. */
  private apply(ctx: Ctx, order: Order, change: Exclude<OrderChange, { kind: 'other' }>): true | null {
    // words that name no product ("batal aja, gk jadi") are about the whole order
    const named = change.words !== '' && (/\bp-?\d/i.test(change.words) || this.catalog.index().mentionsProducts(this.api.read(change.words)));
    const words = named ? change.words : '';
    change = { ...change, words };
    const product = change.words ? this.productNamed(change.words, order.items) : undefined;
    if (change.words && !product && change.kind !== 'cancel') return null;
    const only = order.items.length === 1 ? order.items[0] : undefined;
    const code = product?.code ?? (change.words ? undefined : only?.code);
    if (change.kind !== 'cancel' && code === undefined) return null;
    if (change.kind === 'cancel' && change.words && !order.items.some((i) => i.code === product?.code)) return null;
    if (change.kind === 'add' && product?.stock === 'habis') return null;
    const before = order.items.map((i) => ({ ...i }));
    this.catalog.change((s) => {
      const o = s.orders.find((x) => x.number === order.number);
      if (!o) return;
      const item = o.items.find((i) => i.code === code);
      if (change.kind === 'cancel') {
        o.items = code && change.words ? o.items.filter((i) => i.code !== code) : [];
        if (o.items.length === 0) {
          o.status = 'batal';
          o.reason = 'dibatalkan pelanggan lewat chat';
          // a cancelled order keeps what was in it, for the shop's records
          o.items = before;
        }
      } else if (item) item.qty = Math.min(MAX_QTY, change.kind === 'add' ? item.qty + change.qty : Math.max(1, change.qty));
      else if (product) o.items.push({ code: product.code, name: product.name, price: product.price, qty: Math.min(MAX_QTY, Math.max(1, change.qty)) });
      o.total = o.items.reduce((sum, i) => sum + i.price * i.qty, 0);
      o.updatedAt = ctx.now;
    });
    return true;
  }

  /** The one product the words name, if exactly one: an item of the order first ("mawar merah" is the rose ordered). */
  private productNamed(words: string, ordered: readonly { code: string; name: string }[]): Product | undefined {
    const code = /\bp-?0*(\d{1,4})\b/i.exec(words);
    if (code) return this.catalog.shown(`P${String(Number(code[1])).padStart(2, '0')}`);
    const named = (names: readonly { code: string; name: string }[]): string[] => {
      const said = words.split(' ').map((w) => CHAT_SPELLINGS[w] ?? w);
      return names.filter((p) => said.every((w) => p.name.toLowerCase().includes(w))).map((p) => p.code);
    };
    const inOrder = named(ordered);
    if (inOrder.length === 1) return this.catalog.shown(inOrder[0] as string);
    const found = this.catalog.index().search(this.api.read(words), 5);
    if (found.complete === 1) return found.products[0];
    const byName = named(found.products.slice(0, found.complete));
    return byName.length === 1 ? this.catalog.shown(byName[0] as string) : undefined;
  }

  /** What the customer hears of their own order is never swallowed by the reply cap. */
  private say(ctx: Ctx, text: string): void {
    ctx.reply(text, { essential: true });
  }

  /** The owner hears it, with the customer's words, and the bot lets a person answer from here. */
  private tellPerson(ctx: Ctx, line: string): void {
    const quote = ctx.text ? `\n“${ctx.text.slice(0, 300)}”` : '';
    void this.api.notifyOwners(`${line}${quote}`);
    ctx.handOff(HANDOFF_MS);
  }
}

/** Words about an order already placed: "pesanan", "orderan", "my order", "yang kemarin". */
const ABOUT_AN_ORDER =
  /\b(?:pesanan|pesananku|pesanannya|orderan|orderanku|my order|the order|our order|yang kemarin|yg kemarin|yang tadi|yg td|yg tadi|jadi pesan|jd pesan)\b/;
