import { localTime, zonedToEpoch } from './time.js';

/**
 * Opening hours: each weekday has zero or more time ranges, holidays close the shop on a date,
 * and everything is in the shop's time zone. The questions the bot asks (is it open now, when does
 * it open next, how to say that to a customer) are pure functions of this model.
 */
export { MINUTES_PER_DAY, DEFAULT_HOURS, type TimeRange, type Holiday, type Closure, type OpeningHours } from './store/schema.js';
import { MINUTES_PER_DAY, type Holiday, type OpeningHours, type TimeRange } from './store/schema.js';

function inClosure(hours: OpeningHours, t: number): boolean {
  return hours.closure !== null && t >= hours.closure.from && t < hours.closure.to;
}

export const DAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const DAY_NAMES_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

function dateKey(l: { year: number; month: number; day: number }): string {
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

export function holidayOn(hours: OpeningHours, date: string): Holiday | undefined {
  return hours.holidays.find((h) => h.date === date);
}

/** Is the shop open at instant `t`? A range includes its first minute and excludes its last. */
export function isOpen(hours: OpeningHours, t: number, timeZone: string): boolean {
  if (inClosure(hours, t)) return false;
  const l = localTime(t, timeZone);
  if (holidayOn(hours, dateKey(l))) return false;
  const minute = l.hour * 60 + l.minute;
  return (hours.week[l.weekday] ?? []).some((r) => minute >= r.from && minute < r.to);
}

/** The next instant at or after `t` when the shop opens (t itself when it is open), or null within a year. */
export function nextOpening(hours: OpeningHours, t: number, timeZone: string): number | null {
  if (hours.closure && inClosure(hours, t)) return nextOpening({ ...hours, closure: null }, hours.closure.to, timeZone);
  if (isOpen(hours, t, timeZone)) return t;
  const start = localTime(t, timeZone);
  const nowMinute = start.hour * 60 + start.minute;
  // Walk the local calendar day by day (noon of each day, so daylight-saving shifts never skip one).
  const noon = zonedToEpoch(start.year, start.month, start.day, 12, 0, timeZone);
  for (let d = 0; d <= 366; d++) {
    const day = localTime(noon + d * 86_400_000, timeZone);
    if (holidayOn(hours, dateKey(day))) continue;
    const ranges = [...(hours.week[day.weekday] ?? [])].sort((a, b) => a.from - b.from);
    for (const r of ranges) {
      if (d === 0 && r.from <= nowMinute) continue;
      const at = zonedToEpoch(day.year, day.month, day.day, Math.floor(r.from / 60), r.from % 60, timeZone);
      // A closure that starts later may swallow this opening.
      if (hours.closure && inClosure(hours, at)) return nextOpening({ ...hours, closure: null }, hours.closure.to, timeZone);
      return at;
    }
  }
  return null;
}

/** When the shop closes next after `t`, if it is open at `t`. */
export function closingTime(hours: OpeningHours, t: number, timeZone: string): number | null {
  if (!isOpen(hours, t, timeZone)) return null;
  const l = localTime(t, timeZone);
  const minute = l.hour * 60 + l.minute;
  const range = (hours.week[l.weekday] ?? []).find((r) => minute >= r.from && minute < r.to);
  if (!range) return null;
  let end: number;
  if (range.to === MINUTES_PER_DAY) {
    // the next local midnight, whatever the length of this day
    const noon = zonedToEpoch(l.year, l.month, l.day, 12, 0, timeZone);
    const next = localTime(noon + 86_400_000, timeZone);
    end = zonedToEpoch(next.year, next.month, next.day, 0, 0, timeZone);
  } else end = zonedToEpoch(l.year, l.month, l.day, Math.floor(range.to / 60), range.to % 60, timeZone);
  return hours.closure && hours.closure.from > t && hours.closure.from < end ? hours.closure.from : end;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * When the shop opens next, as a customer reads it: "sekarang", "hari ini pukul 13.00",
 * "besok pukul 09.00", or "Senin, 5 Januari pukul 09.00".
 */
export function describeOpening(next: number | null, now: number, timeZone: string, lang: 'id' | 'en' = 'id'): string {
  const en = lang === 'en';
  if (next === null) return en ? 'when the shop sets its hours' : 'belum ditentukan';
  if (next <= now) return en ? 'now' : 'sekarang';
  const a = localTime(now, timeZone);
  const b = localTime(next, timeZone);
  const clock = `${en ? 'at' : 'pukul'} ${formatClock(b.hour * 60 + b.minute)}`;
  const noonA = zonedToEpoch(a.year, a.month, a.day, 12, 0, timeZone);
  const noonB = zonedToEpoch(b.year, b.month, b.day, 12, 0, timeZone);
  const days = Math.round((noonB - noonA) / 86_400_000);
  if (days === 0) return `${en ? 'today' : 'hari ini'} ${clock}`;
  if (days === 1) return `${en ? 'tomorrow' : 'besok'} ${clock}`;
  return en ? `${DAY_NAMES_EN[b.weekday]}, ${b.day} ${MONTHS_EN[b.month - 1]} ${clock}` : `${DAY_NAMES[b.weekday]}, ${b.day} ${MONTHS[b.month - 1]} ${clock}`;
}

function formatRanges(ranges: readonly TimeRange[]): string {
  if (ranges.length === 0) return 'tutup';
  return [...ranges]
    .sort((x, y) => x.from - y.from)
    .map((r) => `${formatClock(r.from)}–${formatClock(r.to)}`)
    .join(', ');
}

/**
 * The week as lines, with days that share their hours grouped: "Senin–Sabtu: 09.00–17.00",
 * "Minggu: tutup". The week starts on Monday, as in Indonesia.
 */
export function formatWeek(hours: OpeningHours, now?: number, timeZone?: string): string {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const lines: string[] = [];
  let i = 0;
  while (i < order.length) {
    const day = order[i] ?? 0;
    const text = formatRanges(hours.week[day] ?? []);
    let j = i;
    while (j + 1 < order.length && formatRanges(hours.week[order[j + 1] ?? 0] ?? []) === text) j++;
    const first = DAY_NAMES[day] ?? '';
    const last = DAY_NAMES[order[j] ?? 0] ?? '';
    lines.push(`${j > i ? `${first}–${last}` : first}: ${text}`);
    i = j + 1;
  }
  if (now !== undefined && timeZone !== undefined) lines.push(...exceptions(hours, now, timeZone));
  return lines.join('\n');
}

/** Holidays in the next two weeks and a closure still to come, for a customer reading the week. */
function exceptions(hours: OpeningHours, now: number, timeZone: string): string[] {
  const lines: string[] = [];
  const today = todayKey(now, timeZone);
  const soon = todayKey(now + 14 * 86_400_000, timeZone);
  for (const h of [...hours.holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    if (h.date >= today && h.date <= soon) lines.push(`${formatDate(h.date)}: libur${h.note ? ` (${h.note})` : ''}`);
  }
  const c = hours.closure;
  if (c && c.to > now) lines.push(`Tutup sementara: ${formatMoment(c.from, timeZone)} sampai ${formatMoment(c.to, timeZone)}`);
  return lines;
}

/** "Kamis, 24 Desember pukul 12.00". */
export function formatMoment(t: number, timeZone: string): string {
  const l = localTime(t, timeZone);
  return `${DAY_NAMES[l.weekday]}, ${l.day} ${MONTHS[l.month - 1]} pukul ${formatClock(l.hour * 60 + l.minute)}`;
}

/** "buka" or "tutup" right now, for {status}. */
export function statusWord(hours: OpeningHours, t: number, timeZone: string): string {
  return isOpen(hours, t, timeZone) ? 'buka' : 'tutup';
}

// ---- parsing what the owner types ------------------------------------------------------

const DAY_WORDS: Record<string, number> = {
  minggu: 0,
  ahad: 0,
  sunday: 0,
  sun: 0,
  senin: 1,
  monday: 1,
  mon: 1,
  selasa: 2,
  tuesday: 2,
  tue: 2,
  rabu: 3,
  wednesday: 3,
  wed: 3,
  kamis: 4,
  thursday: 4,
  thu: 4,
  jumat: 5,
  "jum'at": 5,
  friday: 5,
  fri: 5,
  sabtu: 6,
  saturday: 6,
  sat: 6,
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** "senin", "senin-sabtu", "sabtu,minggu" → weekday numbers. A range runs forward through the week. */
export function parseDays(text: string): Parsed<number[]> {
  const days: number[] = [];
  for (const part of text
    .toLowerCase()
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [a, b, ...rest] = part.split(/\s*(?:-|–|sampai|s\/d)\s*/);
    if (rest.length > 0 || a === undefined) return { ok: false, reason: `"${part}" bukan nama hari` };
    const from = DAY_WORDS[a];
    if (from === undefined) return { ok: false, reason: `"${a}" bukan nama hari (contoh: senin, sabtu, minggu)` };
    if (b === undefined) {
      if (!days.includes(from)) days.push(from);
      continue;
    }
    const to = DAY_WORDS[b];
    if (to === undefined) return { ok: false, reason: `"${b}" bukan nama hari (contoh: senin, sabtu, minggu)` };
    for (let d = from; ; d = (d + 1) % 7) {
      if (!days.includes(d)) days.push(d);
      if (d === to) break;
    }
  }
  if (days.length === 0) return { ok: false, reason: 'tulis harinya, misalnya senin-sabtu' };
  return { ok: true, value: days };
}

/** "09:00", "9.30", "9", "24:00" → minutes after midnight. */
export function parseClock(text: string): Parsed<number> {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!m) return { ok: false, reason: `"${text.trim()}" bukan jam (contoh: 09:00)` };
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return { ok: false, reason: `"${text.trim()}" bukan jam yang ada` };
  return { ok: true, value: h * 60 + min };
}

/** "09:00-12:00,13:00-15:00" → ranges, refusing reversed or overlapping ones. */
export function parseRanges(text: string): Parsed<TimeRange[]> {
  const ranges: TimeRange[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [a, b, ...rest] = part.split(/\s*(?:-|–|sampai|s\/d)\s*/);
    if (a === undefined || b === undefined || rest.length > 0) return { ok: false, reason: `"${part}" bukan rentang jam (contoh: 09:00-17:00)` };
    const from = parseClock(a);
    if (!from.ok) return from;
    const to = parseClock(b);
    if (!to.ok) return to;
    if (from.value >= to.value) return { ok: false, reason: `${formatClock(from.value)}–${formatClock(to.value)} terbalik: jam tutup harus sesudah jam buka` };
    ranges.push({ from: from.value, to: to.value });
  }
  if (ranges.length === 0) return { ok: false, reason: 'tulis jamnya, misalnya 09:00-17:00' };
  ranges.sort((x, y) => x.from - y.from);
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1] as TimeRange;
    const cur = ranges[i] as TimeRange;
    if (cur.from < prev.to)
      return { ok: false, reason: `${formatClock(prev.from)}–${formatClock(prev.to)} dan ${formatClock(cur.from)}–${formatClock(cur.to)} bertumpuk` };
  }
  return { ok: true, value: ranges };
}

/** "2026-12-25" or "25/12/2026" or "25-12-2026" → "2026-12-25", checking the date exists. */
export function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  let y: number;
  let mo: number;
  let d: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return { ok: false, reason: `"${t}" bukan tanggal (contoh: 2026-12-25)` };
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return { ok: false, reason: `tanggal ${t} tidak ada` };
  return { ok: true, value: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** "2026-12-25" → "Jumat, 25 Desember 2026". */
export function formatDate(date: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return `${DAY_NAMES[weekday]}, ${d} ${MONTHS[mo - 1]} ${y}`;
}

export function todayKey(t: number, timeZone: string): string {
  return dateKey(localTime(t, timeZone));
}

/**
 * The moment by which `ms` of opening time have passed after `from` (the shop's "business hours"),
 * or null when the shop does not open again within a year.
 */
export function afterOpenTime(hours: OpeningHours, from: number, ms: number, timeZone: string): number | null {
  let t = from;
  let left = ms;
  for (let guard = 0; guard < 1000; guard++) {
    const open = nextOpening(hours, t, timeZone);
    if (open === null) return null;
    const close = closingTime(hours, open, timeZone);
    if (close === null) return null;
    if (close - open >= left) return open + left;
    left -= close - open;
    t = close;
  }
  return null;
}

/** Day names a customer writes, Indonesian and English, by weekday (0 = Sunday). */
const ASKED_DAYS: ReadonlyArray<readonly string[]> = [
  ['minggu', 'ahad', 'sunday'],
  ['senin', 'monday'],
  ['selasa', 'tuesday'],
  ['rabu', 'wednesday'],
  ['kamis', 'thursday'],
  ['jumat', 'jum at', 'friday'],
  ['sabtu', 'saturday'],
];

/** Feasts by the words customers use for them, when the owner stored them as holidays under such a note. */
const FEASTS: ReadonlyArray<{ words: RegExp; note: RegExp }> = [
  { words: /\bnatal\b|\bchristmas\b|\bxmas\b/, note: /natal|christmas/i },
  { words: /\btahun baru\b|\bnew year\b/, note: /tahun baru|new year/i },
  { words: /\blebaran\b|\bidul fitri\b|\bidulfitri\b|\beid\b/, note: /lebaran|idul ?fitri|eid/i },
  { words: /\bimlek\b|\bchinese new year\b/, note: /imlek|chinese/i },
];

/**
 * The day a question asks about ("besok buka?", "natal buka ga", "tgl 25 buka?", "sabtu sampai jam
 * brp?"), as a date in the shop's zone; null when it names no day, or names today. A feast is
 * found among the owner's holidays by its note; "minggu depan" (next week) is not a day.
 */
export function dayAsked(text: string, hours: OpeningHours, now: number, timeZone: string): string | null {
  const t = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const today = localTime(now, timeZone);
  const plus = (days: number): string => dateKey(localTime(zonedToEpoch(today.year, today.month, today.day, 12, 0, timeZone) + days * 86_400_000, timeZone));
  if (/\b(?:lusa)\b/.test(t)) return plus(2);
  if (/\b(?:besok|besuk|bsk|besok nya|tomorrow)\b/.test(t)) return plus(1);
  for (const feast of FEASTS) {
    if (!feast.words.test(t)) continue;
    const holiday = [...hours.holidays].sort((a, b) => a.date.localeCompare(b.date)).find((h) => h.date >= dateKey(today) && feast.note.test(h.note));
    if (holiday) return holiday.date;
  }
  const dated = /\b(?:tgl|tanggal|tg|date)\s*(\d{1,2})\b/.exec(t);
  if (dated) {
    const day = Number(dated[1]);
    if (day < 1 || day > 31) return null;
    const month = day >= today.day ? today.month : (today.month % 12) + 1;
    const year = month < today.month ? today.year + 1 : today.year;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return date === dateKey(today) ? null : date;
  }
  for (let wd = 0; wd < 7; wd++) {
    const names = ASKED_DAYS[wd] ?? [];
    // "minggu depan" / "2 minggu" is a week, not Sunday
    if (!names.some((n) => t.includes(` ${n} `) && !(n === 'minggu' && /\b(?:\d+|dua|tiga|satu|se) minggu\b|\bminggu (?:depan|lalu|ini)\b/.test(t)))) continue;
    const ahead = (wd - today.weekday + 7) % 7;
    return ahead === 0 ? null : plus(ahead);
  }
  return null;
}

/** "Jumat, 25 Desember 2026: *tutup* (libur Natal)", "Rabu, 2 Desember 2026: *buka* 09.00–17.00". */
export function describeDay(hours: OpeningHours, date: string, timeZone: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const holiday = holidayOn(hours, date);
  if (holiday) return `${formatDate(date)}: toko *tutup* (libur${holiday.note ? ` ${holiday.note}` : ''})`;
  const noon = zonedToEpoch(y, mo, d, 12, 0, timeZone);
  if (hours.closure && hours.closure.from <= noon && hours.closure.to > noon) return `${formatDate(date)}: toko *tutup* sementara`;
  const ranges = hours.week[localTime(noon, timeZone).weekday] ?? [];
  return ranges.length === 0 ? `${formatDate(date)}: toko *tutup*` : `${formatDate(date)}: toko *buka* ${formatRanges(ranges)}`;
}
