import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { proto } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import { FileAuthStore, JOURNAL_FILE, KEYS_FILE, CREDS_FILE } from '../../src/transport/baileys/auth-store.js';
import { memoryLogger, removeDir, T0, tempDir } from '../helpers.js';

let root = '';
afterEach(async () => {
  if (root) await removeDir(root);
  root = '';
});

async function openAuth(dir: string) {
  const { logger, entries } = memoryLogger();
  const r = await FileAuthStore.open({ dir, logger, now: () => T0 });
  return { ...r, logs: entries };
}

describe('auth store', () => {
  it('keeps creds and keys across a reopen, deletes on null, and hydrates app-state keys', async () => {
    root = await tempDir();
    const dir = join(root, 'auth');
    const { store } = await openAuth(dir);
    expect(store.registered).toBe(false);
    store.creds.registered = true;
    store.creds.me = { id: '6281100001111:7@s.whatsapp.net', lid: '140000000000001:7@lid', name: 'Baim' };
    await store.saveCreds();
    await store.state.keys.set({
      session: { a: Buffer.from([1, 2, 3]), b: Buffer.from([4]) },
      'lid-mapping': { '6281234567890': '150000000000002' },
      'app-state-sync-key': { k1: { keyData: Buffer.from([9, 9]), timestamp: 5 } },
    });
    await store.state.keys.set({ session: { b: null } });
    const again = (await openAuth(dir)).store;
    expect(again.registered).toBe(true);
    expect(again.creds.me?.id).toBe('6281100001111:7@s.whatsapp.net');
    expect(Buffer.isBuffer(again.creds.noiseKey.private)).toBe(true);
    expect(Buffer.from(again.creds.noiseKey.private).equals(Buffer.from(store.creds.noiseKey.private))).toBe(true);
    expect(await again.state.keys.get('session', ['a', 'b'])).toEqual({ a: Buffer.from([1, 2, 3]) });
    expect(await again.state.keys.get('lid-mapping', ['6281234567890'])).toEqual({ '6281234567890': '150000000000002' });
    const appKey = (await again.state.keys.get('app-state-sync-key', ['k1']))['k1'];
    expect(appKey).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
    expect(Buffer.from(appKey?.keyData ?? []).equals(Buffer.from([9, 9]))).toBe(true);
  });

  it('is private: the folder 0700, its files 0600', async () => {
    root = await tempDir();
    const dir = join(root, 'auth');
    const { store } = await openAuth(dir);
    await store.saveCreds();
    await store.state.keys.set({ session: { a: Buffer.from([1]) } });
    await store.compact();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    for (const f of await readdir(dir)) expect([f, (await stat(join(dir, f))).mode & 0o777]).toEqual([f, 0o600]);
    expect((await readdir(dir)).sort()).toEqual([CREDS_FILE, KEYS_FILE, JOURNAL_FILE].sort());
  });

  it('ignores a key batch cut short by a crash, keeping every complete one', async () => {
    root = await tempDir();
    const dir = join(root, 'auth');
    const { store } = await openAuth(dir);
    await store.saveCreds();
    await store.state.keys.set({ session: { a: Buffer.from([1]) } });
    await store.state.keys.set({ session: { b: Buffer.from([2]) } });
    await appendFile(join(dir, JOURNAL_FILE), '0123456789abcdef {"session":{"c":{"type":"Buf');
    const { store: again, lost, logs } = await openAuth(dir);
    expect(lost).toBeNull();
    expect(Object.keys(await again.state.keys.get('session', ['a', 'b', 'c']))).toEqual(['a', 'b']);
    expect(logs.some((l) => l.level === 40 && /cut short by a crash/.test(l.msg))).toBe(true);
  });

  it.each([
    ['a creds file that does not parse', async (dir: string) => writeFile(join(dir, CREDS_FILE), '{"noiseKey": {')],
    ['keys without creds', async (dir: string) => (await import('node:fs/promises')).rm(join(dir, CREDS_FILE))],
  ])('never silently replaces the identity after %s: the files are moved aside and a new scan is asked for', async (_what, damage) => {
    root = await tempDir();
    const dir = join(root, 'auth');
    const { store } = await openAuth(dir);
    await store.saveCreds();
    await store.state.keys.set({ session: { a: Buffer.from([1]) } });
    await store.state.keys.set({ session: { b: Buffer.from([2]) } });
    await damage(dir);
    const before = (await readdir(dir)).sort();
    const contents = await Promise.all(before.map((f) => readFile(join(dir, f), 'utf8')));
    const { store: fresh, lost, logs } = await openAuth(dir);
    expect(lost?.movedTo).toBe(join(root, 'auth.corrupt-2026-12-01T03-00-00-000Z'));
    expect((await readdir(lost?.movedTo ?? '')).sort()).toEqual(before);
    expect(await Promise.all(before.map((f) => readFile(join(lost?.movedTo ?? '', f), 'utf8')))).toEqual(contents);
    expect(fresh.registered).toBe(false);
    expect(await fresh.state.keys.get('session', ['a', 'b'])).toEqual({});
    expect(logs.find((l) => l.level === 50)?.msg).toMatch(/SESSION WAS LOST.*linked again \(scan the QR code\).*kept aside, not deleted/);
  });

  it('keeps the identity and the keys before a damaged journal line, with a copy of the damage kept aside', async () => {
    root = await tempDir();
    const dir = join(root, 'auth');
    const { store } = await openAuth(dir);
    store.creds.registered = true;
    store.creds.me = { id: '6281100001111:7@s.whatsapp.net' };
    await store.saveCreds();
    await store.state.keys.set({ session: { a: Buffer.from([1]) } });
    await store.state.keys.set({ session: { b: Buffer.from([2]) } });
    await store.state.keys.set({ session: { c: Buffer.from([3]) } });
    const journal = join(dir, JOURNAL_FILE);
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[1] = `ffffffffffffffff${(lines[1] ?? '').slice(16)}`;
    await writeFile(journal, lines.join('\n'));
    const { store: again, lost, logs } = await openAuth(dir);
    expect(lost).toBeNull();
    expect(again.registered).toBe(true);
    expect(Object.keys(await again.state.keys.get('session', ['a', 'b', 'c']))).toEqual(['a']);
    const err = logs.find((l) => l.level === 50);
    expect(err).toMatchObject({ line: 2, droppedBatches: 2, kept: join(dir, 'keys.log.damaged-2026-12-01T03-00-00-000Z') });
    expect(await readFile(join(dir, 'keys.log.damaged-2026-12-01T03-00-00-000Z'), 'utf8')).toBe(lines.join('\n'));
  });

  it('cuts the journal back when a write fails half-way, so later batches still land whole', async () => {
    root = await tempDir();
    const dir = join(root, 'auth');
    await (await openAuth(dir)).store.saveCreds();
    let failNext = false;
    const fs = await import('node:fs/promises');
    const { logger } = memoryLogger();
    const { store } = await FileAuthStore.open({
      dir,
      logger,
      now: () => T0,
      fs: {
        rename: fs.rename,
        unlink: fs.unlink,
        open: (async (...args: Parameters<typeof fs.open>) => {
          const fh = await fs.open(...args);
          if (!failNext) return fh;
          failNext = false;
          // a disk that fills up: half the line goes down, then the write fails
          const realWrite = fh.write.bind(fh) as (b: Buffer) => Promise<{ bytesWritten: number }>;
          (fh as unknown as { write: (b: Buffer) => Promise<unknown> }).write = async (b: Buffer) => {
            await realWrite(b.subarray(0, Math.floor(b.length / 2)));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          };
          return fh;
        }) as typeof fs.open,
      },
    });
    await store.state.keys.set({ session: { a: Buffer.from([1]) } });
    failNext = true;
    await expect(store.state.keys.set({ session: { b: Buffer.from([2]) } })).rejects.toThrow(/ENOSPC/);
    await store.state.keys.set({ session: { c: Buffer.from([3]) } });
    const { store: again, lost, logs } = await openAuth(dir);
    expect(lost).toBeNull();
    expect(logs.filter((l) => l.level >= 40)).toEqual([]);
    expect(Object.keys(await again.state.keys.get('session', ['a', 'b', 'c']))).toEqual(['a', 'c']);
  });

  it('clears the whole session when WhatsApp logs the device out, leaving nothing behind', async () => {
    root = await tempDir();
    const dir = join(root, 'auth');
    const { store } = await openAuth(dir);
    store.creds.registered = true;
    store.creds.me = { id: '6281100001111:7@s.whatsapp.net' };
    await store.saveCreds();
    await store.state.keys.set({ session: { a: Buffer.from([1]) }, 'pre-key': { '1': { public: Buffer.from([1]), private: Buffer.from([2]) } } });
    const oldNoise = Buffer.from(store.creds.noiseKey.private);
    await store.clear();
    expect(store.registered).toBe(false);
    expect(Buffer.from(store.creds.noiseKey.private).equals(oldNoise)).toBe(false);
    expect(await store.state.keys.get('session', ['a'])).toEqual({});
    expect(await readdir(dir)).toEqual([]);
    expect(await readdir(root)).toEqual(['auth']);
    const again = (await openAuth(dir)).store;
    expect(again.registered).toBe(false);
    expect(await again.state.keys.get('pre-key', ['1'])).toEqual({});
  });

  it('folds a long journal into the snapshot and reads back the same keys', async () => {
    root = await tempDir();
    const dir = join(root, 'auth');
    const { store } = await openAuth(dir);
    await store.saveCreds();
    for (let n = 0; n < 40; n++) await store.state.keys.set({ session: { [`s${n}`]: Buffer.alloc(20_000, n) } });
    expect((await stat(join(dir, JOURNAL_FILE))).size).toBeLessThan(512 * 1024);
    expect((await stat(join(dir, KEYS_FILE))).size).toBeGreaterThan(500_000);
    const again = (await openAuth(dir)).store;
    const got = await again.state.keys.get(
      'session',
      Array.from({ length: 40 }, (_, n) => `s${n}`),
    );
    expect(Object.keys(got)).toHaveLength(40);
    expect(got['s39']?.[0]).toBe(39);
  });
});
