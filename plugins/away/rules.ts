import { closingTime, isOpen, nextOpening, type OpeningHours, todayKey } from '../../src/plugin-api.js';

/**
 * When the away message goes out: a pure decision, tested on its own.
 *
 * - "jam" (the default): while the shop is closed, by its hours, a holiday, or a closure the owner
 *   set ahead (24 Dec 12:00 until 27 Dec 09:00);
 * - "selalu": at any hour (the owner is away altogether).
 *
 * A chat gets it at most once per period: a closed stretch is one period however it was made
 * (evening, holiday, closure), keyed on the moment the shop opens again; in "selalu" mode an open
 * stretch is one too. It is skipped while the shop itself is answering in that chat.
 */
export type AwayMode = 'jam' | 'selalu';

export interface AwaySettings {
  enabled: boolean;
  mode: AwayMode;
}

export interface AwayFacts {
  now: number;
  timeZone: string;
  hours: OpeningHours;
  /** The last time the shop typed in this chat by hand. */
  lastShopMessageAt: number | null;
  /** The period this chat last got the away message in. */
  lastPeriod: string | null;
}

export const OWNER_PRESENT_MS = 30 * 60_000;

export type AwayDecision =
  | { send: false; why: 'off' | 'open' | 'already' | 'owner-present' }
  /** `reopenAt` null: no opening is known, the customer hears "secepatnya". */
  | { send: true; period: string; reopenAt: number | null };

export function decideAway(settings: AwaySettings, f: AwayFacts): AwayDecision {
  if (!settings.enabled) return { send: false, why: 'off' };
  let period: string;
  let reopenAt: number | null = null;
  if (!isOpen(f.hours, f.now, f.timeZone)) {
    reopenAt = nextOpening(f.hours, f.now, f.timeZone);
    period = reopenAt !== null ? `tutup:${reopenAt}` : `tutup:${todayKey(f.now, f.timeZone)}`;
  } else if (settings.mode === 'selalu') {
    period = `buka:${closingTime(f.hours, f.now, f.timeZone) ?? todayKey(f.now, f.timeZone)}`;
  } else {
    return { send: false, why: 'open' };
  }
  if (period === f.lastPeriod) return { send: false, why: 'already' };
  if (f.lastShopMessageAt !== null && f.now - f.lastShopMessageAt < OWNER_PRESENT_MS) return { send: false, why: 'owner-present' };
  return { send: true, period, reopenAt };
}
