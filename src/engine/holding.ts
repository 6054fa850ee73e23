import { readFile, unlink } from 'node:fs/promises';
import type { Logger } from '../logger.js';
import type { HeldMessage, UnsentReply } from '../store/schema.js';
import type { Incoming, IncomingImage, Outgoing } from '../transport/types.js';
import type { Media } from './media.js';

/**
 * What the bot keeps across a stop: messages that arrived while it was stopping (WhatsApp hands a
 * message over once, so one not answered now must be answered after the next start) and replies
 * that had not gone out yet. Both live in db.json until the next start takes them back.
 */

/** A picture is read for at most this long while stopping; a slow download is not worth a hung stop. */
const READ_IMAGE_MS = 2_000;

/** The stored form of an arriving message, without its picture: taken at once, so kept messages keep their order. */
export function heldEntry(msg: Incoming): HeldMessage {
  return withoutPicture(msg);
}

/**
 * Saves the picture of a kept message under data/media/ and notes it in the entry. A picture that
 * cannot be read in time is left out (the text and the fact that a picture came are kept; the shop
 * sees it on the phone), and a save that finishes too late is removed again.
 */
export async function keepPicture(entry: HeldMessage, image: IncomingImage, media: Media, log: Logger): Promise<void> {
  const saving = media.save(image, 'tertunda');
  try {
    const path = await withTimeout(saving, READ_IMAGE_MS);
    entry.image = { mimetype: image.mimetype, path };
  } catch (err) {
    log.warn({ err, msgId: entry.id }, 'the picture of a message that came while stopping could not be kept');
    saving.then((late) => unlink(media.path(late))).catch(() => undefined);
  }
}

/**
 * The message again, as it would arrive: one older than the answer limit is recorded but not
 * answered, as WhatsApp's own backlog is.
 */
export function releaseMessage(held: HeldMessage, media: Media, now: number, backlogMaxAgeMs: number): Incoming {
  const msg: Incoming = withoutPicture(held);
  if (now - held.at > backlogMaxAgeMs) msg.tooOld = true;
  if (held.image) {
    const path = media.path(held.image.path);
    msg.image = { mimetype: held.image.mimetype, path, read: async () => new Uint8Array(await readFile(path)) };
  }
  return msg;
}

/** Removes a held message's picture once the message was handled (plugins keep their own copy). */
export async function forgetHeldPicture(held: HeldMessage, media: Media): Promise<void> {
  if (held.image) await unlink(media.path(held.image.path)).catch(() => undefined);
}

export function storeReply(chatId: string, message: Outgoing, queuedAt: number, keep: boolean): UnsentReply {
  const stored = (m: UnsentReply['message']): UnsentReply => ({ chatId, queuedAt, message: m, ...(keep ? { keep } : {}) });
  if (message.kind === 'text') return stored({ kind: 'text', text: message.text });
  const image: UnsentReply['message'] & { kind: 'image' } = { kind: 'image' };
  if (message.caption !== undefined) image.caption = message.caption;
  if ('path' in message.image) image.path = message.image.path;
  else {
    image.data = Buffer.from(message.image.data).toString('base64');
    image.mimetype = message.image.mimetype;
  }
  return stored(image);
}

/** The reply again; null when a stored picture reply has neither a file nor bytes (a damaged entry). */
export function restoreReply(stored: UnsentReply): Outgoing | null {
  const m = stored.message;
  if (m.kind === 'text') return { kind: 'text', text: m.text };
  const caption = m.caption !== undefined ? { caption: m.caption } : {};
  if (m.path !== undefined) return { kind: 'image', image: { path: m.path }, ...caption };
  if (m.data !== undefined)
    return { kind: 'image', image: { data: new Uint8Array(Buffer.from(m.data, 'base64')), mimetype: m.mimetype ?? 'image/png' }, ...caption };
  return null;
}

/** The fields a message and its stored form share: everything but the picture. */
function withoutPicture(m: Incoming | HeldMessage): Omit<HeldMessage, 'image'> {
  const plain: Omit<HeldMessage, 'image'> = {
    id: m.id,
    chatId: m.chatId,
    senderNumber: m.senderNumber,
    senderName: m.senderName,
    text: m.text,
    kind: m.kind,
    at: m.at,
    fromShop: m.fromShop,
  };
  if (m.chatIdAlt !== undefined) plain.chatIdAlt = m.chatIdAlt;
  if (m.senderId !== undefined) plain.senderId = m.senderId;
  if (m.selfChat) plain.selfChat = true;
  if (m.tooOld) plain.tooOld = true;
  return plain;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
