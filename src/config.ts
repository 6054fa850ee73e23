import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { normalisePhone } from './phone.js';

/**
 * Configuration comes from the environment (and `.env`), is validated once at boot, and the
 * Config type is derived from the same schema. Each variable carries an example of a good value,
 * so that a mistake is reported as one line that says how to fix it.
 */
const EXAMPLES = {
  OWNER_NUMBERS: '081234567890,+62 812-9876-5432',
  DATA_DIR: './data',
  SHOP_TIMEZONE: 'Asia/Jakarta',
  LOG_LEVEL: 'info',
  COMMAND_PREFIX: '!',
  SEED_FILE: './data/seed.json',
} as const;

type VariableName = keyof typeof EXAMPLES;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const ownerNumbers = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const out: string[] = [];
    for (const part of (value ?? '').split(',')) {
      if (part.trim() === '') continue;
      const r = normalisePhone(part);
      if (r.ok) {
        if (!out.includes(r.digits)) out.push(r.digits);
      } else {
        ctx.addIssue({ code: 'custom', message: `"${part.trim()}" ${r.reason}` });
      }
    }
    return out;
  });

const text = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : fallback));

/** The environment's variables in, the app's Config out: one schema, one type. */
export const configSchema = z
  .object({
    OWNER_NUMBERS: ownerNumbers,
    DATA_DIR: text('./data'),
    SHOP_TIMEZONE: text('Asia/Jakarta').refine(isTimeZone, { message: 'is not an IANA time zone name' }),
    LOG_LEVEL: text('info')
      .transform((v) => v.toLowerCase())
      .pipe(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })),
    COMMAND_PREFIX: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? '!' : v))
      .refine((v) => /^[^\p{L}\p{N}\s]{1,3}$/u.test(v), {
        message: 'must be 1 to 3 symbols, with no letters, digits or spaces',
      }),
    SEED_FILE: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined)),
  })
  .transform((env) => ({
    ownerNumbers: env.OWNER_NUMBERS,
    dataDir: env.DATA_DIR,
    timeZone: env.SHOP_TIMEZONE,
    logLevel: env.LOG_LEVEL,
    commandPrefix: env.COMMAND_PREFIX,
    seedFile: env.SEED_FILE,
  }));

export type Config = z.output<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = configSchema.safeParse(env);
  if (result.success) return { ok: true, config: result.data };
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration') as VariableName;
    const shown = env[name] === undefined ? '' : ` (got "${env[name]}")`;
    const example = EXAMPLES[name] ? ` Example: ${name}=${EXAMPLES[name]}` : '';
    // OWNER_NUMBERS names the bad part itself; repeating the whole list would only add noise
    const got = name === 'OWNER_NUMBERS' ? '' : shown;
    return `${name}: ${issue.message}${got}.${example}`;
  });
  return { ok: false, problems };
}

/**
 * Reads `.env` from the working directory (if present) under the environment: a variable set in
 * the environment wins over the same one in the file. Node's own parser keeps this dependency-free.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, envFile = '.env'): ConfigResult {
  let fromFile: Record<string, string | undefined> = {};
  if (existsSync(envFile)) {
    try {
      fromFile = parseEnv(readFileSync(envFile, 'utf8'));
    } catch (err) {
      return { ok: false, problems: [`.env: could not be read (${(err as Error).message}). Example line: OWNER_NUMBERS=081234567890`] };
    }
  }
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  return parseConfig(merged);
}

/** Prints the problems, one per line, and exits 2. Never a stack trace. */
export function exitOnBadConfig(problems: string[], write: (line: string) => void = (l) => process.stderr.write(l + '\n')): never {
  write('layani cannot start: the configuration has ' + (problems.length === 1 ? 'a problem' : `${problems.length} problems`) + ':');
  for (const p of problems) write('  ' + p);
  process.exit(2);
}
