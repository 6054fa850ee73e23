import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import {
  BufferJSON,
  initAuthCreds,
  proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';
import type { Logger } from '../../logger.js';
import { removeStaleTempFiles, writeFileAtomic, type AtomicFs } from '../../store/atomic-write.js';

/**
 * The WhatsApp session (Baileys' auth state) in data/auth/, built to survive kills and power cuts:
 *
 * - creds.json is replaced atomically (temp file, fsync, rename) on every change;
 * - keys live in keys.json (a snapshot) plus keys.log, a journal with one checksummed line per
 *   Baileys `keys.set()` batch, fsynced before `set()` resolves. A batch whose line was cut short
 *   by a kill never landed and is ignored; a whole line is applied whole;
 * - the journal is folded into a new snapshot from time to time (replaying a journal over a newer
 *   snapshot gives the same state, so a kill between the two steps is harmless);
 * - the folder is 0700 and its files 0600: they are the shop's WhatsApp identity;
 * - a file that does not parse is never silently replaced by a new identity: the whole folder is
 *   moved aside, and the caller is told the session was lost;
 * - `clear()` (WhatsApp logged the device out) renames the folder away in one step, so nothing
 *   partial is left behind, then deletes it.
 */
export const CREDS_FILE = 'creds.json';
export const KEYS_FILE = 'keys.json';
export const JOURNAL_FILE = 'keys.log';
const COMPACT_AFTER_BYTES = 512 * 1024;

type KeyType = keyof SignalDataTypeMap;
type KeyMap = Map<KeyType, Map<string, unknown>>;

export interface AuthOpenResult {
  store: FileAuthStore;
  /** Set when the session on disk could not be read and was moved aside: a new scan is needed. */
  lost: { movedTo: string; reason: string } | null;
}

export class AuthStoreError extends Error {}

const serialise = (value: unknown): string => JSON.stringify(value, BufferJSON.replacer);
const parse = (text: string): unknown => JSON.parse(text, BufferJSON.reviver);
const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export class FileAuthStore {
  creds: AuthenticationCreds;
  private keys: KeyMap;
  private chain: Promise<void> = Promise.resolve();
  private journalBytes: number;
  /** How many batches were journalled, for tests and logs. */
  batches = 0;

  private constructor(
    readonly dir: string,
    private readonly log: Logger,
    private readonly now: () => number,
    creds: AuthenticationCreds,
    keys: KeyMap,
    journalBytes: number,
    private readonly fs?: AtomicFs,
  ) {
    this.creds = creds;
    this.keys = keys;
    this.journalBytes = journalBytes;
  }

  static async open(opts: { dir: string; logger: Logger; now: () => number; fs?: AtomicFs }): Promise<AuthOpenResult> {
    const log = opts.logger.child({ mod: 'auth' });
    await ensureDir(opts.dir);
    await removeTrash(opts.dir);
    await removeStaleTempFiles(join(opts.dir, CREDS_FILE));
    await removeStaleTempFiles(join(opts.dir, KEYS_FILE));
    await removeStaleTempFiles(join(opts.dir, JOURNAL_FILE));
    let lost: AuthOpenResult['lost'] = null;
    let loaded: Loaded;
    try {
      loaded = await load(opts.dir);
    } catch (err) {
      const reason = (err as Error).message;
      const movedTo = await moveAside(opts.dir, 'corrupt', opts.now());
      await ensureDir(opts.dir);
      log.error(
        { movedTo, reason },
        'THE WHATSAPP SESSION WAS LOST: its files could not be read, so this device must be linked again (scan the QR code). The unreadable files were kept aside, not deleted.',
      );
      lost = { movedTo, reason };
      loaded = { creds: initAuthCreds(), keys: new Map(), journalBytes: 0, torn: false, damaged: null };
    }
    if (loaded.torn) log.warn('the last key update was cut short by a crash and was not applied; the session is intact');
    if (loaded.damaged) {
      const kept = await keepCopy(join(opts.dir, JOURNAL_FILE), opts.now());
      log.error(
        { line: loaded.damaged.line, droppedBatches: loaded.damaged.dropped, kept },
        'part of the key journal was damaged; the keys before it were kept and the session stays linked (a few chats may need a moment to recover)',
      );
    }
    const store = new FileAuthStore(opts.dir, log, opts.now, loaded.creds, loaded.keys, loaded.journalBytes, opts.fs);
    if (loaded.journalBytes > 0) await store.compact();
    return { store, lost };
  }

  /** True when the session has been paired with a phone. */
  get registered(): boolean {
    return this.creds.registered === true && !!this.creds.me;
  }

  /** The state to give makeWASocket (wrap `keys` in makeCacheableSignalKeyStore). */
  get state(): AuthenticationState {
    return { creds: this.creds, keys: this.keyStore };
  }

  /** Writes creds.json; call it on every creds.update. */
  saveCreds(): Promise<void> {
    return this.serial(() => writeFileAtomic(join(this.dir, CREDS_FILE), serialise(this.creds), this.fs));
  }

  /** Forgets the whole session: creds and every key. Afterwards the store holds a fresh identity. */
  clear(): Promise<void> {
    return this.serial(async () => {
      const trash = await moveAside(this.dir, 'trash', this.now());
      await ensureDir(this.dir);
      this.creds = initAuthCreds();
      this.keys = new Map();
      this.journalBytes = 0;
      await rm(trash, { recursive: true, force: true });
      this.log.warn('the WhatsApp session was cleared: creds and all keys');
    });
  }

  /** Folds the journal into a new snapshot. */
  compact(): Promise<void> {
    return this.serial(() => this.compactNow());
  }

  /** Resolves when every write started so far is on disk. */
  settled(): Promise<void> {
    return this.serial(async () => undefined);
  }

  private readonly keyStore: SignalKeyStore = {
    get: async <T extends KeyType>(type: T, ids: string[]) => {
      const out: { [id: string]: SignalDataTypeMap[T] } = {};
      const bucket = this.keys.get(type);
      if (!bucket) return out;
      for (const id of ids) {
        let value = bucket.get(id);
        if (value === undefined) continue;
        if (type === 'app-state-sync-key') value = proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>);
        out[id] = value as SignalDataTypeMap[T];
      }
      return out;
    },
    set: (data: SignalDataSet) => this.serial(() => this.append(data)),
    clear: () => this.clear(),
  };

  private serial(work: () => Promise<void>): Promise<void> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async append(data: SignalDataSet): Promise<void> {
    const body = serialise(data);
    const line = `${sha(body)} ${body}\n`;
    const bytes = Buffer.from(line);
    const fh = await (this.fs?.open ?? open)(join(this.dir, JOURNAL_FILE), 'a', 0o600);
    try {
      const { bytesWritten } = await fh.write(bytes);
      if (bytesWritten !== bytes.length) throw new Error(`short write to ${JOURNAL_FILE} (${bytesWritten} of ${bytes.length} bytes)`);
      await fh.sync();
    } catch (err) {
      // Cut the journal back to its last whole line, so the next batch does not land on a torn one.
      await fh.truncate(this.journalBytes).catch(() => undefined);
      throw err;
    } finally {
      await fh.close();
    }
    // Only once the batch is durable does it count; in memory it is applied the same way a
    // replay at the next start would apply it.
    apply(this.keys, parse(body) as SignalDataSet);
    this.batches++;
    this.journalBytes += Buffer.byteLength(line);
    if (this.journalBytes > COMPACT_AFTER_BYTES) await this.compactNow();
  }

  private async compactNow(): Promise<void> {
    const snapshot: Record<string, Record<string, unknown>> = {};
    for (const [type, bucket] of this.keys) snapshot[type] = Object.fromEntries(bucket);
    await writeFileAtomic(join(this.dir, KEYS_FILE), serialise(snapshot), this.fs);
    await writeFileAtomic(join(this.dir, JOURNAL_FILE), '', this.fs);
    this.journalBytes = 0;
  }
}

function apply(keys: KeyMap, data: SignalDataSet): void {
  for (const [type, entries] of Object.entries(data) as Array<[KeyType, Record<string, unknown> | undefined]>) {
    if (!entries) continue;
    let bucket = keys.get(type);
    if (!bucket) {
      bucket = new Map();
      keys.set(type, bucket);
    }
    for (const [id, value] of Object.entries(entries)) {
      // null or undefined means delete, as Baileys expects
      if (value === null || value === undefined) bucket.delete(id);
      else bucket.set(id, value);
    }
  }
}

interface Loaded {
  creds: AuthenticationCreds;
  keys: KeyMap;
  journalBytes: number;
  torn: boolean;
  /** A damaged line before the end of the journal: replay stopped there. */
  damaged: { line: number; dropped: number } | null;
}

async function load(dir: string): Promise<Loaded> {
  const credsPath = join(dir, CREDS_FILE);
  const keysPath = join(dir, KEYS_FILE);
  const journalPath = join(dir, JOURNAL_FILE);
  let creds: AuthenticationCreds;
  if (existsSync(credsPath)) {
    const text = await readFile(credsPath, 'utf8');
    let parsed: unknown;
    try {
      parsed = parse(text);
    } catch (err) {
      throw new AuthStoreError(`${CREDS_FILE} is not valid JSON (${(err as Error).message})`);
    }
    if (!isCreds(parsed)) throw new AuthStoreError(`${CREDS_FILE} does not hold WhatsApp credentials`);
    creds = parsed;
  } else {
    if (existsSync(keysPath) || existsSync(journalPath)) {
      throw new AuthStoreError(`${CREDS_FILE} is missing while keys are present`);
    }
    creds = initAuthCreds();
  }
  const keys: KeyMap = new Map();
  if (existsSync(keysPath)) {
    let snapshot: unknown;
    try {
      snapshot = parse(await readFile(keysPath, 'utf8'));
    } catch (err) {
      throw new AuthStoreError(`${KEYS_FILE} is not valid JSON (${(err as Error).message})`);
    }
    if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) throw new AuthStoreError(`${KEYS_FILE} is not a key map`);
    apply(keys, snapshot as SignalDataSet);
  }
  let journalBytes = 0;
  let torn = false;
  let damaged: Loaded['damaged'] = null;
  if (existsSync(journalPath)) {
    const text = await readFile(journalPath, 'utf8');
    journalBytes = Buffer.byteLength(text);
    const lines = text.split('\n');
    // Everything before the last newline is a complete line; what follows it is a torn tail.
    const tail = lines.pop() ?? '';
    if (tail !== '') torn = true;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const space = line.indexOf(' ');
      const body = space === -1 ? '' : line.slice(space + 1);
      if (space !== -1 && sha(body) === line.slice(0, space)) {
        apply(keys, parse(body) as SignalDataSet);
        continue;
      }
      // A line that fails its checksum: the last one is a torn write; one before the end means the
      // file was damaged. Replay stops there either way: later batches may depend on it.
      if (i === lines.length - 1) torn = true;
      else damaged = { line: i + 1, dropped: lines.length - i };
      break;
    }
  }
  return { creds, keys, journalBytes, torn, damaged };
}

function isCreds(value: unknown): value is AuthenticationCreds {
  const c = value as Partial<AuthenticationCreds> | null;
  return !!c && typeof c === 'object' && !!c.noiseKey && !!c.signedIdentityKey && !!c.signedPreKey && typeof c.registrationId === 'number';
}

async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/** Renames the folder to <name>.<label>-<time> beside it, in one atomic step. */
async function moveAside(dir: string, label: string, now: number): Promise<string> {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let target = join(dirname(dir), `${basename(dir)}.${label}-${stamp}`);
  for (let i = 2; existsSync(target); i++) target = join(dirname(dir), `${basename(dir)}.${label}-${stamp}-${i}`);
  await rename(dir, target);
  return target;
}

/** Copies a damaged file aside before it is rewritten, for whoever wants to look at it. */
async function keepCopy(path: string, now: number): Promise<string> {
  const target = `${path}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  await copyFile(path, target);
  await chmod(target, 0o600);
  return target;
}

/** A clear() cut short by a kill leaves a trash folder: it is not the session, so it goes. */
async function removeTrash(dir: string): Promise<void> {
  const parent = dirname(dir);
  const prefix = `${basename(dir)}.trash-`;
  for (const name of await readdir(parent)) {
    if (name.startsWith(prefix)) await rm(join(parent, name), { recursive: true, force: true });
  }
}
