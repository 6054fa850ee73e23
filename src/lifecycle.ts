import type { Logger } from './logger.js';

/**
 * How the process ends: on SIGTERM or SIGINT the bot stops in order and exits 0 (a second signal
 * exits at once); an uncaught exception or unhandled rejection is logged with what it was, the
 * store is written, and the process exits 1 so Docker starts it again. Nothing is swallowed.
 */
export interface Lifecycle {
  /** Stops the bot in order (app.stop, then the health file). */
  stop(): Promise<void>;
  /** Writes what the store holds. */
  flush(): Promise<void>;
  logger: Logger;
  exit(code: number): void;
  /** The process, or a stand-in in tests. */
  proc?: Pick<NodeJS.Process, 'on'>;
  /** Real time a flush may take after a crash before the process exits anyway (a full disk). */
  crashFlushMs?: number;
  /**
   * Real time a stop may take before the process saves what it can and exits 1: under the 10 s
   * `docker stop` gives before it kills.
   */
  stopDeadlineMs?: number;
}

const CRASH_FLUSH_MS = 5_000;
const STOP_DEADLINE_MS = 9_000;

export function handleProcessEnd(life: Lifecycle): void {
  const { logger, exit } = life;
  const proc = life.proc ?? process;
  let stopping = false;
  let crashed = false;
  const stop = (signal: string): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'signal received; stopping');
    const deadlineMs = life.stopDeadlineMs ?? STOP_DEADLINE_MS;
    const deadline = setTimeout(() => {
      logger.error({ deadlineMs }, 'stopping is taking too long; saving what can be saved and exiting');
      void settleWithin(life.flush(), 500).finally(() => exit(1));
    }, deadlineMs);
    life.stop().then(
      () => {
        clearTimeout(deadline);
        logger.info('stopped');
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(deadline);
        logger.fatal({ err }, 'could not stop cleanly');
        exit(1);
      },
    );
  };
  proc.on('SIGTERM', () => stop('SIGTERM'));
  proc.on('SIGINT', () => stop('SIGINT'));
  const crash = (kind: string) => (err: unknown) => {
    logger.fatal({ err, kind }, 'layani hit an unexpected error and will exit so it can be restarted');
    if (crashed) return;
    crashed = true;
    const waitedMs = life.crashFlushMs ?? CRASH_FLUSH_MS;
    void settleWithin(life.flush(), waitedMs)
      .then(
        (saved) => {
          if (!saved) logger.error({ waitedMs }, 'the data could not be saved before exiting');
        },
        (flushErr: unknown) => logger.error({ err: flushErr }, 'the data could not be saved before exiting'),
      )
      .finally(() => exit(1));
  };
  proc.on('uncaughtException', crash('uncaught exception'));
  proc.on('unhandledRejection', crash('unhandled rejection'));
}

/** Resolves true once `work` resolves, false when `ms` of real time pass first; rejects with it. */
function settleWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}
