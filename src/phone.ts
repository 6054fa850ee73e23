/**
 * Phone numbers as the shop writes them ("0812-3456-7890", "+62 812 3456 7890", "62812…") become
 * international digits ("6281234567890"). Everything that compares numbers compares these digits.
 */
export const DEFAULT_COUNTRY_CODE = '62';

export type PhoneResult = { ok: true; digits: string } | { ok: false; reason: string };

export function normalisePhone(input: string, countryCode = DEFAULT_COUNTRY_CODE): PhoneResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, reason: 'is empty' };
  if (!/^\+?[\d\s().-]+$/.test(raw)) return { ok: false, reason: 'may contain only digits, spaces, dashes and a leading +' };
  let digits = raw.replace(/\D/g, '');
  if (raw.startsWith('+')) {
    // already international
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
  } else if (digits.startsWith('0')) {
    digits = countryCode + digits.slice(1);
  } else if (countryCode === '62' && digits.startsWith('8') && digits.length >= 9 && digits.length <= 13) {
    // "812-3456-7890": an Indonesian mobile number written without its leading 0
    digits = countryCode + digits;
  }
  if (digits.startsWith('0')) return { ok: false, reason: 'has no country code' };
  if (digits.length < 8) return { ok: false, reason: 'is too short for a phone number' };
  if (digits.length > 15) return { ok: false, reason: 'is too long for a phone number (15 digits at most)' };
  return { ok: true, digits };
}

/** Digits or null, for places where a bad number simply means "no match". */
export function phoneDigits(input: string): string | null {
  const r = normalisePhone(input);
  return r.ok ? r.digits : null;
}

/** "6281234567890" → "62812****7890": enough to tell customers apart in a log, not enough to dial. */
export function maskPhone(digits: string | null | undefined): string {
  if (!digits) return '-';
  if (digits.length <= 7) return digits.slice(0, 2) + '*'.repeat(Math.max(0, digits.length - 2));
  return `${digits.slice(0, 5)}****${digits.slice(-4)}`;
}

/** A readable form for owners: "+62 812-3456-7890". */
export function formatPhone(digits: string): string {
  if (digits.startsWith('62') && digits.length >= 10) {
    const rest = digits.slice(2);
    const parts = [rest.slice(0, 3), rest.slice(3, 7), rest.slice(7)].filter((p) => p !== '');
    return `+62 ${parts.join('-')}`;
  }
  return `+${digits}`;
}

/** What the owner reads when a number they typed in a command cannot be used (in Indonesian, as all owner texts). */
export function unreadableNumber(written: string, reason: string): string {
  return `Nomor "${written}" ${reason === 'is empty' ? 'belum ditulis' : 'tidak bisa dibaca'}.`;
}

/** A chat id with its number masked, for logs: "628123••••890@s.whatsapp.net"; other ids as they are. */
export function maskChat(chatId: string): string {
  const at = chatId.indexOf('@');
  const user = at === -1 ? chatId : chatId.slice(0, at);
  const domain = at === -1 ? '' : chatId.slice(at);
  return /^\d+$/.test(user) ? maskPhone(user) + domain : chatId;
}
