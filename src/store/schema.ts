import { z } from 'zod';

/**
 * The shape of data/db.json. Bump SCHEMA_VERSION and add a migration in migrations.ts whenever the
 * shape changes in a way older files do not already satisfy (new fields with defaults need none).
 */
export const SCHEMA_VERSION = 1;

// ---- opening hours: the data; what it means (open now? next opening?) is in src/hours.ts ----

export const MINUTES_PER_DAY = 24 * 60;

export const rangeSchema = z
  .object({ from: z.number().int().min(0).max(MINUTES_PER_DAY), to: z.number().int().min(0).max(MINUTES_PER_DAY) })
  .refine((r) => r.from < r.to, { message: 'a range must end after it starts' });
export type TimeRange = z.infer<typeof rangeSchema>;

export const holidaySchema = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), note: z.string().default('') });
export type Holiday = z.infer<typeof holidaySchema>;

export const closureSchema = z.object({ from: z.number(), to: z.number() }).refine((c) => c.from < c.to, { message: 'a closure must end after it starts' });
export type Closure = z.infer<typeof closureSchema>;

export const hoursSchema = z.object({
  /** Index 0 is Sunday … 6 is Saturday, as Date.getDay counts. */
  week: z.array(z.array(rangeSchema)).length(7),
  holidays: z.array(holidaySchema).default([]),
  /** A temporary closure the owner set ahead (epoch ms): closed from `from` until `to`. */
  closure: closureSchema.nullable().default(null),
});
export type OpeningHours = z.infer<typeof hoursSchema>;

export const DEFAULT_HOURS = (): OpeningHours => ({
  week: [[], ...Array.from({ length: 6 }, () => [{ from: 9 * 60, to: 17 * 60 }])],
  holidays: [],
  closure: null,
});

// ---- the main menu's items; the menu itself is in src/host/menu.ts ----

export const menuItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1).max(60),
  reply: z.string().max(4096).default(''),
  notifyOwner: z.boolean().default(false),
});
export type MenuItem = z.infer<typeof menuItemSchema>;

export const shopSchema = z.object({
  name: z.string().min(1),
  address: z.string().default(''),
  mapsUrl: z.string().default(''),
});
export type ShopProfile = z.infer<typeof shopSchema>;

export const dialogSchema = z.object({
  plugin: z.string(),
  step: z.string(),
  data: z.unknown(),
  startedAt: z.number(),
  /** When the dialog ends by itself if the customer says nothing more; null for never. */
  expiresAt: z.number().nullable(),
});
export type DialogSession = z.infer<typeof dialogSchema>;

export const customerSchema = z.object({
  /** The chat id replies go to, exactly as messages arrive on it. */
  chatId: z.string(),
  /** International digits, when known. */
  number: z.string().nullable(),
  name: z.string().nullable(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  messageCount: z.number().int().nonnegative(),
  /** The last time anything went out to this chat (the bot or the shop by hand). */
  lastOutboundAt: z.number().nullable().default(null),
  /** The last time the shop typed in this chat by hand. */
  lastShopMessageAt: z.number().nullable().default(null),
  /** A person was asked to answer this chat; until then the bot does not say it did not understand. */
  handoffUntil: z.number().nullable().default(null),
  /** The bot stays quiet in this chat until then: the shop took over by hand, or the owner paused it. */
  pausedUntil: z.number().nullable().default(null),
  dialog: dialogSchema.nullable().default(null),
  /** The language the customer last wrote in plainly: 'en' gets the English texts. */
  language: z.enum(['id', 'en']).nullable().default(null),
  /** Each plugin's own per-customer data, validated by that plugin's schema. */
  data: z.record(z.string(), z.unknown()).default({}),
});
export type CustomerRecord = z.infer<typeof customerSchema>;

export const ownerChatSchema = z.object({
  chatId: z.string(),
  lastSeen: z.number(),
  /** WhatsApp ids (LIDs) this owner wrote from while their number was known. */
  ids: z.array(z.string()).default([]),
});

export const jobStateSchema = z.object({
  lastRunAt: z.number(),
});

/**
 * A message that arrived while the bot was stopping: kept for the next start instead of being
 * answered in a hurry or lost (WhatsApp does not deliver a message twice once it was received).
 */
export const heldMessageSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  chatIdAlt: z.string().optional(),
  senderNumber: z.string().nullable(),
  senderId: z.string().optional(),
  senderName: z.string().nullable(),
  text: z.string(),
  kind: z.enum(['text', 'image', 'video', 'audio', 'sticker', 'document', 'location', 'contact', 'other']),
  at: z.number(),
  fromShop: z.boolean(),
  selfChat: z.boolean().optional(),
  tooOld: z.boolean().optional(),
  /** The picture, saved under data/media/ (relative to the data folder), when it could be read. */
  image: z.object({ mimetype: z.string(), path: z.string() }).optional(),
});
export type HeldMessage = z.infer<typeof heldMessageSchema>;

/** A reply that was still waiting to go out when the bot stopped; sent after the next start. */
export const unsentReplySchema = z.object({
  chatId: z.string(),
  queuedAt: z.number(),
  /** An owner alert: sent however late. */
  keep: z.boolean().optional(),
  message: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string() }),
    z.object({
      kind: z.literal('image'),
      caption: z.string().optional(),
      /** A picture on disk (absolute, as the outbox had it) or its bytes in base64. */
      path: z.string().optional(),
      data: z.string().optional(),
      mimetype: z.string().optional(),
    }),
  ]),
});
export type UnsentReply = z.infer<typeof unsentReplySchema>;

export const dbSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  createdAt: z.number(),
  shop: shopSchema,
  /** Opening hours and holidays, in the shop's time zone. */
  hours: hoursSchema.default(DEFAULT_HOURS),
  customers: z.record(z.string(), customerSchema).default({}),
  /** The owner's edits of customer-facing texts, by text key. */
  texts: z.record(z.string(), z.string()).default({}),
  /** Where each owner last wrote from, so alerts reach the chat they use. */
  owners: z.record(z.string(), ownerChatSchema).default({}),
  /** Other ids of known chats (a phone-number id for a LID chat, or the other way round) → the record's key. */
  aliases: z.record(z.string(), z.string()).default({}),
  /** Recent message keys, so a message delivered again (even after a restart) is not answered twice. */
  seen: z.array(z.string()).default([]),
  /** Last run of each scheduled job, so a restart does not run a job twice. */
  jobs: z.record(z.string(), jobStateSchema).default({}),
  /**
   * Messages that arrived while the bot was stopping, answered after the next start. Each entry is
   * checked then (heldMessageSchema), so one damaged entry costs that entry, and a damaged list
   * costs the list, not the whole file.
   */
  held: z.array(z.unknown()).catch([]),
  /** Replies that had not gone out when the bot stopped, sent after the next start (unsentReplySchema). */
  unsent: z.array(z.unknown()).catch([]),
  /** Each plugin's own state slice, validated by that plugin's schema. */
  plugins: z.record(z.string(), z.unknown()).default({}),
});
export type DbData = z.infer<typeof dbSchema>;

export const DEFAULT_SHOP: ShopProfile = { name: 'Toko Kami', address: '', mapsUrl: '' };
