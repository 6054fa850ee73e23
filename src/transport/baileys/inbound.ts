import {
  getContentType,
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isJidStatusBroadcast,
  isLidUser,
  isPnUser,
  isRealMessage,
  jidDecode,
  jidNormalizedUser,
  normalizeMessageContent,
  toNumber,
  type proto,
  type WAMessage,
} from '@whiskeysockets/baileys';
import type { Incoming, MessageKind } from '../types.js';

/**
 * One Baileys message in, one `Incoming` or a reason to skip it out. Everything the WhatsApp
 * notes warn about is decided here, in one place: what is never answered (own echoes, groups,
 * status, broadcasts, newsletters, reactions, protocol messages, poll votes, undecryptable stubs),
 * how text is found behind wrappers, how old a backlog message may be, and who the sender is
 * (LID first, phone number when it can be resolved, never guessed).
 */
export interface InboundDeps {
  /** The bot's own ids, normalised ("62812…@s.whatsapp.net", "1400…@lid"), once known. */
  me: { pn: string | null; lid: string | null };
  now: number;
  backlogMaxAgeMs: number;
  allowGroups: boolean;
  /** Whether this process sent the message with this id (its own echo). */
  isOwnSend: (id: string) => boolean;
  /** The phone-number JID Baileys has seen for a LID, or null. */
  pnForLid: (lid: string) => Promise<string | null>;
  /** Downloads a message's media. */
  download: (msg: WAMessage) => Promise<Uint8Array>;
}

export type InboundResult = { ok: true; incoming: Incoming } | { ok: false; skip: string };

/** Content that is bookkeeping between WhatsApp clients, not something a person said. */
const NOT_A_MESSAGE = new Set<string>([
  'protocolMessage',
  'reactionMessage',
  'encReactionMessage',
  'pollUpdateMessage',
  'senderKeyDistributionMessage',
  'messageContextInfo',
  'keepInChatMessage',
  'pinInChatMessage',
  'editedMessage',
  'callLogMesssage',
]);

const KINDS: Partial<Record<keyof proto.IMessage, MessageKind>> = {
  conversation: 'text',
  extendedTextMessage: 'text',
  imageMessage: 'image',
  videoMessage: 'video',
  ptvMessage: 'video',
  audioMessage: 'audio',
  stickerMessage: 'sticker',
  documentMessage: 'document',
  locationMessage: 'location',
  liveLocationMessage: 'location',
  contactMessage: 'contact',
  contactsArrayMessage: 'contact',
  buttonsResponseMessage: 'text',
  listResponseMessage: 'text',
  templateButtonReplyMessage: 'text',
  interactiveResponseMessage: 'text',
};

/** The words of a message after its wrappers are unwrapped; '' when it has none. */
export function extractText(c: proto.IMessage): string {
  const interactive = c.interactiveResponseMessage;
  let interactiveId: string | undefined;
  if (interactive?.nativeFlowResponseMessage?.paramsJson) {
    try {
      const params = JSON.parse(interactive.nativeFlowResponseMessage.paramsJson) as { id?: unknown };
      if (typeof params.id === 'string') interactiveId = params.id;
    } catch {
      // a malformed flow response carries no usable id
    }
  }
  const text =
    c.conversation ??
    c.extendedTextMessage?.text ??
    c.imageMessage?.caption ??
    c.videoMessage?.caption ??
    c.documentMessage?.caption ??
    // For choices, what the customer saw and picked, else its id.
    c.buttonsResponseMessage?.selectedDisplayText ??
    c.buttonsResponseMessage?.selectedButtonId ??
    c.listResponseMessage?.title ??
    c.listResponseMessage?.singleSelectReply?.selectedRowId ??
    c.templateButtonReplyMessage?.selectedDisplayText ??
    c.templateButtonReplyMessage?.selectedId ??
    interactive?.body?.text ??
    interactiveId;
  return typeof text === 'string' ? text : '';
}

function digitsOf(jid: string | null | undefined): string | null {
  if (!jid || !isPnUser(jid)) return null;
  const user = jidDecode(jid)?.user;
  return user && /^\d{6,15}$/.test(user) ? user : null;
}

/** The sender's phone number: the sender itself, else the alternative id, else the LID mapping. */
export async function resolveNumber(sender: string, alt: string | null | undefined, pnForLid: InboundDeps['pnForLid']): Promise<string | null> {
  const direct = digitsOf(sender);
  if (direct) return direct;
  const fromAlt = digitsOf(alt ? jidNormalizedUser(alt) : null);
  if (fromAlt) return fromAlt;
  if (isLidUser(sender)) {
    const pn = await pnForLid(sender).catch(() => null);
    return digitsOf(pn ? jidNormalizedUser(pn) : null);
  }
  return null;
}

function isSelf(jid: string, me: InboundDeps['me']): boolean {
  const n = jidNormalizedUser(jid);
  return n === me.pn || n === me.lid;
}

export async function toIncoming(msg: WAMessage, type: 'notify' | 'append', deps: InboundDeps): Promise<InboundResult> {
  const key = msg.key;
  const remoteJid = key.remoteJid;
  const id = key.id;
  if (!remoteJid || !id) return { ok: false, skip: 'no chat or message id' };
  if (isJidStatusBroadcast(remoteJid)) return { ok: false, skip: 'status update' };
  if (isJidBroadcast(remoteJid)) return { ok: false, skip: 'broadcast list' };
  if (isJidNewsletter(remoteJid)) return { ok: false, skip: 'newsletter' };
  const group = isJidGroup(remoteJid) === true;
  if (group && !deps.allowGroups) return { ok: false, skip: 'group' };
  if (!msg.message) return { ok: false, skip: 'no content (undecryptable stub or notice)' };
  const content = normalizeMessageContent(msg.message);
  const type0 = content ? getContentType(content) : undefined;
  if (!content || !type0 || NOT_A_MESSAGE.has(type0) || !isRealMessage(msg)) return { ok: false, skip: `not a message (${type0 ?? 'empty'})` };
  if (key.fromMe && deps.isOwnSend(id)) return { ok: false, skip: 'own echo' };

  const at = msg.messageTimestamp ? toNumber(msg.messageTimestamp) * 1000 : deps.now;
  const tooOld = type === 'append' && deps.now - at > deps.backlogMaxAgeMs;
  const kind: MessageKind = KINDS[type0] ?? 'other';
  const selfChat = key.fromMe === true && isSelf(remoteJid, deps.me);
  const sender = group ? (key.participant ?? '') : remoteJid;
  const alt = group ? key.participantAlt : key.remoteJidAlt;
  // The shop's own messages (typed on the phone, or in its "message yourself" chat) carry no
  // customer number: they come from the shop.
  const senderNumber = key.fromMe || !sender ? null : await resolveNumber(sender, alt, deps.pnForLid);

  const incoming: Incoming = {
    id,
    chatId: remoteJid,
    senderNumber,
    senderName: key.fromMe ? null : (msg.pushName ?? null),
    text: extractText(content).trim(),
    kind,
    at,
    fromShop: key.fromMe === true,
  };
  if (sender && !key.fromMe) incoming.senderId = jidNormalizedUser(sender);
  if (!group && key.remoteJidAlt) incoming.chatIdAlt = jidNormalizedUser(key.remoteJidAlt);
  if (selfChat) incoming.selfChat = true;
  if (tooOld) incoming.tooOld = true;
  if (kind === 'image') {
    const mimetype = content.imageMessage?.mimetype ?? 'image/jpeg';
    incoming.image = { mimetype, read: () => deps.download(msg) };
  }
  return { ok: true, incoming };
}
