import { rm } from 'node:fs/promises';
import { definePlugin } from '../../src/plugin-api.js';
import { Desk, intakeSchema } from './desk.js';
import { afterSale, detectComplaint } from './detect.js';
import { COMPLAINT_SLICE, complaintStateSchema, emptyComplaints, MENU_ITEM, type ComplaintState } from './model.js';

export { COMPLAINT_SLICE, MENU_ITEM };
import { registerComplaintCommand } from './owner.js';
import { registerFollowUp } from './followup.js';
import { COMPLAINT_TEXTS } from './texts.js';

/**
 * Complaints as tickets (SOP: listen, show empathy, explain, offer a solution, record every one):
 * intake in the chat, a numbered ticket saved before the customer hears its number, the owner's
 * !keluhan to answer, ask and resolve, a rating afterwards, and follow-up on a schedule.
 */
/** A resolved ticket closes by itself this long after it was resolved. */
export const CLOSE_AFTER_MS = 7 * 24 * 60 * 60_000;

export default definePlugin<ComplaintState, unknown>({
  name: COMPLAINT_SLICE,
  description: 'Turns complaints into tickets the owner follows up until the customer is satisfied.',
  state: { schema: complaintStateSchema, defaults: emptyComplaints },
  texts: COMPLAINT_TEXTS,
  dialog: intakeSchema,
  setup(api) {
    const desk = new Desk(api);
    api.menu.claim(MENU_ITEM);
    api.recognise('complaint', (reading) => {
      const { complaint, explicit, category } = detectComplaint(reading);
      return { complaint, explicit, category, afterSale: afterSale(reading) };
    });
    api.use((ctx, next) => desk.middleware(ctx, next));
    api.on('dialog-timeout', (chat, session) => desk.expire(chat, session));
    api.on('shop-message', (chatId, at) => desk.shopReplied(chatId, at));
    registerComplaintCommand(api, desk);
    registerFollowUp(api);
    api.privacy({
      describe: (ids) => {
        const mine = api.state.get().tickets.filter((t) => ids.includes(t.chatId));
        return mine.length === 0
          ? ['Keluhan: tidak ada']
          : [`Keluhan: ${mine.map((t) => `${t.number} (${t.status}${t.photos.length > 0 ? `, ${t.photos.length} foto` : ''})`).join(', ')}`];
      },
      // tickets stay for the shop's figures (category, times, rating), without who or what was said
      forget: async (ids) => {
        const photos: string[] = [];
        api.state.update((s) => {
          for (const t of s.tickets) {
            if (!ids.includes(t.chatId)) continue;
            photos.push(...t.photos);
            t.chatId = 'dihapus';
            t.customerName = null;
            t.customerNumber = null;
            t.description = '(dihapus atas permintaan pelanggan)';
            t.photos = [];
            t.resolution = t.resolution ? '(dihapus)' : '';
            t.timeline = t.timeline.map((e) => (e.by === 'system' && !e.text.startsWith('selesai:') ? e : { ...e, text: '(dihapus)', photo: null }));
          }
        });
        await Promise.all(photos.map((p) => rm(api.media.path(p), { force: true }).catch(() => undefined)));
      },
    });
    api.schedule('tutup-otomatis', '0 * * * *', (job) => {
      const due = api.state.get().tickets.filter((t) => t.status === 'selesai' && t.resolvedAt !== null && job.now - t.resolvedAt >= CLOSE_AFTER_MS);
      if (due.length === 0) return;
      api.state.update(() => {
        for (const t of due) {
          t.status = 'ditutup';
          t.closedAt = job.now;
          t.timeline.push({ at: job.now, by: 'system', text: 'ditutup otomatis 7 hari setelah selesai', photo: null });
        }
      });
      job.log.info({ tickets: due.map((t) => t.number) }, 'resolved complaints closed after 7 days');
    });
  },
});
