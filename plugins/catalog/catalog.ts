import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { BackgroundSignal, PluginApi } from '../../src/plugin-api.js';
import { categories, visible, type CatalogState, type Product } from './model.js';
import { placeholderCard } from './placeholder.js';
import { CatalogIndex } from './search.js';

/** How many placeholder cards are drawn at start; the rest are drawn when first shown. */
export const CARDS_AT_START = 100;

/**
 * The catalog as the plugin's handlers use it: the products in the state slice, a search index
 * and the sorted list kept until the next change, and the picture each product shows.
 */
export class Catalog {
  private version = 0;
  private cache: { version: number; index: CatalogIndex; visible: Product[] } | null = null;
  private readonly drawing = new Map<string, Promise<string | null>>();

  constructor(private readonly api: PluginApi<CatalogState, unknown>) {}

  get state(): CatalogState {
    return this.api.state.get();
  }

  /** Changes the catalog; the index and lists are rebuilt on next use. */
  change<T>(fn: (s: CatalogState) => T): T {
    let out: T | undefined;
    this.api.state.update((s) => {
      out = fn(s);
    });
    this.version++;
    return out as T;
  }

  private fresh(): { index: CatalogIndex; visible: Product[] } {
    if (!this.cache || this.cache.version !== this.version) {
      const products = this.state.products;
      // the products' names are the shop's own words: the reading learns their forms ("mawarnya")
      const names = visible(products).flatMap((p) =>
        [p.name, p.category, p.options]
          .join(' ')
          .toLowerCase()
          .split(/[^a-z]+/),
      );
      this.api.vocabulary(names);
      this.cache = { version: this.version, index: new CatalogIndex(products, (text) => this.api.read(text)), visible: visible(products) };
    }
    return this.cache;
  }

  index(): CatalogIndex {
    return this.fresh().index;
  }

  /** Products customers see, in the owner's order. */
  visible(): Product[] {
    return this.fresh().visible;
  }

  categories(): Array<{ name: string; count: number }> {
    return categories(this.state.products);
  }

  /** Shown products of a category, in order. */
  inCategory(name: string): Product[] {
    const key = name.toLowerCase();
    return this.visible().filter((p) => p.category.toLowerCase() === key);
  }

  /** Any product, hidden ones included (the owner's view). */
  get(code: string): Product | undefined {
    return this.state.products.find((p) => p.code === code);
  }

  /** A product a customer may see. */
  shown(code: string): Product | undefined {
    const p = this.get(code);
    return p && !p.hidden ? p : undefined;
  }

  /** Up to `n` ready products of the same category, to offer instead of a sold-out one. */
  alternatives(p: Product, n = 3): Product[] {
    return this.inCategory(p.category)
      .filter((q) => q.code !== p.code && q.stock === 'ready')
      .slice(0, n);
  }

  /** The category's name as first written, for a name typed in any case; null when there is none. */
  categoryNamed(name: string): string | null {
    const key = name.trim().toLowerCase();
    return this.categories().find((c) => c.name.toLowerCase() === key)?.name ?? null;
  }

  /** The pictures to show for a product: its photos on disk, else its card (drawn if need be). */
  async pictures(p: Product): Promise<string[]> {
    const photos = p.photos.map((rel) => this.api.media.path(rel)).filter((abs) => existsSync(abs));
    if (photos.length > 0) return photos;
    const card = await this.card(p);
    return card ? [card] : [];
  }

  /** The product's placeholder card, drawn and kept under data/media/ the first time. */
  card(p: Product): Promise<string | null> {
    if (p.placeholder && existsSync(this.api.media.path(p.placeholder))) return Promise.resolve(this.api.media.path(p.placeholder));
    const running = this.drawing.get(p.code);
    if (running) return running;
    const work = (async (): Promise<string | null> => {
      try {
        const bytes = placeholderCard(p);
        const rel = await this.api.media.save({ mimetype: 'image/png', read: () => Promise.resolve(bytes) }, `kartu-${p.code}`);
        // not a change the search sees: the index stays (rebuilding it for 5,000 products costs 80 ms)
        this.api.state.update(() => {
          const current = this.get(p.code);
          if (current) current.placeholder = rel;
        });
        return this.api.media.path(rel);
      } catch (err) {
        this.api.log.warn({ err, code: p.code }, 'a placeholder picture could not be made; the product is shown without one');
        return null;
      } finally {
        this.drawing.delete(p.code);
      }
    })();
    this.drawing.set(p.code, work);
    return work;
  }

  /** Forgets a product's card (its name or category changed); a new one is drawn when needed. */
  async dropCard(p: Product): Promise<void> {
    const old = p.placeholder;
    if (!old) return;
    this.api.state.update(() => {
      const current = this.get(p.code);
      if (current) current.placeholder = null;
    });
    await rm(this.api.media.path(old), { force: true }).catch(() => undefined);
  }

  /** Draws the cards of shown products without photos, a few at a time, until done or stopping. */
  async drawCards(signal: BackgroundSignal): Promise<number> {
    let drawn = 0;
    for (const p of this.visible()) {
      if (signal.stopping || drawn >= CARDS_AT_START) break;
      if (p.photos.length > 0 || (p.placeholder && existsSync(this.api.media.path(p.placeholder)))) continue;
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.stopping) break;
      if (await this.card(p)) drawn++;
    }
    return drawn;
  }
}
