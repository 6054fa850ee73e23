import { spawnSync } from 'node:child_process';

/**
 * A conversation typed into `simulate --jsonl` as a separate process, line by line, for tests that
 * walk through every form of a set of owner commands and read back what each line brought.
 */
export const OWNER = '081100001111';
export const RINA = '081234567890';
export const OWNER_CHAT = '6281100001111';
export const RINA_CHAT = '6281234567890';

export interface SimOut {
  to?: string;
  text?: string;
  image?: string | null;
  after?: number;
  error?: string;
  line?: number;
}

export class SimScript {
  readonly lines: Array<Record<string, unknown>> = [];

  /** Adds a line; returns its number, which the output names as `after`. */
  line(entry: Record<string, unknown>): number {
    return this.lines.push(entry);
  }

  owner = (text: string, extra: Record<string, unknown> = {}): number => this.line({ from: OWNER, text, ...extra });
  rina = (text: string, extra: Record<string, unknown> = {}): number => this.line({ from: RINA, name: 'Rina', text, ...extra });

  /** Runs the whole script on a data folder; throws with the simulator's stderr if it failed. */
  run(dataDir: string): SimOut[] {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/simulator/main.ts', '--jsonl', '--data', dataDir, '--owner', OWNER], {
      input: `${this.lines.map((s) => JSON.stringify(s)).join('\n')}\n`,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn' },
    });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as SimOut);
  }
}
