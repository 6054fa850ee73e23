import { describe, expect, it } from 'vitest';
import {
  closingTime,
  dayAsked,
  describeDay,
  DEFAULT_HOURS,
  describeOpening,
  formatDate,
  formatWeek,
  isOpen,
  nextOpening,
  parseClock,
  parseDate,
  parseDays,
  parseRanges,
  type OpeningHours,
} from '../../src/hours.js';

const TZ = 'Asia/Jakarta';
const at = (local: string): number => Date.parse(`${local}+07:00`);
const h = (hh: number, mm = 0) => hh * 60 + mm;

// Tue 1 Dec 2026 … Mon 7 Dec 2026
const florist = (): OpeningHours => {
  const hours = DEFAULT_HOURS();
  hours.week[6] = [
    { from: h(9), to: h(12) },
    { from: h(13), to: h(15) },
  ];
  return hours;
};

describe('opening hours', () => {
  it('opens on the minute of opening and closes on the minute of closing', () => {
    const hours = florist();
    expect(isOpen(hours, at('2026-12-01T08:59:59'), TZ)).toBe(false);
    expect(isOpen(hours, at('2026-12-01T09:00:00'), TZ)).toBe(true);
    expect(isOpen(hours, at('2026-12-01T16:59:59'), TZ)).toBe(true);
    expect(isOpen(hours, at('2026-12-01T17:00:00'), TZ)).toBe(false);
  });

  it('handles a range across noon and a day with two ranges', () => {
    const hours = florist();
    hours.week[3] = [{ from: h(11), to: h(14) }]; // Wednesday
    expect(isOpen(hours, at('2026-12-02T11:59'), TZ)).toBe(true);
    expect(isOpen(hours, at('2026-12-02T12:30'), TZ)).toBe(true);
    expect(isOpen(hours, at('2026-12-02T14:00'), TZ)).toBe(false);
    // Saturday 5 Dec: closed over lunch
    expect(isOpen(hours, at('2026-12-05T11:30'), TZ)).toBe(true);
    expect(isOpen(hours, at('2026-12-05T12:30'), TZ)).toBe(false);
    expect(nextOpening(hours, at('2026-12-05T12:30'), TZ)).toBe(at('2026-12-05T13:00'));
    expect(isOpen(hours, at('2026-12-05T13:00'), TZ)).toBe(true);
  });

  it('stays closed on a holiday that falls on an open day', () => {
    const hours = florist();
    hours.holidays.push({ date: '2026-12-25', note: 'Natal' });
    expect(isOpen(hours, at('2026-12-25T10:00'), TZ)).toBe(false); // a Friday
    expect(nextOpening(hours, at('2026-12-24T18:00'), TZ)).toBe(at('2026-12-26T09:00'));
  });

  it('finds the next opening across a week of closures', () => {
    const hours = florist();
    for (const date of ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12']) hours.holidays.push({ date, note: 'renovasi' });
    // Saturday 5 Dec at 16:00: Sunday closed, then six holidays, then Sunday again
    expect(nextOpening(hours, at('2026-12-05T16:00'), TZ)).toBe(at('2026-12-14T09:00'));
    expect(nextOpening({ week: [[], [], [], [], [], [], []], holidays: [], closure: null }, at('2026-12-05T16:00'), TZ)).toBeNull();
  });

  it('opens until midnight with a range ending at 24:00', () => {
    const hours = florist();
    hours.week[5] = [{ from: h(18), to: h(24) }]; // Friday night market
    expect(isOpen(hours, at('2026-12-04T23:59'), TZ)).toBe(true);
    expect(isOpen(hours, at('2026-12-05T00:00'), TZ)).toBe(false);
    expect(closingTime(hours, at('2026-12-04T20:00'), TZ)).toBe(at('2026-12-05T00:00'));
  });

  it('stays closed during a closure the owner set, and opens after it', () => {
    const hours = florist();
    hours.closure = { from: at('2026-12-24T12:00'), to: at('2026-12-27T09:00') };
    expect(isOpen(hours, at('2026-12-24T11:59'), TZ)).toBe(true);
    expect(closingTime(hours, at('2026-12-24T10:00'), TZ)).toBe(at('2026-12-24T12:00'));
    expect(isOpen(hours, at('2026-12-24T12:00'), TZ)).toBe(false);
    // the 27th is a Sunday: closed anyway; Monday the 28th it opens
    expect(nextOpening(hours, at('2026-12-24T13:00'), TZ)).toBe(at('2026-12-28T09:00'));
    // seen from the evening before, the closure swallows the next morning too
    hours.closure = { from: at('2026-12-23T20:00'), to: at('2026-12-24T12:00') };
    expect(nextOpening(hours, at('2026-12-23T18:00'), TZ)).toBe(at('2026-12-24T12:00'));
    expect(formatWeek(hours, at('2026-12-20T10:00'), TZ)).toContain('Tutup sementara: Rabu, 23 Desember pukul 20.00 sampai Kamis, 24 Desember pukul 12.00');
  });

  it('lists holidays of the next two weeks with the week', () => {
    const hours = florist();
    hours.holidays.push({ date: '2026-12-25', note: 'Natal' }, { date: '2027-03-20', note: 'Idul Fitri' });
    const week = formatWeek(hours, at('2026-12-20T10:00'), TZ);
    expect(week).toContain('Jumat, 25 Desember 2026: libur (Natal)');
    expect(week).not.toContain('Idul Fitri');
  });

  it('finds the next opening in a zone with daylight saving time, on the day clocks change', () => {
    const hours = DEFAULT_HOURS();
    // Berlin: Saturday 24 Oct 2026 at 20:00; clocks go back on Sunday; Monday 09:00 is CET
    expect(nextOpening(hours, Date.parse('2026-10-24T18:00:00Z'), 'Europe/Berlin')).toBe(Date.parse('2026-10-26T08:00:00Z'));
  });

  it('says when it opens the way a customer reads it', () => {
    const hours = florist();
    const say = (now: string) => describeOpening(nextOpening(hours, at(now), TZ), at(now), TZ);
    expect(say('2026-12-01T10:00')).toBe('sekarang');
    expect(say('2026-12-01T07:30')).toBe('hari ini pukul 09.00');
    expect(say('2026-12-01T20:00')).toBe('besok pukul 09.00');
    expect(say('2026-12-05T16:00')).toBe('Senin, 7 Desember pukul 09.00');
    expect(say('2026-12-05T12:15')).toBe('hari ini pukul 13.00');
    expect(describeOpening(null, at('2026-12-01T10:00'), TZ)).toBe('belum ditentukan');
  });

  it('writes the week grouping days that share their hours', () => {
    expect(formatWeek(florist())).toBe('Senin–Jumat: 09.00–17.00\nSabtu: 09.00–12.00, 13.00–15.00\nMinggu: tutup');
    expect(formatWeek(DEFAULT_HOURS())).toBe('Senin–Sabtu: 09.00–17.00\nMinggu: tutup');
  });
});

describe('reading what the owner types', () => {
  it.each([
    ['senin-sabtu', [1, 2, 3, 4, 5, 6]],
    ['Sabtu', [6]],
    ['jumat-senin', [5, 6, 0, 1]],
    ['sabtu, minggu', [6, 0]],
    ["jum'at", [5]],
    ['monday-friday', [1, 2, 3, 4, 5]],
  ])('days %j', (text, days) => {
    expect(parseDays(text)).toEqual({ ok: true, value: days });
  });

  it('refuses unknown days', () => {
    expect(parseDays('senen')).toEqual({ ok: false, reason: '"senen" bukan nama hari (contoh: senin, sabtu, minggu)' });
    expect(parseDays('senin-besok').ok).toBe(false);
  });

  it.each([
    ['09:00', 540],
    ['9.30', 570],
    ['9', 540],
    ['24:00', 1440],
  ])('clock %j', (text, minutes) => {
    expect(parseClock(text)).toEqual({ ok: true, value: minutes });
  });

  it.each(['25:00', '9:75', 'jam 9', '24:30', ''])('refuses the clock %j', (text) => {
    expect(parseClock(text).ok).toBe(false);
  });

  it('reads ranges and refuses reversed, overlapping or malformed ones', () => {
    expect(parseRanges('09:00-12:00,13:00-15:00')).toEqual({
      ok: true,
      value: [
        { from: 540, to: 720 },
        { from: 780, to: 900 },
      ],
    });
    expect(parseRanges('17:00-09:00')).toEqual({ ok: false, reason: '17.00–09.00 terbalik: jam tutup harus sesudah jam buka' });
    expect(parseRanges('09:00-13:00,12:00-15:00')).toEqual({ ok: false, reason: '09.00–13.00 dan 12.00–15.00 bertumpuk' });
    expect(parseRanges('pagi').ok).toBe(false);
  });

  it('reads dates and refuses ones that do not exist', () => {
    expect(parseDate('2026-12-25')).toEqual({ ok: true, value: '2026-12-25' });
    expect(parseDate('25/12/2026')).toEqual({ ok: true, value: '2026-12-25' });
    expect(parseDate('2026-02-30')).toEqual({ ok: false, reason: 'tanggal 2026-02-30 tidak ada' });
    expect(parseDate('natal').ok).toBe(false);
    expect(formatDate('2026-12-25')).toBe('Jumat, 25 Desember 2026');
  });
});

describe('the day a question asks about', () => {
  const TZ = 'Asia/Jakarta';
  const TUESDAY = Date.parse('2026-12-01T10:00:00+07:00');
  const hours = {
    ...DEFAULT_HOURS(),
    holidays: [
      { date: '2026-12-25', note: 'Natal' },
      { date: '2027-01-01', note: 'Tahun Baru' },
    ],
  };
  it.each([
    ['besok buka?', '2026-12-02'],
    ['lusa bisa ambil?', '2026-12-03'],
    ['tomorrow open?', '2026-12-02'],
    ['natal buka ga', '2026-12-25'],
    ['pas tahun baru buka?', '2027-01-01'],
    ['tgl 25 buka?', '2026-12-25'],
    ['tanggal 3 buka kak', '2026-12-03'],
    ['sabtu sampai jam brp', '2026-12-05'],
    ['hari minggu buka?', '2026-12-06'],
    ['jumat buka?', '2026-12-04'],
  ])('"%s" → %s', (text, date) => {
    expect(dayAsked(text, hours, TUESDAY, TZ)).toBe(date);
  });

  it.each(['jam buka?', 'selasa buka?', 'tgl 1 buka?', 'minggu depan buka?', 'udah 2 minggu ga ada kabar', 'lebaran buka?', 'tgl 45'])(
    '"%s" names no other day',
    (text) => {
      expect(dayAsked(text, hours, TUESDAY, TZ)).toBeNull();
    },
  );

  it('says whether the shop opens that day, and why not', () => {
    expect(describeDay(hours, '2026-12-25', TZ)).toBe('Jumat, 25 Desember 2026: toko *tutup* (libur Natal)');
    expect(describeDay(hours, '2026-12-06', TZ)).toBe('Minggu, 6 Desember 2026: toko *tutup*');
  });
});
