import type { Incoming } from '../transport/types.js';

/** "!sapaan hari 7" → { name: 'sapaan', args: 'hari 7' }. */
export interface ParsedCommand {
  name: string;
  args: string;
}

/** "!sapaan hari 7" → { name: 'sapaan', args: 'hari 7' }; null when the text is not a command. */
export function parseCommand(text: string, prefix: string): ParsedCommand | null {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith(prefix)) return null;
  const rest = trimmed.slice(prefix.length).trimStart();
  const m = /^([\p{L}\p{N}_-]+)([\s\S]*)$/u.exec(rest);
  if (!m) return null;
  return { name: (m[1] ?? '').toLowerCase(), args: (m[2] ?? '').trim() };
}

/** What an incoming message is, and so which way it goes. */
export type Classified =
  /** The shop typed in a customer's chat by hand: the bot steps aside there. */
  | { kind: 'shop-typed' }
  /** From the offline backlog and too old to answer: recorded, not answered. */
  | { kind: 'too-old'; isOwner: boolean }
  /** An admin command; `command` is null for the prefix alone ("!"). */
  | { kind: 'command'; command: ParsedCommand | null; ownerDigits: string | null }
  /** A customer's message (or an owner writing as a customer would). */
  | { kind: 'customer'; isOwner: boolean; ownerDigits: string | null }
  /** Nothing to answer: notes the shop writes in its own "message yourself" chat. */
  | { kind: 'ignore' };

export interface Sender {
  /** The owner's digits when an owner sent it, by number or by a remembered id; null otherwise. */
  ownerDigits: string | null;
  prefix: string;
}

/**
 * Classifies a message; pure. `sender.ownerDigits` must be null for a message in a group: an owner
 * there is one member among others, and admin answers would be read by the whole group.
 */
export function classify(msg: Incoming, sender: Sender): Classified {
  if (msg.fromShop && !msg.selfChat) return { kind: 'shop-typed' };
  const { ownerDigits, prefix } = sender;
  const isOwner = msg.selfChat === true || ownerDigits !== null;
  // Recorded, not answered (nor run, for an old command): a reply hours late confuses.
  if (msg.tooOld) return { kind: 'too-old', isOwner };
  const text = msg.text.trim();
  if (isOwner) {
    const command = parseCommand(text, prefix);
    if (command) return { kind: 'command', command, ownerDigits };
  }
  if (msg.selfChat) return { kind: 'ignore' };
  // "!" or "!!" alone: the owner meant a command, not a customer message
  if (isOwner && text.startsWith(prefix)) return { kind: 'command', command: null, ownerDigits };
  return { kind: 'customer', isOwner, ownerDigits };
}

/** A group chat's id: an owner there is not treated as the owner. */
export function isGroup(chatId: string): boolean {
  return chatId.endsWith('@g.us');
}
