import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { migrate, type Migration } from '../../src/store/migrations.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { Store, StoreOpenError, type SliceSpec } from '../../src/store/store.js';
import { memoryLogger, removeDir, T0, tempDir } from '../helpers.js';

let dir = '';
afterEach(async () => {
  if (dir) await removeDir(dir);
});

const counterSpec: SliceSpec<{ count: number; tags: string[] }> = {
  schema: z.object({ count: z.number().int(), tags: z.array(z.string()) }),
  defaults: () => ({ count: 0, tags: [] }),
};

async function open(extra: Partial<Parameters<typeof Store.open>[0]> = {}) {
  const { logger, entries } = memoryLogger();
  const store = await Store.open({ dir, logger, now: () => T0, plugins: new Map([['counter', counterSpec as SliceSpec]]), ...extra });
  return { store, logs: entries };
}

function validDb(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt: T0,
    shop: { name: 'Toko Lama', address: 'Jl. Lama', mapsUrl: '' },
    customers: {},
    texts: {},
    owners: {},
    jobs: {},
    plugins: { counter: { count: 41, tags: ['x'] } },
    ...extra,
  };
}

describe('store', () => {
  it('starts from the seed and writes the file at once', async () => {
    dir = await tempDir();
    const { store } = await open({ seed: { shop: { name: 'UD. Baim Florist' }, plugins: { counter: { count: 7, tags: [] } } } });
    const onDisk = JSON.parse(await readFile(join(dir, 'db.json'), 'utf8'));
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.shop.name).toBe('UD. Baim Florist');
    expect(store.slice('counter', counterSpec).get().count).toBe(7);
  });

  it('coalesces a burst of changes into one write, and flush makes them durable', async () => {
    dir = await tempDir();
    const { store } = await open();
    const slice = store.slice('counter', counterSpec);
    const before = store.writes;
    for (let i = 0; i < 1000; i++) slice.update((s) => void (s.count += 1));
    await store.flush();
    expect(store.writes - before).toBe(1);
    expect(JSON.parse(await readFile(join(dir, 'db.json'), 'utf8')).plugins.counter.count).toBe(1000);
    await store.flush();
    expect(store.writes - before).toBe(1); // nothing new, nothing written
    await store.close();
  });

  it('gives each store fresh defaults, never a shared object', async () => {
    dir = await tempDir();
    const a = await open();
    a.store.slice('counter', counterSpec).update((s) => void s.tags.push('mine'));
    const other = await tempDir();
    const { logger } = memoryLogger();
    const b = await Store.open({ dir: other, logger, now: () => T0, plugins: new Map([['counter', counterSpec as SliceSpec]]) });
    expect(b.slice('counter', counterSpec).get().tags).toEqual([]);
    // a slice asked for by name alone gets its defaults too
    expect(a.store.slice('fresh', counterSpec).get()).toEqual({ count: 0, tags: [] });
    await a.store.close();
    await b.close();
    await removeDir(other);
  });

  it('writes a burst of changes by itself shortly after, without a flush', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      dir = await tempDir();
      const { store } = await open();
      const before = store.writes;
      store.slice('counter', counterSpec).update((s) => void (s.count = 3));
      store.slice('counter', counterSpec).update((s) => void (s.count = 4));
      expect(store.writes).toBe(before);
      await vi.advanceTimersByTimeAsync(300);
      await vi.waitFor(() => expect(store.writes).toBe(before + 1));
      expect(JSON.parse(await readFile(join(dir, 'db.json'), 'utf8')).plugins.counter.count).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps changes across a reopen', async () => {
    dir = await tempDir();
    const a = await open();
    a.store.slice('counter', counterSpec).update((s) => void (s.count = 5));
    await a.store.close();
    const b = await open();
    expect(b.store.slice('counter', counterSpec).get().count).toBe(5);
  });

  it.each([
    ['a file that is not JSON', '{"schemaVersion": 1, "customers": {'],
    ['an empty file', ''],
    ['a file that fails validation', JSON.stringify(validDb({ customers: { x: { chatId: 5 } } }))],
    ['a plugin slice that fails validation', JSON.stringify(validDb({ plugins: { counter: { count: 'many' } } }))],
    ['a file without a schema version', JSON.stringify({ customers: {} })],
  ])('never overwrites %s: it is kept aside and the bot starts from defaults', async (_name, content) => {
    dir = await tempDir();
    await writeFile(join(dir, 'db.json'), content);
    const { store, logs } = await open({ now: () => Date.parse('2026-12-01T03:04:05.678Z') });
    const kept = join(dir, 'db.json.corrupt-2026-12-01T03-04-05-678Z');
    expect(await readFile(kept, 'utf8')).toBe(content);
    expect(store.recovery).toMatchObject({ corruptPath: kept, restoredFrom: null });
    expect(store.slice('counter', counterSpec).get().count).toBe(0);
    const loud = logs.find((l) => l.level === 60);
    expect(loud?.msg).toMatch(/DB\.JSON IS UNREADABLE.*kept aside untouched.*NO valid backup/);
    // a second corrupt file at the same moment does not overwrite the first one kept aside
    await store.close();
    await writeFile(join(dir, 'db.json'), 'garbage');
    await open({ now: () => Date.parse('2026-12-01T03:04:05.678Z') });
    expect(await readFile(kept, 'utf8')).toBe(content);
    expect(await readFile(`${kept}-2`, 'utf8')).toBe('garbage');
  });

  it('starts from the newest valid backup when db.json is corrupt', async () => {
    dir = await tempDir();
    await mkdir(join(dir, 'backups'));
    const older = join(dir, 'backups', 'db-2026-11-28.json');
    const newer = join(dir, 'backups', 'db-2026-11-30.json');
    const broken = join(dir, 'backups', 'db-2026-12-01.json');
    await writeFile(older, JSON.stringify(validDb({ plugins: { counter: { count: 1, tags: [] } } })));
    await writeFile(newer, JSON.stringify(validDb({ plugins: { counter: { count: 2, tags: [] } } })));
    await writeFile(broken, '{nope');
    await utimes(older, new Date('2026-11-28'), new Date('2026-11-28'));
    await utimes(newer, new Date('2026-11-30'), new Date('2026-11-30'));
    await utimes(broken, new Date('2026-12-01'), new Date('2026-12-01'));
    await writeFile(join(dir, 'db.json'), '{truncated');
    const { store, logs } = await open();
    expect(store.slice('counter', counterSpec).get().count).toBe(2);
    expect(store.recovery).toMatchObject({ restoredFrom: newer, backupTime: Date.parse('2026-11-30') });
    expect(logs.some((l) => l.level === 60 && /newest valid backup was loaded/.test(l.msg))).toBe(true);
    expect(logs.some((l) => l.level === 40 && l['backup'] === broken)).toBe(true);
    // the recovered state is written as the new db.json; the backups are untouched
    expect(JSON.parse(await readFile(join(dir, 'db.json'), 'utf8')).plugins.counter.count).toBe(2);
    expect(await readFile(broken, 'utf8')).toBe('{nope');
  });

  it('refuses a file from a newer layani and leaves it untouched', async () => {
    dir = await tempDir();
    const content = JSON.stringify(validDb({ schemaVersion: SCHEMA_VERSION + 1 }));
    await writeFile(join(dir, 'db.json'), content);
    await expect(open()).rejects.toBeInstanceOf(StoreOpenError);
    expect(await readFile(join(dir, 'db.json'), 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['db.json']);
  });

  it('refuses, with a plain reason, a db.json it may not read, and touches nothing', async () => {
    dir = await tempDir();
    await mkdir(join(dir, 'db.json'));
    await expect(open()).rejects.toThrow(/db\.json cannot be read \(EISDIR\)/);
    expect(await readdir(dir)).toEqual(['db.json']);
  });

  it('refuses to start on a data folder it cannot write', async () => {
    dir = await tempDir();
    const { open: fsOpen, unlink } = await import('node:fs/promises');
    const readOnly = {
      open: fsOpen,
      unlink,
      rename: async () => {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      },
    };
    await expect(open({ fs: readOnly })).rejects.toThrow(/is not writable \(EROFS\)/);
  });

  it('removes temp files a killed write left behind, and says so', async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'db.json'), JSON.stringify(validDb()));
    await writeFile(join(dir, '.db.json.tmp-123-4'), '{"half');
    const { store, logs } = await open();
    expect(store.slice('counter', counterSpec).get().count).toBe(41);
    expect(existsSync(join(dir, '.db.json.tmp-123-4'))).toBe(false);
    expect(logs.some((l) => l.level === 40 && /temp files/.test(l.msg))).toBe(true);
  });

  it('keeps data in memory and retries when the disk refuses a write', async () => {
    dir = await tempDir();
    await (await open()).store.close();
    let fail = true;
    const { open: fsOpen, rename, unlink } = await import('node:fs/promises');
    const { store, logs } = await open({
      fs: {
        open: fsOpen,
        unlink,
        rename: async (a, b) => {
          if (fail) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
          return rename(a, b);
        },
      },
    });
    const errors: number[] = [];
    store.onWriteError((_e, n) => errors.push(n));
    store.slice('counter', counterSpec).update((s) => void (s.count = 99));
    await expect(store.flush()).rejects.toThrow(/EROFS/);
    expect(store.slice('counter', counterSpec).get().count).toBe(99);
    expect(errors).toEqual([1]);
    expect(logs.some((l) => l.level === 50 && /kept in memory/.test(l.msg))).toBe(true);
    fail = false;
    await store.flush();
    expect(JSON.parse(await readFile(join(dir, 'db.json'), 'utf8')).plugins.counter.count).toBe(99);
    await store.close();
  });

  it('retries a refused write by itself, backing off, until the disk takes it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      dir = await tempDir();
      await (await open()).store.close();
      let refusals = 0;
      const { open: fsOpen, rename, unlink } = await import('node:fs/promises');
      const { store } = await open({
        fs: {
          open: fsOpen,
          unlink,
          rename: async (a, b) => {
            if (refusals < 3) {
              refusals++;
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            }
            return rename(a, b);
          },
        },
      });
      const failures: number[] = [];
      store.onWriteError((_e, n) => failures.push(n));
      store.slice('counter', counterSpec).update((s) => void (s.count = 7));
      await vi.advanceTimersByTimeAsync(300); // the coalesced write: refused
      await vi.waitFor(() => expect(failures).toEqual([1]));
      await vi.advanceTimersByTimeAsync(1000); // first retry after 1 s: refused
      await vi.waitFor(() => expect(failures).toEqual([1, 2]));
      await vi.advanceTimersByTimeAsync(1999);
      expect(failures).toEqual([1, 2]); // the next one waits 2 s
      await vi.advanceTimersByTimeAsync(1); // refused a third time
      await vi.waitFor(() => expect(failures).toEqual([1, 2, 3]));
      await vi.advanceTimersByTimeAsync(4000); // and then it works
      await vi.waitFor(async () => expect(JSON.parse(await readFile(join(dir, 'db.json'), 'utf8')).plugins.counter.count).toBe(7));
      await store.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('migrations', () => {
  const steps: Migration[] = [
    { to: 2, description: 'rename shop.title to shop.name', run: (d) => ({ ...d, shop: { name: (d['shop'] as { title: string }).title } }) },
    { to: 3, description: 'add jobs', run: (d) => ({ ...d, jobs: {} }) },
  ];

  it('runs every step from the file version up to the current one, in order', () => {
    const r = migrate({ schemaVersion: 1, shop: { title: 'Baim' } }, steps, 3);
    expect(r).toMatchObject({ ok: true, data: { schemaVersion: 3, shop: { name: 'Baim' }, jobs: {} } });
    expect(r.ok && r.applied.map((m) => m.to)).toEqual([2, 3]);
  });

  const nextVersion: Migration = {
    to: SCHEMA_VERSION + 1,
    description: 'shop names in capitals',
    run: (d) => ({ ...d, shop: { ...(d['shop'] as object), name: (d['shop'] as { name: string }).name.toUpperCase() } }),
  };

  it('keeps the file as it was in backups/ before migrating it, and says so', async () => {
    dir = await tempDir();
    const before = JSON.stringify(validDb());
    await writeFile(join(dir, 'db.json'), before);
    const { store, logs } = await open({ migrations: [nextVersion], schemaVersion: SCHEMA_VERSION + 1 });
    expect(store.data.shop.name).toBe('TOKO LAMA');
    const kept = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('before-migration-'));
    expect(kept).toEqual(['before-migration-2026-12-01T03-00-00-000Z.json']);
    expect(await readFile(join(dir, 'backups', kept[0] as string), 'utf8')).toBe(before);
    expect(logs.find((l) => l.msg === 'store migrated; the file before the migration was kept')).toMatchObject({ migrations: ['shop names in capitals'] });
    await store.close();
  });

  it('refuses to start, touching nothing, when a migration fails (a backup or the seed would lose the data)', async () => {
    dir = await tempDir();
    const before = JSON.stringify(validDb());
    await writeFile(join(dir, 'db.json'), before);
    const failing: Migration = {
      ...nextVersion,
      run: () => {
        throw new Error('shop.name is missing');
      },
    };
    await expect(open({ migrations: [failing], schemaVersion: SCHEMA_VERSION + 1 })).rejects.toThrow(
      /updating it to schema version 2 failed \(shop\.name is missing\)/,
    );
    expect(await readFile(join(dir, 'db.json'), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['db.json']);
  });

  it('does nothing for a current file and refuses newer or unknown versions', () => {
    expect(migrate({ schemaVersion: 3 }, steps, 3)).toMatchObject({ ok: true, applied: [] });
    expect(migrate({ schemaVersion: 4 }, steps, 3)).toEqual({ ok: false, reason: 'newer', version: 4 });
    expect(migrate({ schemaVersion: 'x' }, steps, 3)).toEqual({ ok: false, reason: 'unknown', version: 'x' });
    expect(migrate({ schemaVersion: 1 }, [steps[1] as Migration], 3)).toEqual({ ok: false, reason: 'unknown', version: 1 });
  });
});
