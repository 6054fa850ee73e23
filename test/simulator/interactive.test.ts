import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Types lines into the interactive simulator through a pipe, as a person at a terminal would. */
function chat(lines: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/simulator/main.ts'], {
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', OWNER_NUMBERS: '081100001111' },
    timeout: 20_000,
  });
}

describe('interactive simulator', () => {
  it('lets you chat as customers and as the owner, move the clock, send a photo and quit', () => {
    const r = chat([
      '/as 081234567890 Rina',
      'halo',
      '2',
      '/owner',
      '!sapaan hari 2',
      '/as 081234567890 Rina',
      '/time 2030-01-01 09:00',
      'halo lagi',
      '/photo test/fixtures/mawar.png untuk lamaran adik saya',
      '/time 2020-01-01 09:00',
      '/as 12',
      '/bogus',
      '/quit',
      'never sent',
    ]);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain('layani simulator');
    expect(out).toContain('🤖 bot → Rina');
    // *bold* is rendered (without colours here, the marks are removed)
    expect(out).toContain('Halo Rina! 🌸 Selamat datang di UD. Baim Florist');
    expect(out).toContain('📍 UD. Baim Florist');
    expect(out).toContain('✅ Pelanggan akan disapa lagi setelah 2 hari tanpa pesan.');
    expect(out).toContain('Shop time is now Selasa, 1 Januari 2030 09.00.');
    // after the jump the silence rule greets Rina again
    expect(out.split('Selamat datang di UD. Baim Florist').length - 1).toBe(2);
    expect(out).toContain('gambar dari Kakak sudah kami terima');
    expect(out).toContain('The clock only moves forward');
    expect(out).toContain('That number is too short for a phone number.');
    expect(out).toContain('Unknown command /bogus.');
    expect(out).toContain('Bye.');
    expect(out).not.toContain('never sent');
  });
});
