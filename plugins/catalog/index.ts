import { definePlugin } from '../../src/plugin-api.js';
import { registerOrderCommand, registerProductCommand } from './admin.js';
import { AFTERCARE_TEXTS } from './aftercare.js';
import { Catalog } from './catalog.js';
import { catalogSchema, type CatalogState } from './model.js';
import { browseSchema, CATALOG_SLICE, MENU_ITEM, SHOP_TEXTS, Shop } from './shop.js';
import { catalogTool } from './tool.js';

export { CATALOG_SLICE, MENU_ITEM };

/**
 * The catalog (SOP stages 3 and 6): customers browse, search and order products in the chat, with
 * photos; the owner manages products with !produk and follows orders with !pesanan. A shop's
 * starting catalog comes from the seed (data/seed.json) or from a CSV (npm run catalog).
 */

export const emptyCatalog = (): CatalogState => ({ products: [], nextCode: 1, orders: [], nextOrder: 1, pendingDelete: null });

export default definePlugin<CatalogState, unknown>({
  name: CATALOG_SLICE,
  description: 'Lets customers browse, search and order products in the chat; the owner manages them with !produk and !pesanan.',
  state: { schema: catalogSchema, defaults: emptyCatalog },
  texts: { ...SHOP_TEXTS, ...AFTERCARE_TEXTS },
  dialog: browseSchema,
  tools: { catalog: catalogTool },
  setup(api) {
    const catalog = new Catalog(api);
    const shop = new Shop(api, catalog);
    api.menu.claim(MENU_ITEM);
    api.recognise('products', (reading) => ({ mentioned: catalog.index().mentionsProducts(reading), owned: catalog.index().owned(reading) }));
    api.use((ctx, next) => shop.middleware(ctx, next));
    registerProductCommand(api, catalog);
    registerOrderCommand(api, catalog);
    api.privacy({
      describe: (ids) => {
        const mine = catalog.state.orders.filter((o) => ids.includes(o.chatId));
        return mine.length === 0 ? ['Pesanan: tidak ada'] : [`Pesanan: ${mine.map((o) => `${o.number} (${o.status})`).join(', ')}`];
      },
      // the orders stay for the shop's figures, without who placed them
      forget: (ids) =>
        void catalog.change((s) => {
          for (const o of s.orders) {
            if (!ids.includes(o.chatId)) continue;
            o.chatId = 'dihapus';
            o.customerName = null;
            o.customerNumber = null;
            o.note = o.note ? '(dihapus)' : '';
          }
        }),
    });
    api.report((from, to) => {
      const orders = catalog.state.orders;
      const made = orders.filter((o) => o.createdAt >= from && o.createdAt < to).length;
      const fresh = orders.filter((o) => o.status === 'baru').length;
      const confirmed = orders.filter((o) => o.status === 'dikonfirmasi').length;
      return [`Pesanan: ${made} masuk; terbuka ${fresh + confirmed} (${fresh} baru, ${confirmed} dikonfirmasi)`];
    });
    api.on('start', async (signal) => {
      const drawn = await catalog.drawCards(signal);
      if (drawn > 0) api.log.info({ drawn }, 'placeholder pictures drawn for products without photos');
    });
  },
});
