import { z } from 'zod';
import { definePlugin, describeCustomer, HANDOFF_MS, courtesyOf, isSalam, type MessageKind, type MessageReading } from '../../src/plugin-api.js';

/**
 * The last middleware: when nothing answered a customer's message and no greeting went out, say
 * we did not catch it and show the main menu. At most once per 10 minutes per chat, so a customer
 * who keeps writing freely (or another bot) is not answered with the same text again and again.
 */
export const FALLBACK_INTERVAL_MS = 10 * 60_000;
/** Messages of one chat this close together are one burst. */
export const BURST_MS = 2000;

const MEDIA_WORDS: Partial<Record<MessageKind, string>> = {
  image: 'gambar',
  video: 'video',
  audio: 'pesan suara',
  document: 'dokumen',
  location: 'lokasi',
  contact: 'kontak',
};

export default definePlugin({
  name: 'fallback',
  description: 'Answers what nobody else answered with a short "didn\'t catch that" and the main menu.',
  customer: {
    schema: z.object({ lastFallbackAt: z.number().nullable(), lastPictureAlertAt: z.number().nullable().default(null) }),
    defaults: () => ({ lastFallbackAt: null, lastPictureAlertAt: null }),
  },
  texts: {
    'media-kabar-admin': {
      default: '📷 {pelanggan} mengirim {jenis}. Silakan lihat dan balas di chat mereka.',
      help: 'kabar ke admin saat pelanggan mengirim gambar, pesan suara, atau berkas',
      variables: ['pelanggan', 'jenis'],
    },
    'tidak-paham': {
      default: 'Maaf {nama}, kami belum menangkap maksud pesan Kakak. 🙏',
      help: 'jawaban untuk pesan yang tidak dimengerti bot; menu utama menyusul',
      variables: ['nama'],
      en: 'Sorry {nama}, we did not quite understand your message. 🙏',
    },
    'sama-sama': {
      default: 'Sama-sama, {nama}! 🙏 Senang bisa membantu.',
      help: 'jawaban untuk ucapan terima kasih pelanggan',
      variables: ['nama'],
      en: "You're welcome, {nama}! 🙏 Happy to help.",
    },
    'salam-balik': {
      default: 'Waalaikumsalam, {nama}. 🙏 Ada yang bisa kami bantu?',
      help: 'jawaban untuk "assalamualaikum"',
      variables: ['nama'],
    },
    'sapa-balik': {
      default: 'Halo {nama}! 😊 Ada yang bisa kami bantu?',
      help: 'jawaban untuk sapaan atau "p" di tengah percakapan',
      variables: ['nama'],
      en: 'Hello {nama}! 😊 How can we help you?',
    },
    'media-diterima': {
      default: 'Terima kasih {nama}, {jenis} dari Kakak sudah kami terima. Admin kami akan melihatnya secepatnya. 🙏',
      help: 'jawaban untuk gambar, pesan suara, video, dokumen, lokasi, atau kontak; menu utama menyusul',
      variables: ['nama', 'jenis'],
    },
  },
  setup(api) {
    api.use(async (ctx, next) => {
      await next();
      const media = MEDIA_WORDS[ctx.msg.kind];
      const handedOff = ctx.customer.handoffUntil !== null && ctx.now < ctx.customer.handoffUntil;
      const lastAlert = ctx.data.get().lastPictureAlertAt;
      // a payment's proof was already told to the owner, with the picture mentioned
      const told = ctx.answered('bayar');
      if (media && !told && !ctx.failed && (lastAlert === null || ctx.now - lastAlert >= FALLBACK_INTERVAL_MS || ctx.now < lastAlert)) {
        // Only a person can look at a picture, whatever else answered it ("ada yang seperti ini?")
        // and even at night: tell one (once for a burst of pictures), and let them answer in peace.
        ctx.handOff(HANDOFF_MS);
        ctx.data.update((d) => void (d.lastPictureAlertAt = ctx.now));
        void api.notifyOwners(api.texts.render('media-kabar-admin', { pelanggan: describeCustomer(ctx.customer), jenis: media }));
      }
      if (ctx.replied || ctx.failed) return;
      // "halo", "kak", "mau tanya" typed in one breath: the first got its answer, the rest are
      // the same greeting, not new questions to say "didn't catch that" to
      if (!media && ctx.customer.previousSeenAt !== null && ctx.now - ctx.customer.previousSeenAt < BURST_MS && ctx.now >= ctx.customer.previousSeenAt) return;
      // thanks, "ok", a salam, an emoji: a short warm answer or none, never "didn't catch that"
      // (also while a person is on the chat: "sama-sama" interrupts nobody)
      if (!media) {
        const warm = courtesyAnswer(ctx.reading);
        if (warm !== undefined) {
          // while a person is on the chat (or the shop is closed) a hello waits for them
          if (warm && !(handedOff && warm !== 'sama-sama')) ctx.reply(api.texts.render(warm, { nama: ctx.addressee }, ctx.language));
          return;
        }
      }
      // A person was asked to answer this chat: they will, so the bot does not interrupt. Another
      // number's auto-reply or a promotion is not a shopper: "didn't catch that" would start a loop.
      if (handedOff || ctx.reading.noise) return;

      const last = ctx.data.get().lastFallbackAt;
      if (last !== null && ctx.now - last < FALLBACK_INTERVAL_MS && ctx.now >= last) return;
      // A picture with a caption is still first of all a picture the staff should look at.
      const language = ctx.language;
      const text = media
        ? api.texts.render('media-diterima', { nama: ctx.salutation, jenis: media })
        : api.texts.render('tidak-paham', { nama: ctx.addressee }, language);
      ctx.reply(`${text}\n\n${api.menu.render(language)}`);
      ctx.data.update((d) => {
        d.lastFallbackAt = ctx.now;
      });
    });
  },
});

/**
 * The answer to a message of nothing but courtesy: thanks get "sama-sama", a salam its answer, a
 * greeting or "p" a short hello; "ok", "siap" and emoji get nothing (null). Undefined when the
 * message is more than courtesy.
 */
export function courtesyAnswer(r: MessageReading): 'sama-sama' | 'salam-balik' | 'sapa-balik' | null | undefined {
  const words = r.words;
  if (words.length === 0) return r.text === '' ? undefined : null;
  if (words.length === 1 && (words[0] === 'p' || words[0] === 'ping')) return 'sapa-balik';
  // "makasih atas infonya", "thank you so much", "bunganya udh sampe, cantik bgt 😍"
  const warm = words.filter((w) => courtesyOf(w) === null && !WARM.has(w));
  const praise = words.some((w) => PRAISE.has(w)) && !r.question && warm.length <= 4;
  if (warm.length > 0 && !praise) return undefined;
  if (r.courtesy.has('thanks') || r.courtesy.has('bye') || praise) return 'sama-sama';
  // "waalaikumsalam" answers ours: nothing more to say
  if (words.some((w) => isSalam(w) && !w.startsWith('wa'))) return 'salam-balik';
  if (r.courtesy.has('greeting') && !words.some((w) => w.startsWith('wa'))) return 'sapa-balik';
  return null;
}

/** Words around thanks and okays that add nothing to answer: "atas infonya", "you so much", "ditunggu". */
const WARM = new Set(
  'atas info infonya bantuannya pelayanannya pelayanan responnya respon bantuan you so much very banyak bnyk sekali bgt banget ditunggu tunggu kabarnya sehat selalu semangat'.split(
    ' ',
  ),
);
/** Praise after a sale: thanked, not "didn't catch that". */
const PRAISE = new Set('cantik bagus mantul keren puas suka love nice great good rapi indah cakep lucu'.split(' '));
