import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { hoursSchema, menuItemSchema, shopSchema } from './schema.js';
import type { SeedData } from './store.js';

/**
 * The seed is what a fresh store starts with: the shop profile, the main menu and text overrides.
 * It is data, so another shop only needs another seed file.
 */
export const seedSchema = z.object({
  shop: shopSchema.partial().optional(),
  hours: hoursSchema.optional(),
  texts: z.record(z.string(), z.string()).optional(),
  menu: z.array(menuItemSchema).min(1).max(20).optional(),
  plugins: z.record(z.string(), z.unknown()).optional(),
});

export type Seed = SeedData & { menu?: z.infer<typeof seedSchema>['menu'] };

/** The seed that ships with layani (data/seed.json of the source tree or the image). */
export function bundledSeedPath(): string {
  // src/store/seed.ts and dist/src/store/seed.js both sit two or three levels below the app root.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'data', 'seed.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve('data', 'seed.json');
}

export class SeedError extends Error {}

/**
 * Picks the seed: an explicit SEED_FILE, else seed.json in the data folder, else the bundled one.
 * A seed that is named but unreadable is an error; no seed at all means built-in defaults.
 */
export function loadSeed(explicit: string | undefined, dataDir: string): { seed: Seed; path: string | null } {
  const candidates = explicit ? [explicit] : [join(dataDir, 'seed.json'), bundledSeedPath()];
  const path = candidates.find((p) => existsSync(p));
  if (!path) {
    if (explicit) throw new SeedError(`SEED_FILE: ${explicit} does not exist. Example: SEED_FILE=./data/seed.json`);
    return { seed: {}, path: null };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SeedError(`seed file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = seedSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new SeedError(`seed file ${path} is not valid: ${problems}`);
  }
  const { shop, hours, texts, menu, plugins } = parsed.data;
  const seed: Seed = {};
  if (shop) seed.shop = shop;
  if (hours) seed.hours = hours;
  if (texts) seed.texts = texts;
  if (menu) seed.menu = menu;
  if (plugins) seed.plugins = plugins;
  return { seed, path };
}
