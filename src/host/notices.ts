import type { Notices } from '../engine/send.js';
import { describeCustomer } from '../engine/customers.js';
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
      '🔁 {pelanggan} sudah menerima {jumlah} balasan otomatis dalam {menit} menit. Bot berhenti membalas otomatis di chat itu sampai chatnya tenang (mungkin itu bot lain, atau pesan yang sangat banyak). Silakan lihat chatnya.',
    help: 'kabar ke admin saat satu chat mencapai batas balasan otomatis (REPLY_CAP)',
    variables: ['pelanggan', 'jumlah', 'menit'],
  },
};

/** The engine's notices in the shop's words: an apology to the customer, and alerts to the owner. */
export function notices(texts: Texts, owners: Owners): Notices {
  return {
    apology: (run) => {
      // The apology promises that a person will answer: make sure one hears about it.
      void owners.notify(texts.render('maaf.kabar-admin', { pelanggan: describeCustomer(run.customer) }));
      return texts.render('maaf.gangguan', { nama: run.salutation });
    },
    capped: (run, count, minutes) =>
      void owners.notify(
        texts.render('batas-balasan.kabar-admin', { pelanggan: describeCustomer(run.customer), jumlah: String(count), menit: String(minutes) }),
      ),
  };
}
