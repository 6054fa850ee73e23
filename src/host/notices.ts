import type { CapReason } from '../engine/reply-cap.js';
import type { Notices } from '../engine/send.js';
import { type Customers, describeCustomer, HANDOFF_MS } from '../engine/customers.js';
import type { Owners } from '../engine/owners.js';
import type { TextDefs, Texts } from './texts.js';

/** What the core says when something went wrong: its texts, editable with !teks like any other. */
export const CORE_TEXTS: TextDefs = {
  'maaf.kabar-admin': {
    default: '⚠️ Bot gagal menjawab pesan dari {pelanggan} karena kesalahan di bot (sudah dicatat di log). Mohon balas langsung di chat mereka.',
    help: 'kabar ke admin saat bot gagal menjawab pesan pelanggan',
    variables: ['pelanggan'],
  },
  'maaf.gangguan': {
    default: 'Mohon maaf Kak, sistem kami sedang ada kendala. Pesan Kakak sudah kami terima dan admin akan membalas secepatnya. 🙏',
    help: 'permintaan maaf ke pelanggan saat bot gagal karena kesalahan di bot',
  },
  'batas-balasan.kabar-admin': {
    default:
      '🔁 Bot berhenti membalas otomatis di chat {pelanggan} karena {alasan}. Chatnya kami serahkan ke Kakak; bot membalas lagi setelah chatnya tenang {menit} menit. Silakan lihat chatnya.',
    help: 'kabar ke admin saat bot berhenti membalas satu chat: pesan yang sama berulang, jawaban yang sama berulang, pesan terlalu cepat, atau batas REPLY_CAP',
    variables: ['pelanggan', 'jumlah', 'menit', 'alasan'],
  },
};

/** The engine's notices in the shop's words: an apology to the customer, and alerts to the owner. */
/** Why the answers stopped, in the owner's words. */
const REASONS: Record<CapReason, string> = {
  repeat: 'pesan yang sama datang berulang kali (mungkin bot lain atau pesan otomatis)',
  'same-answer': 'bot hampir mengirim jawaban yang sama untuk ketiga kalinya dalam 2 menit',
  flood: 'pesan datang lebih cepat dari ketikan orang (lebih dari 12 dalam semenit)',
  ceiling: 'chat ini sudah menerima {jumlah} balasan otomatis dalam {menit} menit',
};

export function notices(texts: Texts, owners: Owners, customers: Pick<Customers, 'handOff'>): Notices {
  return {
    apology: (run) => {
      // The apology promises that a person will answer: make sure one hears about it.
      void owners.notify(texts.render('maaf.kabar-admin', { pelanggan: describeCustomer(run.customer) }));
      return texts.render('maaf.gangguan', { nama: run.salutation });
    },
    capped: (run, reason, count, minutes) => {
      // a person takes the chat: the bot stays out of it while they answer; one already on it knows
      const handedOff = run.customer.handoffUntil !== null && run.now < run.customer.handoffUntil;
      customers.handOff(run.chatId, run.now + HANDOFF_MS);
      if (handedOff) return;
      void owners.notify(
        texts.render('batas-balasan.kabar-admin', {
          pelanggan: describeCustomer(run.customer),
          jumlah: String(count),
          menit: String(minutes),
          alasan: REASONS[reason].replace('{jumlah}', String(count)).replace('{menit}', String(minutes)),
        }),
      );
    },
  };
}
