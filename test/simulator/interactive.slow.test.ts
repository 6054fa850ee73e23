import { spawn } from 'node:child_process';

import { describe, expect, it } from 'vitest';
import { SESSION } from './session.js';

describe('interactive simulator, as a process', () => {
  // Typing into `npm run simulate` through a pipe: the entry point, its configuration and its exit.
  it('runs the same session from stdin and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/main.ts'], {
      env: { PATH: process.env['PATH'] ?? '', OWNER_NUMBERS: '081100001111' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // the real clock: no jump forward to a fixed date, which may be past by the time this runs
    child.stdin.end(`${SESSION.filter((l) => !l.startsWith('/time 2026')).join('\n')}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    // the real clock may fall outside opening hours: only what does not depend on it
    expect(out).toContain('layani simulator');
    expect(out).toContain('✅ Pelanggan akan disapa lagi setelah 2 hari tanpa pesan.');
    expect(out).toContain('Unknown command /bogus.');
    expect(out).toContain('Bye.');
    expect(out).not.toContain('never sent');
  }, 120_000);
});
