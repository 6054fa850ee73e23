import { definePlugin, listVariables, UsageError } from '../plugin-api.js';
import type { BuiltinServices } from './services.js';

/** !teks: every text a customer reads, shown and changed by the owner without a restart. */
export function textsPlugin({ texts, config }: BuiltinServices) {
  const prefix = config.commandPrefix;
  const known = (name: string): string => {
    const key = name.toLowerCase();
    if (texts.has(key)) return key;
    const close = texts.list().filter((t) => t.key.includes(key) || key.includes(t.key));
    throw new UsageError(
      `Teks *${key}* tidak ada.${close.length > 0 ? ` Mungkin: ${close.map((t) => t.key).join(', ')}.` : ''} Ketik ${prefix}teks untuk daftarnya.`,
    );
  };
  const changed = (key: string, result: { ok: true } | { ok: false; reason: string }): string => {
    if (!result.ok) throw new UsageError(`Teks tidak diubah: ${result.reason}.`);
    return `✅ Teks *${key}* diperbarui:\n\n${texts.get(key)}`;
  };
  return definePlugin({
    name: 'texts',
    description: 'Shows and changes every customer-facing text.',
    setup(api) {
      api
        .command({ name: 'teks', aliases: ['text'], help: 'Lihat dan ubah semua teks yang dibaca pelanggan.', args: { nama: known } })
        .form('', 'daftar semua teks', (ctx) => {
          const lines = texts.list().map((t) => `• *${t.key}*${texts.isCustomised(t.key) ? ' ✏️' : ''}\n   ${t.help}`);
          ctx.reply(['*Teks untuk pelanggan*', '(✏️ = sudah diubah)', '', ...lines, '', `Lihat isinya: ${prefix}teks <nama>`].join('\n'));
        })
        .form('<nama>', 'isi satu teks dan variabel yang bisa dipakai', (ctx, { nama }) => {
          const def = texts.def(nama);
          const lines = [`*${nama}*: ${def?.help ?? ''}`, '', texts.get(nama), '', `Variabel: ${listVariables(texts.allowed(nama))}`];
          if (texts.isCustomised(nama)) lines.push('', `(Sudah diubah. Kembalikan dengan: ${prefix}teks ${nama} asli)`);
          ctx.reply(lines.join('\n'));
        })
        .form('<nama> asli', 'kembalikan ke teks bawaan', (ctx, { nama }) => ctx.reply(changed(nama, texts.reset(nama))))
        .form('<nama> <teks...:teks baru>', 'ganti teks itu (boleh beberapa baris)', (ctx, { nama, teks }) => ctx.reply(changed(nama, texts.set(nama, teks))));
    },
  });
}
