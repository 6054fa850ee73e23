import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { App } from '../app.js';
import { bootApp } from '../boot.js';
import { ManualClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { PluginDefinition } from '../plugin-api.js';
import { normalisePhone } from '../phone.js';
import { parseLocalDateTime } from '../time.js';
import type { IncomingImage, Outgoing } from '../transport/types.js';
import type { IncomingDraft } from '../transport/memory.js';
import { chatDigits, SimulatorTransport } from './transport.js';

/**
 * `simulate --jsonl`: one JSON object per input line, one JSON object per bot message on stdout,
 * logs on stderr. The clock is the `at` of the latest line that has one and never goes back;
 * jobs whose time passes between two lines fire before the later line is handled.
 */
export interface SimLine {
  from: string | null;
  name: string | null;
  text: string;
  image: string | null;
  at: number | null;
  fromMe: boolean;
  to: string | null;
  id: string | null;
}

export type LineResult = { ok: true; line: SimLine } | { ok: false; error: string };

/**
 * One input line. `at` with an offset ("…+07:00" or "…Z") is taken as written; without one
 * ("2026-12-01 10:00" or "2026-12-01T10:00") it is shop time.
 */
export function parseSimLine(raw: string, timeZone = 'Asia/Jakarta'): LineResult {
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${(err as Error).message}` };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { ok: false, error: 'each line must be a JSON object' };
  const o = obj as Record<string, unknown>;
  const str = (key: string): string | null | undefined => {
    const v = o[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    // A number is fine for a phone number or an id, not for a text or a date-time.
    if (typeof v === 'number' && key !== 'text' && key !== 'at') return String(v);
    return undefined;
  };
  const fromMe = o['fromMe'] === true;
  if (o['fromMe'] !== undefined && typeof o['fromMe'] !== 'boolean') return { ok: false, error: '"fromMe" must be true or false' };
  const fields: Record<string, string | null> = {};
  for (const key of ['from', 'name', 'text', 'image', 'at', 'to', 'id']) {
    const v = str(key);
    if (v === undefined) return { ok: false, error: `"${key}" must be a string` };
    fields[key] = v;
  }
  const number = (key: 'from' | 'to'): string | null | { error: string } => {
    const v = fields[key];
    if (v === null || v === undefined) return null;
    const r = normalisePhone(v);
    return r.ok ? r.digits : { error: `"${key}": "${v}" ${r.reason}` };
  };
  const from = number('from');
  const to = number('to');
  if (from && typeof from === 'object') return { ok: false, error: from.error };
  if (to && typeof to === 'object') return { ok: false, error: to.error };
  if (fromMe) {
    if (!to) return { ok: false, error: 'a "fromMe" line needs "to": the customer the shop wrote to' };
  } else if (!from) {
    return { ok: false, error: 'missing "from": the customer\'s number' };
  }
  const text = fields['text'] ?? null;
  const image = fields['image'] ?? null;
  if ((text === null || text === '') && image === null) return { ok: false, error: 'missing "text" (or "image")' };
  let at: number | null = null;
  const when = fields['at'];
  if (when !== null && when !== undefined) {
    const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(when);
    at = withOffset ? Date.parse(when) : parseLocalDateTime(when, timeZone);
    if (at === null || Number.isNaN(at)) return { ok: false, error: `"at": "${when}" is not a date-time such as 2026-12-01T10:00:00+07:00` };
  }
  return {
    ok: true,
    line: { from: from ?? null, name: fields['name'] ?? null, text: text ?? '', image, at, fromMe, to: to ?? null, id: fields['id'] ?? null },
  };
}

const MIME: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.gif': 'image/gif' };

export function imageFromPath(path: string): IncomingImage {
  const full = resolve(path);
  return { mimetype: MIME[extname(full).toLowerCase()] ?? 'image/jpeg', path: full, read: () => readFile(full) };
}

let savedImages = 0;
/** Where an outgoing image can be found: its own path, or a temp copy of inline bytes. */
export function imagePathOf(message: Outgoing): string | null {
  if (message.kind !== 'image') return null;
  if ('path' in message.image) return message.image.path;
  const file = join(tmpdir(), `layani-sim-image-${process.pid}-${++savedImages}${message.image.mimetype === 'image/png' ? '.png' : '.jpg'}`);
  writeFileSync(file, message.image.data);
  return file;
}

interface Sim {
  app: App;
  clock: ManualClock;
  transport: SimulatorTransport;
}

export interface JsonlIo {
  input: NodeJS.ReadableStream;
  /** Receives each output line, without its newline. */
  output: (line: string) => void;
  /** The plugins to run; the real list unless a test brings its own. */
  plugins?: readonly PluginDefinition[];
}

export async function runJsonl(config: Config, logger: Logger, io: JsonlIo): Promise<number> {
  const write = (obj: unknown): void => io.output(JSON.stringify(obj));
  let current = 0;
  let sim: Sim | null = null;
  // Message ids must not repeat across runs on the same --data folder: a repeated id is a duplicate.
  const runId = randomUUID().slice(0, 8);

  const start = async (at: number): Promise<Sim> => {
    const clock = new ManualClock(at);
    const transport = new SimulatorTransport(clock);
    transport.onSend = (sent) => {
      const text = sent.message.kind === 'text' ? sent.message.text : (sent.message.caption ?? '');
      write({ to: chatDigits(sent.chatId), text, image: imagePathOf(sent.message), after: current });
    };
    const app = await bootApp({ config, transport, clock, logger, ...(io.plugins ? { plugins: io.plugins } : {}) });
    await app.start();
    return { app, clock, transport };
  };

  const rl = createInterface({ input: io.input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of rl) {
    lineNo++;
    if (raw.trim() === '') continue;
    const parsed = parseSimLine(raw, config.timeZone);
    if (!parsed.ok) {
      write({ error: parsed.error, line: lineNo });
      continue;
    }
    const line = parsed.line;
    if (line.image !== null && !existsSync(line.image)) {
      write({ error: `"image": ${line.image} does not exist`, line: lineNo });
      continue;
    }
    current = lineNo;
    sim ??= await start(line.at ?? Date.now());
    const { app, clock, transport } = sim;
    if (line.at !== null && line.at > clock.now()) {
      await clock.advanceTo(line.at);
      await app.idle();
    }
    const draft: IncomingDraft = line.fromMe
      ? { chatId: transport.chatIdForNumber(line.to ?? ''), senderNumber: null, fromShop: true, text: line.text }
      : { from: line.from ?? '', senderName: line.name, text: line.text };
    draft.id = line.id ?? `sim-${runId}-${lineNo}`;
    draft.at = clock.now();
    if (line.image !== null) {
      draft.image = imageFromPath(line.image);
      draft.kind = 'image';
    }
    transport.deliver(draft);
    await app.idle();
  }
  if (sim) {
    await sim.app.idle();
    await sim.app.stop();
  }
  return 0;
}
