import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { runInteractive } from '../../src/simulator/interactive.js';
import { removeDir, tempDir } from '../helpers.js';
import { SESSION } from './session.js';

/** What a person at a terminal would see of the session. */
function expectTheSession(out: string): void {
  expect(out).toContain('layani simulator');
  expect(out).toContain('🤖 bot → Rina');
  // *bold* is rendered (without colours here, the marks are removed)
  expect(out).toContain('Halo Rina! 🌸 Selamat datang di UD. Baim Florist');
  expect(out).toContain('📍 UD. Baim Florist');
  expect(out).toContain('✅ Pelanggan akan disapa lagi setelah 2 hari tanpa pesan.');
  expect(out).toContain('Shop time is now Jumat, 4 Desember 2026 09.00.');
  // after the jump the silence rule greets Rina again
  expect(out.split('Selamat datang di UD. Baim Florist').length - 1).toBe(2);
  expect(out).toContain('gambar dari Kakak sudah kami terima');
  expect(out).toContain('The clock only moves forward');
  expect(out).toContain('That number is too short for a phone number.');
  expect(out).toContain('Unknown command /bogus.');
  expect(out).toContain('Bye.');
  expect(out).not.toContain('never sent');
}

describe('interactive simulator', () => {
  let dir = '';
  afterEach(async () => removeDir(dir));

  it('lets you chat as customers and as the owner, move the clock, send a photo and quit', async () => {
    dir = await tempDir();
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (chunk: Buffer) => (out += chunk.toString()));
    input.end(`${SESSION.join('\n')}\n`);
    const config = configFromEnv({ DATA_DIR: dir, OWNER_NUMBERS: '081100001111', LOG_LEVEL: 'silent' });
    // a Tuesday morning in Medan, so the shop is open as the session starts
    const start = Date.parse('2026-12-01T10:00:00+07:00');
    const startedAt = Date.now();
    const code = await runInteractive(config, silentLogger(), { input, output, tty: false, colour: false, now: () => start + (Date.now() - startedAt) });
    expect(code).toBe(0);
    expectTheSession(out);
  });
});
