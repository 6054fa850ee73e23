import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import { bootApp } from '../boot.js';
import { ManualClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { formatPhone, normalisePhone } from '../phone.js';
import { formatLocal, parseLocalDateTime } from '../time.js';
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

export async function runInteractive(config: Config, logger: Logger): Promise<number> {
  const colour = process.stdout.isTTY === true && !process.env['NO_COLOR'];
  const dim = (s: string): string => (colour ? `\x1b[2m${s}\x1b[22m` : s);
  const bold = (s: string): string => (colour ? `\x1b[1m${s}\x1b[22m` : s);
  let offset = 0;
  const simNow = (): number => Date.now() + offset;
  const clock = new ManualClock(simNow());
  const transport = new SimulatorTransport(clock);
  const owner = config.ownerNumbers[0] ?? '';
  let me = { number: '6281234567890', name: 'Rina' as string | null };
  let lastCustomer = me.number;
  let counter = 0;
  const runId = randomUUID().slice(0, 8);

  // Created only once the bot is up: lines typed (or piped) earlier wait in stdin instead of being lost.
  let rl: Interface | null = null;
  const who = (): string => (me.number === owner ? `owner ${formatPhone(me.number)}` : `${me.name ?? 'customer'} ${formatPhone(me.number)}`);
  const setPrompt = (): void => rl?.setPrompt(`${who()} › `);
  const print = (text: string): void => {
    if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
    process.stdout.write(`${text}\n`);
    rl?.prompt(true);
  };

  transport.onSend = (sent) => {
    const to = chatDigits(sent.chatId);
    const toWho = to === owner ? 'owner' : to === me.number ? (me.name ?? 'you') : formatPhone(to);
    const time = formatLocal(sent.at, config.timeZone).split(' ').pop() ?? '';
    const header = dim(`🤖 bot → ${toWho} · ${time}`);
    const body =
      sent.message.kind === 'text'
        ? renderWhatsApp(sent.message.text, colour)
        : `[image: ${imagePathOf(sent.message)}]${sent.message.caption ? `\n${renderWhatsApp(sent.message.caption, colour)}` : ''}`;
    print(
      `${header}\n${body
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}\n`,
    );
  };

  const app = await bootApp({ config, transport, clock, logger });
  await app.start();
  const ticker = setInterval(() => {
    void clock.advanceTo(simNow());
  }, 1000);

  process.stdout.write(
    `${bold('layani simulator')}: ${app.store.data.shop.name}\n` +
      `Shop time: ${formatLocal(clock.now(), config.timeZone)} (${config.timeZone}). Data: ${config.dataDir}\n` +
      `You are ${who()}. The owner is ${formatPhone(owner)}.\n\n${HELP}\n\n`,
  );
  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  rl = lines;
  setPrompt();
  lines.prompt();

  const send = async (text: string, image?: string): Promise<void> => {
    await clock.advanceTo(simNow());
    const draft = {
      id: `sim-${runId}-${++counter}`,
      from: me.number,
      senderName: me.name,
      text,
      at: clock.now(),
      ...(image ? { image: imageFromPath(image), kind: 'image' as const } : {}),
    };
    transport.deliver(draft);
    if (me.number !== owner) lastCustomer = me.number;
    await app.idle();
  };

  const handle = async (line: string): Promise<boolean> => {
    const input = line.trim();
    if (input === '') return true;
    if (!input.startsWith('/')) {
      await send(line);
      return true;
    }
    const [cmd = '', ...rest] = input.split(/\s+/);
    const arg = input.slice(cmd.length).trim();
    switch (cmd.toLowerCase()) {
      case '/quit':
      case '/exit':
        return false;
      case '/help':
        print(HELP);
        return true;
      case '/as': {
        const r = normalisePhone(rest[0] ?? '');
        if (!r.ok) {
          print(`That number ${r.reason}. Example: /as 081234567890 Rina`);
          return true;
        }
        me = { number: r.digits, name: rest.slice(1).join(' ') || null };
        print(dim(`You are now ${who()}.`));
        setPrompt();
        return true;
      }
      case '/owner':
        me = { number: owner, name: 'Owner' };
        print(dim(`You are now the owner (${formatPhone(owner)}). Try !bantuan.`));
        setPrompt();
        return true;
      case '/shop':
        if (arg === '') {
          print('Usage: /shop <text>');
          return true;
        }
        await clock.advanceTo(simNow());
        transport.deliver({ id: `sim-${runId}-${++counter}`, chatId: transport.chatIdForNumber(lastCustomer), senderNumber: null, fromShop: true, text: arg });
        await app.idle();
        print(dim(`(the shop wrote by hand to ${formatPhone(lastCustomer)})`));
        return true;
      case '/time': {
        const target = parseLocalDateTime(arg, config.timeZone);
        if (target === null) {
          print('Usage: /time 2026-12-24 18:30 (shop time)');
          return true;
        }
        if (target <= simNow()) {
          print(`The clock only moves forward; it is ${formatLocal(simNow(), config.timeZone)} now.`);
          return true;
        }
        offset += target - simNow();
        await clock.advanceTo(simNow());
        await app.idle();
        print(dim(`Shop time is now ${formatLocal(clock.now(), config.timeZone)}.`));
        return true;
      }
      case '/photo': {
        const path = rest[0];
        if (!path || !existsSync(path)) {
          print(`Usage: /photo <path> [caption]${path ? ` (${path} does not exist)` : ''}`);
          return true;
        }
        await send(rest.slice(1).join(' '), path);
        return true;
      }
      default:
        print(`Unknown command ${cmd}. ${HELP}`);
        return true;
    }
  };

  let chain = Promise.resolve(true);
  // Input from a pipe ends (and readline closes) while earlier lines are still being answered;
  // those lines are still handled, but there is no prompt to show any more (Node 24 throws).
  let inputEnded = false;
  await new Promise<void>((resolve) => {
    lines.on('line', (line) => {
      chain = chain.then(async (goOn) => {
        if (!goOn) return false;
        const more = await handle(line);
        if (!more) lines.close();
        else if (!inputEnded) lines.prompt();
        return more;
      });
    });
    lines.on('close', () => {
      inputEnded = true;
      rl = null;
      resolve();
    });
  });
  await chain;
  clearInterval(ticker);
  await app.idle();
  await app.stop();
  process.stdout.write('Bye.\n');
  return 0;
}
