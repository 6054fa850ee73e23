import { describeCustomer } from '../engine/customers.js';
import { definePlugin, formatLocal } from '../plugin-api.js';
import { customerByNumber } from './lookup.js';
import type { BuiltinServices } from './services.js';

/** The plugins as the owner knows them. */
const LABELS: Readonly<Record<string, string>> = {
  greeting: 'sapaan',
  away: 'pesan toko tutup',
  complaint: 'keluhan',
  person: 'diteruskan ke admin',
  catalog: 'katalog',
  menu: 'menu',
  'quick-reply': 'balasan cepat',
  fallback: 'jawaban umum (tidak paham / ucapan)',
  core: 'sistem',
};

/** !kenapa 0812…: why the customer's last message got the answer it got (who answered, about what). */
export function whyPlugin({ customers, answers, config }: BuiltinServices) {
  return definePlugin({
    name: 'why',
    description: "Shows why a customer's last message got its answer.",
    setup(api) {
      api
        .command({ name: 'kenapa', aliases: ['why'], help: 'Lihat kenapa pesan terakhir seorang pelanggan dijawab seperti itu.' })
        .form('<nomor...>', 'siapa yang menjawab pesan terakhir pelanggan itu, dan tentang apa', (ctx, { nomor }) => {
          const record = customerByNumber(customers, nomor);
          const last = answers.lastOf([customers.keyOf(record.chatId)]);
          if (!last) {
            ctx.reply(`Belum ada pesan dari ${describeCustomer(record)} sejak bot terakhir dijalankan.`);
            return;
          }
          const { why } = last;
          const topicsOf = (plugin: string): string[] => why.topics.filter((t) => t.startsWith(`${plugin}:`)).map((t) => t.slice(plugin.length + 1));
          const who = why.by.map((p) => {
            const topics = topicsOf(p);
            return `${LABELS[p] ?? p}${topics.length > 0 ? ` (${topics.join(', ')})` : ''}`;
          });
          ctx.reply(
            [
              `🔎 Pesan terakhir dari ${describeCustomer(record)}, ${formatLocal(last.at, config.timeZone)}:`,
              who.length > 0
                ? `• Dijawab oleh: ${who.join('; ')}`
                : '• Tidak dijawab otomatis (bot diam: sudah dijawab sebelumnya, chat sedang dipegang admin, atau tidak ada yang cocok)',
              ...(why.menu ? [`• Pilihan menu: ${why.menu}`] : []),
              ...(why.dialog ? [`• Sedang dalam: ${LABELS[why.dialog] ?? why.dialog}`] : []),
              ...(why.guess ? [`• Ditebak dari contoh pesan (kata-katanya tidak ada di daftar): ${guessLabel(why.guess)}`] : []),
              'Isi pesannya tidak disimpan bot; lihat di chatnya.',
            ].join('\n'),
          );
        });
    },
  });
}

/** The guesser's labels as the owner reads them. */
const GUESS_LABELS: Readonly<Record<string, string>> = {
  person: 'perlu admin',
  catalog: 'minta katalog',
  complaint: 'keluhan',
  info_price: 'tanya harga',
  info_location: 'tanya lokasi',
  info_hours: 'tanya jam buka',
  info_stock: 'tanya stok',
  info_how_to_order: 'tanya cara pesan',
  info_payment: 'tanya pembayaran',
  info_shipping: 'tanya pengiriman',
};

/** "person 0.93" → "perlu admin (yakin 93%)". */
function guessLabel(guess: string): string {
  const [label = '', score = '0'] = guess.split(' ');
  return `${GUESS_LABELS[label] ?? label} (yakin ${Math.round(Number(score) * 100)}%)`;
}
