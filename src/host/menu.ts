import { z } from 'zod';
import { menuItemSchema, type MenuItem } from '../store/schema.js';
import type { Slice, SliceSpec } from '../store/store.js';
import { simplify } from '../engine/read/normalise.js';
import type { Reading } from '../engine/read/reading.js';
import type { TextDefs, Texts } from './texts.js';

/**
 * The numbered main menu (SOP stage 2, identifying needs). Items are data the owner edits. A
 * plugin can answer an item itself by its id (the catalog answers "katalog"); an item nobody
 * answers replies with its own text.
 */
export { menuItemSchema, type MenuItem };

export const menuStateSchema = z.object({ items: z.array(menuItemSchema).max(20) });
export type MenuState = z.infer<typeof menuStateSchema>;

export const MENU_SLICE = 'core.menu';
export const MAX_MENU_ITEMS = 20;

export const menuSpec: SliceSpec<MenuState> = {
  schema: menuStateSchema,
  defaults: () => ({
    items: [
      {
        id: 'admin',
        label: 'Bicara dengan admin',
        reply: 'Baik Kak, admin kami sudah diberi tahu dan akan membalas di chat ini secepatnya. 🙏',
        notifyOwner: true,
      },
    ],
  }),
};

export const MENU_TEXTS: TextDefs = {
  'menu.judul': {
    default: 'Silakan pilih menu berikut, Kak:',
    help: 'baris di atas menu utama bernomor',
    en: 'Please choose from the menu:',
  },
  'menu.penutup': {
    default: 'Balas dengan *angka* pilihan Kakak, misalnya *1*.',
    help: 'baris di bawah menu utama bernomor',
    en: 'Reply with the *number* of your choice, for example *1*. You can also just type your question in English.',
  },
};

/** What a message chooses from the main menu. */
export type MenuChoice =
  /** "menu", "0": the menu again. */
  | { kind: 'menu' }
  /** A number the menu does not have. */
  | { kind: 'invalid'; value: string }
  /** An item, by its number or its title; `owner` is the plugin that answers it, if one does. */
  | { kind: 'item'; item: MenuItem; index: number; owner: string | null };

export class Menu {
  private readonly owners = new Map<string, string>();
  /** The items' titles as a message reads them, made again only when a title changes. */
  private titles: { labels: string[]; simple: string[] } = { labels: [], simple: [] };

  constructor(
    private readonly slice: Slice<MenuState>,
    private readonly texts: Texts,
  ) {}

  items(): readonly MenuItem[] {
    return this.slice.get().items;
  }

  /** The whole menu as one message part: title, numbered items, closing line. */
  render(language?: 'id' | 'en'): string {
    const lines = this.items().map((item, i) => `*${i + 1}.* ${item.label}`);
    return [this.texts.render('menu.judul', {}, language), ...lines, '', this.texts.render('menu.penutup', {}, language)].join('\n');
  }

  /** A plugin answers the item with this id itself. */
  claim(plugin: string, id: string): void {
    const existing = this.owners.get(id);
    if (existing) throw new Error(`menu item "${id}" is already claimed by ${existing}`);
    this.owners.set(id, plugin);
  }

  owner(id: string): string | undefined {
    return this.owners.get(id);
  }

  update(fn: (state: MenuState) => void): void {
    this.slice.update(fn);
  }

  private titlesOf(items: readonly MenuItem[]): readonly string[] {
    const { labels } = this.titles;
    let same = labels.length === items.length;
    for (let i = 0; same && i < items.length; i++) same = labels[i] === items[i]?.label;
    if (!same) this.titles = { labels: items.map((item) => item.label), simple: items.map((item) => simplify(item.label)) };
    return this.titles.simple;
  }

  /** The choice a message makes, or null. */
  choose(reading: Pick<Reading, 'simple' | 'navigation'>): MenuChoice | null {
    const items = this.items();
    const choice = parseChoice(reading, items, this.titlesOf(items));
    if (choice?.kind !== 'item') return choice;
    return { ...choice, owner: this.owners.get(choice.item.id) ?? null };
  }
}

/**
 * How a customer's message maps to the main menu: a pure function. "2", "2.", "no 2", "pilih 2",
 * "2️⃣" and the item's own title all choose item 2; "menu", and "kembali" with no list on screen,
 * ask for the menu again. `titles` are the items' titles simplified, when the caller keeps them.
 */
export function parseChoice(
  reading: Pick<Reading, 'simple' | 'navigation'>,
  items: readonly MenuItem[],
  titles: readonly string[] = items.map((item) => simplify(item.label)),
): MenuChoice | null {
  const t = reading.simple;
  if (t === '') return null;
  if (reading.navigation === 'menu' || reading.navigation === 'back') return { kind: 'menu' };
  const m = /^(?:(?:no|nomor|nomer|pilih|pilihan|menu)\s*)?(\d{1,2})$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const item = items[n - 1];
    return item && n >= 1 ? { kind: 'item', item, index: n - 1, owner: null } : { kind: 'invalid', value: String(n) };
  }
  const index = titles.indexOf(t);
  const item = items[index];
  return item ? { kind: 'item', item, index, owner: null } : null;
}
