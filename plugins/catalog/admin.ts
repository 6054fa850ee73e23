import type { CommandContext, PluginApi } from '../../src/plugin-api.js';
import { ReplyError, UsageError } from '../../src/errors.js';
import { describeCustomer } from '../../src/engine/customers.js';
import { formatLocal } from '../../src/time.js';
import type { Catalog } from './catalog.js';
import { codeFor, formatRupiah, normaliseCode, normaliseOrderNumber, parsePrice, sortProducts, type CatalogState, type Order, type Product } from './model.js';
import { orderCard, orderLines, orderSummary, ownerProductCard, ownerProductLine } from './views.js';

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

export function registerProductCommand(api: Api, catalog: Catalog): void {
  const p = api.commandPrefix;

  const find = (token: string | undefined): Product => {
    const code = token ? normaliseCode(token) : null;
    if (!token) throw new UsageError('Kode produknya belum ditulis, misalnya P07.');
    if (!code) throw new UsageError(`"${token}" bukan kode produk. Kode produk seperti P07; lihat daftarnya dengan ${p}produk`);
    const product = catalog.get(code);
    if (!product) throw new UsageError(`Produk ${code} tidak ada. Lihat daftarnya dengan ${p}produk`);
    return product;
  };

  const sameName = (name: string, except?: string): Product | undefined =>
    catalog.state.products.find((x) => x.code !== except && x.name.toLowerCase() === name.toLowerCase());

  const list = (ctx: Ctx, page: number): void => {
    const products = sortProducts(catalog.state.products);
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
  };

  /** Sets one flag on one or more products; an unknown code refuses them all. */
  const setFlag = (ctx: Ctx, tokens: string[], label: string, apply: (x: Product) => boolean): void => {
    if (tokens.length === 0) throw new UsageError('Kode produknya belum ditulis, misalnya P07.');
    const products = [...new Set(tokens.map(find))];
    const changed: string[] = [];
    const already: string[] = [];
    catalog.change(() => {
      for (const x of products) (apply(x) ? changed : already).push(x.code);
    });
    const lines = [];
    if (changed.length > 0) lines.push(`✅ ${changed.join(', ')} sekarang ${label}.`);
    if (already.length > 0) lines.push(`${already.join(', ')} memang sudah ${label}.`);
    ctx.reply(lines.join('\n'));
  };

  api.command({
    name: 'produk',
    aliases: ['product', 'products'],
    help: 'Kelola katalog: tambah produk, ubah harga, stok habis/ready, foto.',
    usage: [
      { form: 'produk', help: 'daftar produk dengan kode, harga, stok, dan yang disembunyikan' },
      { form: 'produk hal <N>', help: 'halaman berikutnya dari daftar' },
      { form: 'produk <kode>', help: 'lihat satu produk lengkap, misalnya P07' },
      {
        form: 'produk tambah <nama> | <harga> | <kategori> | <deskripsi>',
        help: 'tambah produk; deskripsi boleh dikosongkan; harga seperti 25000, 25.000, 25rb',
      },
      { form: 'produk ubah <kode> <field> <nilai>', help: 'ubah nama, harga, kategori, deskripsi, opsi, atau urutan (deskripsi/opsi "-" = kosongkan)' },
      { form: 'produk habis <kode>', help: 'tandai stok habis (boleh beberapa kode)' },
      { form: 'produk ready <kode>', help: 'tandai stok ready lagi' },
      { form: 'produk sembunyi <kode>', help: 'sembunyikan dari pelanggan' },
      { form: 'produk tampil <kode>', help: 'tampilkan lagi ke pelanggan' },
      { form: 'produk hapus <kode>', help: 'hapus produk; diminta konfirmasi, fotonya tetap disimpan' },
      { form: 'produk foto <kode>', help: 'tulis sebagai keterangan foto yang dikirim: menambah foto produk' },
      { form: 'produk foto <kode> hapus', help: 'lepaskan semua foto dari produk (berkasnya tetap disimpan)' },
    ],
    async run(ctx) {
      // "P09, P10" is how the bot itself lists codes: commas separate as spaces do
      const [first = '', ...tokens] = ctx.args.split(/[\s,]+/).filter(Boolean);
      const word = first.toLowerCase();
      const afterWord = ctx.args.slice(first.length).trim();
      switch (word) {
        case '':
          return list(ctx, 1);
        case 'hal':
        case 'halaman':
        case 'page': {
          const n = Number(tokens[0]);
          if (tokens.length !== 1 || !Number.isInteger(n)) throw new UsageError('Tulis nomor halamannya, misalnya: hal 2.');
          return list(ctx, n);
        }
        case 'tambah':
        case 'add':
          return add(ctx, afterWord);
        case 'ubah':
        case 'edit':
        case 'set':
          return edit(ctx, afterWord);
        case 'habis':
        case 'kosong':
          return setFlag(ctx, tokens, 'habis', (x) => flip(x.stock === 'ready', () => (x.stock = 'habis')));
        case 'ready':
        case 'ada':
        case 'tersedia':
          return setFlag(ctx, tokens, 'ready', (x) => flip(x.stock === 'habis', () => (x.stock = 'ready')));
        case 'sembunyi':
        case 'sembunyikan':
        case 'hide':
          return setFlag(ctx, tokens, 'disembunyikan dari pelanggan', (x) => flip(!x.hidden, () => (x.hidden = true)));
        case 'tampil':
        case 'tampilkan':
        case 'show':
          return setFlag(ctx, tokens, 'tampil untuk pelanggan', (x) => flip(x.hidden, () => (x.hidden = false)));
        case 'hapus':
        case 'delete':
          return remove(ctx, tokens);
        case 'foto':
        case 'photo':
          return photo(ctx, tokens);
        default: {
          if (normaliseCode(first) && tokens.length === 0) {
            ctx.reply(ownerProductCard(find(first)));
            return;
          }
          if (normaliseCode(first) && tokens[0] && FIELDS[tokens[0].toLowerCase()]) {
            throw new UsageError(`Untuk mengubah, tulis: ${p}produk ubah ${ctx.args}`);
          }
          throw new UsageError(`"${first}" bukan perintah ${p}produk yang dikenal.`);
        }
      }
    },
  });

  function add(ctx: Ctx, text: string): void {
    const parts = text.split('|').map((s) => s.trim());
    const [name = '', priceText = '', categoryText = '', ...descParts] = parts;
    const description = descParts.join(' | ').trim();
    if (parts.length < 3)
      throw new UsageError(
        `Nama, harga, dan kategori harus diisi, dipisah tanda |. Contoh:\n${p}produk tambah Mawar Merah | 25rb | Mawar | Mawar artificial 60 cm`,
      );
    const problem = checkName(name) ?? checkCategory(categoryText);
    if (problem) throw new UsageError(`Tidak ditambahkan: ${problem}.`);
    const price = parsePrice(priceText);
    if (!price.ok) throw new UsageError(`Tidak ditambahkan: ${price.reason}.`);
    if (description.length > LIMITS.description)
      throw new UsageError(`Tidak ditambahkan: deskripsi ${description.length} huruf, paling banyak ${LIMITS.description}.`);
    const twin = sameName(name);
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

  async function edit(ctx: Ctx, text: string): Promise<void> {
    const [codeToken, fieldToken, ...valueWords] = text.split(/\s+/).filter(Boolean);
    const product = find(codeToken);
    const field = fieldToken ? FIELDS[fieldToken.toLowerCase()] : undefined;
    if (!fieldToken) throw new UsageError(`Field yang diubah belum ditulis: nama, harga, kategori, deskripsi, opsi, atau urutan.`);
    if (!field) throw new UsageError(`"${fieldToken}" bukan field produk. Pilih: nama, harga, kategori, deskripsi, opsi, atau urutan.`);
    // the value keeps its own spacing and line breaks
    const value = text.replace(/^\s*\S+\s+\S+/, '').trim();
    if (value === '' || valueWords.length === 0) throw new UsageError(`Nilai ${FIELD_WORDS[field]} yang baru belum ditulis.`);
    const before = describeField(product, field);
    if (value === '-' && (field === 'name' || field === 'category' || field === 'price' || field === 'order')) {
      throw new UsageError(`Tidak diubah: "-" hanya untuk mengosongkan deskripsi atau opsi; ${FIELD_WORDS[field]} harus diisi.`);
    }
    switch (field) {
      case 'name': {
        const problem = checkName(value);
        if (problem) throw new UsageError(`Tidak diubah: ${problem}.`);
        const twin = sameName(value, product.code);
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

  function remove(ctx: Ctx, tokens: string[]): void {
    const [codeToken, confirm, ...extra] = tokens;
    const product = find(codeToken);
    if (extra.length === 0 && confirm !== undefined && ['tidak', 'batal', 'no', 'jangan', 'gak', 'ga'].includes(confirm.toLowerCase())) {
      if (catalog.state.pendingDelete?.code === product.code) catalog.change((s) => void (s.pendingDelete = null));
      ctx.reply(`Baik, ${product.code} ${product.name} tidak dihapus.`);
      return;
    }
    if (extra.length > 0 || (confirm !== undefined && !['ya', 'yes', 'y'].includes(confirm.toLowerCase()))) {
      throw new UsageError(`Untuk memastikan, tulis: ${p}produk hapus ${product.code} ya`);
    }
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

  async function photo(ctx: Ctx, tokens: string[]): Promise<void> {
    const [codeToken, action, ...extra] = tokens;
    const product = find(codeToken);
    if (extra.length > 0 || (action !== undefined && !['hapus', 'clear', 'delete'].includes(action.toLowerCase()))) {
      throw new UsageError(`Setelah kode hanya bisa "hapus": ${p}produk foto ${product.code} hapus`);
    }
    if (action !== undefined) {
      if (ctx.msg.image)
        throw new UsageError(`Foto yang dikirim bersama "${p}produk foto ${product.code} hapus" tidak disimpan; kirim perintahnya tanpa foto.`);
      const count = product.photos.length;
      if (count === 0) throw new UsageError(`${product.code} memang belum punya foto.`);
      catalog.change(() => void (product.photos = []));
      ctx.reply(
        `✅ ${count} foto dilepas dari ${product.code} ${product.name}; berkasnya tetap tersimpan di data/media. Pelanggan sekarang melihat kartu bergambar.`,
      );
      return;
    }
    if (!ctx.msg.image) {
      throw new UsageError(`Perintah ini ditulis sebagai keterangan sebuah foto: kirim fotonya dengan keterangan ${p}produk foto ${product.code}`);
    }
    if (product.photos.length >= MAX_PHOTOS)
      throw new UsageError(`${product.code} sudah punya ${MAX_PHOTOS} foto. Lepaskan dulu dengan ${p}produk foto ${product.code} hapus`);
    let saved: string;
    try {
      saved = await api.media.save(ctx.msg.image, `produk-${product.code}`);
    } catch (err) {
      ctx.log.warn({ err, code: product.code }, 'a product photo could not be kept');
      throw new ReplyError(`⚠️ Foto untuk ${product.code} tidak bisa disimpan (${(err as Error).message}). Katalog tidak berubah; coba kirim lagi.`);
    }
    catalog.change(() => void product.photos.push(saved));
    ctx.reply(`✅ Foto ke-${product.photos.length} untuk *${product.code} ${product.name}* disimpan. Pelanggan melihatnya di detail produk.`);
  }
}

export function registerOrderCommand(api: Api, catalog: Catalog): void {
  const p = api.commandPrefix;
  const tz = api.timeZone;
  const when = (t: number): string => formatLocal(t, tz);
  const who = (o: Order): string => describeCustomer({ name: o.customerName, number: o.customerNumber });

  const tell = async (ctx: Ctx, o: Order, key: string, vars: Record<string, string>): Promise<string> => {
    const chat = api.chat(o.chatId);
    if (!chat) return ' Pelanggan tidak bisa dikabari lewat bot (chatnya tidak dikenal); kabari langsung ya.';
    await chat.send(api.texts.render(key, { nama: chat.salutation, nomor: o.number, ...vars }));
    ctx.log.info({ order: o.number, status: o.status }, 'customer told about their order');
    return ' Pelanggan sudah diberi tahu.';
  };

  api.command({
    name: 'pesanan',
    aliases: ['orders', 'order'],
    help: 'Lihat dan tindak lanjuti pesanan pelanggan: konfirmasi, selesai, batal.',
    usage: [
      { form: 'pesanan', help: 'daftar pesanan yang masih terbuka (baru dan dikonfirmasi)' },
      { form: 'pesanan semua', help: '20 pesanan terakhir, termasuk yang selesai dan batal' },
      { form: 'pesanan <nomor>', help: 'lihat satu pesanan, misalnya O-0001 (boleh ditulis 1)' },
      { form: 'pesanan <nomor> konfirmasi [catatan]', help: 'konfirmasi pesanan; pelanggan diberi tahu, dengan catatan jika ada' },
      { form: 'pesanan <nomor> selesai', help: 'pesanan selesai; pelanggan menerima ucapan terima kasih' },
      { form: 'pesanan <nomor> batal <alasan>', help: 'batalkan pesanan; pelanggan diberi tahu alasannya dengan sopan' },
    ],
    async run(ctx) {
      const [first = '', second = '', ...restWords] = ctx.args.split(/\s+/).filter(Boolean);
      const orders = catalog.state.orders;
      if (first === '' || ['semua', 'all'].includes(first.toLowerCase())) {
        if (second !== '') throw new UsageError(`"${second}" tidak diperlukan di sini.`);
        const all = first !== '';
        const shown = all ? orders.slice(-20) : orders.filter((o) => o.status === 'baru' || o.status === 'dikonfirmasi');
        if (shown.length === 0) {
          ctx.reply(all ? 'Belum ada pesanan sama sekali.' : `Tidak ada pesanan yang terbuka. 🎉 Semua pesanan: ${p}pesanan semua`);
          return;
        }
        const lines = shown.slice(-30).map((o) => orderSummary(o, when(o.createdAt)));
        ctx.reply(
          [
            all ? `🧾 *${shown.length} pesanan terakhir*` : `🧾 *${shown.length} pesanan terbuka*`,
            ...lines,
            '',
            `Detail: ${p}pesanan <nomor> · Tindak lanjut: ${p}pesanan <nomor> konfirmasi | selesai | batal <alasan>`,
          ].join('\n'),
        );
        return;
      }
      const number = normaliseOrderNumber(first);
      if (!number) throw new UsageError(`"${first}" bukan nomor pesanan. Nomor pesanan seperti O-0001.`);
      const order = orders.find((o) => o.number === number);
      if (!order) throw new UsageError(`Pesanan ${number} tidak ada. Lihat yang terbuka dengan ${p}pesanan`);
      const action = second.toLowerCase();
      const rest = ctx.args.replace(/^\s*\S+(\s+\S+)?/, '').trim();
      const open = order.status === 'baru' || order.status === 'dikonfirmasi';
      const closedAlready = (): never => {
        throw new UsageError(`Pesanan ${order.number} sudah ${order.status}; statusnya tidak bisa diubah lagi.`);
      };
      switch (action) {
        case '':
          ctx.reply(orderCard(order, who(order), when(order.createdAt), when(order.updatedAt)));
          return;
        case 'konfirmasi':
        case 'confirm':
        case 'ok': {
          if (order.status === 'dikonfirmasi')
            throw new UsageError(`Pesanan ${order.number} sudah dikonfirmasi. Selanjutnya: ${p}pesanan ${order.number} selesai`);
          if (!open) closedAlready();
          if (rest.length > 500) throw new UsageError('Catatannya terlalu panjang (paling banyak 500 huruf).');
          catalog.change(() => {
            order.status = 'dikonfirmasi';
            order.note = rest;
            order.updatedAt = ctx.now;
          });
          const told = await tell(ctx, order, 'katalog.pesanan-dikonfirmasi', {
            rincian: orderLines(order),
            total: formatRupiah(order.total),
            catatan: rest ? `\n📝 ${rest}` : '',
          });
          ctx.reply(`✅ Pesanan ${order.number} dikonfirmasi.${told}`);
          return;
        }
        case 'selesai':
        case 'done': {
          if (restWords.length > 0) throw new UsageError(`"selesai" tidak diikuti apa-apa: ${p}pesanan ${order.number} selesai`);
          if (!open) closedAlready();
          catalog.change(() => {
            order.status = 'selesai';
            order.updatedAt = ctx.now;
          });
          const told = await tell(ctx, order, 'katalog.pesanan-selesai', {});
          ctx.reply(`🌸 Pesanan ${order.number} selesai.${told}`);
          return;
        }
        case 'batal':
        case 'cancel': {
          if (!open) closedAlready();
          if (rest === '') throw new UsageError(`Tulis alasannya untuk pelanggan, misalnya: ${p}pesanan ${order.number} batal stok sedang kosong`);
          if (rest.length > 500) throw new UsageError('Alasannya terlalu panjang (paling banyak 500 huruf).');
          catalog.change(() => {
            order.status = 'batal';
            order.reason = rest;
            order.updatedAt = ctx.now;
          });
          const told = await tell(ctx, order, 'katalog.pesanan-batal', { alasan: rest });
          ctx.reply(`⛔ Pesanan ${order.number} dibatalkan.${told}`);
          return;
        }
        default:
          throw new UsageError(`"${second}" bukan tindakan untuk pesanan. Pilih: konfirmasi, selesai, atau batal.`);
      }
    },
  });
}
