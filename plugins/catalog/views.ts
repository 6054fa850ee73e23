import { formatRupiah, type Order, type Product } from './model.js';

/**
 * What the customer and the owner read: pure functions from products and orders to text, so the
 * wording is tested apart from the flow. WhatsApp's *bold* and _italic_ only.
 */
export const PAGE_SIZE = 10;
/** WhatsApp cuts captions longer than this. */
export const CAPTION_LIMIT = 1024;

export function stockMark(p: Product): string {
  return p.stock === 'habis' ? ' · ❌ _habis_' : '';
}

/** "*3.* Mawar Merah Premium (P01) · Rp25.000" */
export function productLine(p: Product, n: number): string {
  return `*${n}.* ${p.name} (${p.code}) · ${formatRupiah(p.price)}${stockMark(p)}`;
}

export function categoryList(shop: string, cats: ReadonlyArray<{ name: string; count: number }>): string {
  if (cats.length === 0) return `Katalog *${shop}* sedang disiapkan, Kak. 🙏 Sebutkan produk yang Kakak cari, admin kami bantu carikan.`;
  return [
    `🌸 *Katalog ${shop}*`,
    ...cats.map((c, i) => `*${i + 1}.* ${c.name} (${c.count} produk)`),
    '',
    'Balas dengan *nomor* kategori untuk melihat produknya.',
    'Bisa juga langsung cari, misalnya _anggrek putih_ atau _buket yang murah_.',
  ].join('\n');
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** One page of a category; products are numbered across pages (page 2 starts at 11). */
export function categoryPage(name: string, products: readonly Product[], page: number): string {
  const pages = pageCount(products.length);
  const start = page * PAGE_SIZE;
  const shown = products.slice(start, start + PAGE_SIZE);
  const lines = [`🌸 *${name}* · ${products.length} produk${pages > 1 ? ` · halaman ${page + 1} dari ${pages}` : ''}`];
  for (const [i, p] of shown.entries()) lines.push(productLine(p, start + i + 1));
  lines.push('');
  lines.push('Balas dengan *nomor* produk untuk melihat foto dan detailnya.');
  const moves = [page + 1 < pages ? '*lagi* untuk halaman berikutnya' : '', '*kembali* untuk daftar kategori'].filter(Boolean);
  lines.push(`Ketik ${moves.join(', ')}.`);
  return lines.join('\n');
}

export function resultList(title: string, products: readonly Product[], footer = 'Balas dengan *nomor* produk untuk melihat foto dan detailnya.'): string {
  return [title, ...products.map((p, i) => productLine(p, i + 1)), '', footer].join('\n');
}

export interface DetailText {
  caption: string;
  /** What did not fit in the caption, sent as a message after the picture. */
  rest: string | null;
}

/** The caption of a product's picture: name, price, options, description, stock and how to order. */
export function productDetail(p: Product, alternatives: readonly Product[], canGoBack: boolean): DetailText {
  const head = [`*${p.name}*`, `Kode ${p.code} · ${p.category}`, `💰 *${formatRupiah(p.price)}*`];
  if (p.options) head.push(`🎨 ${p.options}`);
  const body = p.description ? [p.description] : [];
  const tail: string[] = [];
  if (p.stock === 'habis') {
    tail.push('❌ *Stok sedang habis.*');
    if (alternatives.length > 0) {
      tail.push('', 'Pilihan lain yang ready:');
      for (const [i, a] of alternatives.entries()) tail.push(productLine(a, i + 1));
      tail.push('Balas dengan *nomor*-nya untuk melihat.');
    }
  } else {
    tail.push('✅ Stok ready', `🛒 Untuk memesan, balas *pesan <jumlah>*, misalnya *pesan 2*.`);
  }
  if (canGoBack) tail.push('Ketik *kembali* untuk daftar sebelumnya.');
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
