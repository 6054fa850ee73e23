import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { exitOnBadConfig, loadConfig } from './config.js';
import { botRunning, STALE_AFTER_MS } from './health.js';
import { sliceSpecs } from './app.js';
import { DB_FILE, loadText } from './store/store.js';
import { writeFileAtomic } from './store/atomic-write.js';
import { PLUGINS } from './plugins.js';

/**
 * `npm run restore -- <backup file>`: puts a backup back as db.json while the bot is stopped. The
 * backup is checked first (it must load as the bot would load it); the db.json it replaces is kept
 * as db.json.replaced-<time>, never deleted.
 */
const out = (line: string): void => void process.stdout.write(`${line}\n`);
const fail = (line: string, code = 1): never => {
  process.stderr.write(`${line}\n`);
  process.exit(code);
};

async function main(argv: string[]): Promise<void> {
  const force = argv.includes('--force');
  const args = argv.filter((a) => a !== '--force');
  if (args.length !== 1) fail('Usage: npm run restore -- <backup file> [--force]\nBackups are in the data folder under backups/, newest last by name.', 2);
  const loaded = loadConfig();
  if (!loaded.ok) exitOnBadConfig(loaded.problems);
  const { dataDir } = loaded.config;
  // a bare name is looked for in the backups folder
  const given = args[0] as string;
  const path = existsSync(given) ? resolve(given) : join(dataDir, 'backups', given);
  if (!existsSync(path)) fail(`${given} does not exist (looked in the current folder and in ${join(dataDir, 'backups')}).`);
  if (botRunning(dataDir, Date.now()) && !force) {
    fail(
      `The bot is running on ${dataDir}: stop it first (docker stop, or Ctrl+C), then restore.\nIf it is really stopped, wait ${STALE_AFTER_MS / 1000} seconds or add --force.`,
    );
  }
  const text = await readFile(path, 'utf8').catch((err: Error) => fail(`${path} cannot be read (${err.message}).`));
  const check = loadText(text, sliceSpecs(PLUGINS));
  if (!check.ok) fail(`${basename(path)} is not a valid backup: ${check.reason}. Nothing was changed.`);
  const db = join(dataDir, DB_FILE);
  let kept = '';
  if (existsSync(db)) {
    kept = `${db}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await copyFile(db, kept);
  }
  await writeFileAtomic(db, text);
  out(`Restored ${basename(path)} as ${db}.${kept ? ` The previous db.json was kept as ${basename(kept)}.` : ''} Start the bot again.`);
}

main(process.argv.slice(2)).catch((err: unknown) => fail(`The restore failed: ${(err as Error)?.stack ?? String(err)}`));
