import { z } from 'zod';
import type { Slice, SliceSpec } from '../store/store.js';
import { todayKey } from '../hours.js';

/**
 * How many customer messages and new customers each day had, in the shop's time zone, for the
 * daily summary and !statistik. Counts only, never texts; the last 62 days are kept.
 */
export const ACTIVITY_SLICE = 'core.activity';
export const KEEP_DAYS = 62;

const daySchema = z.object({ messages: z.number().int().nonnegative(), newCustomers: z.number().int().nonnegative() });
export type DayActivity = z.infer<typeof daySchema>;
const activitySchema = z.object({ days: z.record(z.string(), daySchema) });
export type ActivityState = z.infer<typeof activitySchema>;

export const activitySpec: SliceSpec<ActivityState> = { schema: activitySchema, defaults: () => ({ days: {} }) };

export class Activity {
  constructor(
    private readonly slice: Slice<ActivityState>,
    private readonly timeZone: string,
  ) {}

  /** One customer message at `t`; `firstEver` when it is the customer's first. */
  count(t: number, firstEver: boolean): void {
    const day = todayKey(t, this.timeZone);
    this.slice.update((s) => {
      let entry = s.days[day];
      if (!entry) {
        entry = { messages: 0, newCustomers: 0 };
        s.days[day] = entry;
        const keys = Object.keys(s.days).sort();
        for (const old of keys.slice(0, Math.max(0, keys.length - KEEP_DAYS))) delete s.days[old];
      }
      entry.messages++;
      if (firstEver) entry.newCustomers++;
    });
  }

  /** The counts of one local day ("2026-12-01"); zeros for a day without messages. */
  day(date: string): DayActivity {
    return this.slice.get().days[date] ?? { messages: 0, newCustomers: 0 };
  }
}
