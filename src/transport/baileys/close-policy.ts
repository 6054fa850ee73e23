/**
 * What to do when the WhatsApp connection closes: a pure function of the close, tested case by
 * case. The codes are Baileys' DisconnectReason values (rc14); 405 is WhatsApp refusing the client
 * version, which Baileys does not name.
 */
export type CloseAction =
  /** Reconnect at once with the same session (after a scan WhatsApp always asks for this). */
  | { kind: 'restart'; delayMs: number; reason: string }
  /** The QR codes ran out while nobody scanned: offer new ones, calmly. Not a failure. */
  | { kind: 'new-qr'; delayMs: number; reason: string }
  /** The session is gone: clear the auth state and pair again. */
  | { kind: 'relink'; delayMs: number; reason: string }
  /** Fetch the current WhatsApp Web version, then reconnect after the backoff. */
  | { kind: 'refresh-version'; delayMs: number; reason: string }
  /** Reconnect after an exponential backoff with jitter. */
  | { kind: 'backoff'; delayMs: number; reason: string }
  /** Do not reconnect: a person must act. The process stays up and says what to do. */
  | { kind: 'stop'; reason: string; advice: string }
  /** We closed it ourselves to shut down. */
  | { kind: 'shutdown'; reason: string };

export interface CloseFacts {
  /** The Boom status code of lastDisconnect.error, undefined for a plain Error or none. */
  statusCode: number | undefined;
  /** The error's message, if any. */
  message: string | undefined;
  shuttingDown: boolean;
  /** Failed attempts in a row so far (0 for the first). */
  attempt: number;
  /** Whether the WhatsApp Web version was already fetched after a 405. */
  versionRefreshed: boolean;
  random: () => number;
}

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;
export const BACKOFF_JITTER = 0.25;
const NEW_QR_DELAY_MS = 1000;

/** 1 s, 2 s, 4 s … up to 60 s, each ±25 %. */
export function backoffDelay(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 16)));
  return Math.round(base * (1 + BACKOFF_JITTER * (random() * 2 - 1)));
}

export function classifyClose(f: CloseFacts): CloseAction {
  const code = f.statusCode;
  const said = f.message ? `${code ?? 'no code'} ${f.message}` : String(code ?? 'no code');
  if (f.shuttingDown) return { kind: 'shutdown', reason: 'layani is stopping' };
  if (code === 515) return { kind: 'restart', delayMs: 0, reason: `restart required (${said})` };
  if (code === 408 && f.message?.includes('QR refs attempts ended')) {
    return { kind: 'new-qr', delayMs: NEW_QR_DELAY_MS, reason: 'the QR codes ran out before anyone scanned one' };
  }
  if (code === 401) return { kind: 'relink', delayMs: 0, reason: `WhatsApp logged this device out (${said})` };
  if (code === 411) return { kind: 'relink', delayMs: 0, reason: `WhatsApp wants this device linked again (${said})` };
  if (code === 440) {
    return {
      kind: 'stop',
      reason: `connection replaced (${said})`,
      advice: 'another copy of this bot is using the same session: stop the other copy, then restart this one',
    };
  }
  if (code === 403) {
    return {
      kind: 'stop',
      reason: `forbidden (${said})`,
      advice: 'WhatsApp refused this number: it may be banned or restricted. Check the phone, then restart the bot',
    };
  }
  const delayMs = backoffDelay(f.attempt, f.random);
  if (code === 405 && !f.versionRefreshed) {
    return { kind: 'refresh-version', delayMs, reason: `WhatsApp rejected the client version (${said})` };
  }
  return { kind: 'backoff', delayMs, reason: code === undefined ? `closed without a status (${f.message ?? 'no error'})` : `closed (${said})` };
}
