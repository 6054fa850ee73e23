import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Incoming } from '../transport/types.js';
import type { Activity } from './activity.js';
import { classify, type ParsedCommand } from './classify.js';
import { Customers, type CustomerInfo } from './customers.js';
import { maskChat } from '../phone.js';
import type { Owners } from './owners.js';
import type { MessageRun } from './run.js';
import type { Send } from './send.js';

const WOKEN = Symbol('woken');
/** Messages that may wait on one alarm before it is renewed (see wakeUp). */
const ALARM_WAITERS = 1_000;

/** Real time after which a message whose handlers never finish is given up on. */
export const HANDLER_TIMEOUT_MS = 60_000;

/** What the engine hands over to the host: making a message's context, and running the plugins. */
export interface Handlers<R extends MessageRun> {
  createRun(msg: Incoming, text: string, customer: CustomerInfo, isOwner: boolean, now: number, log: Logger): R;
  /** Runs the plugins' middleware on a customer's message. */
  chain(run: R): Promise<void>;
  /** Runs an admin command (null: the prefix alone). */
  command(run: R, command: ParsedCommand | null): Promise<void>;
  /** A handler failed: a ReplyError's text goes to the chat, anything else is logged as a bug. */
  failed(step: string, err: unknown, run: R): void;
  /** The shop typed in a customer's chat by hand (after the bot stepped aside there). */
  shopTyped(msg: Incoming, log: Logger): void;
}

export interface PipelineOptions<R extends MessageRun> {
  customers: Customers;
  activity: Activity;
  owners: Owners;
  send: Send;
  clock: Clock;
  logger: Logger;
  commandPrefix: string;
  /** How long the bot stays quiet in a chat after the shop typed there by hand. */
  takeoverMinutes: number;
  handlers: Handlers<R>;
  handlerTimeoutMs?: number;
}

/**
 * One message, start to end: classified, recorded on the customer's record, then answered by an
 * admin command or by the plugins' chain (unless the bot is paused in the chat), watched for a
 * handler that never finishes, and its replies sent.
 */
export class Pipeline<R extends MessageRun> {
  private readonly timeoutMs: number;
  /** Messages in hand, each with the real time (performance.now) it is given up at. */
  private readonly inHand = new Map<R, number>();
  private timer: NodeJS.Timeout | null = null;
  private alarm: Promise<typeof WOKEN> | null = null;
  private ring: (() => void) | null = null;
  private waiters = 0;

  constructor(private readonly opts: PipelineOptions<R>) {
    this.timeoutMs = opts.handlerTimeoutMs ?? HANDLER_TIMEOUT_MS;
  }

  async process(msg: Incoming): Promise<void> {
    const { customers, activity, owners, handlers, send, logger } = this.opts;
    const now = this.opts.clock.now();
    const ownerDigits = owners.ownerOf(msg);
    const what = classify(msg, { ownerDigits, prefix: this.opts.commandPrefix });
    switch (what.kind) {
      case 'shop-typed':
        this.shopTookOver(msg, this.messageLog(msg));
        return;
      case 'too-old':
        if (!what.isOwner) {
          const { previousSeenAt } = customers.touch(msg);
          activity.count(msg.at, previousSeenAt === null);
        }
        this.messageLog(msg).info('a message from the offline backlog is too old to answer; it was recorded');
        return;
      case 'ignore':
        if (ownerDigits !== null) owners.remember(ownerDigits, msg);
        return;
      case 'command': {
        if (ownerDigits !== null) owners.remember(ownerDigits, msg);
        const record = customers.get(msg.chatId);
        const run = handlers.createRun(msg, msg.text.trim(), record ? customers.info(record) : Customers.stranger(msg), true, now, logger);
        await this.watched(run, handlers.command(run, what.command));
        send.dispatch(run);
        return;
      }
      case 'customer': {
        if (ownerDigits !== null) owners.remember(ownerDigits, msg);
        const { record, previousSeenAt } = customers.touch(msg);
        if (!what.isOwner) activity.count(now, previousSeenAt === null);
        const paused = record.pausedUntil !== null && record.pausedUntil > now;
        // texts only at debug level, and no logger is made for the line at any other
        if (logger.isLevelEnabled('debug'))
          this.messageLog(msg).debug(
            { kind: msg.kind, text: msg.text, paused },
            paused ? 'message received; the bot is paused in this chat' : 'message received',
          );
        if (paused) return;
        const run = handlers.createRun(msg, msg.text.trim(), customers.info(record, previousSeenAt), what.isOwner, now, logger);
        await this.watched(run, handlers.chain(run));
        send.apologiseIfFailed(run);
        send.dispatch(run);
        return;
      }
    }
  }

  /** The logger of a message that gets no run (the shop's own, one from the backlog). */
  private messageLog(msg: Incoming): Logger {
    return this.opts.logger.child({ msgId: msg.id, chat: maskChat(msg.chatId) });
  }

  /** The shop typed in a customer's chat by hand: the bot steps aside there. */
  private shopTookOver(msg: Incoming, log: Logger): void {
    const { customers, clock, takeoverMinutes } = this.opts;
    customers.recordShopMessage(msg);
    this.opts.handlers.shopTyped(msg, log);
    // Counted from when the shop wrote: a hand-typed message from the backlog may already be old.
    const until = msg.at + takeoverMinutes * 60_000;
    if (until <= clock.now()) return;
    const current = customers.get(msg.chatId)?.pausedUntil ?? null;
    if (current === null || current < until) customers.pause(msg.chatId, until);
    log.info({ minutes: takeoverMinutes }, 'the shop answered by hand; the bot is quiet in this chat');
  }

  /**
   * A handler that never finishes would block its chat for good. After the timeout of real time
   * the message is given up on: the bug is logged with the plugin that was running, the customer
   * gets the apology, and the chat moves on. Real time on purpose: a hang is not business time,
   * and the simulator's clock stands still between lines.
   *
   * One timer watches every message in hand (no timer or closure per message): it wakes at the
   * oldest deadline, and each message still in hand then checks its own.
   */
  private async watched(run: R, work: Promise<void>): Promise<void> {
    const deadline = performance.now() + this.timeoutMs;
    this.inHand.set(run, deadline);
    this.arm(deadline);
    try {
      while ((await Promise.race([work, this.wakeUp()])) === WOKEN) {
        if (performance.now() < deadline) continue;
        this.opts.handlers.failed(run.step, new Error(`no answer after ${this.timeoutMs} ms; the message was given up on`), run);
        run.abandoned = true;
        work.catch((err: unknown) => run.log.error({ err }, 'a message that was given up on failed later'));
        return;
      }
    } finally {
      this.inHand.delete(run);
    }
  }

  /**
   * Resolves with WOKEN when the watchdog's timer next fires: one promise for every message
   * waiting. A promise keeps each waiter until it settles, so after ALARM_WAITERS waiters it is
   * settled early and a new one is made: the messages still in hand wake, check, and wait again.
   */
  private wakeUp(): Promise<typeof WOKEN> {
    if (++this.waiters > ALARM_WAITERS) this.wake();
    this.alarm ??= new Promise((resolve) => {
      this.ring = () => resolve(WOKEN);
    });
    return this.alarm;
  }

  private wake(): void {
    const ring = this.ring;
    this.alarm = null;
    this.ring = null;
    this.waiters = 0;
    ring?.();
  }

  /** Sets the timer for `deadline`, unless it is set already (for an earlier one: deadlines only grow). */
  private arm(deadline: number): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => this.fire(), Math.max(0, deadline - performance.now()));
    this.timer.unref();
  }

  private fire(): void {
    this.timer = null;
    this.wake();
    // the next deadline still ahead (messages in hand are kept in the order they came)
    const now = performance.now();
    for (const deadline of this.inHand.values())
      if (deadline > now) {
        this.arm(deadline);
        return;
      }
  }
}
