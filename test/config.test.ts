import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

describe('configuration', () => {
  it('uses the documented defaults', () => {
    const r = parseConfig({});
    expect(r).toEqual({
      ok: true,
      config: {
        ownerNumbers: [],
        dataDir: './data',
        timeZone: 'Asia/Jakarta',
        logLevel: 'info',
        commandPrefix: '!',
        seedFile: undefined,
        pairingNumber: undefined,
        connectTimeoutMs: 90_000,
        webSocketUrl: undefined,
        backlogMaxAgeMs: 6 * 3_600_000,
        allowGroups: false,
        takeoverMinutes: 60,
        sendMinGapMs: 1000,
        backupKeep: 7,
        replyCap: { count: 30, windowMs: 600_000 },
        readTogetherMs: 3000,
      },
    });
  });

  it('reads how long a lone greeting waits for the rest, and refuses nonsense', () => {
    expect(parseConfig({ READ_TOGETHER_MS: '0' })).toMatchObject({ ok: true, config: { readTogetherMs: 0 } });
    const bad = parseConfig({ READ_TOGETHER_MS: 'lama' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.problems[0]).toContain('READ_TOGETHER_MS');
  });

  it('reads the reply cap as replies per minutes or hours, and refuses nonsense', () => {
    expect(parseConfig({ REPLY_CAP: '10/1h' })).toMatchObject({ ok: true, config: { replyCap: { count: 10, windowMs: 3_600_000 } } });
    expect(parseConfig({ REPLY_CAP: 'banyak' })).toEqual({
      ok: false,
      problems: [
        'REPLY_CAP: must be replies per minutes, such as 30/10m (at most 30 automatic replies in 10 minutes) (got "banyak"). Example: REPLY_CAP=30/10m',
      ],
    });
    expect(parseConfig({ BACKUP_KEEP: '0' }).ok).toBe(false);
  });

  it('normalises owner numbers written the ways an Indonesian shop writes them', () => {
    const r = parseConfig({ OWNER_NUMBERS: '0812-3456-7890, +62 813 1111 2222,6281234567890 ,  ' });
    expect(r.ok && r.config.ownerNumbers).toEqual(['6281234567890', '6281311112222']);
  });

  it('reads the other settings', () => {
    const r = parseConfig({
      DATA_DIR: '/srv/layani',
      SHOP_TIMEZONE: 'Asia/Makassar',
      LOG_LEVEL: 'DEBUG',
      COMMAND_PREFIX: '#',
      PAIRING_NUMBER: '0812-3456-7890',
      WA_CONNECT_TIMEOUT_MS: '30000',
      WA_WEBSOCKET_URL: 'ws://127.0.0.1:4000/ws/chat',
      WA_BACKLOG_MAX_AGE: '90m',
      WA_ALLOW_GROUPS: 'yes',
      TAKEOVER_MINUTES: '30',
      SEND_MIN_GAP_MS: '0',
    });
    expect(r.ok && r.config).toMatchObject({
      dataDir: '/srv/layani',
      timeZone: 'Asia/Makassar',
      logLevel: 'debug',
      commandPrefix: '#',
      pairingNumber: '6281234567890',
      connectTimeoutMs: 30_000,
      webSocketUrl: 'ws://127.0.0.1:4000/ws/chat',
      backlogMaxAgeMs: 90 * 60_000,
      allowGroups: true,
      takeoverMinutes: 30,
      sendMinGapMs: 0,
    });
  });

  it('explains bad connection settings the same way', () => {
    const r = parseConfig({
      WA_CONNECT_TIMEOUT_MS: '10s',
      WA_WEBSOCKET_URL: 'http://x',
      WA_BACKLOG_MAX_AGE: 'six hours',
      WA_ALLOW_GROUPS: 'maybe',
      TAKEOVER_MINUTES: '0',
      PAIRING_NUMBER: '12',
    });
    expect(r.ok === false && r.problems).toEqual([
      'PAIRING_NUMBER: "12" is too short for a phone number. Example: PAIRING_NUMBER=081234567890',
      'WA_CONNECT_TIMEOUT_MS: must be a whole number (got "10s"). Example: WA_CONNECT_TIMEOUT_MS=90000',
      'WA_WEBSOCKET_URL: must be a ws:// or wss:// address (got "http://x"). Example: WA_WEBSOCKET_URL=ws://127.0.0.1:8080/ws/chat',
      'WA_BACKLOG_MAX_AGE: must be a duration such as 6h, 90m or 45s (got "six hours"). Example: WA_BACKLOG_MAX_AGE=6h',
      'WA_ALLOW_GROUPS: must be true or false (got "maybe"). Example: WA_ALLOW_GROUPS=false',
      'TAKEOVER_MINUTES: must be at least 1 (got "0"). Example: TAKEOVER_MINUTES=60',
    ]);
  });

  it('reports one line per problem, naming the variable, the fault and a good example', () => {
    const r = parseConfig({ OWNER_NUMBERS: '0812abc,123', SHOP_TIMEZONE: 'Medan', LOG_LEVEL: 'loud', COMMAND_PREFIX: 'go' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(5);
    expect(r.problems).toContain(
      'OWNER_NUMBERS: "0812abc" may contain only digits, spaces, dashes and a leading +. Example: OWNER_NUMBERS=081234567890,+62 812-9876-5432',
    );
    expect(r.problems).toContain('OWNER_NUMBERS: "123" is too short for a phone number. Example: OWNER_NUMBERS=081234567890,+62 812-9876-5432');
    expect(r.problems).toContain('SHOP_TIMEZONE: is not an IANA time zone name (got "Medan"). Example: SHOP_TIMEZONE=Asia/Jakarta');
    expect(r.problems.find((p) => p.startsWith('LOG_LEVEL:'))).toMatch(
      /must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)\. Example: LOG_LEVEL=info/,
    );
    expect(r.problems.find((p) => p.startsWith('COMMAND_PREFIX:'))).toMatch(/no letters.*got "go".*Example: COMMAND_PREFIX=!/);
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
