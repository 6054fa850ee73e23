import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { SystemClock } from './clock.js';
import { exitOnBadConfig, loadConfig, type Config } from './config.js';
import { ToolError } from './errors.js';
import { botRunning, STALE_AFTER_MS } from './health.js';
import { openStore } from './host/slices.js';
import type { PluginDefinition, PluginTool } from './host/types.js';
import { PLUGINS } from './plugins.js';
import { loadSeed } from './store/seed.js';
import { DB_FILE, type Slice } from './store/store.js';

/**
 * `npm run tool -- <name> …`: runs a plugin's command-line tool (`npm run catalog` is the
 * catalog's). A tool that only reads gets the plugin's state from db.json as it is, without
 * opening the store; one that writes is refused while the bot runs on the same data folder
 * (unless --force), and gets the store opened for it.
 */
// The tool's words are Indonesian: the shop owner is who runs it.
const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const force = argv.includes('--force');
  const [name = '', ...args] = argv.filter((a) => a !== '--force');
  const found = PLUGINS.flatMap((p) => Object.entries(p.tools ?? {}).map(([toolName, tool]) => ({ plugin: p, toolName, tool })));
  const entry = found.find((t) => t.toolName === name);
  if (!entry) throw new ToolError(`Alat "${name}" tidak ada. Yang ada: ${found.map((t) => t.toolName).join(', ') || '(tidak ada)'}.`, 2);
  const loaded = loadConfig();
  if (!loaded.ok) exitOnBadConfig(loaded.problems);
  const { config } = loaded;
  const { plugin, tool } = entry as { plugin: PluginDefinition; tool: PluginTool<unknown> };
  if (!tool.writes(args)) {
    await tool.run(args, { state: await readOnly(plugin, config), dataDir: config.dataDir, out });
    return 0;
  }
  if (botRunning(config.dataDir, Date.now()) && !force) {
    throw new ToolError(
      'Bot sedang berjalan dengan folder data ini: hentikan dulu (docker stop, atau Ctrl+C), lalu jalankan lagi.\n' +
        `Kalau bot memang sudah berhenti, tunggu ${STALE_AFTER_MS / 1000} detik atau tambahkan --force.`,
    );
  }
  const spec = plugin.state;
  if (!spec) throw new ToolError(`Plugin ${plugin.name} tidak menyimpan data.`);
  const { seed } = loadSeed(config.seedFile, config.dataDir);
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const store = await openStore({ config, logger, clock: new SystemClock(), plugins: PLUGINS, seed }).catch((err: Error) => {
    throw new ToolError(`Data tidak bisa dibuka: ${err.message}`);
  });
  try {
    await tool.run(args, { state: store.slice(plugin.name, spec), dataDir: config.dataDir, out });
  } finally {
    await store.close();
  }
  return 0;
}

/** The plugin's state as db.json has it now (or as a fresh bot would start), read without opening the store. */
async function readOnly(plugin: PluginDefinition, config: Config): Promise<Slice<unknown>> {
  const spec = plugin.state;
  const db = join(config.dataDir, DB_FILE);
  let value: unknown;
  if (existsSync(db)) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(db, 'utf8'));
    } catch (err) {
      throw new ToolError(`${db} tidak bisa dibaca (${(err as Error).message}). Jalankan bot sekali: bot memulihkannya dari cadangan.`);
    }
    value = (raw as { plugins?: Record<string, unknown> }).plugins?.[plugin.name];
    if (value !== undefined && spec) {
      const parsed = spec.schema.safeParse(value);
      if (!parsed.success) throw new ToolError(`data ${plugin.name} di ${db} tidak valid; jalankan bot sekali agar bisa dipulihkan.`);
      value = parsed.data;
    }
  } else {
    // no store yet: the state a fresh bot would start with
    const seeded = loadSeed(config.seedFile, config.dataDir).seed.plugins?.[plugin.name];
    value = spec?.schema.safeParse(seeded).success ? seeded : undefined;
  }
  const state = value ?? spec?.defaults();
  return {
    get: () => state,
    update: () => {
      throw new Error('a read-only tool tried to change the data');
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ToolError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(err.code);
    }
    process.stderr.write(`Alat gagal: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
