import type { Store } from '../store/store.js';
import { listVariables, splitTemplate, unknownVariables } from '../template.js';

/** A customer-facing text a plugin owns. The owner can replace it without a restart. */
export interface TextDef {
  default: string;
  /** What the text is for, in Indonesian: the owner reads it in !teks. */
  help: string;
  /** Variables the text may use besides the shop's own (SHOP_VARIABLES). */
  variables?: readonly string[];
  /** The text for a customer who writes English; the owner edits it as `<key>.en`. */
  en?: string;
}

export type TextDefs = Readonly<Record<string, TextDef>>;

/** Variables every text may use: the shop's name and address, its week, when it opens next, and whether it is open now. */
export const SHOP_VARIABLES = ['toko', 'alamat', 'jam', 'buka', 'status'] as const;

/** The values of the shop variables that depend on the time; computed only when a text uses them. */
export interface ShopClock {
  week(): string;
  nextOpening(): string;
  status(): string;
}

export const MAX_TEXT_LENGTH = 4096;

interface Registered extends TextDef {
  key: string;
  plugin: string;
}

export type SetTextResult = { ok: true } | { ok: false; reason: string };

/** How many split templates are kept (the texts, the menu's replies, the quick replies). */
const TEMPLATE_CACHE = 1_000;

export class Texts {
  private readonly defs = new Map<string, Registered>();
  /** Stored texts that cannot be used as they are (unknown {variables}); the default stands in. */
  private readonly unusable = new Set<string>();
  /** Templates split at their variables, by their text. */
  private readonly templates = new Map<string, readonly string[]>();

  constructor(
    private readonly store: Store,
    private readonly shopClock: ShopClock,
  ) {}

  define(plugin: string, defs: TextDefs): void {
    for (const [key, def] of Object.entries(defs)) {
      const existing = this.defs.get(key);
      if (existing) throw new Error(`text key "${key}" of plugin ${plugin} is already defined by ${existing.plugin}`);
      const bad = unknownVariables(def.default, this.allowedOf(def));
      if (bad.length > 0) throw new Error(`default text "${key}" uses unknown variables ${bad.join(', ')}`);
      this.defs.set(key, { ...def, key, plugin });
      if (def.en !== undefined)
        this.define(plugin, {
          [`${key}.en`]: {
            default: def.en,
            help: `${def.help} (untuk pelanggan yang menulis bahasa Inggris)`,
            ...(def.variables ? { variables: def.variables } : {}),
          },
        });
    }
  }

  has(key: string): boolean {
    return this.defs.has(key);
  }

  list(): Registered[] {
    return [...this.defs.values()];
  }

  def(key: string): Registered | undefined {
    return this.defs.get(key);
  }

  allowed(key: string): string[] {
    const def = this.defs.get(key);
    return def ? this.allowedOf(def) : [...SHOP_VARIABLES];
  }

  isCustomised(key: string): boolean {
    return Object.hasOwn(this.store.data.texts, key);
  }

  /** The owner's version if there is one, otherwise the default. */
  get(key: string): string {
    const def = this.defs.get(key);
    if (!def) throw new Error(`unknown text key "${key}"`);
    const own = this.store.data.texts[key];
    return own === undefined || this.unusable.has(key) ? def.default : own;
  }

  /**
   * Checks the stored texts once every plugin has defined its own: a text for a key nobody
   * defines, or one with unknown {variables}, is reported and left alone (never deleted), and the
   * default is used instead of a text that would show a customer "{pelanggan}".
   */
  audit(): Array<{ key: string; problem: string }> {
    const problems: Array<{ key: string; problem: string }> = [];
    for (const [key, text] of Object.entries(this.store.data.texts)) {
      const def = this.defs.get(key);
      if (!def) {
        problems.push({ key, problem: 'no plugin uses this text key' });
        continue;
      }
      const bad = unknownVariables(text, this.allowedOf(def));
      if (bad.length > 0) {
        this.unusable.add(key);
        problems.push({ key, problem: `unknown variables ${listVariables(bad)}; the default text is used instead` });
      }
    }
    return problems;
  }

  /** The text with the shop's variables and `vars` filled in; its English one for 'en', when it has one. */
  render(key: string, vars: Readonly<Record<string, string>> = {}, language?: 'id' | 'en'): string {
    const english = `${key}.en`;
    return this.fill(this.get(language === 'en' && this.defs.has(english) ? english : key), vars);
  }

  /**
   * Fills the shop's variables and `vars` into any template. The hours ({jam}, {buka}, {status})
   * are only worked out for a text that asks for them, and a caller's own value (the away
   * message's {buka}) wins.
   */
  fill(template: string, vars: Readonly<Record<string, string>> = {}): string {
    const parts = this.parsed(template);
    if (parts.length === 1) return template;
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      // odd parts are variable names
      out += i % 2 === 0 ? part : this.value(part, vars);
    }
    return out;
  }

  private value(name: string, vars: Readonly<Record<string, string>>): string {
    if (Object.hasOwn(vars, name)) return vars[name] ?? '';
    const shop = this.store.data.shop;
    switch (name) {
      case 'toko':
        return shop.name;
      case 'alamat':
        return shop.address;
      case 'jam':
        return this.shopClock.week();
      case 'buka':
        return this.shopClock.nextOpening();
      case 'status':
        return this.shopClock.status();
      default:
        return `{${name}}`;
    }
  }

  /** A template split at its variables (text, name, text, …), kept for the next time. */
  private parsed(template: string): readonly string[] {
    let parts = this.templates.get(template);
    if (!parts) {
      parts = splitTemplate(template);
      if (this.templates.size >= TEMPLATE_CACHE) this.templates.clear();
      this.templates.set(template, parts);
    }
    return parts;
  }

  set(key: string, value: string): SetTextResult {
    const def = this.defs.get(key);
    if (!def) return { ok: false, reason: `teks "${key}" tidak ada` };
    const text = value.trim();
    if (text === '') return { ok: false, reason: 'teksnya kosong' };
    if (text.length > MAX_TEXT_LENGTH) return { ok: false, reason: `teksnya ${text.length} karakter, paling banyak ${MAX_TEXT_LENGTH}` };
    const allowed = this.allowedOf(def);
    const bad = unknownVariables(text, allowed);
    if (bad.length > 0) {
      return { ok: false, reason: `variabel ${listVariables(bad)} tidak dikenal. Yang bisa dipakai: ${listVariables(allowed)}` };
    }
    this.store.data.texts[key] = text;
    this.unusable.delete(key);
    this.store.changed();
    return { ok: true };
  }

  reset(key: string): SetTextResult {
    if (!this.defs.has(key)) return { ok: false, reason: `teks "${key}" tidak ada` };
    delete this.store.data.texts[key];
    this.unusable.delete(key);
    this.store.changed();
    return { ok: true };
  }

  private allowedOf(def: TextDef): string[] {
    return [...SHOP_VARIABLES, ...(def.variables ?? [])];
  }
}
