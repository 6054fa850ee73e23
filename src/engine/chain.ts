import { ReplyError } from '../errors.js';
import type { MessageRun } from './run.js';

export type Next = () => Promise<void>;

/** One step of the chain: a plugin's middleware, as the engine runs it. */
export interface Step<R extends MessageRun> {
  readonly name: string;
  run(run: R, next: Next): void | Promise<void>;
}

/** How a step's failure is reported: a ReplyError's text goes to the chat, anything else is a bug. */
export type StepError<R extends MessageRun> = (step: string, err: unknown, run: R) => void;

/** Steps are tracked in one number's bits; far more than any shop installs. */
const MAX_STEPS = 30;

/**
 * The middleware chain, `(ctx, next)` as in Koa or grammY, in one explicit order. Every step runs
 * at most once per message. A step may call `next` once; a second call is reported as a bug, and a
 * step that throws before calling it does not silence the steps after it.
 */
export class Chain<R extends MessageRun> {
  private readonly positions = new Map<string, number>();

  constructor(
    private readonly steps: readonly Step<R>[],
    private readonly onError: StepError<R>,
  ) {
    if (steps.length > MAX_STEPS) throw new Error(`at most ${MAX_STEPS} plugins may add middleware`);
    steps.forEach((step, i) => {
      if (!this.positions.has(step.name)) this.positions.set(step.name, i);
    });
  }

  get names(): string[] {
    return this.steps.map((s) => s.name);
  }

  /** The position of a step, or -1. */
  indexOf(name: string): number {
    return this.positions.get(name) ?? -1;
  }

  run(run: R): Promise<void> {
    return this.from(run, 0);
  }

  /** Whether step `index` called next() while handling `run`. */
  static calledNext(run: MessageRun, index: number): boolean {
    return index >= 0 && (run.nextCalls & (1 << index)) !== 0;
  }

  private async from(run: R, index: number): Promise<void> {
    const step = this.steps[index];
    if (!step) return;
    run.enter(index, step.name);
    try {
      // the step's own `next`: a second call is told apart from the next step's first
      await step.run(run, () => this.advance(run, index));
    } catch (err) {
      this.onError(step.name, err, run);
      if (!Chain.calledNext(run, index) && !run.abandoned && !(err instanceof ReplyError)) await this.from(run, index + 1);
    }
  }

  private async advance(run: R, index: number): Promise<void> {
    const step = this.steps[index];
    if (!step) return;
    if (Chain.calledNext(run, index)) {
      // Reported here rather than rejected: a plugin that does not await next() would otherwise
      // leave a rejection nobody handles.
      this.onError(step.name, new Error(`plugin ${step.name} called next() twice`), run);
      return;
    }
    if (run.abandoned) return;
    run.nextCalls |= 1 << index;
    try {
      await this.from(run, index + 1);
    } finally {
      // back in this step: its context is its own again
      run.enter(index, step.name);
    }
  }
}
