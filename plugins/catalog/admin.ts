import type { Catalog } from './catalog.js';
import { codeFor, formatRupiah, normaliseCode, normaliseOrderNumber, parsePrice, sortProducts, type CatalogState, type Order, type Product } from './model.js';
import { orderCard, orderLines, orderSummary, ownerProductCard, ownerProductLine } from './views.js';
import { type CommandBuilder, type CommandContext, describeCustomer, formatLocal, type PluginApi, ReplyError, UsageError } from '../../src/plugin-api.js';

/**
 * The owner's catalog commands, typed in WhatsApp: !produk manages products, !pesanan follows the
 * orders customers placed. A malformed command changes nothing and answers with the reason and
 * the usage.
 */
export const OWNER_PAGE_SIZE = 20;
export const DELETE_CONFIRM_MS = 10 * 60_000;
export const MAX_PHOTOS = 10;
export const LIMITS = { name: 100, category: 60, description: 2000, options: 500 } as const;

type Api = PluginApi<CatalogState, unknown>;
type Ctx = CommandContext<CatalogState, unknown>;
type Builder = CommandBuilder<CatalogState, unknown>;

const FIELDS: Record<string, 'name' | 'price' | 'category' | 'description' | 'options' | 'order'> = {
  nama: 'name',
  name: 'name',
  harga: 'price',
  price: 'price',
  kategori: 'category',
  category: 'category',
  deskripsi: 'description',
  keterangan: 'description',
  description: 'description',
  opsi: 'options',
  pilihan: 'options',
  options: 'options',
  urutan: 'order',
  order: 'order',
};

const FIELD_WORDS: Record<string, string> = { name: 'nama', price: 'harga', category: 'kategori', description: 'deskripsi', options: 'opsi', order: 'urutan' };

/** Checks a product's text fields; the first problem, or null. Shared with the CSV import. */
export function checkName(name: string): string | null {
  if (name === '') return 'nama produk kosong';
  if (name.length > LIMITS.name) return `nama produk ${name.length} huruf, paling banyak ${LIMITS.name}`;
  return null;
}

export function checkCategory(category: string): string | null {
  if (category === '') return 'kategori kosong';
  if (category.length > LIMITS.category) return `kategori ${category.length} huruf, paling banyak ${LIMITS.category}`;
  return null;
}

/** Applies `set` when `needed`; says whether anything changed. */
function flip(needed: boolean, set: () => unknown): boolean {
  if (needed) set();
  return needed;
}

const CODE_MISSING = 'Kode produknya belum ditulis, misalnya P07.';
const FIELD_LIST = 'nama, harga, kategori, deskripsi, opsi, atau urutan';

/** The product code written at position `at` of what the owner typed, normalised when it is one. */
function codeIn(typed: string, at: number): string {
  const token = typed.split(/\s+/)[at] ?? '';
  return normaliseCode(token) ?? token;
}

/** A product field as the owner reads it in a reply: long text is shortened. */
function describeField(x: Product, field: string): string {
  switch (field) {
    case 'price':
      return formatRupiah(x.price);
    case 'order':
      return String(x.order);
    default: {
      const v = String(x[field as 'name' | 'category' | 'description' | 'options']);
      if (v === '') return '(kosong)';
      return v.length > 60 ? `${v.slice(0, 57)}…` : v;
    }
  }
}

export function registerProductCommand(api: Api, catalog: Catalog): void {
  new ProductCommands(api, catalog).register();
}

/** !produk: its declaration (the forms, in the order they are matched and listed) and its handlers. */
class ProductCommands {
  private readonly p: string;

  constructor(
    private readonly api: Api,
    private readonly catalog: Catalog,
  ) {
    this.p = api.commandPrefix;
  }

  register(): void {
    const command = this.api.command({
      name: 'produk',
      aliases: ['product', 'products'],
      help: 'Kelola katalog: tambah produk, ubah harga, stok habis/ready, foto.',
      args: {
        kode: { check: (token) => this.find(token).code, missing: CODE_MISSING },
        // "P09, P10" is how the bot itself lists codes: commas separate as spaces do
        daftar: { missing: CODE_MISSING },
        field: {
          check: (token) => {
            if (!FIELDS[token.toLowerCase()]) throw new UsageError(`"${token}" bukan field produk. Pilih: ${FIELD_LIST}.`);
            return token.toLowerCase();
          },
          missing: `Field yang diubah belum ditulis: ${FIELD_LIST}.`,
        },
        nilai: { missing: (written) => `Nilai ${FIELD_WORDS[FIELDS[(written['field'] ?? '').toLowerCase()] ?? ''] ?? ''} yang baru belum ditulis.` },
      },
    });
    // the forms go on the one command in this order, which is the order of its usage in !bantuan
    this.declareViewForms(command);
    this.declareEditForms(command);
    this.declareDeleteForms(command);
    this.declarePhotoForms(command);
  }

  private declareViewForms(command: Builder): void {
    const p = this.p;
    command
      .form('', 'daftar produk dengan kode, harga, stok, dan yang disembunyikan', (ctx) => this.list(ctx, 1))
      .form(
        'hal|halaman|page <N>',
        'halaman berikutnya dari daftar',
        (ctx, { N }) => {
          const n = Number(N);
          if (!Number.isInteger(n)) throw new UsageError('Tulis nomor halamannya, misalnya: hal 2.');
          this.list(ctx, n);
        },
        { problem: 'Tulis nomor halamannya, misalnya: hal 2.' },
      )
      .form('<kode>', 'lihat satu produk lengkap, misalnya P07', (ctx, { kode }) => ctx.reply(ownerProductCard(this.find(kode))), {
        args: {
          kode: (token) => {
            if (!normaliseCode(token)) throw new UsageError(`"${token}" bukan perintah ${p}produk yang dikenal.`);
            return this.find(token).code;
          },
        },
        // "!produk P09 harga 30rb": the owner meant to change it
        problem: (typed) => {
          const [first = '', second = ''] = typed.split(/\s+/);
          if (normaliseCode(first) && FIELDS[second.toLowerCase()]) return `Untuk mengubah, tulis: ${p}produk ubah ${typed}`;
          return `"${first}" bukan perintah ${p}produk yang dikenal.`;
        },
      });
  }

  private declareEditForms(command: Builder): void {
    const p = this.p;
    command
      .form(
        'tambah|add <nama> | <harga> | <kategori> | [deskripsi]',
        'tambah produk; deskripsi boleh dikosongkan; harga seperti 25000, 25.000, 25rb',
        (ctx, fields) => this.add(ctx, fields),
        {
          problem: `Nama, harga, dan kategori harus diisi, dipisah tanda |. Contoh:\n${p}produk tambah Mawar Merah | 25rb | Mawar | Mawar artificial 60 cm`,
        },
      )
      .form(
        'ubah|edit|set <kode> <field> <nilai...>',
        'ubah nama, harga, kategori, deskripsi, opsi, atau urutan (deskripsi/opsi "-" = kosongkan)',
        (ctx, args) => this.edit(ctx, args),
      )
      .form(
        'habis|kosong <daftar...:kode>',
        'tandai stok habis (boleh beberapa kode)',
        this.stock('habis', (x) => flip(x.stock === 'ready', () => (x.stock = 'habis'))),
      )
      .form(
        'ready|ada|tersedia <daftar...:kode>',
        'tandai stok ready lagi',
        this.stock('ready', (x) => flip(x.stock === 'habis', () => (x.stock = 'ready'))),
      )
      .form(
        'sembunyi|sembunyikan|hide <daftar...:kode>',
        'sembunyikan dari pelanggan',
        this.stock('disembunyikan dari pelanggan', (x) => flip(!x.hidden, () => (x.hidden = true))),
      )
      .form(
        'tampil|tampilkan|show <daftar...:kode>',
        'tampilkan lagi ke pelanggan',
        this.stock('tampil untuk pelanggan', (x) => flip(x.hidden, () => (x.hidden = false))),
      );
  }

  private declareDeleteForms(command: Builder): void {
    const p = this.p;
    command
      .form('hapus|delete <kode>', 'hapus produk; diminta konfirmasi, fotonya tetap disimpan', (ctx, { kode }) => this.remove(ctx, kode, null))
      .form('hapus|delete <kode> ya|yes|y', 'ya, hapus (dalam 10 menit setelah diminta)', (ctx, { kode }) => this.remove(ctx, kode, 'ya'), {
        problem: (typed) => `Untuk memastikan, tulis: ${p}produk hapus ${codeIn(typed, 1)} ya`,
      })
      .form('hapus|delete <kode> tidak|batal|no|jangan|gak|ga', 'tidak jadi menghapus', (ctx, { kode }) => this.remove(ctx, kode, 'tidak'), {
        problem: (typed) => `Untuk memastikan, tulis: ${p}produk hapus ${codeIn(typed, 1)} ya`,
      });
  }

  private declarePhotoForms(command: Builder): void {
    const p = this.p;
    command
      .form('foto|photo <kode>', 'tulis sebagai keterangan foto yang dikirim: menambah foto produk', (ctx, { kode }) => this.addPhoto(ctx, kode))
      .form(
        'foto|photo <kode> hapus|clear|delete',
        'lepaskan semua foto dari produk (berkasnya tetap disimpan)',
        (ctx, { kode }) => this.clearPhotos(ctx, kode),
        { problem: (typed) => `Setelah kode hanya bisa "hapus": ${p}produk foto ${codeIn(typed, 1)} hapus` },
      );
  }

  private find(token: string | undefined): Product {
    const p = this.p;
    const code = token ? normaliseCode(token) : null;
    if (!token) throw new UsageError(CODE_MISSING);
    if (!code) throw new UsageError(`"${token}" bukan kode produk. Kode produk seperti P07; lihat daftarnya dengan ${p}produk`);
    const product = this.catalog.get(code);
    if (!product) throw new UsageError(`Produk ${code} tidak ada. Lihat daftarnya dengan ${p}produk`);
    return product;
  }

  private sameName(name: string, except?: string): Product | undefined {
    return this.catalog.state.products.find((x) => x.code !== except && x.name.toLowerCase() === name.toLowerCase());
  }

  private list(ctx: Ctx, page: number): void {
    const p = this.p;
    const products = sortProducts(this.catalog.state.products);
    if (products.length === 0) {
      ctx.reply(`Katalog masih kosong. Tambah produk dengan:\n${p}produk tambah Mawar Merah | 25rb | Mawar | Mawar artificial 60 cm`);
      return;
    }
    const pages = Math.ceil(products.length / OWNER_PAGE_SIZE);
    if (page < 1 || page > pages) throw new UsageError(`Halaman ${page} tidak ada; daftar produk punya ${pages} halaman.`);
    const shown = products.slice((page - 1) * OWNER_PAGE_SIZE, page * OWNER_PAGE_SIZE);
    const habis = products.filter((x) => x.stock === 'habis').length;
    const hidden = products.filter((x) => x.hidden).length;
    ctx.reply(
      [
        `📦 *Produk* · ${products.length} produk · ${habis} habis · ${hidden} disembunyikan${pages > 1 ? ` · halaman ${page}/${pages}` : ''}`,
        ...shown.map(ownerProductLine),
        '',
        page < pages ? `Halaman berikutnya: ${p}produk hal ${page + 1}` : `Detail satu produk: ${p}produk P01 · Semua perintah: ${p}bantuan produk`,
      ].join('\n'),
    );
  }

  /** The handler of a form that sets one flag on the products it lists. */
  private stock(label: string, apply: (x: Product) => boolean) {
    return (ctx: Ctx, { daftar }: { daftar: string }): void => this.setFlag(ctx, daftar.split(/[\s,]+/).filter(Boolean), label, apply);
  }

  /** Sets one flag on one or more products; an unknown code refuses them all. */
  private setFlag(ctx: Ctx, tokens: string[], label: string, apply: (x: Product) => boolean): void {
    if (tokens.length === 0) throw new UsageError(CODE_MISSING);
    const products = [...new Set(tokens.map((token) => this.find(token)))];
    const changed: string[] = [];
    const already: string[] = [];
    this.catalog.change(() => {
      for (const x of products) (apply(x) ? changed : already).push(x.code);
    });
    const lines = [];
    if (changed.length > 0) lines.push(`✅ ${changed.join(', ')} sekarang ${label}.`);
    if (already.length > 0) lines.push(`${already.join(', ')} memang sudah ${label}.`);
    ctx.reply(lines.join('\n'));
  }

  private add(ctx: Ctx, fields: { nama: string; harga: string; kategori: string; deskripsi?: string }): void {
    const p = this.p;
    const catalog = this.catalog;
    const { nama: name, harga: priceText, kategori: categoryText } = fields;
    const description = fields.deskripsi ?? '';
    const problem = checkName(name) ?? checkCategory(categoryText);
    if (problem) throw new UsageError(`Tidak ditambahkan: ${problem}.`);
    const price = parsePrice(priceText);
    if (!price.ok) throw new UsageError(`Tidak ditambahkan: ${price.reason}.`);
    if (description.length > LIMITS.description)
      throw new UsageError(`Tidak ditambahkan: deskripsi ${description.length} huruf, paling banyak ${LIMITS.description}.`);
    const twin = this.sameName(name);
    if (twin) throw new UsageError(`Tidak ditambahkan: sudah ada ${twin.code} bernama "${twin.name}".`);
    const existing =
      catalog.categoryNamed(categoryText) ?? catalog.state.products.find((x) => x.category.toLowerCase() === categoryText.toLowerCase())?.category;
    const category = existing ?? categoryText;
    const product = catalog.change((s) => {
      const created: Product = {
        code: codeFor(s.nextCode),
        name,
        category,
        price: price.value,
        description,
        options: '',
        photos: [],
        placeholder: null,
        stock: 'ready',
        hidden: false,
        order: s.products.reduce((max, x) => Math.max(max, x.order), 0) + 1,
      };
      s.products.push(created);
      s.nextCode++;
      return created;
    });
    ctx.reply(
      [
        `✅ Produk *${product.code}* ditambahkan: ${product.name} · ${formatRupiah(product.price)} · ${category}${existing ? '' : ' (kategori baru)'}`,
        `Kirim fotonya dengan keterangan *${p}produk foto ${product.code}*. Sampai ada foto, pelanggan melihat kartu bergambar.`,
        `Pilihan warna/ukuran: ${p}produk ubah ${product.code} opsi Warna: merah, putih`,
      ].join('\n'),
    );
  }

  private async edit(ctx: Ctx, args: { kode: string; field: string; nilai: string }): Promise<void> {
    const catalog = this.catalog;
    const product = this.find(args.kode);
    const field = FIELDS[args.field] as NonNullable<(typeof FIELDS)[string]>;
    // the value keeps its own spacing and line breaks
    const value = args.nilai;
    const before = describeField(product, field);
    if (value === '-' && (field === 'name' || field === 'category' || field === 'price' || field === 'order')) {
      throw new UsageError(`Tidak diubah: "-" hanya untuk mengosongkan deskripsi atau opsi; ${FIELD_WORDS[field]} harus diisi.`);
    }
    switch (field) {
      case 'name': {
        const problem = checkName(value);
        if (problem) throw new UsageError(`Tidak diubah: ${problem}.`);
        const twin = this.sameName(value, product.code);
        if (twin) throw new UsageError(`Tidak diubah: sudah ada ${twin.code} bernama "${twin.name}".`);
        catalog.change(() => void (product.name = value));
        await catalog.dropCard(product);
        break;
      }
      case 'price': {
        const price = parsePrice(value);
        if (!price.ok) throw new UsageError(`Tidak diubah: ${price.reason}.`);
        catalog.change(() => void (product.price = price.value));
        break;
      }
      case 'category': {
        const problem = checkCategory(value);
        if (problem) throw new UsageError(`Tidak diubah: ${problem}.`);
        const existing = catalog.state.products.find((x) => x.code !== product.code && x.category.toLowerCase() === value.toLowerCase())?.category;
        catalog.change(() => void (product.category = existing ?? value));
        await catalog.dropCard(product);
        break;
      }
      case 'description':
      case 'options': {
        const cleared = value === '-' ? '' : value;
        if (cleared.length > LIMITS[field])
          throw new UsageError(`Tidak diubah: ${FIELD_WORDS[field]} ${cleared.length} huruf, paling banyak ${LIMITS[field]}.`);
        catalog.change(() => void (product[field] = cleared));
        break;
      }
      case 'order': {
        if (!/^-?\d{1,6}$/.test(value)) throw new UsageError(`Tidak diubah: urutan harus bilangan bulat, misalnya 5 (kecil tampil lebih dulu).`);
        catalog.change(() => void (product.order = Number(value)));
        break;
      }
    }
    ctx.reply(`✅ ${product.code} ${FIELD_WORDS[field]}: ${before} → ${describeField(product, field)}`);
  }

  private remove(ctx: Ctx, code: string, answer: 'ya' | 'tidak' | null): void {
    const p = this.p;
    const catalog = this.catalog;
    const product = this.find(code);
    if (answer === 'tidak') {
      if (catalog.state.pendingDelete?.code === product.code) catalog.change((s) => void (s.pendingDelete = null));
      ctx.reply(`Baik, ${product.code} ${product.name} tidak dihapus.`);
      return;
    }
    const confirm = answer ?? undefined;
    const pending = catalog.state.pendingDelete;
    const confirmed = confirm !== undefined && pending?.code === product.code && ctx.now - pending.at <= DELETE_CONFIRM_MS && ctx.now >= pending.at;
    if (!confirmed) {
      // a "ya" for another product does not drop a deletion still waiting to be confirmed
      const otherWaiting = confirm !== undefined && pending !== null && pending.code !== product.code && ctx.now - pending.at <= DELETE_CONFIRM_MS;
      if (!otherWaiting) catalog.change((s) => void (s.pendingDelete = { code: product.code, at: ctx.now }));
      ctx.reply(
        [
          confirm !== undefined ? 'Konfirmasinya sudah lewat 10 menit atau belum diminta.' : '',
          `⚠️ Hapus *${product.code} ${product.name}* (${formatRupiah(product.price)}) dari katalog?`,
          `Kalau yakin, dalam 10 menit tulis: *${p}produk hapus ${product.code} ya*`,
          `Cukup disembunyikan? ${p}produk sembunyi ${product.code}`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return;
    }
    catalog.change((s) => {
      s.products = s.products.filter((x) => x.code !== product.code);
      s.pendingDelete = null;
    });
    ctx.reply(
      `🗑️ ${product.code} ${product.name} dihapus dari katalog. Kodenya tidak dipakai lagi untuk produk lain.${product.photos.length > 0 ? ` ${product.photos.length} fotonya tetap tersimpan di folder data/media.` : ''}`,
    );
  }

  private clearPhotos(ctx: Ctx, code: string): void {
    const product = this.find(code);
    if (ctx.msg.image)
      throw new UsageError(`Foto yang dikirim bersama "${this.p}produk foto ${product.code} hapus" tidak disimpan; kirim perintahnya tanpa foto.`);
    const count = product.photos.length;
    if (count === 0) throw new UsageError(`${product.code} memang belum punya foto.`);
    this.catalog.change(() => void (product.photos = []));
    ctx.reply(
      `✅ ${count} foto dilepas dari ${product.code} ${product.name}; berkasnya tetap tersimpan di data/media. Pelanggan sekarang melihat kartu bergambar.`,
    );
  }

  private async addPhoto(ctx: Ctx, code: string): Promise<void> {
    const p = this.p;
    const product = this.find(code);
    if (!ctx.msg.image) {
      throw new UsageError(`Perintah ini ditulis sebagai keterangan sebuah foto: kirim fotonya dengan keterangan ${p}produk foto ${product.code}`);
    }
    if (product.photos.length >= MAX_PHOTOS)
      throw new UsageError(`${product.code} sudah punya ${MAX_PHOTOS} foto. Lepaskan dulu dengan ${p}produk foto ${product.code} hapus`);
    let saved: string;
    try {
      saved = await this.api.media.save(ctx.msg.image, `produk-${product.code}`);
    } catch (err) {
      ctx.log.warn({ err, code: product.code }, 'a product photo could not be kept');
      throw new ReplyError(`⚠️ Foto untuk ${product.code} tidak bisa disimpan (${(err as Error).message}). Katalog tidak berubah; coba kirim lagi.`);
    }
    this.catalog.change(() => void product.photos.push(saved));
    ctx.reply(`✅ Foto ke-${product.photos.length} untuk *${product.code} ${product.name}* disimpan. Pelanggan melihatnya di detail produk.`);
  }
}

const isOpen = (o: Order): boolean => o.status === 'baru' || o.status === 'dikonfirmasi';

const closedAlready = (o: Order): never => {
  throw new UsageError(`Pesanan ${o.number} sudah ${o.status}; statusnya tidak bisa diubah lagi.`);
};

export function registerOrderCommand(api: Api, catalog: Catalog): void {
  new OrderCommands(api, catalog).register();
}

/** !pesanan: its declaration and the handlers that follow up an order and tell the customer. */
class OrderCommands {
  private readonly p: string;
  private readonly tz: string;

  constructor(
    private readonly api: Api,
    private readonly catalog: Catalog,
  ) {
    this.p = api.commandPrefix;
    this.tz = api.timeZone;
  }

  register(): void {
    const p = this.p;
    this.api
      .command({
        name: 'pesanan',
        aliases: ['orders', 'order'],
        help: 'Lihat dan tindak lanjuti pesanan pelanggan: konfirmasi, selesai, batal.',
        args: { nomor: (token) => this.find(token).number },
      })
      .form('', 'daftar pesanan yang masih terbuka (baru dan dikonfirmasi)', (ctx) => this.list(ctx, false))
      .form('semua|all', '20 pesanan terakhir, termasuk yang selesai dan batal', (ctx) => this.list(ctx, true))
      .form('<nomor>', 'lihat satu pesanan, misalnya O-0001 (boleh ditulis 1)', (ctx, { nomor }) => this.show(ctx, nomor))
      .form('<nomor> konfirmasi|confirm|ok [catatan...]', 'konfirmasi pesanan; pelanggan diberi tahu, dengan catatan jika ada', (ctx, { nomor, catatan }) =>
        this.confirm(ctx, nomor, catatan ?? ''),
      )
      .form('<nomor> selesai|done', 'pesanan selesai; pelanggan menerima ucapan terima kasih', (ctx, { nomor }) => this.finish(ctx, nomor), {
        problem: (typed) => `"selesai" tidak diikuti apa-apa: ${p}pesanan ${normaliseOrderNumber(typed.split(/\s+/)[0] ?? '') ?? ''} selesai`,
      })
      .form(
        '<nomor> batal|cancel [alasan...]',
        'batalkan pesanan; pelanggan diberi tahu alasannya dengan sopan',
        (ctx, { nomor, alasan }) => this.cancel(ctx, nomor, alasan ?? ''),
        { shown: '<nomor> batal <alasan>' },
      );
  }

  private when(t: number): string {
    return formatLocal(t, this.tz);
  }

  private who(o: Order): string {
    return describeCustomer({ name: o.customerName, number: o.customerNumber });
  }

  /** Sends the customer one of the plugin's texts about their order; says how that went, for the owner's reply. */
  private async tell(ctx: Ctx, o: Order, key: string, vars: Record<string, string>): Promise<string> {
    const chat = this.api.chat(o.chatId);
    if (!chat) return ' Pelanggan tidak bisa dikabari lewat bot (chatnya tidak dikenal); kabari langsung ya.';
    await chat.send(this.api.texts.render(key, { nama: chat.salutation, nomor: o.number, ...vars }));
    ctx.log.info({ order: o.number, status: o.status }, 'customer told about their order');
    return ' Pelanggan sudah diberi tahu.';
  }

  private find(token: string): Order {
    const number = normaliseOrderNumber(token);
    if (!number) throw new UsageError(`"${token}" bukan nomor pesanan. Nomor pesanan seperti O-0001.`);
    const order = this.catalog.state.orders.find((o) => o.number === number);
    if (!order) throw new UsageError(`Pesanan ${number} tidak ada. Lihat yang terbuka dengan ${this.p}pesanan`);
    return order;
  }

  private list(ctx: Ctx, all: boolean): void {
    const p = this.p;
    const orders = this.catalog.state.orders;
    const shown = all ? orders.slice(-20) : orders.filter((o) => o.status === 'baru' || o.status === 'dikonfirmasi');
    if (shown.length === 0) {
      ctx.reply(all ? 'Belum ada pesanan sama sekali.' : `Tidak ada pesanan yang terbuka. 🎉 Semua pesanan: ${p}pesanan semua`);
      return;
    }
    const lines = shown.slice(-30).map((o) => orderSummary(o, this.when(o.createdAt)));
    ctx.reply(
      [
        all ? `🧾 *${shown.length} pesanan terakhir*` : `🧾 *${shown.length} pesanan terbuka*`,
        ...lines,
        '',
        `Detail: ${p}pesanan <nomor> · Tindak lanjut: ${p}pesanan <nomor> konfirmasi | selesai | batal <alasan>`,
      ].join('\n'),
    );
  }

  private show(ctx: Ctx, nomor: string): void {
    const order = this.find(nomor);
    ctx.reply(orderCard(order, this.who(order), this.when(order.createdAt), this.when(order.updatedAt)));
  }

  private async confirm(ctx: Ctx, nomor: string, note: string): Promise<void> {
    const order = this.find(nomor);
    if (order.status === 'dikonfirmasi')
      throw new UsageError(`Pesanan ${order.number} sudah dikonfirmasi. Selanjutnya: ${this.p}pesanan ${order.number} selesai`);
    if (!isOpen(order)) closedAlready(order);
    if (note.length > 500) throw new UsageError('Catatannya terlalu panjang (paling banyak 500 huruf).');
    this.catalog.change(() => {
      order.status = 'dikonfirmasi';
      order.note = note;
      order.updatedAt = ctx.now;
    });
    const told = await this.tell(ctx, order, 'katalog.pesanan-dikonfirmasi', {
      rincian: orderLines(order),
      total: formatRupiah(order.total),
      catatan: note ? `\n📝 ${note}` : '',
    });
    ctx.reply(`✅ Pesanan ${order.number} dikonfirmasi.${told}`);
  }

  private async finish(ctx: Ctx, nomor: string): Promise<void> {
    const order = this.find(nomor);
    if (!isOpen(order)) closedAlready(order);
    this.catalog.change(() => {
      order.status = 'selesai';
      order.updatedAt = ctx.now;
    });
    const told = await this.tell(ctx, order, 'katalog.pesanan-selesai', {});
    ctx.reply(`🌸 Pesanan ${order.number} selesai.${told}`);
  }

  private async cancel(ctx: Ctx, nomor: string, reason: string): Promise<void> {
    const order = this.find(nomor);
    if (!isOpen(order)) closedAlready(order);
    if (reason === '') throw new UsageError(`Tulis alasannya untuk pelanggan, misalnya: ${this.p}pesanan ${order.number} batal stok sedang kosong`);
    if (reason.length > 500) throw new UsageError('Alasannya terlalu panjang (paling banyak 500 huruf).');
    this.catalog.change(() => {
      order.status = 'batal';
      order.reason = reason;
      order.updatedAt = ctx.now;
    });
    const told = await this.tell(ctx, order, 'katalog.pesanan-batal', { alasan: reason });
    ctx.reply(`⛔ Pesanan ${order.number} dibatalkan.${told}`);
  }
}
