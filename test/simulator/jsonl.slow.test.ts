import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { definePlugin } from '../../src/plugin-api.js';
import { PLUGINS } from '../../src/plugins.js';
import { parseSimLine, runJsonl } from '../../src/simulator/jsonl.js';
import { memoryLogger, removeDir, tempDir, testConfig } from '../helpers.js';
import type { SimOut } from './script.js';

let dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs) await removeDir(d);
  dirs = [];
});

/** Runs `npm run simulate -- --jsonl` as a separate process, as a script would. */
function simulate(lines: Array<object | string>, args: string[] = [], env: Record<string, string> = {}) {
  const input = `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/simulator/main.ts', '--jsonl', ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', ...env },
  });
  const out = r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as SimOut);
  return { status: r.status, out, stderr: r.stderr, stdout: r.stdout };
}

const AT = '2026-12-01T10:00:00+07:00';

describe('simulate --jsonl (a separate process)', () => {
  it('greets, answers, reports bad lines with their numbers, and prints nothing else on stdout', async () => {
    const tmp = await tempDir();
    dirs.push(tmp);
    const r = simulate(
      [
        { from: '081234567890', name: 'Rina', text: 'halo', at: AT },
        { from: '081234567890', text: '2' },
        'this is not json',
        { from: '081234567890' },
        { text: 'who am i' },
        { from: '081234567890', text: 'x', at: 'tomorrow' },
        { from: '081234567890', image: 'test/fixtures/tidak-ada.png' },
        { fromMe: true, text: 'halo, saya pemiliknya' },
        '',
        { from: '081234567890', text: 'sudah sampai?', image: 'test/fixtures/mawar.png' },
        { from: '0811-0000-1111', text: '!bantuan' },
      ],
      ['--owner', '+62 811 0000 1111'],
      { TMPDIR: tmp },
    );
    expect(r.status).toBe(0);
    expect(r.out.map((o) => (o.error ? ['error', o.line] : [o.to, o.after]))).toEqual([
      ['6281234567890', 1],
      ['6281234567890', 2],
      ['error', 3],
      ['error', 4],
      ['error', 5],
      ['error', 6],
      ['error', 7],
      ['error', 8],
      ['6281100001111', 10],
      ['6281234567890', 10],
      ['6281100001111', 11],
    ]);
    expect(r.out[0]).toEqual({
      to: '6281234567890',
      text: expect.stringContaining('Halo Rina! 🌸 Selamat datang di *UD. Baim Florist*'),
      image: null,
      after: 1,
    });
    expect(r.out[1]?.text).toContain('Pusat Pasar Lantai 1, Medan');
    expect(r.out.slice(2, 8).map((o) => o.error)).toEqual([
      expect.stringMatching(/^not valid JSON/),
      'missing "text" (or "image")',
      'missing "from": the customer\'s number',
      '"at": "tomorrow" is not a date-time such as 2026-12-01T10:00:00+07:00',
      '"image": test/fixtures/tidak-ada.png does not exist',
      'a "fromMe" line needs "to": the customer the shop wrote to',
    ]);
    expect(r.out[8]?.text).toBe('📷 *Rina* (+62 812-3456-7890) mengirim gambar. Silakan lihat dan balas di chat mereka.');
    expect(r.out[9]?.text).toContain('Terima kasih Rina, gambar dari Kakak sudah kami terima');
    expect(r.out[10]?.text).toContain('*Perintah admin*');
    // logs went to stderr, and the temporary data folder is gone
    expect(r.stderr).toContain('layani is running');
    expect(r.stderr).toContain(`"dataDir":"${join(tmp, 'layani-sim-')}`);
    expect(readdirSync(tmp).filter((n) => n.startsWith('layani-sim-'))).toEqual([]);
  });

  it('keeps state between runs with --data, and never answers what the shop typed by hand', async () => {
    const data = await tempDir();
    dirs.push(data);
    const first = simulate(
      [
        { from: '081234567890', name: 'Rina', text: 'halo', at: AT },
        { fromMe: true, to: '081234567890', text: 'Halo Kak Rina, ada yang bisa dibantu?' },
      ],
      ['--data', data],
    );
    expect(first.out.map((o) => o.after)).toEqual([1]);
    const second = simulate([{ from: '081234567890', text: 'halo lagi', at: '2026-12-02T10:00:00+07:00' }], ['--data', data]);
    expect(second.status).toBe(0);
    expect(second.out).toHaveLength(1);
    expect(second.out[0]?.text).not.toContain('Selamat datang');
    const db = JSON.parse(readFileSync(join(data, 'db.json'), 'utf8'));
    expect(db.customers['6281234567890@s.whatsapp.net']).toMatchObject({ name: 'Rina', messageCount: 2, lastShopMessageAt: Date.parse(AT) });
  });

  it('exits 2 with a plain reason when the data folder cannot be used', async () => {
    const data = await tempDir();
    dirs.push(data);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(data, 'db.json'));
    const r = simulate([{ from: '081234567890', text: 'halo' }], ['--data', data]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`layani simulator cannot start: ${join(data, 'db.json')} cannot be read (EISDIR)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a clear line when the configuration is bad', () => {
    const r = simulate([], [], { SHOP_TIMEZONE: 'Nowhere/City' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('SHOP_TIMEZONE: is not an IANA time zone name (got "Nowhere/City"). Example: SHOP_TIMEZONE=Asia/Jakarta');
    expect(r.stdout).toBe('');
  });
});

describe('simulate --jsonl clock', () => {
  /** Runs the JSONL simulator in this process with a plugin that tells the time and runs a daily job. */
  async function run(lines: object[]): Promise<SimOut[]> {
    const dir = await tempDir();
    dirs.push(dir);
    const clockTeller = definePlugin({
      name: 'clock-teller',
      description: 'test',
      setup(api) {
        api.use((ctx) => ctx.reply(`now ${new Date(ctx.now).toISOString()}`));
        api.schedule('morning', '0 8 * * *', async (job) => {
          await api.chat('6281234567890@s.whatsapp.net')?.send(`job ${new Date(job.now).toISOString()}`);
        });
      },
    });
    const out: SimOut[] = [];
    const { logger } = memoryLogger('warn');
    const code = await runJsonl(testConfig(dir), logger, {
      input: Readable.from(lines.map((l) => `${JSON.stringify(l)}\n`)),
      output: (line) => out.push(JSON.parse(line) as SimOut),
      plugins: [clockTeller],
    });
    expect(code).toBe(0);
    return out;
  }

  it('follows the latest `at`, never goes back, and fires jobs the jump passes before the later line', async () => {
    const out = await run([
      { from: '081234567890', text: 'a', at: '2026-12-01T10:00:00+07:00' },
      { from: '081234567890', text: 'b' },
      { from: '081234567890', text: 'c', at: '2026-12-03T09:00:00+07:00' },
      { from: '081234567890', text: 'd', at: '2026-12-02T12:00:00+07:00' },
    ]);
    expect(out.map((o) => [o.text, o.after])).toEqual([
      ['now 2026-12-01T03:00:00.000Z', 1],
      ['now 2026-12-01T03:00:00.000Z', 2],
      ['job 2026-12-02T01:00:00.000Z', 3],
      ['job 2026-12-03T01:00:00.000Z', 3],
      ['now 2026-12-03T02:00:00.000Z', 3],
      ['now 2026-12-03T02:00:00.000Z', 4],
    ]);
  });
});

describe('simulator line parsing', () => {
  it('accepts the documented fields and normalises numbers', () => {
    expect(parseSimLine('{"from":"+62 812-3456-7890","name":"Rina","text":"halo","at":"2026-12-01T10:00:00+07:00"}')).toEqual({
      ok: true,
      line: { from: '6281234567890', name: 'Rina', text: 'halo', image: null, at: Date.parse(AT), fromMe: false, to: null, id: null },
    });
    expect(parseSimLine('{"fromMe":true,"to":"081234567890","text":"x"}')).toMatchObject({ ok: true, line: { fromMe: true, to: '6281234567890', from: null } });
    // without an offset, a time is shop time
    expect(parseSimLine('{"from":"0812345678","text":"x","at":"2026-12-01 10:00"}', 'Asia/Jakarta')).toMatchObject({ line: { at: Date.parse(AT) } });
    expect(parseSimLine('{"from":"0812345678","text":"x","at":"2026-12-01T10:00:00"}', 'Asia/Makassar')).toMatchObject({
      line: { at: Date.parse('2026-12-01T10:00:00+08:00') },
    });
    expect(parseSimLine('{"from":"0812345678","text":"x","at":"2026-12-01T03:00:00Z"}')).toMatchObject({ line: { at: Date.parse(AT) } });
  });

  it.each([
    ['[1,2]', 'each line must be a JSON object'],
    ['{"from":"0812abc","text":"x"}', '"from": "0812abc" may contain only digits, spaces, dashes and a leading +'],
    ['{"from":"081234567890","text":5}', '"text" must be a string'],
    ['{"from":"081234567890","text":"x","fromMe":"yes"}', '"fromMe" must be true or false'],
    ['{"from":"081234567890","text":""}', 'missing "text" (or "image")'],
    ['{"from":"081234567890","text":"x","at":7}', '"at" must be a string'],
    ['{"from":"081234567890","text":"x","at":"2026-13-01 10:00"}', '"at": "2026-13-01 10:00" is not a date-time such as 2026-12-01T10:00:00+07:00'],
  ])('refuses %s', (raw, error) => {
    expect(parseSimLine(raw)).toEqual({ ok: false, error });
  });
});

// The real plugins are what the separate-process tests above exercise; keep the list honest.
it('runs the real plugin list in the documented order', () => {
  expect(PLUGINS.map((p) => p.name)).toEqual(['greeting', 'away', 'complaint', 'person', 'catalog', 'menu', 'quick-reply', 'fallback']);
});
