import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../app.js';
import { bootApp } from '../boot.js';
import { ManualClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { formatPhone, normalisePhone } from '../phone.js';
import { formatLocal, parseLocalDateTime } from '../time.js';
import type { SentMessage } from '../transport/memory.js';
import { imageFromPath, imagePathOf } from './jsonl.js';
import { renderWhatsApp } from './render.js';
import { chatDigits, SimulatorTransport } from './transport.js';

/**
 * The interactive simulator: you type as a customer (or the owner) and the bot's messages appear
 * as they would on the phone. The clock runs in real time; /time jumps it forward, and jobs and
 * timeouts that the jump passes fire on the way.
 */
const HELP = `Commands:
  /as <number> [name]     write as another customer, e.g. /as 081234567890 Rina
  /owner                  write as the shop's owner (admin commands start with !)
  /shop <text>            the shop types <text> by hand in the current customer's chat
  /time <YYYY-MM-DD HH:MM> move the clock forward (shop time)
  /photo <path> [caption] send a picture
  /help                   this list
  /quit                   leave
Anything else is sent as a message.`;

/** Where the simulator reads and writes: the terminal, or streams in a test. */
export interface Terminal {
  input: Readable;
  output: Writable;
  /** A person at a real terminal: the prompt is redrawn under each message. */
  tty: boolean;
  /** Bold and dim marks (a terminal without NO_COLOR). */
  colour: boolean;
  /** Real time, shifted by /time. */
  now?: () => number;
}

export async function runInteractive(config: Config, logger: Logger, terminal?: Terminal): Promise<number> {
  const tty = process.stdout.isTTY === true;
  const sim = new Simulator(config, terminal ?? { input: process.stdin, output: process.stdout, tty, colour: tty && !process.env['NO_COLOR'] });
  await sim.run(logger);
  return 0;
}

class Simulator {
  private offset = 0;
  private readonly clock: ManualClock;
  private readonly transport: SimulatorTransport;
  private readonly owner: string;
  private me: { number: string; name: string | null } = { number: '6281234567890', name: 'Rina' };
  private lastCustomer = this.me.number;
  private counter = 0;
  private readonly runId = randomUUID().slice(0, 8);
  // Created only once the bot is up: lines typed (or piped) earlier wait in the input instead of being lost.
  private rl: Interface | null = null;
  private app: App | null = null;

  constructor(
    private readonly config: Config,
    private readonly term: Terminal,
  ) {
    this.clock = new ManualClock(this.simNow());
    this.transport = new SimulatorTransport(this.clock);
    this.owner = config.ownerNumbers[0] ?? '';
    this.transport.onSend = (sent) => this.show(sent);
  }

  async run(logger: Logger): Promise<void> {
    const { config, clock } = this;
    const app = await bootApp({ config, transport: this.transport, clock, logger });
    this.app = app;
    await app.start();
    const ticker = setInterval(() => void clock.advanceTo(this.simNow()), 1000);
    this.term.output.write(
      `${this.bold('layani simulator')}: ${app.store.data.shop.name}\n` +
        `Shop time: ${formatLocal(clock.now(), config.timeZone)} (${config.timeZone}). Data: ${config.dataDir}\n` +
        `You are ${this.who()}. The owner is ${formatPhone(this.owner)}.\n\n${HELP}\n\n`,
    );
    const lines = createInterface({ input: this.term.input, output: this.term.output, terminal: (this.term.input as { isTTY?: boolean }).isTTY === true });
    this.rl = lines;
    this.setPrompt();
    lines.prompt();
    let chain = Promise.resolve(true);
    // Input from a pipe ends (and readline closes) while earlier lines are still being answered;
    // those lines are still handled, but there is no prompt to show any more (Node 24 throws).
    let inputEnded = false;
    await new Promise<void>((resolve) => {
      lines.on('line', (line) => {
        chain = chain.then(async (goOn) => {
          if (!goOn) return false;
          const more = await this.handle(line);
          if (!more) lines.close();
          else if (!inputEnded) lines.prompt();
          return more;
        });
      });
      lines.on('close', () => {
        inputEnded = true;
        this.rl = null;
        resolve();
      });
    });
    await chain;
    clearInterval(ticker);
    await app.idle();
    await app.stop();
    this.term.output.write('Bye.\n');
  }

  private simNow(): number {
    return (this.term.now ?? Date.now)() + this.offset;
  }

  private dim(s: string): string {
    return this.term.colour ? `\x1b[2m${s}\x1b[22m` : s;
  }

  private bold(s: string): string {
    return this.term.colour ? `\x1b[1m${s}\x1b[22m` : s;
  }

  private who(): string {
    const { me, owner } = this;
    return me.number === owner ? `owner ${formatPhone(me.number)}` : `${me.name ?? 'customer'} ${formatPhone(me.number)}`;
  }

  private setPrompt(): void {
    this.rl?.setPrompt(`${this.who()} › `);
  }

  private print(text: string): void {
    if (this.term.tty) this.term.output.write('\r\x1b[K');
    this.term.output.write(`${text}\n`);
    this.rl?.prompt(true);
  }

  /** A message the bot sent, as it would look on the phone. */
  private show(sent: SentMessage): void {
    const to = chatDigits(sent.chatId);
    const toWho = to === this.owner ? 'owner' : to === this.me.number ? (this.me.name ?? 'you') : formatPhone(to);
    const time = formatLocal(sent.at, this.config.timeZone).split(' ').pop() ?? '';
    const colour = this.term.colour;
    const body =
      sent.message.kind === 'text'
        ? renderWhatsApp(sent.message.text, colour)
        : `[image: ${imagePathOf(sent.message)}]${sent.message.caption ? `\n${renderWhatsApp(sent.message.caption, colour)}` : ''}`;
    const indented = body
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n');
    this.print(`${this.dim(`🤖 bot → ${toWho} · ${time}`)}\n${indented}\n`);
  }

  private async send(text: string, image?: string): Promise<void> {
    await this.clock.advanceTo(this.simNow());
    const { me } = this;
    const draft = {
      id: `sim-${this.runId}-${++this.counter}`,
      from: me.number,
      senderName: me.name,
      text,
      at: this.clock.now(),
      ...(image ? { image: imageFromPath(image), kind: 'image' as const } : {}),
    };
    this.transport.deliver(draft);
    if (me.number !== this.owner) this.lastCustomer = me.number;
    await this.app?.idle();
  }

  /** One line typed; false when it ends the session. */
  private async handle(line: string): Promise<boolean> {
    const input = line.trim();
    if (input === '') return true;
    if (!input.startsWith('/')) {
      await this.send(line);
      return true;
    }
    const [cmd = '', ...rest] = input.split(/\s+/);
    const arg = input.slice(cmd.length).trim();
    switch (cmd.toLowerCase()) {
      case '/quit':
      case '/exit':
        return false;
      case '/help':
        this.print(HELP);
        return true;
      case '/as':
        this.becomeCustomer(rest);
        return true;
      case '/owner':
        this.me = { number: this.owner, name: 'Owner' };
        this.print(this.dim(`You are now the owner (${formatPhone(this.owner)}). Try !bantuan.`));
        this.setPrompt();
        return true;
      case '/shop':
        await this.shopTypes(arg);
        return true;
      case '/time':
        await this.moveClock(arg);
        return true;
      case '/photo': {
        const path = rest[0];
        if (!path || !existsSync(path)) this.print(`Usage: /photo <path> [caption]${path ? ` (${path} does not exist)` : ''}`);
        else await this.send(rest.slice(1).join(' '), path);
        return true;
      }
      default:
        this.print(`Unknown command ${cmd}. ${HELP}`);
        return true;
    }
  }

  private becomeCustomer(words: string[]): void {
    const r = normalisePhone(words[0] ?? '');
    if (!r.ok) {
      this.print(`That number ${r.reason}. Example: /as 081234567890 Rina`);
      return;
    }
    this.me = { number: r.digits, name: words.slice(1).join(' ') || null };
    this.print(this.dim(`You are now ${this.who()}.`));
    this.setPrompt();
  }

  private async shopTypes(text: string): Promise<void> {
    if (text === '') {
      this.print('Usage: /shop <text>');
      return;
    }
    await this.clock.advanceTo(this.simNow());
    const chatId = this.transport.chatIdForNumber(this.lastCustomer);
    this.transport.deliver({ id: `sim-${this.runId}-${++this.counter}`, chatId, senderNumber: null, fromShop: true, text });
    await this.app?.idle();
    this.print(this.dim(`(the shop wrote by hand to ${formatPhone(this.lastCustomer)})`));
  }

  private async moveClock(when: string): Promise<void> {
    const { config } = this;
    const target = parseLocalDateTime(when, config.timeZone);
    if (target === null) {
      this.print('Usage: /time 2026-12-24 18:30 (shop time)');
      return;
    }
    if (target <= this.simNow()) {
      this.print(`The clock only moves forward; it is ${formatLocal(this.simNow(), config.timeZone)} now.`);
      return;
    }
    this.offset += target - this.simNow();
    await this.clock.advanceTo(this.simNow());
    await this.app?.idle();
    this.print(this.dim(`Shop time is now ${formatLocal(this.clock.now(), config.timeZone)}.`));
  }
}
