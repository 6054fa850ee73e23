import { z } from 'zod';

/**
 * A complaint as a ticket: who, what (category, description, photos), where it stands, and every
 * event and message in both directions with its time. Plain data, validated on load.
 */
/** The plugin's name (its slice in db.json) and the main menu item it answers. */
export const COMPLAINT_SLICE = 'complaint';
export const MENU_ITEM = 'keluhan';

export const CATEGORIES = ['warna', 'ukuran', 'rusak', 'stok', 'harga', 'kirim', 'layanan', 'lain'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_WORDS: Record<Category, string> = {
  warna: 'warna tidak sesuai',
  ukuran: 'ukuran tidak sesuai',
  rusak: 'barang rusak',
  stok: 'stok',
  harga: 'harga',
  kirim: 'pengiriman',
  layanan: 'pelayanan',
  lain: 'lainnya',
};

export const STATUSES = ['baru', 'diproses', 'menunggu', 'selesai', 'ditutup'] as const;
export type Status = (typeof STATUSES)[number];

export const eventSchema = z.object({
  at: z.number(),
  /** customer: what the customer wrote; shop: what went to the customer; system: a change. */
  by: z.enum(['customer', 'shop', 'system']),
  text: z.string(),
  photo: z.string().nullable().default(null),
});
export type TicketEvent = z.infer<typeof eventSchema>;

export const ticketSchema = z.object({
  number: z.string().regex(/^K-\d{4,}$/),
  chatId: z.string(),
  customerNumber: z.string().nullable(),
  customerName: z.string().nullable(),
  category: z.enum(CATEGORIES),
  description: z.string(),
  photos: z.array(z.string()).default([]),
  status: z.enum(STATUSES),
  priority: z.enum(['normal', 'tinggi']).default('normal'),
  timeline: z.array(eventSchema).default([]),
  createdAt: z.number(),
  firstResponseAt: z.number().nullable().default(null),
  resolvedAt: z.number().nullable().default(null),
  resolution: z.string().default(''),
  closedAt: z.number().nullable().default(null),
  rating: z.number().int().min(1).max(5).nullable().default(null),
  ratedAt: z.number().nullable().default(null),
  ratingAskedAt: z.number().nullable().default(null),
  /** How many messages the customer had sent when the rating was asked for. */
  ratingAskedCount: z.number().int().nullable().default(null),
  /** While the customer is answering the shop's question, their messages go on the ticket until then. */
  answeringUntil: z.number().nullable().default(null),
  /** The last reminder the owner got about this ticket, so one is not sent twice. */
  remindedAt: z.number().nullable().default(null),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const settingsSchema = z.object({
  /** Business hours without a reply before the owner is reminded of a new ticket. */
  reminderHours: z.number().min(0.25).max(48).default(2),
  /** The daily summary's time, "HH:MM" in the shop's time zone; null when switched off. */
  summaryAt: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable()
    .default('08:00'),
});
export type ComplaintSettings = z.infer<typeof settingsSchema>;

export const complaintStateSchema = z.object({
  tickets: z.array(ticketSchema).default([]),
  nextNumber: z.number().int().positive().default(1),
  settings: settingsSchema.default({ reminderHours: 2, summaryAt: '08:00' }),
  /** The last day a summary went out ("2026-12-01"), so a restart does not send it twice. */
  lastSummary: z.string().nullable().default(null),
});
export type ComplaintState = z.infer<typeof complaintStateSchema>;

export const emptyComplaints = (): ComplaintState => ({ tickets: [], nextNumber: 1, settings: { reminderHours: 2, summaryAt: '08:00' }, lastSummary: null });

export function ticketNumberFor(n: number): string {
  return `K-${String(n).padStart(4, '0')}`;
}

/** "K-0001", "k1", "0001", "1" → "K-0001". */
export function normaliseTicketNumber(text: string): string | null {
  const m = /^(?:k-?)?0*(\d{1,6})$/i.exec(text.trim());
  return m && Number(m[1]) > 0 ? ticketNumberFor(Number(m[1])) : null;
}

/** Open: the shop still has something to do, or waits on the customer. */
export function isOpenTicket(t: Ticket): boolean {
  return t.status === 'baru' || t.status === 'diproses' || t.status === 'menunggu';
}

/** One line of what the complaint is about, from its description. */
export function summaryOf(t: Pick<Ticket, 'description' | 'photos'>): string {
  const one = t.description.replace(/\s+/g, ' ').trim();
  if (one === '') return t.photos.length > 0 ? '(foto)' : '(tanpa keterangan)';
  if (one.length <= 90) return one;
  const cut = one.slice(0, 89);
  const space = cut.lastIndexOf(' ');
  return `${(space > 45 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
