import { z } from 'zod';
import { menuItemSchema, type MenuItem } from '../store/schema.js';
import type { Slice, SliceSpec } from '../store/store.js';
import type { Texts, TextDefs } from './texts.js';
import type { BaseContext } from '../plugin-api.js';

/**
 * The numbered main menu (SOP stage 2, identifying needs). Items are data the owner edits. A
 * plugin can take over an item by its id (the catalog will own "katalog"); an item nobody owns
 * answers with its own text.
 */
export { menuItemSchema, type MenuItem };

export const menuStateSchema = z.object({ items: z.array(menuItemSchema).max(20) });
export type MenuState = z.infer<typeof menuStateSchema>;

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
  },
  'menu.penutup': {
    default: 'Balas dengan *angka* pilihan Kakak, misalnya *1*.',
    help: 'baris di bawah menu utama bernomor',
  },
};

export type MenuActionHandler = (ctx: BaseContext, item: MenuItem) => void | Promise<void>;

export class Menu {
  private readonly actions = new Map<string, { plugin: string; run: MenuActionHandler }>();

  constructor(
    private readonly slice: Slice<MenuState>,
    private readonly texts: Texts,
  ) {}

  items(): readonly MenuItem[] {
    return this.slice.get().items;
  }

  /** The whole menu as one message part: title, numbered items, closing line. */
  render(): string {
    const lines = this.items().map((item, i) => `*${i + 1}.* ${item.label}`);
    return [this.texts.render('menu.judul'), ...lines, '', this.texts.render('menu.penutup')].join('\n');
  }

  /** A plugin claims a menu item id; choosing that item runs `run` instead of the item's text. */
  claim(plugin: string, id: string, run: MenuActionHandler): void {
    const existing = this.actions.get(id);
    if (existing) throw new Error(`menu item "${id}" is already claimed by ${existing.plugin}`);
    this.actions.set(id, { plugin, run });
  }

  claimedBy(id: string): string | undefined {
    return this.actions.get(id)?.plugin;
  }

  action(id: string): MenuActionHandler | undefined {
    return this.actions.get(id)?.run;
  }

  update(fn: (state: MenuState) => void): void {
    this.slice.update(fn);
  }
}
