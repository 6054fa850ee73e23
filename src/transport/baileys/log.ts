import type { UserFacingSocketConfig } from '@whiskeysockets/baileys';
import type { Logger } from '../../logger.js';
import { maskPhone } from '../../phone.js';

/**
 * The logger handed to Baileys. It logs warnings and errors only (it is chatty below that), and
 * what it logs carries WhatsApp ids (`6281234567890@s.whatsapp.net`, LIDs) anywhere: in fields,
 * in the message text (`Invalid LID-PN mapping: ${lid}, ${pn}`) and in child-logger bindings. Every
 * run of 8 to 15 digits in any string it logs is masked, as phone numbers are elsewhere.
 */
export function baileysLogger(parent: Logger): ILogger {
  return masking(parent.child({ mod: 'baileys' }, { level: parent.level === 'trace' ? 'trace' : 'warn' }));
}

/** Baileys' logger interface (its ILogger, which the package does not export by name). */
export type ILogger = NonNullable<UserFacingSocketConfig['logger']>;

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

function masking(log: Logger): ILogger {
  const at =
    (level: Level) =>
    (obj: unknown, msg?: string): void => {
      if (!log.isLevelEnabled(level)) return;
      const masked = maskDeep(obj, 0);
      if (typeof masked === 'string') log[level](masked);
      else if (msg === undefined) log[level](masked);
      else log[level](masked, maskNumbers(msg));
    };
  return {
    get level() {
      return log.level;
    },
    set level(value: string) {
      log.level = value;
    },
    child: (bindings) => masking(log.child(maskDeep(bindings, 0) as Record<string, unknown>)),
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}

const NUMBER_RUN = /\d{8,15}/g;
const MAX_DEPTH = 8;

export function maskNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (digits) => maskPhone(digits));
}

function maskDeep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskNumbers(value);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof Error) {
    const masked = new Error(maskNumbers(value.message));
    masked.name = value.name;
    masked.stack = value.stack ? maskNumbers(value.stack) : masked.stack;
    return masked;
  }
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = maskDeep(v, depth + 1);
  return out;
}
