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
  PAIRING_NUMBER: '081234567890',
  WA_CONNECT_TIMEOUT_MS: '90000',
  WA_WEBSOCKET_URL: 'ws://127.0.0.1:8080/ws/chat',
  WA_BACKLOG_MAX_AGE: '6h',
  WA_ALLOW_GROUPS: 'false',
  TAKEOVER_MINUTES: '60',
  SEND_MIN_GAP_MS: '1000',
  BACKUP_KEEP: '7',
  REPLY_CAP: '30/10m',
  READ_TOGETHER_MS: '3000',
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

const integer = (fallback: number, min: number, max: number) =>
  text(String(fallback)).pipe(
    z
      .string()
      .regex(/^\d+$/, { message: 'must be a whole number' })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { message: `must be at least ${min}` })
          .max(max, { message: `must be at most ${max}` }),
      ),
  );

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "6h", "90m", "45s", "1d" or a number of milliseconds. */
const duration = (fallback: string) =>
  text(fallback).transform((v, ctx) => {
    const m = /^(\d+)\s*(ms|s|m|h|d)?$/i.exec(v);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'must be a duration such as 6h, 90m or 45s' });
      return z.NEVER;
    }
    return Number(m[1]) * (UNIT_MS[(m[2] ?? 'ms').toLowerCase()] ?? 1);
  });

const yesNo = (fallback: boolean) =>
  text(String(fallback)).transform((v, ctx) => {
    const t = v.toLowerCase();
    if (['true', '1', 'yes', 'ya', 'on'].includes(t)) return true;
    if (['false', '0', 'no', 'tidak', 'off'].includes(t)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

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
    PAIRING_NUMBER: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v || v.trim() === '') return undefined;
        const r = normalisePhone(v);
        if (r.ok) return r.digits;
        ctx.addIssue({ code: 'custom', message: `"${v.trim()}" ${r.reason}` });
        return z.NEVER;
      }),
    WA_CONNECT_TIMEOUT_MS: integer(90_000, 5_000, 600_000),
    WA_WEBSOCKET_URL: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined))
      .refine((v) => v === undefined || /^wss?:\/\/\S+$/.test(v), { message: 'must be a ws:// or wss:// address' }),
    WA_BACKLOG_MAX_AGE: duration('6h'),
    WA_ALLOW_GROUPS: yesNo(false),
    TAKEOVER_MINUTES: integer(60, 1, 7 * 24 * 60),
    SEND_MIN_GAP_MS: integer(1000, 0, 60_000),
    BACKUP_KEEP: integer(7, 1, 365),
    READ_TOGETHER_MS: integer(3000, 0, 15_000),
    REPLY_CAP: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const m = /^\s*(\d{1,3})\s*\/\s*(\d{1,4})\s*(m|min|h)?\s*$/i.exec(v && v.trim() !== '' ? v : '30/10m');
        const count = Number(m?.[1]);
        const windowMs = Number(m?.[2]) * (m?.[3]?.toLowerCase() === 'h' ? 3_600_000 : 60_000);
        if (!m || count < 1 || windowMs < 60_000) {
          ctx.addIssue({ code: 'custom', message: 'must be replies per minutes, such as 30/10m (at most 30 automatic replies in 10 minutes)' });
          return z.NEVER;
        }
        return { count, windowMs };
      }),
  })
  .transform((env) => ({
    ownerNumbers: env.OWNER_NUMBERS,
    dataDir: env.DATA_DIR,
    timeZone: env.SHOP_TIMEZONE,
    logLevel: env.LOG_LEVEL,
    commandPrefix: env.COMMAND_PREFIX,
    seedFile: env.SEED_FILE,
    pairingNumber: env.PAIRING_NUMBER,
    connectTimeoutMs: env.WA_CONNECT_TIMEOUT_MS,
    webSocketUrl: env.WA_WEBSOCKET_URL,
    backlogMaxAgeMs: env.WA_BACKLOG_MAX_AGE,
    allowGroups: env.WA_ALLOW_GROUPS,
    takeoverMinutes: env.TAKEOVER_MINUTES,
    sendMinGapMs: env.SEND_MIN_GAP_MS,
    backupKeep: env.BACKUP_KEEP,
    replyCap: env.REPLY_CAP,
    readTogetherMs: env.READ_TOGETHER_MS,
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
    // A message that already quotes the bad part (a phone number) does not need the value again.
    const got = name === 'OWNER_NUMBERS' || issue.message.startsWith('"') ? '' : shown;
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

/** The configuration for these variables, the rest at their defaults; throws on a mistake (tools and tests). */
export function configFromEnv(env: Record<string, string | undefined>): Config {
  const r = parseConfig(env);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.config;
}

/** Prints the problems, one per line, and exits 2. Never a stack trace. */
export function exitOnBadConfig(problems: string[], write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): never {
  write(`layani cannot start: the configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:`);
  for (const p of problems) write(`  ${p}`);
  process.exit(2);
}
