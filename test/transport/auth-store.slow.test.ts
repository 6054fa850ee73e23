import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileAuthStore } from '../../src/transport/baileys/auth-store.js';
import { killAfter, memoryLogger, removeDir, T0, tempDir } from '../helpers.js';

let root = '';
afterEach(async () => {
  if (root) await removeDir(root);
  root = '';
});

async function openAuth(dir: string) {
  const { logger } = memoryLogger();
  return FileAuthStore.open({ dir, logger, now: () => T0 });
}

describe('auth store, killed', () => {
  it('lands each key batch whole or not at all, and keeps creds readable, when killed with SIGKILL at any moment', async () => {
    root = await tempDir();
    const dir = join(root, 'auth');
    for (let round = 0; round < 8; round++) {
      await killAfter('test/fixtures/auth-writer.ts', [dir], 'batch', 3 + ((round * 7) % 11));
      const { store, lost } = await openAuth(dir);
      expect(lost).toBeNull();
      // every batch present is complete: 40 sessions, each holding the batch number
      const ids = Array.from({ length: 60 }, (_, n) => Array.from({ length: 40 }, (_, i) => `s${n}-${i}`)).flat();
      const got = await store.state.keys.get('session', ids);
      const perBatch = new Map<number, number>();
      for (const [id, value] of Object.entries(got)) {
        const n = Number(id.slice(1, id.indexOf('-')));
        expect(value[0]).toBe(n % 256);
        perBatch.set(n, (perBatch.get(n) ?? 0) + 1);
      }
      for (const count of perBatch.values()) expect(count).toBe(40);
      expect(perBatch.size).toBeGreaterThanOrEqual(1);
      expect(typeof store.creds.nextPreKeyId).toBe('number');
    }
  });
});
