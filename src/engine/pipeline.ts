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

  constructor(private readonly opts: PipelineOptions<R>) {
    this.timeoutMs = opts.handlerTimeoutMs ?? HANDLER_TIMEOUT_MS;
  }

  async process(msg: Incoming): Promise<void> {
    const { customers, activity, owners, handlers, send } = this.opts;
    const now = this.opts.clock.now();
    const log = this.opts.logger.child({ msgId: msg.id, chat: maskChat(msg.chatId) });
    const ownerDigits = owners.ownerOf(msg);
    const what = classify(msg, { ownerDigits, prefix: this.opts.commandPrefix });
    switch (what.kind) {
      case 'shop-typed':
        this.shopTookOver(msg, log);
        return;
      case 'too-old':
        if (!what.isOwner) {
          const { previousSeenAt } = customers.touch(msg);
          activity.count(msg.at, previousSeenAt === null);
        }
        log.info('a message from the offline backlog is too old to answer; it was recorded');
        return;
      case 'ignore':
        if (ownerDigits !== null) owners.remember(ownerDigits, msg);
        return;
      case 'command': {
        if (ownerDigits !== null) owners.remember(ownerDigits, msg);
        const record = customers.get(msg.chatId);
        const run = handlers.createRun(msg, msg.text.trim(), record ? customers.info(record) : Customers.stranger(msg), true, now, log);
        await this.watched(run, handlers.command(run, what.command));
        send.dispatch(run);
        return;
      }
      case 'customer': {
        if (ownerDigits !== null) owners.remember(ownerDigits, msg);
        const { record, previousSeenAt } = customers.touch(msg);
        if (!what.isOwner) activity.count(now, previousSeenAt === null);
        log.debug({ kind: msg.kind, text: msg.text }, 'message received');
        if (record.pausedUntil !== null && record.pausedUntil > now) {
          log.debug('the bot is paused in this chat; not answering');
          return;
        }
        const run = handlers.createRun(msg, msg.text.trim(), customers.info(record, previousSeenAt), what.isOwner, now, log);
        await this.watched(run, handlers.chain(run));
        send.apologiseIfFailed(run);
        send.dispatch(run);
        return;
      }
    }
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
   */
  private async watched(run: R, work: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
      timer.unref();
    });
    const outcome = await Promise.race([work.then(() => 'done' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.opts.handlers.failed(run.step, new Error(`no answer after ${this.timeoutMs} ms; the message was given up on`), run);
      run.abandoned = true;
      work.catch((err: unknown) => run.log.error({ err }, 'a message that was given up on failed later'));
    }
  }
}
