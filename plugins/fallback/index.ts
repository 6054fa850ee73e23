import { z } from 'zod';
import { definePlugin } from '../../src/plugin-api.js';
import type { MessageKind } from '../../src/transport/types.js';

/**
 * The last middleware: when nothing answered a customer's message and no greeting went out, say
 * we did not catch it and show the main menu. At most once per 10 minutes per chat, so a customer
 * who keeps writing freely (or another bot) is not answered with the same text again and again.
 */
export const FALLBACK_INTERVAL_MS = 10 * 60_000;

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
    schema: z.object({ lastFallbackAt: z.number().nullable() }),
    defaults: () => ({ lastFallbackAt: null }),
  },
  texts: {
    'tidak-paham': {
      default: 'Maaf {nama}, kami belum menangkap maksud pesan Kakak. 🙏',
      help: 'the answer to a message nothing else understood; the main menu follows it',
      variables: ['nama'],
    },
    'media-diterima': {
      default: 'Terima kasih {nama}, {jenis} dari Kakak sudah kami terima. Admin kami akan melihatnya secepatnya. 🙏',
      help: 'the answer to a picture, voice note, video, document, location or contact nothing else handled; the main menu follows it',
      variables: ['nama', 'jenis'],
    },
  },
  setup(api) {
    api.use(async (ctx, next) => {
      await next();
      if (ctx.replied || ctx.failed) return;
      const last = ctx.data.get().lastFallbackAt;
      if (last !== null && ctx.now - last < FALLBACK_INTERVAL_MS && ctx.now >= last) return;
      const media = MEDIA_WORDS[ctx.msg.kind];
      // A picture with a caption is still first of all a picture the staff should look at.
      const text = media
        ? api.texts.render('media-diterima', { nama: ctx.salutation, jenis: media })
        : api.texts.render('tidak-paham', { nama: ctx.salutation });
      ctx.reply(`${text}\n\n${api.menu.render()}`);
      ctx.data.update((d) => {
        d.lastFallbackAt = ctx.now;
      });
    });
  },
});
