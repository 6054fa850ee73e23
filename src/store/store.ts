import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { removeStaleTempFiles, writeFileAtomic, type AtomicFs } from './atomic-write.js';
import { migrate, MIGRATIONS, type Migration } from './migrations.js';
import { dbSchema, DEFAULT_HOURS, DEFAULT_SHOP, SCHEMA_VERSION, type DbData, type OpeningHours, type ShopProfile } from './schema.js';

/** A plugin's persistent data: a schema to validate it on load and fresh defaults. */
export interface SliceSpec<T = unknown> {
  schema: z.ZodType<T>;
  defaults: () => T;
}

/** A typed view of one part of the store. `update` marks the store dirty; writes are coalesced. */
export interface Slice<T> {
  get(): T;
  update(fn: (draft: T) => void): void;
}

export interface SeedData {
  shop?: Partial<ShopProfile>;
  hours?: OpeningHours;
  texts?: Record<string, string>;
  plugins?: Record<string, unknown>;
}

export interface Recovery {
  /** Where the unreadable file was moved. It is never deleted. */
  corruptPath: string;
  reason: string;
  /** The backup the store was loaded from, or null when it started from defaults. */
  restoredFrom: string | null;
  /** When that backup was written (epoch ms), to tell the owner how much time was lost. */
  backupTime: number | null;
}

export interface StoreOptions {
  dir: string;
  logger: Logger;
  now: () => number;
  seed?: SeedData;
  plugins?: ReadonlyMap<string, SliceSpec>;
  customerData?: ReadonlyMap<string, SliceSpec>;
  /** How long changes gather before one write. */
  writeDelayMs?: number;
  migrations?: Migration[];
  /**
   * The schema version files are migrated to; SCHEMA_VERSION unless a test tries a migration that
   * this build does not have. Validation always uses this build's schema.
   */
  schemaVersion?: number;
  fs?: AtomicFs;
}

/** Raised for a store we must not touch at all, such as one written by a newer layani. */
export class StoreOpenError extends Error {}

export const DB_FILE = 'db.json';
export const BACKUP_DIR = 'backups';

/**
 * `untouchable`: the file must be left as it is and the bot must not start on anything else (a
 * newer layani wrote it, or a migration failed on it); starting from a backup or the seed would
 * lose good data.
 */
type Loaded = { ok: true; data: DbData; applied: Migration[] } | { ok: false; reason: string; untouchable?: boolean };

const MAX_RETRY_MS = 60_000;

class JsonFileAdapter implements Adapter<DbData> {
  writes = 0;
  constructor(
    private readonly path: string,
    private readonly fs: AtomicFs | undefined,
  ) {}
  async read(): Promise<DbData | null> {
    // The store validates the file itself before lowdb ever sees it.
    return null;
  }
  async write(data: DbData): Promise<void> {
    // Serialised synchronously, so later changes wait for the next write instead of tearing this one.
    const text = `${JSON.stringify(data, null, 1)}\n`;
    await writeFileAtomic(this.path, text, this.fs);
    this.writes++;
  }
}

export class Store {
  readonly path: string;
  readonly dir: string;
  readonly recovery: Recovery | null;
  private readonly low: Low<DbData>;
  private readonly adapter: JsonFileAdapter;
  private readonly log: Logger;
  private readonly writeDelayMs: number;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<void> | null = null;
  private failures = 0;
  private closed = false;
  private writeErrorListeners: Array<(err: Error, failures: number) => void> = [];
  /** How long the last write took: a big store waits longer between writes (see `nextDelay`). */
  private lastWriteMs = 0;

  private constructor(opts: StoreOptions, data: DbData, recovery: Recovery | null) {
    this.dir = opts.dir;
    this.path = join(opts.dir, DB_FILE);
    this.log = opts.logger.child({ mod: 'store' });
    this.writeDelayMs = opts.writeDelayMs ?? 300;
    this.adapter = new JsonFileAdapter(this.path, opts.fs);
    this.low = new Low(this.adapter, data);
    this.low.data = data;
    this.recovery = recovery;
  }

  /**
   * Opens data/db.json. A file that does not parse or fails validation is renamed to
   * db.json.corrupt-<timestamp> (never overwritten, never deleted) and the newest valid backup is
   * loaded instead, or fresh defaults when there is none.
   */
  static async open(opts: StoreOptions): Promise<Store> {
    const log = opts.logger.child({ mod: 'store' });
    const path = join(opts.dir, DB_FILE);
    await mkdir(opts.dir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
      throw new StoreOpenError(`the data folder ${opts.dir} cannot be created (${err.code ?? err.message}). Check DATA_DIR and its permissions.`);
    });
    const stale = await removeStaleTempFiles(path);
    if (stale.length > 0) log.warn({ files: stale }, 'removed temp files left by an interrupted write; db.json itself was not affected');

    let recovery: Recovery | null = null;
    let data: DbData | null = null;
    let fresh = false;
    if (existsSync(path)) {
      const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
        // Not a corrupt file but one we may not read (a folder in its place, wrong permissions):
        // nothing to keep aside, and nothing we should start over.
        throw new StoreOpenError(`${path} cannot be read (${err.code ?? err.message}). Check that it is a file the bot's user may read and write.`);
      });
      const loaded = loadText(text, opts);
      if (loaded.ok) {
        data = loaded.data;
        if (loaded.applied.length > 0) {
          // the file as the older layani wrote it, in case the migration is ever regretted
          const dir = join(opts.dir, BACKUP_DIR);
          await mkdir(dir, { recursive: true });
          const kept = join(dir, `before-migration-${new Date(opts.now()).toISOString().replace(/[:.]/g, '-')}.json`);
          await writeFileAtomic(kept, text);
          log.info({ migrations: loaded.applied.map((m) => m.description), backup: kept }, 'store migrated; the file before the migration was kept');
        }
      } else if (loaded.untouchable) {
        throw new StoreOpenError(`${path}: ${loaded.reason}. The file was left untouched.`);
      } else {
        const corruptPath = await quarantine(path, opts.now());
        const backup = await newestValidBackup(opts);
        log.fatal(
          { corruptPath, reason: loaded.reason, restoredFrom: backup?.path ?? null },
          backup
            ? 'DB.JSON IS UNREADABLE: it was kept aside untouched and the newest valid backup was loaded instead'
            : 'DB.JSON IS UNREADABLE: it was kept aside untouched and NO valid backup exists, so the bot starts from defaults',
        );
        recovery = { corruptPath, reason: loaded.reason, restoredFrom: backup?.path ?? null, backupTime: backup?.time ?? null };
        data = backup?.data ?? null;
      }
    }
    if (!data) {
      data = freshData(opts);
      fresh = true;
    }
    const store = new Store(opts, data, recovery);
    if (fresh || recovery) {
      store.changed();
      await store.flush().catch((err: NodeJS.ErrnoException) => {
        throw new StoreOpenError(`the data folder ${opts.dir} is not writable (${err.code ?? err.message}). Check DATA_DIR and its permissions.`);
      });
    }
    return store;
  }

  get data(): DbData {
    return this.low.data;
  }

  /** How many times db.json has been written by this process. */
  get writes(): number {
    return this.adapter.writes;
  }

  /** Marks the data changed; one write follows shortly for a whole burst of changes. */
  changed(): void {
    if (this.closed) return;
    this.dirty = true;
    if (!this.timer && !this.inflight) this.arm(this.nextDelay());
  }

  slice<T>(name: string, spec: SliceSpec<T>): Slice<T> {
    const plugins = this.low.data.plugins;
    if (plugins[name] === undefined) plugins[name] = spec.defaults();
    return {
      get: () => this.low.data.plugins[name] as T,
      update: (fn) => {
        fn(this.low.data.plugins[name] as T);
        this.changed();
      },
    };
  }

  /** Resolves once every change made so far is on disk. Rejects if the disk refuses. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.inflight) {
        await this.inflight.catch(() => undefined);
        continue;
      }
      if (!this.dirty) return;
      this.disarm();
      await this.writeOnce(true);
      if (!this.dirty) return;
    }
  }

  /**
   * Writes the data as it is now to backups/<prefix>-<time>.json and keeps only the newest `keep`
   * of that prefix. Returns the backup's path.
   */
  async backup(now: number, keep: number, prefix = 'daily'): Promise<string> {
    const dir = join(this.dir, BACKUP_DIR);
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${prefix}-${new Date(now).toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFileAtomic(path, `${JSON.stringify(this.low.data, null, 1)}\n`);
    const mine = (await readdir(dir)).filter((n) => n.startsWith(`${prefix}-`) && n.endsWith('.json')).sort();
    for (const old of mine.slice(0, Math.max(0, mine.length - keep))) await rm(join(dir, old), { force: true });
    return path;
  }

  onWriteError(listener: (err: Error, failures: number) => void): void {
    this.writeErrorListeners.push(listener);
  }

  /** Writes what is pending and stops the write timer. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    this.disarm();
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeOnce(false).catch(() => undefined);
    }, ms);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * The pause before the next write: the configured one, or four times the last write's duration
   * when that is longer, so writing a big store never takes more than about a fifth of the time.
   */
  private nextDelay(): number {
    return Math.max(this.writeDelayMs, Math.min(10_000, this.lastWriteMs * 4));
  }

  private writeOnce(throwOnError: boolean): Promise<void> {
    this.dirty = false;
    const started = performance.now();
    const run = this.low.write().then(
      () => {
        this.lastWriteMs = performance.now() - started;
        if (this.failures > 0) this.log.info({ failures: this.failures }, 'db.json writes work again');
        this.failures = 0;
        this.inflight = null;
        if (this.dirty && !this.closed) this.arm(this.nextDelay());
      },
      (err: Error) => {
        this.dirty = true;
        this.failures++;
        this.inflight = null;
        const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.min(this.failures - 1, 6));
        this.log.error({ err, failures: this.failures, retryInMs: delay }, 'could not write db.json; the data is kept in memory and the write will be retried');
        for (const l of this.writeErrorListeners) l(err, this.failures);
        if (!this.closed) {
          this.disarm();
          this.arm(delay);
        }
        if (throwOnError) throw err;
      },
    );
    this.inflight = run.catch(() => undefined);
    return run;
  }
}

function freshData(opts: StoreOptions): DbData {
  const seed = opts.seed ?? {};
  const data: DbData = {
    schemaVersion: SCHEMA_VERSION,
    createdAt: opts.now(),
    shop: { ...DEFAULT_SHOP, ...seed.shop },
    hours: seed.hours ?? DEFAULT_HOURS(),
    customers: {},
    texts: { ...seed.texts },
    owners: {},
    aliases: {},
    seen: [],
    jobs: {},
    held: [],
    unsent: [],
    plugins: {},
  };
  for (const [name, spec] of opts.plugins ?? []) {
    const seeded = seed.plugins?.[name];
    const parsed = seeded === undefined ? null : spec.schema.safeParse(seeded);
    data.plugins[name] = parsed?.success ? parsed.data : spec.defaults();
  }
  return data;
}

/** Parses, migrates and validates one candidate file's text. Pure apart from the specs it is given. */
export function loadText(text: string, opts: Pick<StoreOptions, 'plugins' | 'customerData' | 'migrations' | 'schemaVersion'>): Loaded {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not valid JSON (${(err as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not a JSON object' };
  const target = opts.schemaVersion ?? SCHEMA_VERSION;
  let migrated: ReturnType<typeof migrate>;
  try {
    migrated = migrate(raw as Record<string, unknown>, opts.migrations ?? MIGRATIONS, target);
  } catch (err) {
    return {
      ok: false,
      untouchable: true,
      reason: `updating it to schema version ${target} failed (${(err as Error).message}). Report this to whoever hosts the bot, or run the previous layani`,
    };
  }
  if (!migrated.ok) {
    if (migrated.reason === 'newer')
      return {
        ok: false,
        untouchable: true,
        reason: `it was written by a newer layani (schema version ${String(migrated.version)}, this build knows ${target}). Upgrade layani or restore a backup`,
      };
    return { ok: false, reason: `unknown schema version ${JSON.stringify(migrated.version)}` };
  }
  const parsed = dbSchema.safeParse(target === SCHEMA_VERSION ? migrated.data : { ...migrated.data, schemaVersion: SCHEMA_VERSION });
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error.issues) };
  const data = parsed.data;
  for (const [name, spec] of opts.plugins ?? []) {
    const value = data.plugins[name];
    if (value === undefined) {
      data.plugins[name] = spec.defaults();
      continue;
    }
    const r = spec.schema.safeParse(value);
    if (!r.success) return { ok: false, reason: `plugins.${name}: ${describeIssues(r.error.issues)}` };
    data.plugins[name] = r.data;
  }
  for (const [chatId, customer] of Object.entries(data.customers)) {
    for (const [name, spec] of opts.customerData ?? []) {
      const value = customer.data[name];
      if (value === undefined) continue;
      const r = spec.schema.safeParse(value);
      if (!r.success) return { ok: false, reason: `customers["${chatId}"].data.${name}: ${describeIssues(r.error.issues)}` };
      customer.data[name] = r.data;
    }
  }
  return { ok: true, data, applied: migrated.applied };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return shown.join('; ') + (issues.length > 3 ? ` (+${issues.length - 3} more)` : '');
}

async function quarantine(path: string, now: number): Promise<string> {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let target = `${path}.corrupt-${stamp}`;
  for (let i = 2; existsSync(target); i++) target = `${path}.corrupt-${stamp}-${i}`;
  await rename(path, target);
  return target;
}

async function newestValidBackup(opts: StoreOptions): Promise<{ path: string; data: DbData; time: number } | null> {
  const dir = join(opts.dir, BACKUP_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch {
    return null;
  }
  const candidates = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      // the time in its name is when it was taken; a copied file's mtime says nothing about that
      return { path, time: timeInName(name) ?? (await stat(path)).mtimeMs };
    }),
  );
  candidates.sort((a, b) => b.time - a.time);
  for (const c of candidates) {
    const loaded = loadText(await readFile(c.path, 'utf8'), opts);
    if (loaded.ok) return { path: c.path, data: loaded.data, time: c.time };
    opts.logger.warn({ backup: c.path, reason: loaded.ok ? '' : loaded.reason }, 'skipping a backup that is not valid either');
  }
  return null;
}

/** The time a backup was taken, from its name (daily-2026-12-01T20-15-00-000Z.json); null when it has none. */
export function timeInName(name: string): number | null {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-\d+)?\.json$/.exec(name);
  if (!m) return null;
  const t = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(t) ? null : t;
}
