import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** 1 for stdout (the bot, for `docker logs`), 2 for stderr (the simulator keeps stdout for its output). */
  fd?: 1 | 2;
}

/**
 * One pino logger for the process. Message texts are only ever logged at debug level, and the
 * redaction list keeps secrets out even when someone logs a whole object by mistake.
 */
export function createLogger(opts: LoggerOptions): Logger {
  return pino(
    {
      level: opts.level,
      base: { app: 'layani' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['creds', 'keys', '*.creds', '*.keys', 'authState'], censor: '[redacted]' },
    },
    pino.destination({ fd: opts.fd ?? 1, sync: true }),
  );
}

/** A logger that drops everything, for tests and tools that do not want output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
