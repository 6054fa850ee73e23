import { z } from 'zod';
import { Aftercare } from './aftercare.js';
import type { Catalog } from './catalog.js';
import {
  asksAboutProducts,
  asksAboutThis,
  bareQuantity,
  isAfterSale,
  isCatalogRequest,
  listNumber,
  MAX_QTY,
  orderIntent,
  parseOrder,
  productRequest,
  withoutIdioms,
  type OrderIntent,
} from './intent.js';
import { formatRupiah, orderNumberFor, type CatalogState, type Order, type Product } from './model.js';
import { itemsInWords, looksLikeOrder, startsOrder } from './words.js';
import { categoryList, categoryPage, type Lang, orderLines, pageCount, productDetail, PAGE_SIZE, resultList, stockMark } from './views.js';
import {
  CHAT_SPELLINGS,
  clausesOf,
  type Context,
  courtesyOf,
  describeCustomer,
  type DialogSession,
  HANDOFF_MS,
  type Next,
  NUMBER_WORDS,
  type PluginApi,
  QUESTION_WORDS,
  simplify,
  topicQuestions,
  UNITS,
} from '../../src/plugin-api.js';

/**
 * The customer's side of the catalog (SOP stage 3, offering products, and stage 6, closing):
 * browsing categories page by page, product details with photos, free-text search, and orders.
 * Where the customer is lives in the plugin's dialog session as a stack of views, so "kembali"
 * goes back and a number always means the list the customer last saw.
 */
/** The plugin's name (its slice) and the main menu item it answers. */
export const CATALOG_SLICE = 'catalog';
export const MENU_ITEM = 'katalog';

export const BROWSE_TIMEOUT_MS = 30 * 60_000;
/** A new order from the same chat within this time joins the open one instead of starting another. */
export const CART_WINDOW_MS = 2 * 60 * 60_000;
const MAX_STACK = 5;
const MAX_SEARCH_WORDS = 20;
/** The footer of a list to order from, and its title, in the customer's language. */
const CHOOSE_FOOTER = { id: 'Balas dengan *nomor* produk yang mau dipesan.', en: 'Reply with the *number* of the product to order.' } as const;
const chooseTitle = (qty: number, lang: Lang): string =>
  lang === 'en' ? `Which one would you like to order? (${qty})` : `Mau pesan yang mana, Kak? (${qty} buah)`;
/** The title of a search's results. */
function foundTitle(cheapest: boolean, lang: Lang): string {
  if (lang === 'en') return cheapest ? 'These are the most affordable:' : 'This is what we found:';
  return cheapest ? 'Ini pilihan yang paling terjangkau:' : 'Ini yang kami temukan:';
}

/** "mau 20", "aku mau 4", "pesan 2 ya kalo ada", "I need 5", "want three": a quantity wanted. */
const WANTS_QTY = /\b(?:mau|mo|pengen|pesan|pesen|ambil|beli|order|need|want|take|get)\s+(?:pesan\s+|pesen\s+|beli\s+|ambil\s+|order\s+)?(\d{1,3}|[a-z]+)\b/;

/** How many the customer says they want, or null. */
function wantedQuantity(simple: string): number | null {
  const m = WANTS_QTY.exec(simple);
  if (!m) return null;
  const n = m[1] as string;
  return /^\d+$/.test(n) ? Number(n) : (NUMBER_WORDS[n] ?? null);
}

/** Asking for a picture: of the product named, when one is. */
const PHOTOS_OF = /\b(?:foto|fotonya|photo|photos|picture|pictures|pic|pics|gambar|gambarnya)\b/;
/** Words that name the catalog itself, not a product in it. */
const CATALOG_NAMED = /\b(?:katalog|catalog|catalogue|list|daftar|pricelist|price list|semua|semuanya|all)\b/;
/** A code in a longer message is a story ("kemarin saya pesan P01 tapi…"), not a question about it. */
const MAX_CODE_WORDS = 12;
/** Words that make a delivery question about the customer's own order: "pesanan sy", "udh dikirim blm". */
const OWN_ORDER = /\b(?:saya|sy|aku|ku|gw|my|sudah|udah|udh|sdh|belum|blm|pesanan|orderan|paket|resi)\b|\w+(?:ku|nya)\b/;

/** After paying: a confirmation not yet had, the order going out. */
const AFTER_PAYING = /\b(?:konfirmasi|confirmation|confirmed|jadi kan|diproses|shipping|shipped|ship|sent|dikirim|kirimnya)\b/;

/** A note after an item: its colour, theme or size ("warna salem", "temanya gold", "ukuran besar"). */
const NOTE = /^(?:warna|warnanya|color|colour|tema|temanya|ukuran|ukurannya|size|model|tulisan|tulisannya)\b/;

/** "…, ganti mawar merah aja 6 tangkai", "ganti jadi mini tulip merah 2": what is wanted instead. */
const SWAP = /\bganti(?:\s+(?:jadi|jd|ke|sama|sm|dengan|dgn))?\s+(.*\b\d{1,3}\b.*)$/i;

/** Fresh flowers and live plants, which an artificial-flower shop does not sell. */
const FRESH = /\b(?:bunga (?:asli|segar|hidup|beneran)|(?:fresh|real|live) (?:flowers?|roses?|ones?)|tanaman (?:hidup|asli)|live plants?)\b/;

const viewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('categories'), names: z.array(z.string()) }),
  z.object({ type: z.literal('category'), name: z.string(), codes: z.array(z.string()), page: z.number().int().min(0) }),
  z.object({ type: z.literal('results'), title: z.string(), codes: z.array(z.string()) }),
  z.object({ type: z.literal('product'), code: z.string(), alternatives: z.array(z.string()), askedQty: z.boolean().default(false) }),
  z.object({ type: z.literal('choose'), codes: z.array(z.string()), qty: z.number().int() }),
]);
type View = z.infer<typeof viewSchema>;
export const browseSchema = z.object({ stack: z.array(viewSchema).min(1) });

type Ctx = Context<CatalogState, unknown>;
type Api = PluginApi<CatalogState, unknown>;

export const SHOP_TEXTS = {
  'katalog.tidak-ada': {
    default: 'Maaf {nama}, *{cari}* belum ada di katalog kami. 🙏 Mungkin ada yang cocok di sini:',
    help: 'jawaban saat produk yang dicari pelanggan tidak ada; daftar kategori menyusul',
    variables: ['nama', 'cari'],
    en: 'Sorry {nama}, we do not have *{cari}* in our catalog. 🙏 Maybe something here suits you:',
  },
  'katalog.bukan-segar': {
    default: 'Maaf {nama}, kami khusus menjual bunga *artificial* (bunga tiruan yang awet bertahun-tahun), belum ada bunga segar. 🙏 Ini pilihan kami:',
    help: 'jawaban saat pelanggan mencari bunga segar atau tanaman hidup; daftar kategori menyusul',
    variables: ['nama'],
    en: 'Sorry {nama}, we only sell *artificial* flowers (they last for years), no fresh ones. 🙏 Here is what we have:',
  },
  'katalog.pesanan-tercatat': {
    default:
      '✅ Terima kasih {nama}! Pesanan *{nomor}* sudah kami catat:\n{rincian}\n*Total: {total}* (belum termasuk ongkos kirim)\n\nAdmin kami akan mengonfirmasi ketersediaan, ongkos kirim, dan cara pembayaran di chat ini {kapan}. 🙏',
    help: 'jawaban saat pelanggan memesan; dikirim setelah pesanan tersimpan ({kapan}: "secepatnya", atau kapan toko buka lagi)',
    variables: ['nama', 'nomor', 'rincian', 'total', 'kapan'],
    en: '✅ Thank you {nama}! Your order *{nomor}* is recorded:\n{rincian}\n*Total: {total}* (delivery not included)\n\nOur admin will confirm availability, the delivery fee and how to pay in this chat {kapan}. 🙏',
  },
  'katalog.pesanan-dikonfirmasi': {
    default:
      '✅ {nama}, pesanan *{nomor}* sudah dikonfirmasi admin kami.\n{rincian}\n*Total harga produk: {total}*{catatan}\n\nTerima kasih sudah memesan di *{toko}*! 🌸',
    help: 'pesan ke pelanggan saat admin mengonfirmasi pesanan (!pesanan <nomor> konfirmasi)',
    variables: ['nama', 'nomor', 'rincian', 'total', 'catatan'],
  },
  'katalog.pesanan-selesai': {
    default:
      '🌸 Pesanan *{nomor}* sudah selesai. Terima kasih banyak sudah berbelanja di *{toko}*, {nama}! Semoga bunganya membuat hari Kakak makin indah.\n\nKalau ada yang kurang pas, kabari kami di sini ya. Kami senang sekali kalau Kakak mampir lagi. 💐',
    help: 'ucapan terima kasih ke pelanggan saat pesanan selesai (!pesanan <nomor> selesai)',
    variables: ['nama', 'nomor'],
  },
  'katalog.pesanan-batal': {
    default:
      '🙏 Mohon maaf {nama}, pesanan *{nomor}* kami batalkan.\nAlasan: {alasan}\n\nKalau Kakak ingin memilih produk lain, ketik *katalog* atau balas di sini. Admin kami siap membantu.',
    help: 'pesan ke pelanggan saat pesanan dibatalkan (!pesanan <nomor> batal <alasan>)',
    variables: ['nama', 'nomor', 'alasan'],
  },
} as const;

export class Shop {
  private readonly aftercare: Aftercare;

  constructor(
    private readonly api: Api,
    private readonly catalog: Catalog,
  ) {
    this.aftercare = new Aftercare(api, catalog);
  }

  // ---- where the customer is ---------------------------------------------------------------

  private stackOf(ctx: Ctx): View[] {
    const session = ctx.dialog.current;
    if (!session) return [];
    const parsed = browseSchema.safeParse(session.data);
    return parsed.success ? parsed.data.stack : [];
  }

  private setStack(ctx: Ctx, stack: View[]): void {
    const kept = stack.slice(-MAX_STACK);
    if (kept.length === 0) ctx.dialog.end();
    else if (ctx.dialog.current) ctx.dialog.update('browse', { stack: kept }, { timeoutMs: BROWSE_TIMEOUT_MS });
    else ctx.dialog.start('browse', { stack: kept }, { timeoutMs: BROWSE_TIMEOUT_MS });
  }

  private say(ctx: Ctx, ...parts: Array<Parameters<Ctx['reply']>[0]>): void {
    for (const part of parts) ctx.reply(part);
  }

  /** The shop said a person answers this chat: only questions get products, not remarks. */
  private waitingForPerson(ctx: Ctx): boolean {
    return ctx.customer.handoffUntil !== null && ctx.now < ctx.customer.handoffUntil;
  }

  /** Products were shown with their prices and stock: the generic answers to those are not needed. */
  private shownProducts(ctx: Ctx): void {
    ctx.markAnswered('harga');
    ctx.markAnswered('stok');
  }

  // ---- the one entry: the menu's item, a step of the browsing, or a message about products ------

  async middleware(ctx: Ctx, next: Next): Promise<void> {
    const session = ctx.dialog.current;
    if (session && (await this.step(ctx, session, next))) return;
    const choice = ctx.choice;
    if (choice?.kind === 'item' && choice.owner === CATALOG_SLICE && choice.item.id === MENU_ITEM) {
      this.showCategories(ctx, []);
      return;
    }
    // any other choice from the main menu is the menu's
    if (choice) return next();
    // an auto-reply, a promotion, a parcel "notice" with a link: nothing to answer about products
    if (ctx.text === '' || ctx.reading.noise || !(await this.answer(ctx, next))) await next();
    // Someone else answered (a quick reply, the away message): the list on screen is no longer
    // the catalog's, so a number the customer sends next is not read as a product.
    if (session && ctx.replied && !ctx.repliedSelf) ctx.dialog.end();
  }

  /**
   * A message while the customer browses: a number from the list on screen, paging, back, an
   * order or a question about the product shown. True when it was one (and answered).
   */
  private async step(ctx: Ctx, session: DialogSession, next: Next): Promise<boolean> {
    const parsed = browseSchema.safeParse(session.data);
    if (!parsed.success) {
      // a session from an older version or a damaged file: start over quietly
      ctx.dialog.end();
      return false;
    }
    const stack = parsed.data.stack;
    const r = ctx.reading;
    if (r.navigation === 'menu' || r.navigation === 'leave') {
      // leaving the list: the message goes on as any other ("menu" gets the main menu)
      ctx.dialog.end();
      await next();
      return true;
    }
    // a picture, even with "2" under it, is for a person to look at: the usual way
    if (ctx.text === '' || ctx.msg.kind !== 'text') return false;
    const order = orderIntent(r);
    if (order) {
      await this.order(ctx, stack, order, next);
      return true;
    }
    const top = stack.at(-1);
    if (top?.type === 'product' && top.askedQty) {
      // "Mau pesan berapa?" answered with "2", "5 tangkai", "3 aja kak"
      const qty = bareQuantity(r);
      if (qty !== null) {
        await this.place(ctx, stack, [{ code: top.code, qty }]);
        return true;
      }
    }
    if (isAfterSale(r)) return false;
    const n = listNumber(r);
    if (n !== null && this.listOf(stack)) {
      await this.pick(ctx, stack, n);
      return true;
    }
    if (r.navigation === 'next') {
      if (this.nextPage(ctx, stack)) return true;
    } else if (r.navigation === 'back') {
      await this.back(ctx, stack);
      return true;
    }
    return top?.type === 'product' && this.aboutThis(ctx, top.code);
  }

  /** The list a number refers to: the one on top, or under the product being looked at. */
  private listOf(stack: View[]): { view: View; index: number } | null {
    for (let i = stack.length - 1; i >= 0; i--) {
      const v = stack[i] as View;
      if (v.type === 'product') {
        if (v.alternatives.length > 0) return { view: v, index: i };
        continue;
      }
      return { view: v, index: i };
    }
    return null;
  }

  /** "ini berapa?", "ready?" about the product on screen: its own price and stock, not the generic answer. */
  private aboutThis(ctx: Ctx, code: string): boolean {
    const asked = asksAboutThis(ctx.reading);
    const product = this.catalog.shown(code);
    if (!asked || !product) return false;
    const stock = product.stock === 'ready' ? '✅ stok ready' : '❌ stok sedang habis';
    const how = product.stock === 'ready' ? ` Untuk memesan, balas *pesan <jumlah>*, misalnya *pesan 2*.` : '';
    this.say(ctx, `*${product.name}* (${product.code}): ${formatRupiah(product.price)}, ${stock}.${how}`);
    this.shownProducts(ctx);
    return true;
  }

  private async pick(ctx: Ctx, stack: View[], n: number): Promise<void> {
    const found = this.listOf(stack);
    if (!found) return;
    const { view, index } = found;
    const base = stack.slice(0, index + 1);
    const choices = view.type === 'categories' ? view.names : view.type === 'product' ? view.alternatives : view.codes;
    const chosen = choices[n - 1];
    if (n < 1 || chosen === undefined) {
      this.say(ctx, `Nomor *${n}* tidak ada di daftar, Kak. Pilih nomor 1 sampai ${choices.length}, atau ketik *menu* untuk menu utama.`);
      return;
    }
    if (view.type === 'categories') return this.openCategory(ctx, base, chosen, 0);
    const product = this.catalog.shown(chosen);
    if (!product) {
      this.say(ctx, `Maaf Kak, produk itu baru saja dihapus dari katalog. 🙏 Ketik *kembali* untuk melihat daftarnya lagi.`);
      return;
    }
    if (view.type === 'choose') return this.place(ctx, base.slice(0, -1), [{ code: product.code, qty: view.qty }]);
    return this.showProduct(ctx, base, product);
  }

  private nextPage(ctx: Ctx, stack: View[]): boolean {
    const found = this.listOf(stack);
    if (found?.view.type !== 'category') return false;
    const view = found.view;
    const total = this.catalog.inCategory(view.name).length;
    if (view.page + 1 >= pageCount(total)) {
      this.say(ctx, `Itu sudah semua produk *${view.name}*, Kak. Balas dengan *nomor* produk, atau ketik *kembali* untuk daftar kategori.`);
      return true;
    }
    this.openCategory(ctx, stack.slice(0, found.index), view.name, view.page + 1);
    return true;
  }

  private async back(ctx: Ctx, stack: View[]): Promise<void> {
    const rest = stack.slice(0, -1);
    const top = rest.at(-1);
    if (!top) {
      ctx.dialog.end();
      this.say(ctx, this.api.menu.render());
      return;
    }
    const below = rest.slice(0, -1);
    switch (top.type) {
      case 'categories':
        return this.showCategories(ctx, below);
      case 'category':
        return this.openCategory(ctx, below, top.name, top.page);
      case 'results':
      case 'choose': {
        const products = top.codes.map((c) => this.catalog.shown(c)).filter((p): p is Product => p !== undefined);
        if (products.length === 0) return this.showCategories(ctx, below);
        const view: View = { ...top, codes: products.map((p) => p.code) };
        this.say(
          ctx,
          top.type === 'results'
            ? resultList(top.title, products, undefined, ctx.language)
            : resultList(chooseTitle(top.qty, ctx.language), products, CHOOSE_FOOTER[ctx.language], ctx.language),
        );
        this.setStack(ctx, [...below, view]);
        return;
      }
      case 'product': {
        const product = this.catalog.shown(top.code);
        if (!product) return this.showCategories(ctx, below);
        return this.showProduct(ctx, below, product);
      }
    }
  }

  // ---- views -------------------------------------------------------------------------------

  showCategories(ctx: Ctx, base: View[]): void {
    const cats = this.catalog.categories();
    this.say(ctx, categoryList(this.api.texts.fill('{toko}'), cats, ctx.language));
    this.shownProducts(ctx);
    if (cats.length > 0) this.setStack(ctx, [...base, { type: 'categories', names: cats.map((c) => c.name) }]);
  }

  private openCategory(ctx: Ctx, base: View[], name: string, page: number): void {
    const products = this.catalog.inCategory(name);
    if (products.length === 0) {
      this.say(ctx, `Maaf Kak, kategori *${name}* sedang kosong.`);
      this.showCategories(
        ctx,
        base.filter((v) => v.type !== 'categories'),
      );
      return;
    }
    const p = Math.min(page, pageCount(products.length) - 1);
    this.say(ctx, categoryPage(products[0]?.category ?? name, products, p, ctx.language));
    this.shownProducts(ctx);
    this.setStack(ctx, [...base, { type: 'category', name, codes: products.map((x) => x.code), page: p }]);
  }

  async showProduct(ctx: Ctx, base: View[], product: Product): Promise<void> {
    const below = base.at(-1)?.type === 'product' ? base.slice(0, -1) : base;
    const alternatives = product.stock === 'habis' ? this.catalog.alternatives(product) : [];
    const detail = productDetail(product, alternatives, below.length > 0, ctx.language);
    const pictures = await this.catalog.pictures(product);
    const [first, ...more] = pictures;
    const parts: Array<Parameters<Ctx['reply']>[0]> = [first ? { kind: 'image', image: { path: first }, caption: detail.caption } : detail.caption];
    if (detail.rest) parts.push(detail.rest);
    for (const path of more.slice(0, 9)) parts.push({ kind: 'image', image: { path } });
    this.say(ctx, ...parts);
    this.shownProducts(ctx);
    ctx.markAnswered('pesan');
    this.setStack(ctx, [...below, { type: 'product', code: product.code, alternatives: alternatives.map((a) => a.code), askedQty: false }]);
  }

  /**
   * A product asked about, and how many of it the customer says they want: "sis monstera selembar
   * brp? aku mau 20 lembar", "kak dendrobium 38rb isi 12 kuntum kan? aku mau 4". The card answers
   * the question; what the order would be, and how to place it, follows (nothing is recorded).
   */
  private async showProductFor(ctx: Ctx, base: View[], product: Product): Promise<void> {
    await this.showProduct(ctx, base, product);
    const qty = wantedQuantity(ctx.reading.simple);
    // a sold-out product's card already says so, with what is ready instead
    if (qty === null || qty < 1 || qty > MAX_QTY || product.stock === 'habis') return;
    ctx.markAnswered('pesan');
    await this.confirmFirst(ctx, this.stackOf(ctx), [{ code: product.code, qty }]);
  }

  /**
   * Products named one after another ("mawar merah sm mawar putih", "anggrek bulan putih sama
   * ungu", "P06 or the one in the ceramic pot"): each part of the message that names one product
   * by its own name, a part with only a colour taking the words before it ("anggrek bulan").
   */
  private severalNamed(text: string): Product[] {
    const parts = text
      .split(/\s+(?:sm|sama|dan|dgn|dengan|atau|ato|or|and|vs|versus)\s+|[,&/?]/i)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length < 2 || parts.length > 6) return [];
    const vocabulary = new Set(this.catalog.visible().flatMap((p) => p.name.toLowerCase().split(/\s+/)));
    const out: Product[] = [];
    let head: string[] = [];
    for (const part of parts) {
      const own = this.namedIn(part, vocabulary);
      const product = own ?? (head.length > 0 ? this.namedIn(`${head.join(' ')} ${part}`, vocabulary) : undefined);
      if (!product) continue;
      if (!out.includes(product)) out.push(product);
      if (own)
        head = this.api
          .read(part)
          .simple.split(' ')
          .map((w) => CHAT_SPELLINGS[w] ?? w)
          .filter((w) => vocabulary.has(w))
          .slice(0, -1);
    }
    return out;
  }

  /** The one product a few words name by its own name ("mawar putih" is Mawar Putih Premium), or undefined. */
  private namedIn(words: string, vocabulary: ReadonlySet<string>): Product | undefined {
    const reading = this.api.read(words);
    const named = reading.simple
      .split(' ')
      .map((w) => CHAT_SPELLINGS[w] ?? w)
      .filter((w) => vocabulary.has(w));
    if (named.length < 2) return undefined;
    const result = this.catalog.index().search(reading, 5);
    return namedBy(result.products.slice(0, Math.max(1, result.complete)), named);
  }

  private showResults(ctx: Ctx, base: View[], title: string, products: Product[]): void {
    this.say(ctx, resultList(title, products, undefined, ctx.language));
    this.shownProducts(ctx);
    this.setStack(ctx, [...base.filter((v) => v.type !== 'choose'), { type: 'results', title, codes: products.map((p) => p.code) }]);
  }

  // ---- messages about products ----------------------------------------------------------

  /** True when the message was the catalog's and `next` has been called. */
  private async answer(ctx: Ctx, next: Next): Promise<boolean> {
    const text = ctx.text;
    const r = ctx.reading;
    const base = this.stackOf(ctx);
    const order = ctx.msg.kind === 'text' ? orderIntent(r) : null;
    const changed = ctx.msg.kind === 'text' ? this.aftercare.changes(ctx) : false;
    if (changed === true) return false;
    if (changed) {
      await this.confirmChange(ctx, base, changed.confirm);
      return false;
    }
    if (!order && this.afterOrder(ctx)) return false;
    // "gk jd yg anggrek, ganti mawar merah aja 6 tangkai" with no order open: the new choice, to confirm
    const swapped = SWAP.exec(text)?.[1];
    if (!order && ctx.msg.kind === 'text' && swapped && (await this.orderInWords(ctx, base, swapped, true))) return true;
    // an order in words, the whole message or a part of it that starts with ordering
    // (a part only with how many: "mau beli buket wisuda buat temen tp budget 80rb" asks what there is)
    const orderPart = looksLikeOrder(text) ? text : clausesOf(text).find((c) => startsOrder(c) && itemsInWords(c).some((i) => i.qty !== null));
    if (!order && ctx.msg.kind === 'text' && orderPart && (await this.orderInWords(ctx, base, orderPart))) {
      // "… mau ambil besok di toko. besok buka kan?": a question of its own after the order
      if (this.asksATopicToo(text)) await next();
      return true;
    }
    // "kirim fotonya yg anggrek pot ungu", "send me photos of your bridal bouquets", and a guess
    // for "how long is the hanging ivy": the product named is asked about, unless the catalog
    // itself is named ("katalog bunga meja", "list bunga meja", "koleksi anggreknya apa aja")
    const words = r.words.join(' ');
    const aboutProduct = r.signal('products')?.mentioned === true && !CATALOG_NAMED.test(words) && (r.leanedOn?.label === 'catalog' || PHOTOS_OF.test(words));
    if (isCatalogRequest(r) || (r.wantsTo('catalog') && !aboutProduct)) {
      // "katalog bunga meja kak": that category; otherwise the list of categories
      const named = this.catalog.categories().find((c) => r.simple.includes(c.name.toLowerCase()));
      if (named) this.openCategory(ctx, base, named.name, 0);
      else this.showCategories(ctx, []);
      return false;
    }
    if (order) {
      await this.order(ctx, base, order, next);
      return true;
    }
    if (isAfterSale(r)) return false;
    const codes = r.codes.products;
    if (codes.length > 1 && !r.question) {
      // "P01 x 20, P02 x 20, P21 x 10", "P10 merah putih 2, P13 pink 1 kak": codes each with how many
      const listed = codeList(text, (part) => this.api.read(part).codes.products);
      if (listed?.items.every((i) => this.catalog.shown(i.code))) {
        ctx.markAnswered('pesan');
        if (listed.exact) await this.place(ctx, base, listed.items);
        else await this.confirmFirst(ctx, base, listed.items);
        return false;
      }
    }
    if (codes.length > 0 && text.split(/\s+/).length <= MAX_CODE_WORDS) {
      const known = codes.map((c) => this.catalog.shown(c)).filter((p): p is Product => p !== undefined);
      const unknown = codes.filter((c) => !known.some((p) => p.code === c));
      if (unknown.length > 0) this.say(ctx, `Maaf Kak, kode *${unknown.join(', ')}* tidak ada di katalog kami. 🙏`);
      if (known.length === 1) await this.showProductFor(ctx, base, known[0] as Product);
      else if (known.length > 1)
        this.showResults(ctx, base, ctx.language === 'en' ? 'These are the products you named:' : 'Ini produk yang Kakak sebut:', known);
      else this.showCategories(ctx, []);
      return false;
    }
    const category = this.catalog.categoryNamed(r.simple);
    if (category) {
      this.openCategory(ctx, base, category, 0);
      return false;
    }
    if (text.split(/\s+/).length > MAX_SEARCH_WORDS) return false;
    await this.search(ctx, base);
    return false;
  }

  /** Products asked about in words: the one named, several named, what the search finds, or "not carried". */
  private async search(ctx: Ctx, base: View[]): Promise<void> {
    const text = ctx.text;
    const r = ctx.reading;
    // "ada bunga segar ga kak? yg asli", "do you sell fresh flowers?": the shop's are artificial
    if (FRESH.test(r.words.join(' ')) && r.question) {
      this.say(ctx, this.api.texts.render('katalog.bukan-segar', { nama: ctx.addressee }, ctx.language));
      this.showCategories(ctx, []);
      return;
    }
    const index = this.catalog.index();
    const plain = withoutIdioms(text);
    // "harga mawar merah sm mawar putih sama ya?", "anggrek bulan putih sama ungu beda harga ga?"
    const several = this.severalNamed(plain);
    if (several.length >= 2 && asksAboutProducts(r, { strict: ctx.msg.kind !== 'text' || this.waitingForPerson(ctx) })) {
      this.showResults(ctx, base, ctx.language === 'en' ? 'These are the products you named:' : 'Ini produk yang Kakak sebut:', several);
      return;
    }
    const query = plain === text ? r : this.api.read(plain);
    const result = index.search(query, 5);
    if (
      result.products.length > 0 &&
      (index.mentionsProducts(query) || result.cheapest) &&
      asksAboutProducts(r, { strict: ctx.msg.kind !== 'text' || this.waitingForPerson(ctx) })
    ) {
      // the products that have every word asked, when some do ("mawar biru" is the blue rose), and
      // of those the one whose own name says it all ("mawar putih ready?" is Mawar Putih Premium)
      const complete = result.products.slice(0, result.complete);
      const named = namedBy(
        complete,
        (plain === text ? r : query).simple
          .split(' ')
          .filter((w) => !FILLER_WORDS.has(w) && courtesyOf(w) === null)
          .map((w) => CHAT_SPELLINGS[w] ?? w),
      );
      const found = named ? [named] : result.complete > 0 ? complete : result.products;
      if (found.length === 1) await this.showProductFor(ctx, base, found[0] as Product);
      else this.showResults(ctx, base, foundTitle(result.cheapest, ctx.language), found);
      return;
    }
    const wanted = productRequest(r);
    if (wanted) {
      this.say(ctx, this.api.texts.render('katalog.tidak-ada', { nama: ctx.addressee, cari: wanted }, ctx.language));
      this.showCategories(ctx, []);
    }
  }

  /**
   * "Sudah transfer", "pesanan saya sudah dikirim?", "O-0003 gimana?": about an order already
   * placed. True when it was (and answered). A question about delivery from someone who has
   * not ordered ("kapan dikirim kalau pesan hari ini?") is the quick replies'.
   */
  private afterOrder(ctx: Ctx): boolean {
    const r = ctx.reading;
    // "pesanan sy sm bukti tf udh diterima kan?": a question about the order, the payment with it
    if (r.wantsTo('paid') && !(r.wantsTo('status') && r.question)) {
      this.aftercare.paid(ctx);
      // "udh transfer …, kirimnya bs siang ini kak?", "… tp kok blm ada konfirmasi": where the order is
      if (this.asksAfterPaying(ctx.text)) this.aftercare.status(ctx, { quiet: true });
      return true;
    }
    // "udh sy tf 250rb ya kak. kapan dikirim?": thanked for paying, and told where the order is
    // (the owner hears of it once, as a payment)
    if (
      r.wantsTo('paid') &&
      /\b(?:sudah|udah|udh|sdh|telah|barusan|done|i ve|i have|already)\b/.test(r.simple) &&
      !/\b(?:belum|blm|sudah diterima|udh diterima)\b/.test(r.simple)
    ) {
      this.aftercare.paid(ctx);
      this.aftercare.status(ctx, { quiet: true });
      return true;
    }
    if (r.wantsTo('paid')) ctx.markAnswered('bayar');
    const theirs = r.codes.orders.length > 0 || this.catalog.state.orders.some((o) => o.chatId === ctx.chatId);
    if ((r.wantsTo('status') && (theirs || OWN_ORDER.test(r.simple))) || (r.codes.orders.length > 0 && r.codes.products.length === 0)) {
      this.aftercare.status(ctx);
      return true;
    }
    return false;
  }

  /** A part of the message asks a common topic of its own (see `topicQuestions`): the quick replies answer it too. */
  private asksATopicToo(text: string): boolean {
    return topicQuestions(clausesOf(text).map((c) => this.api.read(c))).length > 0;
  }

  /**
   * A part of a payment's message asking when the order goes out or whether it was taken: not the
   * shipping fee ("ongkir nya … 20rb?" is the delivery text's).
   */
  private asksAfterPaying(text: string): boolean {
    return clausesOf(text).some((c) => {
      const part = this.api.read(c);
      if (part.wantsTo('paid') && !AFTER_PAYING.test(part.simple)) return false;
      if (/\b(?:ongkir|ongkos|biaya|fee|cost)\b/.test(part.simple)) return false;
      // asked, or still missing; not a request ("mohon diproses", "tolong segera dikirim ya")
      const asked = c.includes('?') || part.words.some((w) => QUESTION_WORDS.has(w) || w === 'belum');
      return asked && (AFTER_PAYING.test(part.simple) || part.asks('kirim'));
    });
  }

  // ---- orders --------------------------------------------------------------------------------

  private async order(ctx: Ctx, stack: View[], intent: OrderIntent, next: Next): Promise<void> {
    const request = parseOrder(intent.rest);
    // "pesan P01 1.5": never rounded silently
    const odd = /\b\d+[.,]\d+\b(?!\s*(?:lusin|dozen))/.exec(ctx.text);
    if (odd && request.items.length > 0 && request.items.length <= 1) {
      ctx.markAnswered('pesan');
      const product = this.catalog.shown(request.items[0]?.code ?? '');
      this.say(ctx, oddQuantity(odd[0], product));
      return;
    }
    // in words; asked as a question ("… total brp?"), only when it says how many (shown to confirm)
    const counted = intent.question && itemsInWords(ctx.text).some((i) => i.qty !== null);
    if (request.items.length === 0 && request.words !== '' && (!intent.question || counted) && (await this.orderInWords(ctx, stack))) {
      // "…, bayar qris bs?", "… ongkirnya brp?": a question of its own after the order
      if (this.asksATopicToo(ctx.text)) await next();
      return;
    }
    const top = stack.at(-1);
    const viewing = top?.type === 'product' ? top : null;
    const viewed = viewing ? this.catalog.shown(viewing.code) : undefined;
    const choosing = top?.type === 'choose' ? top : null;
    const answered = (): void => ctx.markAnswered('pesan');
    if (intent.negative || request.badQty !== null) {
      answered();
      this.say(ctx, `Jumlah pesanan 1 sampai ${MAX_QTY} ya, Kak. Contoh: *pesan ${viewed?.code ?? 'P01'} 2*.`);
    } else if (request.listPick !== null && this.listOf(stack)) {
      // "pesan nomor 2": the second product of the list on screen
      answered();
      await this.orderFromList(ctx, stack, request.listPick, request.qty);
    } else if (request.items.length > 0) {
      answered();
      if (request.words !== '' || intent.question) {
        // "beli P14 kemarin, pitanya warna apa?": a question or a remark, not an order to record
        await this.confirmFirst(ctx, stack, request.items);
      } else await this.place(ctx, stack, request.items);
    } else if (request.words !== '') {
      // "pesan mawar merah 3": which one? Talk about ordering ("pesan untuk acara…") is left to others.
      const words = this.api.read(request.words);
      const result = this.catalog.index().search(words, 5);
      if (result.products.length === 0 || !this.catalog.index().mentionsProducts(words)) {
        // "pesan kaktus 2" asks for a product we do not have; "pesan untuk acara…" is talk
        if (request.qty === null) return next();
        answered();
        this.say(
          ctx,
          `Maaf Kak, *${request.words}* tidak kami temukan di katalog. Ketik *katalog* untuk melihat semua produk, lalu pesan dengan kodenya, misalnya *pesan P01 2*.`,
        );
        return next();
      }
      answered();
      const found = result.complete > 0 ? result.products.slice(0, result.complete) : result.products;
      const qty = request.qty ?? 1;
      const below = choosing ? stack.slice(0, -1) : stack;
      this.say(ctx, resultList(chooseTitle(qty, ctx.language), found, CHOOSE_FOOTER[ctx.language], ctx.language));
      this.shownProducts(ctx);
      this.setStack(ctx, [...below, { type: 'choose', codes: found.map((p) => p.code), qty }]);
    } else if (choosing && request.qty !== null) {
      // "pesan 3" while choosing: the quantity changes, the choice is still to make
      answered();
      const products = choosing.codes.map((c) => this.catalog.shown(c)).filter((p): p is Product => p !== undefined);
      this.say(
        ctx,
        resultList(
          ctx.language === 'en' ? `Sure, ${request.qty}. Which one?` : `Baik, ${request.qty} buah. Yang mana, Kak?`,
          products,
          CHOOSE_FOOTER[ctx.language],
          ctx.language,
        ),
      );
      this.setStack(ctx, [...stack.slice(0, -1), { ...choosing, qty: request.qty }]);
    } else if (viewed && request.qty !== null) {
      answered();
      if (intent.question) await this.confirmFirst(ctx, stack, [{ code: viewed.code, qty: request.qty }]);
      else await this.place(ctx, stack, [{ code: viewed.code, qty: request.qty }]);
    } else if (viewed && !intent.question) {
      answered();
      this.askQuantity(ctx, stack, viewed);
    } else if (intent.question) {
      // "order bisa kak?": a question about ordering, for the quick replies
      return next();
    } else {
      answered();
      this.say(
        ctx,
        [
          request.qty !== null ? `Produk mana yang mau dipesan ${request.qty} buah, Kak?` : 'Mau pesan apa, Kak? 😊',
          'Tulis kode produk dan jumlahnya, misalnya *pesan P01 2*.',
          'Kode produk ada di *katalog*: ketik *katalog* untuk melihatnya.',
        ].join('\n'),
      );
    }
    await next();
  }

  private askQuantity(ctx: Ctx, stack: View[], product: Product): void {
    if (product.stock === 'habis') {
      this.say(ctx, `Maaf Kak, *${product.name}* (${product.code}) sedang habis. 🙏`);
      return;
    }
    this.say(ctx, `Mau pesan berapa *${product.name}*, Kak? Balas jumlahnya, misalnya *2*.`);
    const below = stack.at(-1)?.type === 'product' ? stack.slice(0, -1) : stack;
    this.setStack(ctx, [...below, { type: 'product', code: product.code, alternatives: [], askedQty: true }]);
  }

  private async orderFromList(ctx: Ctx, stack: View[], n: number, qty: number | null): Promise<void> {
    const found = this.listOf(stack);
    if (!found || found.view.type === 'categories') return this.pick(ctx, stack, n);
    const { view, index } = found;
    const codes = view.type === 'product' ? view.alternatives : view.codes;
    const product = codes[n - 1] ? this.catalog.shown(codes[n - 1] as string) : undefined;
    if (!product) {
      this.say(ctx, `Nomor *${n}* tidak ada di daftar, Kak. Pilih nomor 1 sampai ${codes.length}.`);
      return;
    }
    const base = stack.slice(0, index + 1);
    const amount = qty ?? (view.type === 'choose' ? view.qty : null);
    if (amount !== null) return this.place(ctx, view.type === 'choose' ? base.slice(0, -1) : base, [{ code: product.code, qty: amount }]);
    this.askQuantity(ctx, base, product);
  }

  /**
   * "sy ambil anggrek bulan ungu 3", "mawar merah 2 lusin, monstera 5": every item names one
   * product of the catalog, so the order is placed as "pesan P07 3" would be. False when an item
   * names none or several (the search or the list of choices answers then).
   */
  private async orderInWords(ctx: Ctx, stack: View[], text = ctx.text, confirm = false): Promise<boolean> {
    const items = itemsInWords(text);
    if (items.length === 0 || items.length > 6) return false;
    const index = this.catalog.index();
    const wanted: Array<{ code: string; qty: number }> = [];
    let noted = false;
    for (const item of items) {
      const reading = this.api.read(item.words);
      const found = index.search(reading, 5);
      const named = item.words.split(' ').map((w) => CHAT_SPELLINGS[w] ?? w);
      const product = found.complete === 1 ? found.products[0] : namedBy(found.products.slice(0, found.complete), named);
      // "…, temanya gold putih", "…, warna salem": a note that counts nothing and names nothing new
      // (not one more of the product before it): shown to confirm, the note left to the admin
      if (item.qty === null && item.odd === null && wanted.length > 0) {
        if (!product) continue;
        if (wanted.some((w) => w.code === product.code) || NOTE.test(item.words)) {
          noted = true;
          continue;
        }
      }
      if (!product || !index.mentionsProducts(reading)) return false;
      if (item.odd !== null) {
        ctx.markAnswered('pesan');
        this.say(ctx, oddQuantity(item.odd, product));
        return true;
      }
      if (item.qty !== null && (item.qty < 1 || item.qty > MAX_QTY)) return false;
      wanted.push({ code: product.code, qty: item.qty ?? 1 });
    }
    ctx.markAnswered('pesan');
    // "bisa pesan 2 buket wisuda?": what it would be, and how to order it
    if (confirm || noted || ctx.text.includes('?')) await this.confirmFirst(ctx, stack, wanted);
    else await this.place(ctx, stack, wanted);
    return true;
  }

  /** A change asked with no order open to make it on: what it would be, and how to order it. */
  private async confirmChange(ctx: Ctx, base: View[], item: { code: string; qty: number }): Promise<void> {
    ctx.markAnswered('pesan');
    const intro =
      ctx.language === 'en' ? 'We could not find an open order of yours in this chat.' : 'Kami belum menemukan pesanan Kakak yang masih terbuka di chat ini.';
    await this.confirmFirst(ctx, base, [item], intro);
  }

  /** Shows what would be ordered and the exact words to order it, recording nothing. */
  private async confirmFirst(ctx: Ctx, stack: View[], items: ReadonlyArray<{ code: string; qty: number }>, intro?: string): Promise<void> {
    const products = items.map((i) => ({ ...i, product: this.catalog.shown(i.code) }));
    const known = products.filter((i): i is { code: string; qty: number; product: Product } => i.product !== undefined);
    if (known.length === 0) return this.place(ctx, stack, items); // says which codes do not exist
    const lines = known.map((i) => `• ${i.qty} × ${i.product.name} (${i.code}) @ ${formatRupiah(i.product.price)}${stockMark(i.product, ctx.language)}`);
    const en = ctx.language === 'en';
    // "total brp?": what it comes to, for more than one piece (delivery apart)
    const total = known.reduce((sum, i) => sum + i.qty * i.product.price, 0);
    if (known.length > 1 || (known[0]?.qty ?? 1) > 1)
      lines.push(en ? `Total: ${formatRupiah(total)} (delivery not included)` : `Total: ${formatRupiah(total)} (belum termasuk ongkir)`);
    const command = `${en ? 'order' : 'pesan'} ${known.map((i) => `${i.code} ${i.qty}`).join(' ')}`;
    this.say(
      ctx,
      [
        ...(intro ? [intro] : []),
        en ? 'Is this what you mean?' : `Ini yang Kakak maksud?`,
        ...lines,
        '',
        en
          ? `If it is right, reply *${command}* to order. Other questions (colour, size, delivery) are answered by our admin in this chat. 🙏`
          : `Kalau sudah pas, balas *${command}* untuk memesan. Pertanyaan lain (warna, ukuran, ongkir) dijawab admin kami di chat ini. 🙏`,
      ].join('\n'),
    );
    this.shownProducts(ctx);
  }

  /** Records the items as an order (or adds them to the chat's open one), saves it, then says so. */
  private async place(ctx: Ctx, stack: View[], wanted: ReadonlyArray<{ code: string; qty: number }>): Promise<void> {
    const items: Array<{ product: Product; qty: number }> = [];
    const problems: string[] = [];
    let soldOut: Product | null = null;
    for (const w of wanted) {
      const product = this.catalog.shown(w.code);
      if (!product) problems.push(`Kode *${w.code}* tidak ada di katalog kami.`);
      else if (product.stock === 'habis') {
        problems.push(`*${product.name}* (${product.code}) sedang habis.`);
        soldOut ??= product;
      } else items.push({ product, qty: w.qty });
    }
    if (items.length === 0) {
      if (soldOut) {
        this.say(ctx, `Maaf Kak, ${problems.join(' ')} 🙏`);
        await this.showProduct(ctx, stack, soldOut);
      } else this.say(ctx, `Maaf Kak, ${problems.join(' ')} 🙏 Ketik *katalog* untuk melihat kode produk kami.`);
      return;
    }
    const { order, isNew, undo } = this.record(ctx, items);
    try {
      // The customer is told the order number only once the order is on disk.
      await this.api.flush();
    } catch (err) {
      // not kept: the owner records it by hand, so a later write must not bring it back
      undo();
      ctx.log.error({ err, order: order.number }, 'an order could not be saved to disk');
      this.say(
        ctx,
        `Maaf ${ctx.salutation}, pesanan Kakak belum bisa kami simpan karena gangguan di sistem kami. 🙏 Admin kami sudah diberi tahu dan akan mencatatnya langsung di chat ini.`,
      );
      void this.api.notifyOwners(
        `⚠️ Pesanan dari ${describeCustomer(ctx.customer)} tidak bisa disimpan ke disk (lihat log). Isinya:\n${orderLines(order)}\nTotal: ${formatRupiah(order.total)}\nMohon dicatat dan dibalas langsung.`,
      );
      ctx.handOff(HANDOFF_MS);
      return;
    }
    ctx.log.info({ order: order.number, items: order.items.length, total: order.total, isNew }, isNew ? 'order placed' : 'order extended');
    const english = ctx.language === 'en';
    const reply = this.api.texts.render(
      'katalog.pesanan-tercatat',
      {
        nama: english ? (ctx.customer.name ?? '') : ctx.salutation,
        nomor: order.number,
        rincian: orderLines(order),
        total: formatRupiah(order.total),
        kapan: this.api.hours.isOpen(ctx.now) ? (english ? 'as soon as possible' : 'secepatnya') : this.api.hours.describeNextOpening(ctx.now),
      },
      ctx.language,
    );
    // the order's number is never swallowed by the reply cap
    ctx.reply(problems.length > 0 ? `${reply}\n\n⚠️ ${problems.join(' ')}` : reply, { essential: true });
    this.shownProducts(ctx);
    const p = this.api.commandPrefix;
    void this.api.notifyOwners(
      [
        isNew ? `🛒 *Pesanan baru ${order.number}*` : `🛒 *Pesanan ${order.number} ditambah*`,
        `Dari: ${describeCustomer(ctx.customer)}`,
        orderLines(order),
        `*Total: ${formatRupiah(order.total)}*`,
        '',
        `Balas pelanggan di chat mereka, lalu: ${p}pesanan ${order.number} konfirmasi`,
      ].join('\n'),
    );
    // A person takes it from here: the bot does not say it "did not understand" meanwhile, and a
    // number the customer sends next (an answer to the admin) is not read from a list.
    ctx.handOff(HANDOFF_MS);
    ctx.dialog.end();
  }

  private record(ctx: Ctx, items: ReadonlyArray<{ product: Product; qty: number }>): { order: Order; isNew: boolean; undo: () => void } {
    return this.catalog.change((s) => {
      const open = s.orders.findLast((o) => o.chatId === ctx.chatId && o.status === 'baru' && ctx.now - o.updatedAt < CART_WINDOW_MS);
      const before = open ? structuredClone(open) : null;
      const order: Order = open ?? {
        number: orderNumberFor(s.nextOrder),
        chatId: ctx.chatId,
        customerNumber: ctx.customer.number,
        customerName: ctx.customer.name,
        items: [],
        total: 0,
        status: 'baru',
        createdAt: ctx.now,
        updatedAt: ctx.now,
        note: '',
        reason: '',
      };
      for (const { product, qty } of items) {
        const line = order.items.find((i) => i.code === product.code);
        if (line) line.qty = Math.min(MAX_QTY, line.qty + qty);
        else order.items.push({ code: product.code, name: product.name, price: product.price, qty });
      }
      order.total = order.items.reduce((sum, i) => sum + i.price * i.qty, 0);
      order.updatedAt = ctx.now;
      if (!open) {
        s.orders.push(order);
        s.nextOrder++;
      }
      const undo = (): void =>
        this.catalog.change((state) => {
          if (before) Object.assign(order, before);
          else {
            state.orders = state.orders.filter((o) => o !== order);
            state.nextOrder--;
          }
        });
      return { order, isNew: !open, undo };
    });
  }
}

export { PAGE_SIZE };

/** "1,5" of something sold per piece: asked about, never rounded. */
function oddQuantity(written: string, product: Product | undefined): string {
  const what = product
    ? `*${product.name}* (${product.code}) dijual per ${/per lembar/i.test(product.description) ? 'lembar' : 'buah/tangkai'}`
    : 'produk kami dijual per buah';
  const code = product?.code ?? 'P01';
  return `Maaf Kak, jumlah *${written}* belum bisa kami catat: ${what}. Mau pesan berapa? Misalnya *pesan ${code} 2*. 🙏`;
}

/** Words of a question that name no product: "ready", "harga", "brp", "ada", "stok". */
const FILLER_WORDS = new Set(
  'ada ready redy harga hrg berapa brp brapa stok stock masih msh kah ya gak ga gk tidak nggak apa yang yg dong nya price much how is the still available do you have'.split(
    ' ',
  ),
);

/**
 * A list of codes, each with how many ("P01 x 20, P02 x 20", "P10 merah putih 2, P13 pink 1"):
 * the items, and whether nothing else was written (courtesy and units aside); null when a code
 * has no quantity, or two.
 */
function codeList(text: string, codesIn: (part: string) => string[]): { items: Array<{ code: string; qty: number }>; exact: boolean } | null {
  const items: Array<{ code: string; qty: number }> = [];
  let exact = true;
  for (const part of text.split(/[,;\n]|\s+(?:dan|sama|sm|&)\s+/i)) {
    const simple = simplify(part);
    const codes = codesIn(part);
    if (codes.length === 0) {
      if (simple.split(' ').some((w) => w !== '' && courtesyOf(w) === null)) exact = false;
      continue;
    }
    if (codes.length > 1) return null;
    const rest = simple.replace(/(?<![\p{L}\p{N}])p-?\d{1,4}(?![\p{L}\p{N}])/u, ' ');
    const numbers = [...rest.matchAll(/(?<![\p{L}\p{N}])x?(\d{1,4})x?(?![\p{L}\p{N}])/gu)].map((m) => Number(m[1]));
    if (numbers.length !== 1 || (numbers[0] as number) < 1 || (numbers[0] as number) > MAX_QTY) return null;
    items.push({ code: codes[0] as string, qty: numbers[0] as number });
    const others = rest.split(' ').filter((w) => w !== '' && !/^x?\d+x?$/.test(w) && !UNITS.has(w) && courtesyOf(w) === null);
    if (others.length > 0) exact = false;
  }
  return items.length > 1 ? { items, exact } : null;
}

/** Of several products that match, the one whose own name has every word ("mawar merah" is Mawar Merah Premium). */
function namedBy(products: readonly Product[], words: readonly string[]): Product | undefined {
  const named = products.filter((p) => {
    const name = p.name.toLowerCase();
    return words.every((w) => name.includes(w));
  });
  return named.length === 1 ? named[0] : undefined;
}
