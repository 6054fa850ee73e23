import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

describe('configuration', () => {
  it('uses the documented defaults', () => {
    const r = parseConfig({});
    expect(r).toEqual({
      ok: true,
      config: { ownerNumbers: [], dataDir: './data', timeZone: 'Asia/Jakarta', logLevel: 'info', commandPrefix: '!', seedFile: undefined },
    });
  });

  it('normalises owner numbers written the ways an Indonesian shop writes them', () => {
    const r = parseConfig({ OWNER_NUMBERS: '0812-3456-7890, +62 813 1111 2222,6281234567890 ,  ' });
    expect(r.ok && r.config.ownerNumbers).toEqual(['6281234567890', '6281311112222']);
  });

  it('reads the other settings', () => {
    const r = parseConfig({ DATA_DIR: '/srv/layani', SHOP_TIMEZONE: 'Asia/Makassar', LOG_LEVEL: 'DEBUG', COMMAND_PREFIX: '#' });
    expect(r.ok && r.config).toMatchObject({ dataDir: '/srv/layani', timeZone: 'Asia/Makassar', logLevel: 'debug', commandPrefix: '#' });
  });

  it('reports one line per problem, naming the variable, the fault and a good example', () => {
    const r = parseConfig({ OWNER_NUMBERS: '0812abc,123', SHOP_TIMEZONE: 'Medan', LOG_LEVEL: 'loud', COMMAND_PREFIX: 'go' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(5);
    expect(r.problems).toContain('OWNER_NUMBERS: "0812abc" may contain only digits, spaces, dashes and a leading +. Example: OWNER_NUMBERS=081234567890,+62 812-9876-5432');
    expect(r.problems).toContain('OWNER_NUMBERS: "123" is too short for a phone number. Example: OWNER_NUMBERS=081234567890,+62 812-9876-5432');
    expect(r.problems).toContain('SHOP_TIMEZONE: is not an IANA time zone name (got "Medan"). Example: SHOP_TIMEZONE=Asia/Jakarta');
    expect(r.problems.find((p) => p.startsWith('LOG_LEVEL:'))).toMatch(/must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)\. Example: LOG_LEVEL=info/);
    expect(r.problems.find((p) => p.startsWith('COMMAND_PREFIX:'))).toMatch(/no letters.*got "go".*Example: COMMAND_PREFIX=!/);
  });

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

  it('makes `npm start` say plainly that WhatsApp is not connected yet, and exit 2', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env['PATH'], OWNER_NUMBERS: '081234567890' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm run simulate');
  });
});

describe('.env', () => {
  it('is read when present, and the environment wins over it', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { loadConfig } = await import('../src/config.js');
    const dir = await mkdtemp(join(tmpdir(), 'layani-env-'));
    const file = join(dir, '.env');
    await writeFile(file, '# the shop\nOWNER_NUMBERS="0812-3456-7890"\nSHOP_TIMEZONE=Asia/Makassar\nLOG_LEVEL=warn\n');
    const r = loadConfig({ LOG_LEVEL: 'debug' }, file);
    expect(r.ok && r.config).toMatchObject({ ownerNumbers: ['6281234567890'], timeZone: 'Asia/Makassar', logLevel: 'debug' });
    await writeFile(file, 'SHOP_TIMEZONE=Medan\n');
    const bad = loadConfig({}, file);
    expect(bad.ok === false && bad.problems).toEqual(['SHOP_TIMEZONE: is not an IANA time zone name (got "Medan"). Example: SHOP_TIMEZONE=Asia/Jakarta']);
    expect(loadConfig({}, join(dir, 'missing.env')).ok).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });
});
