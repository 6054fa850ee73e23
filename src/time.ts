/**
 * Time in the shop's own zone. The shop thinks in local wall-clock time ("tomorrow 09.00 WIB");
 * the rest of the code keeps epoch milliseconds. These helpers convert between the two.
 */
const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * The zone's offset changes at most a few times a year, on whole quarter hours: it is looked up
 * once per zone and quarter hour (Intl is slow), and the local time is worked out from it.
 */
const QUARTER_HOUR = 15 * 60_000;
/** Each zone's offsets by quarter hour. */
const offsetCache = new Map<string, Map<number, number>>();

/** Each zone's last quarter hour asked for: nearly every call asks for the current one. */
const lastOffset = new Map<string, { bucket: number; offset: number }>();

function cachedOffset(epochMs: number, timeZone: string): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR);
  const last = lastOffset.get(timeZone);
  if (last?.bucket === bucket) return last.offset;
  const offset = offsetFor(bucket, timeZone);
  lastOffset.set(timeZone, { bucket, offset });
  return offset;
}

function offsetFor(bucket: number, timeZone: string): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  let offset = zone.get(bucket);
  if (offset === undefined) {
    offset = zoneOffsetSlow(bucket * QUARTER_HOUR, timeZone);
    if (zone.size > 5000) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

export function localTime(epochMs: number, timeZone: string): LocalTime {
  const d = new Date(epochMs + cachedOffset(epochMs, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

function zoneOffsetSlow(epochMs: number, timeZone: string): number {
  const l = localTimeSlow(epochMs, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(epochMs / 1000) * 1000;
}

function localTimeSlow(epochMs: number, timeZone: string): LocalTime {
  const out: LocalTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const p of partsFormat(timeZone).formatToParts(epochMs)) {
    switch (p.type) {
      case 'year':
        out.year = Number(p.value);
        break;
      case 'month':
        out.month = Number(p.value);
        break;
      case 'day':
        out.day = Number(p.value);
        break;
      case 'hour':
        out.hour = Number(p.value);
        break;
      case 'minute':
        out.minute = Number(p.value);
        break;
      case 'second':
        out.second = Number(p.value);
        break;
      case 'weekday':
        out.weekday = WEEKDAYS[p.value] ?? 0;
        break;
      default:
        break;
    }
  }
  return out;
}

/** The zone's offset from UTC at an instant, in ms (Asia/Jakarta: +7 h). */
export function zoneOffset(epochMs: number, timeZone: string): number {
  return cachedOffset(epochMs, timeZone);
}

/**
 * The instant a wall-clock time in the zone stands for: the earlier one when clocks go back and
 * the time happens twice, and the first moment after the jump when clocks go forward and it does
 * not happen at all.
 */
export function zonedToEpoch(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const before = guess - zoneOffset(guess - 43_200_000, timeZone);
  const after = guess - zoneOffset(guess + 43_200_000, timeZone);
  const reads = (t: number): boolean => {
    const l = localTime(t, timeZone);
    return l.year === year && l.month === month && l.day === day && l.hour === hour && l.minute === minute;
  };
  const matches = [before, after].filter(reads).sort((a, b) => a - b);
  return matches[0] ?? before;
}

/** "2026-12-01 10:00" (or with a T, or with seconds) in the zone → epoch ms; null when it is not such a date-time. */
export function parseLocalDateTime(text: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const sec = Number(m[6] ?? 0);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const t = zonedToEpoch(y, mo, d, h, mi, timeZone) + sec * 1000;
  const back = localTime(t, timeZone);
  return back.day === d && back.month === mo ? t : null;
}

const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "Selasa, 1 Desember 2026 10.00", as an Indonesian reader expects. */
export function formatLocal(epochMs: number, timeZone: string): string {
  const l = localTime(epochMs, timeZone);
  const hh = String(l.hour).padStart(2, '0');
  const mm = String(l.minute).padStart(2, '0');
  return `${HARI[l.weekday]}, ${l.day} ${BULAN[l.month - 1]} ${l.year} ${hh}.${mm}`;
}

/** Local midnight of the day `t` falls on, in `timeZone`. */
export function startOfDay(t: number, timeZone: string): number {
  const l = localTime(t, timeZone);
  return zonedToEpoch(l.year, l.month, l.day, 0, 0, timeZone);
}
