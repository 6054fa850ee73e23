import { describe, expect, it } from 'vitest';
import { formatLocal, localTime, parseLocalDateTime, zonedToEpoch } from '../src/time.js';

describe('shop time', () => {
  it('converts wall-clock time in the shop zone to instants and back', () => {
    expect(zonedToEpoch(2026, 12, 1, 10, 0, 'Asia/Jakarta')).toBe(Date.parse('2026-12-01T10:00:00+07:00'));
    expect(zonedToEpoch(2026, 12, 1, 10, 0, 'Asia/Jayapura')).toBe(Date.parse('2026-12-01T10:00:00+09:00'));
    // a zone with daylight saving time, on both sides of the change
    expect(zonedToEpoch(2026, 7, 1, 12, 0, 'Europe/Amsterdam')).toBe(Date.parse('2026-07-01T12:00:00+02:00'));
    expect(zonedToEpoch(2026, 12, 1, 12, 0, 'Europe/Amsterdam')).toBe(Date.parse('2026-12-01T12:00:00+01:00'));
    expect(localTime(Date.parse('2026-12-06T23:30:00Z'), 'Asia/Jakarta')).toMatchObject({ year: 2026, month: 12, day: 7, hour: 6, minute: 30, weekday: 1 });
  });

  it('handles the days clocks change in zones with daylight saving time', () => {
    // Berlin, 25 Oct 2026: 02:30 happens twice; the first one is meant
    expect(zonedToEpoch(2026, 10, 25, 2, 30, 'Europe/Berlin')).toBe(Date.parse('2026-10-25T00:30:00Z'));
    // Berlin, 29 Mar 2026: 02:30 does not exist; the first moment after the jump is 03:00 + 30 min
    expect(zonedToEpoch(2026, 3, 29, 2, 30, 'Europe/Berlin')).toBe(Date.parse('2026-03-29T01:30:00Z'));
    // Santiago, 6 Sep 2026: midnight does not exist; the day still starts that day, at 01:00
    expect(localTime(zonedToEpoch(2026, 9, 6, 0, 0, 'America/Santiago'), 'America/Santiago')).toMatchObject({ day: 6, hour: 1 });
  });

  it("reads the simulator's /time argument and refuses impossible dates", () => {
    expect(parseLocalDateTime('2026-12-24 18:30', 'Asia/Jakarta')).toBe(Date.parse('2026-12-24T18:30:00+07:00'));
    expect(parseLocalDateTime('2026-12-24T08.05', 'Asia/Jakarta')).toBe(Date.parse('2026-12-24T08:05:00+07:00'));
    expect(parseLocalDateTime('2026-02-30 10:00', 'Asia/Jakarta')).toBeNull();
    expect(parseLocalDateTime('2026-12-24 25:00', 'Asia/Jakarta')).toBeNull();
    expect(parseLocalDateTime('besok', 'Asia/Jakarta')).toBeNull();
  });

  it('writes times the way an Indonesian reader expects', () => {
    expect(formatLocal(Date.parse('2027-01-04T09:05:00+07:00'), 'Asia/Jakarta')).toBe('Senin, 4 Januari 2027 09.05');
  });
});
