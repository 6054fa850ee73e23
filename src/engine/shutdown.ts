import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Transport } from '../transport/types.js';
import type { Intake } from './intake.js';
import type { Outbox } from './outbox.js';

/** Real time a whole stop may take: under the 9 s after which the process gives up (src/lifecycle.ts). */
export const STOP_BUDGET_MS = 8_500;

export interface StopParts {
  intake: Intake;
  outbox: Outbox;
  store: Store;
  transport: Transport;
  log: Logger;
  /** Stops what starts work by itself: the scheduler, dialog timeouts, background work. */
  halt(): void;
  /** Resolves when no message, job or send is pending. */
  idle(): Promise<void>;
  /** Background work started with the bot; waited for a little before the store closes. */
  background(): Promise<unknown>;
  /** Writes that must end before the store closes (the audit log). */
  settled(): Promise<unknown>;
}

/**
 * Stops in an order that loses nothing WhatsApp already handed over:
 * 1. new messages are no longer taken: they are kept in the store for the next start;
 * 2. messages in hand are answered and their replies sent, for up to `graceMs`; what has not
 *    started by then is kept too;
 * 3. nothing more is sent (a "typing…" under way is cut short and its message kept), and the
 *    store is written;
 * 4. the connection is closed without logging out (what it delivers on its way out is kept);
 * 5. replies that did not go out are kept, and the store is written and closed.
 * Every wait comes out of one budget, so the whole stop ends before `docker stop` kills.
 */
export async function stopBot(parts: StopParts, graceMs: number, budgetMs = STOP_BUDGET_MS): Promise<void> {
  const { intake, outbox, store, transport, log } = parts;
  const until = Date.now() + budgetMs;
  const left = (cap: number): number => Math.max(0, Math.min(cap, until - Date.now()));
  parts.halt();
  // What the connection already received is in hand; from here on, arrivals are kept.
  await settles(transport.drain?.() ?? Promise.resolve(), left(1000));
  intake.phase = 'closing';
  log.info({ graceMs }, 'stopping: new messages are kept for the next start; those in hand are being finished');
  if (!(await settles(parts.idle(), left(graceMs)))) {
    intake.phase = 'holding';
    intake.holdWaiting();
    log.warn({ inHand: intake.size(), replies: outbox.size() }, 'stopping with work still pending; what has not started is kept for the next start');
  }
  // nothing more goes out: a "typing…" under way is cut short (kept), a send already with WhatsApp ends
  outbox.close();
  await settles(outbox.idle(), left(1000));
  await store.flush().catch((err: unknown) => log.error({ err }, 'the data could not be saved while stopping; trying again at the end'));
  if (!(await settles(transport.stop(), left(3000)))) log.warn('the WhatsApp connection did not close in time');
  intake.phase = 'holding';
  intake.holdWaiting();
  await settles(intake.idle(), left(1000));
  await intake.keepForNextStart((pictures) => settles(pictures, left(2000)));
  intake.phase = 'closed';
  await settles(parts.background(), left(1000));
  await parts.settled();
  await store.close();
}

/** Whether `work` settles within `ms` of real time (stopping is real time, whatever the clock). */
export async function settles(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const outcome = await Promise.race([work.then(() => 'done' as const), timeout]);
  clearTimeout(timer);
  return outcome === 'done';
}
