import type { Catalog } from './catalog.js';
import { formatRupiah, type CatalogState, type Order, type OrderStatus } from './model.js';
import { orderLines } from './views.js';
import { type Context, describeCustomer, HANDOFF_MS, type PluginApi } from '../../src/plugin-api.js';

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
  },
  'katalog.status-tidak-ada': {
    default:
      'Maaf {nama}, kami belum menemukan pesanan dari nomor ini di catatan bot. 🙏 Admin kami sudah diberi tahu dan akan mengecek lalu membalas di chat ini {kapan}.',
    help: 'jawaban saat pelanggan menanyakan pesanan yang tidak ada di catatan (admin diberi tahu)',
    variables: ['nama', 'kapan'],
  },
  'katalog.bayar-diterima': {
    default: 'Terima kasih {nama}! 🙏 Konfirmasi pembayaran{untuk} sudah kami terima. Admin kami akan mengecek dan memprosesnya {kapan}.',
    help: 'jawaban saat pelanggan bilang sudah membayar atau mengirim bukti transfer (admin diberi tahu)',
    variables: ['nama', 'untuk', 'kapan'],
  },
} as const;

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
    return this.api.hours.isOpen(ctx.now) ? 'secepatnya' : this.api.hours.describeNextOpening(ctx.now);
  }

  /** A question about the customer's order: its status from the records, and a person for the rest. */
  status(ctx: Ctx): void {
    ctx.markAnswered('kirim');
    ctx.markAnswered('pesan');
    const order = this.ordersOf(ctx).at(-1);
    if (!order) {
      this.say(ctx, this.api.texts.render('katalog.status-tidak-ada', { nama: ctx.salutation, kapan: this.when(ctx) }));
      this.tellPerson(ctx, `❓ ${describeCustomer(ctx.customer)} menanyakan pesanannya, tapi tidak ada pesanan dari chat itu di catatan bot.`);
      return;
    }
    const open = order.status === 'baru' || order.status === 'dikonfirmasi';
    this.say(
      ctx,
      this.api.texts.render('katalog.status-pesanan', {
        nama: ctx.salutation,
        nomor: order.number,
        rincian: orderLines(order),
        total: formatRupiah(order.total),
        status: STATUS_WORDS[order.status],
        lanjut: open ? ` Soal pengiriman, admin kami akan mengabari di chat ini ${this.when(ctx)}. 🙏` : '',
      }),
    );
    if (open) this.tellPerson(ctx, `❓ ${describeCustomer(ctx.customer)} menanyakan pesanan *${order.number}* (${order.status}).`);
  }

  /** "Sudah transfer": thanked, tied to their open order, and a person checks the payment. */
  paid(ctx: Ctx): void {
    ctx.markAnswered('bayar');
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
    this.say(
      ctx,
      this.api.texts.render('katalog.bayar-diterima', { nama: ctx.salutation, untuk: order ? ` pesanan *${order.number}*` : '', kapan: this.when(ctx) }),
    );
    const photo = ctx.msg.image ? ' (dengan foto bukti, lihat chatnya)' : '';
    this.tellPerson(
      ctx,
      `💸 ${describeCustomer(ctx.customer)} bilang sudah membayar${order ? ` pesanan *${order.number}* (${formatRupiah(order.total)})` : ''}${photo}. Mohon dicek.`,
    );
  }

  private say(ctx: Ctx, text: string): void {
    ctx.reply(text);
  }

  /** The owner hears it, with the customer's words, and the bot lets a person answer from here. */
  private tellPerson(ctx: Ctx, line: string): void {
    const quote = ctx.text ? `\n“${ctx.text.slice(0, 300)}”` : '';
    void this.api.notifyOwners(`${line}${quote}`);
    ctx.handOff(HANDOFF_MS);
  }
}
