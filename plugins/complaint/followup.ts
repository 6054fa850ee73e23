import { age, clip } from './owner.js';
import { CATEGORIES, isOpenTicket, summaryOf, type ComplaintState, type Ticket } from './model.js';
import { afterOpenTime, localTime, nextOpening, type PluginApi, startOfDay, todayKey } from '../../src/plugin-api.js';

/**
 * What keeps complaints from being forgotten: a reminder to the owner about a new ticket nobody
 * answered within the business hours set (and again each business morning while it stays so), a
 * daily summary, and !statistik. One job every 15 minutes does the reminders and the summary.
 */
type Api = PluginApi<ComplaintState, unknown>;
const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Figures {
  newCustomers: number;
  messages: number;
  newTickets: number;
  resolvedTickets: number;
  openTickets: number;
  medianFirstResponseMs: number | null;
  averageRating: number | null;
  ratings: number;
  byCategory: Array<[string, number]>;
  /** Every plugin's lines about the period ("Pesanan: 3 masuk"). */
  lines: string[];
}

/** The figures of a period: activity by local day, tickets by their times. */
export function figures(api: Api, tickets: readonly Ticket[], from: number, to: number): Figures {
  const { messages, newCustomers, lines } = api.summary(from, to);
  const created = tickets.filter((t) => t.createdAt >= from && t.createdAt < to);
  const resolved = tickets.filter((t) => t.resolvedAt !== null && t.resolvedAt >= from && t.resolvedAt < to);
  const answered = created.filter((t) => t.firstResponseAt !== null).map((t) => (t.firstResponseAt as number) - t.createdAt);
  const rated = tickets.filter((t) => t.rating !== null && t.resolvedAt !== null && t.resolvedAt >= from && t.resolvedAt < to);
  const byCategory = CATEGORIES.map((c) => [c, created.filter((t) => t.category === c).length] as [string, number]).filter(([, n]) => n > 0);
  return {
    newCustomers,
    messages,
    newTickets: created.length,
    resolvedTickets: resolved.length,
    openTickets: tickets.filter(isOpenTicket).length,
    medianFirstResponseMs: median(answered),
    averageRating: rated.length === 0 ? null : rated.reduce((s, t) => s + (t.rating as number), 0) / rated.length,
    ratings: rated.length,
    byCategory,
    lines,
  };
}

function figureLines(f: Figures): string[] {
  return [
    `Pelanggan baru: ${f.newCustomers} · pesan masuk: ${f.messages}`,
    `Keluhan: ${f.newTickets} baru, ${f.resolvedTickets} selesai, ${f.openTickets} masih terbuka`,
    `Waktu balasan pertama (median): ${f.medianFirstResponseMs === null ? '-' : age(f.medianFirstResponseMs)}`,
    `Nilai rata-rata: ${f.averageRating === null ? '- (belum ada nilai)' : `${f.averageRating.toFixed(1).replace('.', ',')} dari 5 (${f.ratings} nilai)`}`,
  ];
}

/** Tickets due a reminder now, by the rules above. */
export function dueReminders(api: Api, tickets: readonly Ticket[], now: number): Ticket[] {
  const hours = api.hours.get();
  const tz = api.timeZone;
  const { reminderHours } = api.state.get().settings;
  // this business day's first opening: the moment of the morning reminder
  const todaysOpening = nextOpening(hours, startOfDay(now, tz), tz);
  const morning = todaysOpening !== null && todaysOpening <= now && todayKey(todaysOpening, tz) === todayKey(now, tz) ? todaysOpening : null;
  return tickets.filter((t) => {
    const since = waitingSince(t);
    if (since === null) return false;
    if (t.remindedAt === null || t.remindedAt < since) {
      const due = afterOpenTime(hours, since, reminderHours * 3_600_000, tz);
      return due !== null && now >= due;
    }
    return morning !== null && t.remindedAt < morning && since < morning;
  });
}

/**
 * Since when a ticket waits for the shop: a new one since it was made; one the customer added to
 * or reopened since their last word. Null when the shop had the last word (or it is not open).
 */
export function waitingSince(t: Ticket): number | null {
  if (t.status === 'baru' && t.firstResponseAt === null) return t.createdAt;
  if (t.status !== 'diproses' && t.status !== 'baru') return null;
  const last = t.timeline.findLast((e) => e.by !== 'system' || e.text.startsWith('dibuka lagi'));
  return last && last.by !== 'shop' ? last.at : null;
}

export function registerFollowUp(api: Api): void {
  const p = api.commandPrefix;
  const tz = api.timeZone;

  api.schedule('tindak-lanjut', '*/15 * * * *', async (job) => {
    const state = api.state.get();
    const due = dueReminders(api, state.tickets, job.now);
    if (due.length > 0) {
      api.state.update(() => {
        for (const t of due) t.remindedAt = job.now;
      });
      await api.notifyOwners(
        [
          `⏰ *${due.length === 1 ? 'Keluhan ini' : `${due.length} keluhan`} belum dibalas*`,
          ...due.map(
            (t) =>
              `• *${t.number}* · ${t.customerName ?? t.customerNumber ?? 'pelanggan'} · ${t.category} · ${age(job.now - t.createdAt)} · “${clip(summaryOf(t), 50)}”`,
          ),
          '',
          `Balas: ${p}keluhan <nomor> balas <teks>`,
        ].join('\n'),
      );
      job.log.info({ tickets: due.map((t) => t.number) }, 'owner reminded of unanswered complaints');
    }
    const at = state.settings.summaryAt;
    if (at === null) return;
    const l = localTime(job.now, tz);
    const minute = l.hour * 60 + l.minute;
    const [h, m] = at.split(':').map(Number) as [number, number];
    const target = h * 60 + m;
    const today = todayKey(job.now, tz);
    // at the quarter-hour run that reaches the set time; a bot that was down then skips that day
    if (minute < target || minute >= target + 15 || state.lastSummary === today) return;
    api.state.update((s) => void (s.lastSummary = today));
    await api.notifyOwners(dailySummary(api, job.now));
    job.log.info({ day: today }, 'daily summary sent');
  });

  api.command({ name: 'statistik', aliases: ['stats'], help: 'Angka 7 dan 30 hari terakhir: pelanggan, pesan, keluhan, waktu balasan, nilai.' }).form(
    '',
    'angka 7 dan 30 hari terakhir, dan keluhan per kategori',
    (ctx) => {
      const tickets = api.state.get().tickets;
      const end = startOfDay(ctx.now, tz) + DAY_MS;
      const block = (days: number): string[] => {
        const f = figures(api, tickets, end - days * DAY_MS, end);
        return [
          `*${days} hari terakhir*`,
          ...figureLines(f),
          `Keluhan per kategori: ${f.byCategory.length === 0 ? '-' : f.byCategory.map(([c, n]) => `${c} ${n}`).join(', ')}`,
          ...f.lines,
        ];
      };
      ctx.reply(['📊 *Statistik*', '', ...block(7), '', ...block(30)].join('\n'));
    },
    { problem: `${p}statistik tidak memakai tambahan apa-apa.` },
  );
}

/** Yesterday in figures, with what is still open today. */
export function dailySummary(api: Api, now: number): string {
  const tz = api.timeZone;
  const today = startOfDay(now, tz);
  const yesterday = startOfDay(today - 12 * 3_600_000, tz);
  const tickets = api.state.get().tickets;
  const f = figures(api, tickets, yesterday, today);
  const open = tickets.filter(isOpenTicket);
  const y = localTime(yesterday, tz);
  return [
    `☀️ *Ringkasan kemarin* (${y.day}/${y.month}/${y.year})`,
    ...figureLines(f),
    ...f.lines,
    open.length > 0 ? `\nKeluhan terbuka: ${open.map((t) => t.number).join(', ')}. Lihat: ${api.commandPrefix}keluhan` : '',
    `\nMatikan ringkasan ini: ${api.commandPrefix}keluhan ringkasan off`,
  ]
    .filter(Boolean)
    .join('\n');
}
