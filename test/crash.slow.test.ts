import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { sliceSpecs } from '../src/app.js';
import { PLUGINS } from '../src/plugins.js';
import { loadText } from '../src/store/store.js';
import { FileAuthStore } from '../src/transport/baileys/auth-store.js';
import { removeDir, tempDir } from './helpers.js';

/**
 * Crash safety: the bot under a steady load of orders and complaints (and auth key writes beside
 * it) is killed with SIGKILL at 30 random moments. After each kill db.json parses and validates,
 * every order and ticket number a customer was told is in it, and the auth state loads.
 */
let root = '';
afterEach(async () => removeDir(root));

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the loaded bot until it has told `told` numbers (plus a random delay), then SIGKILLs it. */
function runAndKill(dir: string, start: number, told: number, extraMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/bot-under-load.ts', dir, String(start)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const count = out.split('\n').filter((l) => l.startsWith('TOLD ')).length;
      if (count >= told && !timer) timer = setTimeout(() => child.kill('SIGKILL'), extraMs);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(
        out
          .split('\n')
          .filter((l) => l.startsWith('TOLD '))
          .map((l) => l.slice(5)),
      );
    });
  });
}

describe('crash safety', () => {
  it('keeps a valid db.json, every number a customer was told, and loadable auth through 30 SIGKILLs under load', async () => {
    root = await tempDir();
    const dir = join(root, 'data');
    const random = mulberry32(7);
    const told = new Set<string>();
    let start = Date.parse('2026-12-01T10:00:00+07:00');
    for (let round = 0; round < 30; round++) {
      const numbers = await runAndKill(dir, start, 1 + Math.floor(random() * 6), Math.floor(random() * 40));
      for (const n of numbers) told.add(n);
      const text = readFileSync(join(dir, 'db.json'), 'utf8');
      const loaded = loadText(text, sliceSpecs(PLUGINS));
      expect(loaded.ok, `round ${round}: ${loaded.ok ? '' : loaded.reason}`).toBe(true);
      if (!loaded.ok) return;
      const plugins = loaded.data.plugins as { catalog: { orders: Array<{ number: string }> }; complaint: { tickets: Array<{ number: string }> } };
      const kept = new Set([...plugins.catalog.orders.map((o) => o.number), ...plugins.complaint.tickets.map((t) => t.number)]);
      for (const n of told) expect(kept.has(n), `round ${round}: ${n} was told but is not in db.json`).toBe(true);
      const { store, lost } = await FileAuthStore.open({ dir: join(dir, 'auth'), logger: pino({ level: 'silent' }), now: () => Date.now() });
      expect(lost).toBeNull();
      expect(typeof store.creds.nextPreKeyId).toBe('number');
      // the next run starts a day later, as a restart after a crash would find the clock moved on
      start += 30 * 86_400_000;
    }
    expect(told.size).toBeGreaterThan(30);
  }, 180_000);
});
