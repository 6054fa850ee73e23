import type { MenuItem } from '../../src/plugin-api.js';

/**
 * How a customer's message maps to the main menu: a pure function. "2", "2.", "no 2", "pilih 2",
 * "2️⃣" and the item's own title all choose item 2; "menu" asks for the menu again.
 */
export type Choice = { kind: 'none' } | { kind: 'menu' } | { kind: 'invalid'; value: string } | { kind: 'item'; item: MenuItem; index: number };

const MENU_WORDS = new Set(['menu', 'menu utama', 'mulai', 'kembali', 'balik', 'start', 'main menu', '0']);

function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\d)\uFE0F?\u20E3/gu, '$1') // keycap emoji "2️⃣"
    .replace(/[^\p{L}\p{N}\s&]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseChoice(text: string, items: readonly MenuItem[]): Choice {
  const t = simplify(text);
  if (t === '') return { kind: 'none' };
  if (MENU_WORDS.has(t)) return { kind: 'menu' };
  const m = /^(?:(?:no|nomor|nomer|pilih|pilihan|menu)\s*)?(\d{1,2})$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const item = items[n - 1];
    return item && n >= 1 ? { kind: 'item', item, index: n - 1 } : { kind: 'invalid', value: String(n) };
  }
  const index = items.findIndex((item) => simplify(item.label) === t);
  const item = items[index];
  return item ? { kind: 'item', item, index } : { kind: 'none' };
}
