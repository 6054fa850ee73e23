import { proto, type WAMessage, type WAMessageKey } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { extractText, toIncoming, type InboundDeps } from '../../src/transport/baileys/inbound.js';

const NOW = Date.parse('2026-12-01T10:00:00+07:00');
const SEC = Math.floor(NOW / 1000);
const RINA_LID = '150000000000002@lid';
const RINA_PN = '6281234567890@s.whatsapp.net';

/** A real Baileys message: built with its proto, encoded and decoded as if off the wire. */
function wire(message: proto.IMessage | null, key: Partial<WAMessageKey> = {}, extra: Partial<proto.IWebMessageInfo> = {}): WAMessage {
  const fullKey: WAMessageKey = { remoteJid: RINA_LID, fromMe: false, id: 'ABCD1234', ...key };
  const obj = { key: fullKey, messageTimestamp: SEC, pushName: 'Rina', ...extra, ...(message ? { message } : {}) };
  const bytes = proto.WebMessageInfo.encode(proto.WebMessageInfo.fromObject(obj)).finish();
  const decoded = proto.WebMessageInfo.decode(bytes) as WAMessage;
  // the MessageKey proto drops remoteJidAlt, participantAlt and addressingMode: Baileys keeps them beside it
  decoded.key = { ...fullKey };
  return decoded;
}

function deps(over: Partial<InboundDeps> = {}): InboundDeps {
  return {
    me: { pn: '6281100009999@s.whatsapp.net', lid: '140000000000001@lid' },
    now: NOW,
    backlogMaxAgeMs: 6 * 3_600_000,
    allowGroups: false,
    isOwnSend: (id) => id === 'SENT-BY-BOT',
    pnForLid: async (lid) => (lid === RINA_LID ? '6281234567890:0@s.whatsapp.net' : null),
    download: async () => new Uint8Array([1, 2, 3]),
    ...over,
  };
}

async function take(msg: WAMessage, type: 'notify' | 'append' = 'notify', d = deps()) {
  const r = await toIncoming(msg, type, d);
  if (!r.ok) throw new Error(`skipped: ${r.skip}`);
  return r.incoming;
}

describe('inbound: content kinds and wrappers', () => {
  it.each([
    ['conversation', { conversation: 'halo kak' }, 'text', 'halo kak'],
    ['extended text', { extendedTextMessage: { text: 'hrg brp kak' } }, 'text', 'hrg brp kak'],
    ['ephemeral extended text', { ephemeralMessage: { message: { extendedTextMessage: { text: 'lokasi dmn' } } } }, 'text', 'lokasi dmn'],
    [
      'view-once image with caption',
      { viewOnceMessageV2: { message: { imageMessage: { caption: 'yang ini ada?', mimetype: 'image/jpeg' } } } },
      'image',
      'yang ini ada?',
    ],
    ['document with caption', { documentWithCaptionMessage: { message: { documentMessage: { caption: 'nota', fileName: 'nota.pdf' } } } }, 'document', 'nota'],
    [
      'ephemeral view-once video',
      { ephemeralMessage: { message: { viewOnceMessage: { message: { videoMessage: { caption: 'lihat' } } } } } },
      'video',
      'lihat',
    ],
    ['button response', { buttonsResponseMessage: { selectedButtonId: 'menu-2', selectedDisplayText: '2' } }, 'text', '2'],
    ['list response', { listResponseMessage: { title: 'Lokasi', singleSelectReply: { selectedRowId: 'lokasi' } } }, 'text', 'Lokasi'],
    ['template button reply', { templateButtonReplyMessage: { selectedId: 'pesan', selectedDisplayText: 'Cara pesan' } }, 'text', 'Cara pesan'],
    ['interactive response', { interactiveResponseMessage: { nativeFlowResponseMessage: { name: 'x', paramsJson: '{"id":"3"}' } } }, 'text', '3'],
    ['sticker', { stickerMessage: { mimetype: 'image/webp' } }, 'sticker', ''],
    ['voice note', { audioMessage: { ptt: true, seconds: 4 } }, 'audio', ''],
    ['location', { locationMessage: { degreesLatitude: 3.59, degreesLongitude: 98.67 } }, 'location', ''],
    ['contact card', { contactMessage: { displayName: 'Budi', vcard: 'BEGIN:VCARD' } }, 'contact', ''],
  ])('%s', async (_name, message, kind, text) => {
    const incoming = await take(wire(message));
    expect(incoming).toMatchObject({ kind, text, chatId: RINA_LID, id: 'ABCD1234', at: SEC * 1000, fromShop: false, senderName: 'Rina' });
  });

  it('lets the pipeline download a picture, and only when asked', async () => {
    let downloads = 0;
    const incoming = await take(
      wire({ imageMessage: { mimetype: 'image/png' } }),
      'notify',
      deps({
        download: async () => {
          downloads++;
          return new Uint8Array([7]);
        },
      }),
    );
    expect(downloads).toBe(0);
    expect(incoming.image?.mimetype).toBe('image/png');
    expect(await incoming.image?.read()).toEqual(new Uint8Array([7]));
    expect(downloads).toBe(1);
  });

  it('finds no text in a malformed interactive response instead of failing', () => {
    expect(extractText({ interactiveResponseMessage: { nativeFlowResponseMessage: { paramsJson: '{oops' } } })).toBe('');
  });
});

describe('inbound: what is never answered', () => {
  it.each([
    ['a reaction', wire({ reactionMessage: { key: { id: 'X' }, text: '👍' } }), /not a message/],
    ['a deleted message (revoke)', wire({ protocolMessage: { type: proto.Message.ProtocolMessage.Type.REVOKE, key: { id: 'X' } } }), /not a message/],
    [
      'an edit',
      wire({ protocolMessage: { type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT, key: { id: 'X' }, editedMessage: { conversation: 'x' } } }),
      /not a message/,
    ],
    ['a key share', wire({ protocolMessage: { type: proto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE } }), /not a message/],
    ['a poll vote', wire({ pollUpdateMessage: { pollCreationMessageKey: { id: 'P' } } }), /not a message/],
    [
      'an undecryptable stub',
      wire(null, {}, { messageStubType: proto.WebMessageInfo.StubType.CIPHERTEXT, messageStubParameters: ['No session record'] }),
      /no content/,
    ],
    ['a status update', wire({ conversation: 'story' }, { remoteJid: 'status@broadcast', participant: RINA_LID }), /status/],
    ['a broadcast list message', wire({ conversation: 'promo' }, { remoteJid: '1700000000@broadcast' }), /broadcast/],
    ['a newsletter post', wire({ conversation: 'news' }, { remoteJid: '120363000000000000@newsletter' }), /newsletter/],
    ['a group message', wire({ conversation: 'halo semua' }, { remoteJid: '120363111111111111@g.us', participant: RINA_LID }), /group/],
    ["the bot's own echo", wire({ conversation: 'Halo Kak!' }, { fromMe: true, id: 'SENT-BY-BOT' }), /own echo/],
  ])('skips %s', async (_name, msg, reason) => {
    const r = await toIncoming(msg, 'notify', deps());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.skip).toMatch(reason);
  });

  it('answers groups only when allowed, naming the member who wrote', async () => {
    const msg = wire(
      { conversation: 'harga?' },
      { remoteJid: '120363111111111111@g.us', participant: '160000000000003@lid', participantAlt: '6281377778888@s.whatsapp.net' },
    );
    const incoming = await take(msg, 'notify', deps({ allowGroups: true }));
    expect(incoming).toMatchObject({ chatId: '120363111111111111@g.us', senderNumber: '6281377778888', senderId: '160000000000003@lid' });
  });
});

describe('inbound: the shop itself', () => {
  it('marks what the shop typed by hand in a customer chat', async () => {
    const incoming = await take(wire({ conversation: 'Halo Kak, saya pemiliknya' }, { fromMe: true, id: 'TYPED-ON-PHONE' }));
    expect(incoming).toMatchObject({ fromShop: true, chatId: RINA_LID, senderNumber: null, senderName: null });
    expect(incoming.selfChat).toBeUndefined();
  });

  it.each(['6281100009999@s.whatsapp.net', '140000000000001@lid', '6281100009999:3@s.whatsapp.net'])(
    'recognises the "message yourself" chat %s',
    async (jid) => {
      const incoming = await take(wire({ conversation: '!bantuan' }, { fromMe: true, remoteJid: jid, id: 'NOTE' }));
      expect(incoming).toMatchObject({ fromShop: true, selfChat: true, text: '!bantuan' });
    },
  );
});

describe('inbound: backlog age', () => {
  it('answers backlog messages up to the age limit, and records older ones without answering', async () => {
    const fresh = wire({ conversation: 'halo' }, {}, { messageTimestamp: SEC - 5 * 3600 });
    const old = wire({ conversation: 'halo' }, {}, { messageTimestamp: SEC - 7 * 3600 });
    expect((await take(fresh, 'append')).tooOld).toBeUndefined();
    expect((await take(old, 'append')).tooOld).toBe(true);
    // only the backlog (append) is held to the limit
    expect((await take(old, 'notify')).tooOld).toBeUndefined();
  });
});

describe('inbound: who wrote (LID first)', () => {
  it('takes the number from remoteJidAlt when WhatsApp sends it', async () => {
    const incoming = await take(wire({ conversation: 'x' }, { remoteJid: '170000000000004@lid', remoteJidAlt: '6281299990000:2@s.whatsapp.net' }));
    expect(incoming).toMatchObject({ chatId: '170000000000004@lid', senderNumber: '6281299990000', senderId: '170000000000004@lid' });
  });

  it('falls back to the LID mapping, stripping the device', async () => {
    const incoming = await take(wire({ conversation: 'x' }));
    expect(incoming).toMatchObject({ chatId: RINA_LID, senderNumber: '6281234567890' });
  });

  it('leaves the number unknown when nothing resolves it (never guessed)', async () => {
    const incoming = await take(wire({ conversation: 'x' }, { remoteJid: '180000000000005@lid' }));
    expect(incoming.senderNumber).toBeNull();
    const failing = await take(
      wire({ conversation: 'x' }, { remoteJid: '180000000000005@lid' }),
      'notify',
      deps({ pnForLid: async () => Promise.reject(new Error('428')) }),
    );
    expect(failing.senderNumber).toBeNull();
  });

  it('reads a phone-number chat directly and replies to it as it arrived', async () => {
    const incoming = await take(wire({ conversation: 'x' }, { remoteJid: RINA_PN }));
    expect(incoming).toMatchObject({ chatId: RINA_PN, senderNumber: '6281234567890' });
  });
});
