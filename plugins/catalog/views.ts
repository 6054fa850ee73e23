import { formatRupiah, type Order, type Product } from './model.js';

/**
 * What the customer and the owner read: pure functions from products and orders to text, so the
 * wording is tested apart from the flow. WhatsApp's *bold* and _italic_ only.
 */
export const PAGE_SIZE = 10;
/** WhatsApp cuts captions longer than this. */
export const CAPTION_LIMIT = 1024;

/** The language of the frame around the shop's own words (names, categories and descriptions stay as written). */
export type Lang = 'id' | 'en';

/** The frame's words in each language. The shop's products and categories are never translated. */
const FRAME = {
  id: {
    soldOut: 'habis',
    products: 'produk',
    page: (n: number, of: number) => `halaman ${n} dari ${of}`,
    pickProduct: 'Balas dengan *nomor* produk untuk melihat foto dan detailnya.',
    moves: (next: boolean) => `Ketik ${[next ? '*lagi* untuk halaman berikutnya' : '', '*kembali* untuk daftar kategori'].filter(Boolean).join(', ')}.`,
    empty: (shop: string) => `Katalog *${shop}* sedang disiapkan, Kak. 🙏 Sebutkan produk yang Kakak cari, admin kami bantu carikan.`,
    catalog: (shop: string) => `🌸 *Katalog ${shop}*`,
    pickCategory: 'Balas dengan *nomor* kategori untuk melihat produknya.',
    search: 'Bisa juga langsung cari, misalnya _anggrek putih_ atau _buket yang murah_.',
    code: 'Kode',
    outOfStock: '❌ *Stok sedang habis.*',
    others: 'Pilihan lain yang ready:',
    pickOther: 'Balas dengan *nomor*-nya untuk melihat.',
    inStock: '✅ Stok ready',
    toOrder: '🛒 Untuk memesan, balas *pesan <jumlah>*, misalnya *pesan 2*.',
    back: 'Ketik *kembali* untuk daftar sebelumnya.',
  },
  en: {
    soldOut: 'sold out',
    products: 'products',
    page: (n: number, of: number) => `page ${n} of ${of}`,
    pickProduct: 'Reply with a product’s *number* to see its photo and details.',
    moves: (next: boolean) => `Type ${[next ? '*next* for the next page' : '', '*back* for the categories'].filter(Boolean).join(', ')}.`,
    empty: (shop: string) => `The *${shop}* catalog is being prepared. 🙏 Tell us what you are looking for and our admin will help.`,
    catalog: (shop: string) => `🌸 *${shop} catalog*`,
    pickCategory: 'Reply with a category’s *number* to see its products.',
    search: 'Or search right away, for example _white orchid_ or _cheap bouquet_.',
    code: 'Code',
    outOfStock: '❌ *Sold out for now.*',
    others: 'Other choices in stock:',
    pickOther: 'Reply with its *number* to see it.',
    inStock: '✅ In stock',
    toOrder: '🛒 To order, reply *order <quantity>*, for example *order 2*.',
    back: 'Type *back* for the previous list.',
  },
} as const;

export function stockMark(p: Product, lang: Lang = 'id'): string {
  return p.stock === 'habis' ? ` · ❌ _${FRAME[lang].soldOut}_` : '';
}

/** "*3.* Mawar Merah Premium (P01) · Rp25.000" */
export function productLine(p: Product, n: number, lang: Lang = 'id'): string {
  return `*${n}.* ${p.name} (${p.code}) · ${formatRupiah(p.price)}${stockMark(p, lang)}`;
}

export function categoryList(shop: string, cats: ReadonlyArray<{ name: string; count: number }>, lang: Lang = 'id'): string {
  const w = FRAME[lang];
  if (cats.length === 0) return w.empty(shop);
  return [w.catalog(shop), ...cats.map((c, i) => `*${i + 1}.* ${c.name} (${c.count} ${w.products})`), '', w.pickCategory, w.search].join('\n');
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** One page of a category; products are numbered across pages (page 2 starts at 11). */
export function categoryPage(name: string, products: readonly Product[], page: number, lang: Lang = 'id'): string {
  const w = FRAME[lang];
  const pages = pageCount(products.length);
  const start = page * PAGE_SIZE;
  const shown = products.slice(start, start + PAGE_SIZE);
  const lines = [`🌸 *${name}* · ${products.length} ${w.products}${pages > 1 ? ` · ${w.page(page + 1, pages)}` : ''}`];
  for (const [i, p] of shown.entries()) lines.push(productLine(p, start + i + 1, lang));
  lines.push('', w.pickProduct, w.moves(page + 1 < pages));
  return lines.join('\n');
}

export function resultList(title: string, products: readonly Product[], footer?: string, lang: Lang = 'id'): string {
  return [title, ...products.map((p, i) => productLine(p, i + 1, lang)), '', footer ?? FRAME[lang].pickProduct].join('\n');
}

export interface DetailText {
  caption: string;
  /** What did not fit in the caption, sent as a message after the picture. */
  rest: string | null;
}

/** The caption of a product's picture: name, price, options, description, stock and how to order. */
export function productDetail(p: Product, alternatives: readonly Product[], canGoBack: boolean, lang: Lang = 'id'): DetailText {
  const w = FRAME[lang];
  const head = [`*${p.name}*`, `${w.code} ${p.code} · ${p.category}`, `💰 *${formatRupiah(p.price)}*`];
  if (p.options) head.push(`🎨 ${p.options}`);
  const body = p.description ? [p.description] : [];
  const tail: string[] = [];
  if (p.stock === 'habis') {
    tail.push(w.outOfStock);
    if (alternatives.length > 0) {
      tail.push('', w.others);
      for (const [i, a] of alternatives.entries()) tail.push(productLine(a, i + 1, lang));
      tail.push(w.pickOther);
    }
  } else {
    tail.push(w.inStock, w.toOrder);
  }
  if (canGoBack) tail.push(w.back);
  const caption = [...head, ...(body.length ? ['', ...body] : []), '', ...tail].join('\n');
  if (caption.length <= CAPTION_LIMIT) return { caption, rest: null };
  // a long description goes in a message of its own after the picture
  return { caption: [...head, '', ...tail].join('\n').slice(0, CAPTION_LIMIT), rest: body.join('\n') };
}

/** "• 2 × Mawar Merah Premium (P01) @ Rp25.000 = Rp50.000", one line per item. */
export function orderLines(order: Pick<Order, 'items'>): string {
  return order.items.map((i) => `• ${i.qty} × ${i.name} (${i.code}) @ ${formatRupiah(i.price)} = ${formatRupiah(i.price * i.qty)}`).join('\n');
}

export const STATUS_WORDS: Record<Order['status'], string> = {
  baru: '🆕 baru',
  dikonfirmasi: '✅ dikonfirmasi',
  selesai: '🌸 selesai',
  batal: '⛔ batal',
};

/** The owner's one-line summary of an order. */
export function orderSummary(o: Order, when: string): string {
  const qty = o.items.reduce((n, i) => n + i.qty, 0);
  return `*${o.number}* · ${STATUS_WORDS[o.status]} · ${o.customerName ?? o.customerNumber ?? 'pelanggan'} · ${qty} barang · ${formatRupiah(o.total)} · ${when}`;
}

/** The owner's full view of an order. */
export function orderCard(o: Order, who: string, created: string, updated: string): string {
  const lines = [
    `🧾 *Pesanan ${o.number}* · ${STATUS_WORDS[o.status]}`,
    `Pelanggan: ${who}`,
    `Dibuat: ${created}${o.updatedAt !== o.createdAt ? ` · diubah ${updated}` : ''}`,
    '',
    orderLines(o),
    `*Total: ${formatRupiah(o.total)}*`,
  ];
  if (o.note) lines.push(`📝 Catatan: ${o.note}`);
  if (o.reason) lines.push(`Alasan batal: ${o.reason}`);
  return lines.join('\n');
}

/** The owner's line for a product in !produk. */
export function ownerProductLine(p: Product): string {
  const flags = [p.stock === 'habis' ? '❌ habis' : '✅ ready', p.hidden ? '🙈 disembunyikan' : '', p.photos.length > 0 ? `🖼️ ${p.photos.length}` : ''].filter(
    Boolean,
  );
  return `*${p.code}* ${p.name} · ${formatRupiah(p.price)} · ${flags.join(' · ')}`;
}

/** The owner's full view of a product. */
export function ownerProductCard(p: Product): string {
  return [
    `*${p.code}* ${p.name}`,
    `Kategori: ${p.category}`,
    `Harga: ${formatRupiah(p.price)}`,
    `Opsi: ${p.options || '-'}`,
    `Deskripsi: ${p.description || '-'}`,
    `Stok: ${p.stock}`,
    `Tampil: ${p.hidden ? 'tidak (disembunyikan)' : 'ya'}`,
    `Urutan: ${p.order}`,
    `Foto: ${p.photos.length > 0 ? `${p.photos.length} foto` : 'belum ada (pelanggan melihat kartu bergambar)'}`,
  ].join('\n');
}
