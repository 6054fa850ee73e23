import { z } from 'zod';

/**
 * The catalog's data: products and the orders placed from them. Plain data, validated on load;
 * the pure helpers here (codes, prices) are what the owner's commands and the CSV import share.
 */
export const productSchema = z.object({
  /** "P01", "P02", … assigned in order and never reused. */
  code: z.string().regex(/^P\d{2,}$/),
  name: z.string().min(1).max(100),
  category: z.string().min(1).max(60),
  /** Rupiah. */
  price: z.number().int().positive(),
  description: z.string().max(2000).default(''),
  /** Free text, e.g. "Warna: merah, putih, pink". */
  options: z.string().max(500).default(''),
  /** The owner's photos, relative to the data folder. */
  photos: z.array(z.string()).default([]),
  /** A generated card shown until the owner sends a photo. */
  placeholder: z.string().nullable().default(null),
  stock: z.enum(['ready', 'habis']).default('ready'),
  hidden: z.boolean().default(false),
  /** Lower first; ties keep the order of the codes. */
  order: z.number().int().default(0),
});
export type Product = z.infer<typeof productSchema>;

export const ORDER_STATUSES = ['baru', 'dikonfirmasi', 'selesai', 'batal'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orderSchema = z.object({
  number: z.string().regex(/^O-\d{4,}$/),
  chatId: z.string(),
  customerNumber: z.string().nullable(),
  customerName: z.string().nullable(),
  items: z.array(z.object({ code: z.string(), name: z.string(), price: z.number().int(), qty: z.number().int().positive() })).min(1),
  total: z.number().int(),
  status: z.enum(ORDER_STATUSES),
  createdAt: z.number(),
  updatedAt: z.number(),
  note: z.string().default(''),
  reason: z.string().default(''),
});
export type Order = z.infer<typeof orderSchema>;

export const catalogSchema = z.object({
  products: z.array(productSchema),
  nextCode: z.number().int().positive(),
  orders: z.array(orderSchema).default([]),
  nextOrder: z.number().int().positive().default(1),
  /** A deletion the owner asked for and has not confirmed yet. */
  pendingDelete: z.object({ code: z.string(), at: z.number() }).nullable().default(null),
});
export type CatalogState = z.infer<typeof catalogSchema>;

export function codeFor(n: number): string {
  return `P${String(n).padStart(2, '0')}`;
}

export function orderNumberFor(n: number): string {
  return `O-${String(n).padStart(4, '0')}`;
}

/** "P7", "p07", "P007" → "P07"; null when it is not a product code. */
export function normaliseCode(text: string): string | null {
  const m = /^p0*(\d{1,5})$/i.exec(text.trim());
  return m ? codeFor(Number(m[1])) : null;
}

/** "O-0001", "o-1", "0001", "1" → "O-0001". */
export function normaliseOrderNumber(text: string): string | null {
  const m = /^(?:o-?)?0*(\d{1,6})$/i.exec(text.trim());
  return m && Number(m[1]) > 0 ? orderNumberFor(Number(m[1])) : null;
}

const RUPIAH = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** 25000 → "Rp25.000". */
export function formatRupiah(amount: number): string {
  return `Rp${RUPIAH.format(amount)}`;
}

export type PriceResult = { ok: true; value: number } | { ok: false; reason: string };

export const MAX_PRICE = 1_000_000_000;
/** Below this a price is a slip ("25" for 25rb). */
export const MIN_PRICE = 100;

/**
 * What an Indonesian seller writes for a price: "25000", "25.000", "Rp 25.000", "25rb", "25 ribu",
 * "25k", "1,5jt", "1.5 juta". Words ("dua puluh ribu") and negative or zero amounts are refused.
 */
export function parsePrice(text: string): PriceResult {
  // "Rp 25.000,-" and "25.000,00" are how prices are often written: the tail says no cents
  const t = text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^rp\.?/, '')
    .replace(/,-$|(?<=\d{3})[.,]00$/, '');
  const bad = { ok: false as const, reason: `"${text.trim()}" bukan harga (contoh: 25000, 25.000, 25rb)` };
  if (/^-\d/.test(t)) return { ok: false, reason: 'harga tidak boleh negatif' };
  if (t === '') return bad;
  const m = /^(\d+(?:[.,]\d+)?|\d{1,3}(?:[.,]\d{3})+)(rb|ribu|k|jt|juta)?$/.exec(t);
  if (!m) return bad;
  const [, num = '', unit] = m;
  let value: number;
  // "25.000rb" is 25 thousand or 25 million: ask rather than guess
  if (unit && /^\d{1,3}([.,]\d{3})+$/.test(num)) return { ok: false, reason: `"${text.trim()}" bisa dibaca dua cara; tulis 25000, 25.000 atau 25rb` };
  if (unit) {
    // with a unit, a comma or dot is a decimal point: "1,5jt", "2.5rb"
    value = Number(num.replace(',', '.'));
    value *= unit === 'jt' || unit === 'juta' ? 1_000_000 : 1000;
  } else {
    // without one, dots and commas group thousands: "25.000"
    if (/[.,]/.test(num) && !/^\d{1,3}([.,]\d{3})+$/.test(num)) return bad;
    value = Number(num.replace(/[.,]/g, ''));
  }
  value = Math.round(value);
  if (!Number.isFinite(value) || value <= 0) return { ok: false, reason: 'harga harus lebih dari 0' };
  if (value > MAX_PRICE) return { ok: false, reason: 'harga itu terlalu besar' };
  if (value < MIN_PRICE) return { ok: false, reason: `harga Rp${value} terlalu kecil; maksudnya ${value}rb?` };
  return { ok: true, value };
}

/** Products as customers see them: shown ones, in the owner's order. */
export function visible(products: readonly Product[]): Product[] {
  return sortProducts(products.filter((p) => !p.hidden));
}

export function sortProducts(products: readonly Product[]): Product[] {
  return [...products].sort((a, b) => a.order - b.order || codeNumber(a.code) - codeNumber(b.code));
}

function codeNumber(code: string): number {
  return Number(code.slice(1));
}

/** Categories in the order their first product comes, with how many products each has. */
export function categories(products: readonly Product[]): Array<{ name: string; count: number }> {
  const out: Array<{ name: string; count: number }> = [];
  for (const p of visible(products)) {
    const found = out.find((c) => c.name.toLowerCase() === p.category.toLowerCase());
    if (found) found.count++;
    else out.push({ name: p.category, count: 1 });
  }
  return out;
}
