/**
 * WhatsApp display names are typed by customers: they hold emoji, decorations, phone numbers, or
 * WhatsApp formatting marks that would break our own *bold*. This turns one into something a
 * greeting can use, or null.
 */
const MAX_NAME = 25;

export function cleanName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let name = raw
    .normalize('NFC')
    // zero-width and bidi controls, other control characters
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\p{Cc}]/gu, '')
    // WhatsApp formatting marks
    .replace(/[*_~`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/\p{L}/u.test(name)) return null; // only digits, symbols or emoji: not a name
  if (name.length > MAX_NAME) {
    const cut = name.slice(0, MAX_NAME);
    const space = cut.lastIndexOf(' ');
    name = (space >= 10 ? cut.slice(0, space) : cut).trim();
  }
  return name;
}
