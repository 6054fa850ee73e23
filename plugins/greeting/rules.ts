/**
 * When the greeting goes out: a pure decision, tested on its own.
 * A customer is greeted on their first message, and again when the chat has been silent in both
 * directions for `silentDays` days (WhatsApp Business's rule is 14 days).
 */
export type RecipientMode = 'semua' | 'kecuali' | 'hanya';

export interface GreetingSettings {
  enabled: boolean;
  silentDays: number;
  mode: RecipientMode;
  numbers: readonly string[];
}

export interface GreetingFacts {
  number: string | null;
  /** The customer's previous message, null on their first. */
  previousSeenAt: number | null;
  /** The last message that went out to the chat, from the bot or the shop. */
  lastOutboundAt: number | null;
  now: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function isRecipient(settings: Pick<GreetingSettings, 'mode' | 'numbers'>, number: string | null): boolean {
  switch (settings.mode) {
    case 'semua':
      return true;
    case 'kecuali':
      return number === null || !settings.numbers.includes(number);
    case 'hanya':
      return number !== null && settings.numbers.includes(number);
  }
}

export function shouldGreet(settings: GreetingSettings, facts: GreetingFacts): boolean {
  if (!settings.enabled || !isRecipient(settings, facts.number)) return false;
  const activity = [facts.previousSeenAt, facts.lastOutboundAt].filter((t): t is number => t !== null);
  if (activity.length === 0) return true;
  return facts.now - Math.max(...activity) >= settings.silentDays * DAY_MS;
}
