import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOUR, startBot, tempDir } from '../helpers.js';

const RINA = '6281234567890';

describe('npm run restore', () => {
  const run = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/restore.ts', ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', DATA_DIR: dir } });

  it('puts a checked backup back, keeping the db.json it replaces, and refuses a bad one or a running bot', async () => {
    const dir = await tempDir();
    const bot = await startBot({ dataDir: dir });
    await bot.say(RINA, 'halo');
    await bot.advance(18 * HOUR);
    await bot.owner('!toko nama Baim Florist Baru');
    expect((await bot.owner('!toko'))[0]).toContain('Baim Florist Baru');
    await bot.close();
    const backup = readdirSync(join(dir, 'backups'))[0] as string;

    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 1}');
    const bad = run(dir, join(dir, 'broken.json'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^broken\.json is not a valid backup: .+\. Nothing was changed\.\n$/);

    writeFileSync(join(dir, 'health.json'), JSON.stringify({ updatedAt: Date.now(), pid: process.pid, connection: { state: 'open' } }));
    expect(run(dir, backup).stderr).toContain('The bot is running on');
    writeFileSync(join(dir, 'health.json'), JSON.stringify({ updatedAt: Date.now(), pid: process.pid, exited: true, connection: { state: 'closed' } }));

    const before = readFileSync(join(dir, 'db.json'), 'utf8');
    const ok = run(dir, backup);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(
      new RegExp(`^Restored ${backup.replace(/\./g, '\\.')} as .*db\\.json\\. The previous db\\.json was kept as db\\.json\\.replaced-`),
    );
    const kept = readdirSync(dir).find((n) => n.startsWith('db.json.replaced-')) as string;
    expect(readFileSync(join(dir, kept), 'utf8')).toBe(before);
    // the shop's new name came after the backup: it is gone again
    const restored = await startBot({ dataDir: dir, start: bot.clock.now() });
    expect((await restored.owner('!toko'))[0]).not.toContain('Baim Florist Baru');
  });
});
