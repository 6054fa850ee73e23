import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, OWNER, closeBots, startBot, tempDir } from '../helpers.js';

/** Daily backups through the scheduler, and what the owner is told when a damaged file was replaced by one. */
afterEach(closeBots);
const RINA = '6281234567890';

describe('backups', () => {
  it('writes one every night at 03:15 and keeps the newest BACKUP_KEEP', async () => {
    const bot = await startBot({ config: { backupKeep: 3 } });
    await bot.say(RINA, 'halo');
    const dir = join(bot.dir, 'backups');
    expect(existsSync(dir)).toBe(false);
    await bot.advance(18 * HOUR); // Wednesday 04:00
    expect(readdirSync(dir).filter((n) => n.startsWith('daily-'))).toHaveLength(1);
    const first = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0] as string), 'utf8')) as { customers: Record<string, unknown> };
    expect(Object.keys(first.customers)).toHaveLength(1);
    await bot.advance(5 * DAY);
    expect(
      readdirSync(dir)
        .filter((n) => n.startsWith('daily-'))
        .sort(),
    ).toEqual(['daily-2026-12-04T20-15-00-000Z.json', 'daily-2026-12-05T20-15-00-000Z.json', 'daily-2026-12-06T20-15-00-000Z.json']);
  });

  it('tells the owner once, when the bot starts on a damaged file, which backup it used and how much time it lost', async () => {
    const dir = await tempDir();
    const first = await startBot({ dataDir: dir });
    await first.say(RINA, 'halo');
    await first.advance(18 * HOUR); // a backup at 03:15
    await first.close();
    writeFileSync(join(dir, 'db.json'), '{"schemaVersion": 1, "shop": '); // cut off mid-write by a failing disk, say
    // the backup was taken at 20:15Z and this start is at 23:00Z: about 3 hours lost, whatever the file's own time says
    utimesSync(join(dir, 'backups', 'daily-2026-12-01T20-15-00-000Z.json'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const bot = await startBot({ dataDir: dir, start: first.clock.now() + 2 * HOUR });
    await bot.app.idle();
    const [alert] = bot.sentTo(OWNER);
    expect(alert).toMatch(
      /^⚠️ File data bot \(db\.json\) rusak saat bot mulai\. File itu disimpan utuh sebagai db\.json\.corrupt-[\dTZ-]+, dan bot memakai cadangan daily-2026-12-01T20-15-00-000Z\.json\. Perubahan sejak cadangan itu \(sekitar 3 jam terakhir\) tidak ada/,
    );
    // the customer from before the backup is still known: no greeting again
    expect(await bot.say(RINA, 'lokasi dimana?')).not.toContain(expect.stringContaining('Selamat datang'));
    // a second start is a normal one
    const again = await bot.restart();
    await again.app.idle();
    expect(again.sentTo(OWNER)).toEqual([]);
  });

  it('says so plainly when there was no backup to use', async () => {
    const dir = await tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'db.json'), 'not json at all');
    const bot = await startBot({ dataDir: dir });
    await bot.app.idle();
    expect(bot.sentTo(OWNER)[0]).toContain('tidak ada cadangan yang baik');
  });
});
