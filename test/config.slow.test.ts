import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('configuration, as a process', () => {
  it('makes `npm start` print the problems and exit 2 without a stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env['PATH'], OWNER_NUMBERS: 'owner', SHOP_TIMEZONE: 'Mars/Olympus' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('layani cannot start: the configuration has 2 problems:');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0])).toEqual(['OWNER_NUMBERS', 'SHOP_TIMEZONE']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
