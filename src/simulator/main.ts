import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { botRunning } from '../health.js';
import { StoreOpenError } from '../store/store.js';
import { SeedError } from '../store/seed.js';
import { runJsonl } from './jsonl.js';
import { runInteractive } from './interactive.js';

/**
 * `npm run simulate`: chat with the bot in the terminal, or script it with --jsonl.
 * Everything here prints to the terminal on purpose: it is the simulator's own output.
 */
export const DEFAULT_SIM_OWNER = '6280000000001';

const USAGE = `usage: npm run simulate -- [--jsonl] [--data DIR] [--owner NUMBER]
  --jsonl         read one JSON message per line on stdin, print one JSON line per bot message
  --data DIR      keep the bot's data in DIR (default: a fresh temporary folder, removed at exit)
  --owner NUMBER  the owner's number (default: OWNER_NUMBERS, else ${DEFAULT_SIM_OWNER})`;

function parseSimulatorArgs() {
  return parseArgs({
    options: {
      jsonl: { type: 'boolean', default: false },
      data: { type: 'string' },
      owner: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseSimulatorArgs>;
  try {
    args = parseSimulatorArgs();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const temporary = args.data === undefined ? await mkdtemp(join(tmpdir(), 'layani-sim-')) : null;
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: args.data ?? temporary ?? undefined };
  if (args.owner !== undefined) env['OWNER_NUMBERS'] = args.owner;
  const fromFile = existsSync('.env') ? parseEnv(readFileSync('.env', 'utf8')) : {};
  if (!env['OWNER_NUMBERS'] && !fromFile['OWNER_NUMBERS']) env['OWNER_NUMBERS'] = DEFAULT_SIM_OWNER;
  // The chat is the interface in interactive mode; routine logs would drown it.
  if (!args.jsonl && !env['LOG_LEVEL'] && !fromFile['LOG_LEVEL']) env['LOG_LEVEL'] = 'warn';
  // a script's clock moves only from line to line: each line is answered before the next is read
  if (args.jsonl) env['READ_TOGETHER_MS'] = '0';
  const parsed = loadConfig(env);
  if (!parsed.ok) {
    process.stderr.write(`layani simulator cannot start: the configuration has problems:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n`);
    if (temporary) await rm(temporary, { recursive: true, force: true });
    return 2;
  }
  if (args.data !== undefined && botRunning(parsed.config.dataDir, Date.now())) {
    // two programs writing one db.json would overwrite each other's changes
    process.stderr.write(`layani simulator cannot start: a bot is running on ${parsed.config.dataDir}. Stop it first, or use another --data folder.\n`);
    return 2;
  }
  const logger = createLogger({ level: parsed.config.logLevel, fd: 2 });
  try {
    return args.jsonl
      ? await runJsonl(parsed.config, logger, { input: process.stdin, output: (line) => process.stdout.write(`${line}\n`) })
      : await runInteractive(parsed.config, logger);
  } catch (err) {
    if (err instanceof StoreOpenError || err instanceof SeedError) {
      process.stderr.write(`layani simulator cannot start: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    // a leftover temporary folder is not worth hiding what went wrong before it
    if (temporary)
      await rm(temporary, { recursive: true, force: true }).catch((err: unknown) =>
        process.stderr.write(`(the temporary folder ${temporary} could not be removed: ${(err as Error).message})\n`),
      );
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`layani simulator crashed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
