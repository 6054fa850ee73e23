import { isOpen, nextOpening, todayKey as localTimeKey, type OpeningHours } from '../../src/core/hours.js';

/**
 * When the away message goes out: a pure decision, tested on its own.
 *
 * - "jam" (the default): while the shop is closed by its hours or a holiday;
 * - "selalu": always, once a day per chat (for closures with no end set);
 * - "rentang": during a closure the owner set (24 Dec 12:00 until 27 Dec 09:00), and outside the
 *   hours as usual.
 *
 * A chat gets it at most once per closed period: five messages in one night get one away message,
 * the next night gets another. It is skipped while the shop itself is answering in that chat.
 */
export type AwayMode = 'jam' | 'selalu' | 'rentang';

export interface AwaySettings {
  enabled: boolean;
  mode: AwayMode;
  range: { from: number; to: number } | null;
}

export interface AwayFacts {
  now: number;
  timeZone: string;
  hours: OpeningHours;
  /** The last time the shop typed in this chat by hand. */
  lastShopMessageAt: number | null;
  /** The closed period this chat last got the away message in. */
  lastPeriod: string | null;
}

export const OWNER_PRESENT_MS = 30 * 60_000;

export type AwayDecision =
  | { send: false; why: 'off' | 'open' | 'already' | 'owner-present' }
  | { send: true; period: string; reopenAt: number | null };

export function decideAway(settings: AwaySettings, f: AwayFacts): AwayDecision {
  if (!settings.enabled) return { send: false, why: 'off' };
  let period: string | null = null;
  let reopenAt: number | null = null;
  const range = settings.mode === 'rentang' ? settings.range : null;
  if (settings.mode === 'selalu') {
    period = `selalu:${localTimeKey(f.now, f.timeZone)}`;
    reopenAt = nextOpening(f.hours, f.now, f.timeZone);
  } else if (range && f.now >= range.from && f.now < range.to) {
    period = `rentang:${range.from}`;
    reopenAt = nextOpening(f.hours, range.to, f.timeZone);
  } else if (!isOpen(f.hours, f.now, f.timeZone)) {
    reopenAt = nextOpening(f.hours, f.now, f.timeZone);
    // Every message of one closed stretch shares the moment the shop opens again.
    period = `jam:${reopenAt ?? 'never'}`;
  }
  if (period === null) return { send: false, why: 'open' };
  if (period === f.lastPeriod) return { send: false, why: 'already' };
  if (f.lastShopMessageAt !== null && f.now - f.lastShopMessageAt < OWNER_PRESENT_MS) return { send: false, why: 'owner-present' };
  return { send: true, period, reopenAt };
}
