import { z } from 'zod';
import { definePlugin, UsageError } from '../plugin-api.js';
import type { BuiltinServices } from './services.js';

/** What the owner can teach, in their words, and the guesser's label for each. */
const KINDS: Readonly<Record<string, { label: string; shown: string }>> = {
  orang: { label: 'person', shown: 'perlu admin (diteruskan ke Kakak)' },
  admin: { label: 'person', shown: 'perlu admin (diteruskan ke Kakak)' },
  katalog: { label: 'catalog', shown: 'minta katalog' },
  keluhan: { label: 'complaint', shown: 'keluhan (bila pelanggan sudah membeli)' },
};
const SHOWN: Readonly<Record<string, string>> = { person: 'orang', catalog: 'katalog', complaint: 'keluhan' };

/** At most this many taught messages, and this long each: enough for a shop's own ways of saying things. */
const MAX_EXAMPLES = 200;
const MAX_TEXT = 300;

const exampleSchema = z.object({ label: z.enum(['person', 'catalog', 'complaint']), text: z.string().min(1).max(MAX_TEXT), at: z.number() });
const stateSchema = z.object({ examples: z.array(exampleSchema).default([]) });
type TeachState = z.infer<typeof stateSchema>;

/**
 * !ajari: the owner teaches the bot a way customers say something, with an example message. The
 * guesser learns it with its built-in examples; a message the word lists miss that is like it is
 * then read that way (the rules still go first, and `!kenapa` says when a guess was used).
 */
export function teachPlugin({ config }: BuiltinServices) {
  const prefix = config.commandPrefix;
  return definePlugin({
    name: 'teach',
    description: 'Lets the owner teach the bot new ways customers ask for a person, the catalog, or complain.',
    state: { schema: stateSchema, defaults: (): TeachState => ({ examples: [] }) },
    setup(api) {
      const taught = api.state.get().examples;
      if (taught.length > 0) api.learn(taught);
      const list = (examples: TeachState['examples']): string =>
        examples.length === 0
          ? `Belum ada contoh yang Kakak ajarkan. Contoh: ${prefix}ajari orang bisa sewa bunga untuk pameran?`
          : [
              '*Contoh yang Kakak ajarkan*',
              ...examples.map((e, i) => `*${i + 1}.* ${SHOWN[e.label]}: “${e.text}”`),
              '',
              `Hapus dengan ${prefix}ajari hapus <nomor>.`,
            ].join('\n');
      api
        .command({ name: 'ajari', aliases: ['teach'], help: 'Ajari bot cara pelanggan meminta admin, meminta katalog, atau mengeluh, dengan contoh pesan.' })
        .form('', 'daftar contoh yang sudah diajarkan', (ctx) => {
          ctx.reply(list(api.state.get().examples));
        })
        .form('hapus <nomor>', 'hapus satu contoh', (ctx, { nomor }) => {
          const examples = api.state.get().examples;
          const n = Number(nomor);
          if (!/^\d+$/.test(nomor) || n < 1 || n > examples.length) {
            throw new UsageError(
              examples.length === 0
                ? 'Belum ada contoh untuk dihapus.'
                : `Nomor "${nomor}" tidak ada; pilih 1 sampai ${examples.length} (lihat ${prefix}ajari).`,
            );
          }
          const removed = examples[n - 1];
          api.state.update((s) => void s.examples.splice(n - 1, 1));
          api.learn(api.state.get().examples);
          ctx.reply(`🗑️ Contoh ${n} dihapus: “${removed?.text ?? ''}”.`);
        })
        .form(
          '<jenis> <kalimat...>',
          'ajarkan satu contoh pesan; jenis: orang, katalog, atau keluhan',
          (ctx, { jenis, kalimat }) => {
            const kind = KINDS[jenis.toLowerCase()];
            if (!kind) throw new UsageError(`Jenis "${jenis}" tidak dikenal. Pilih *orang* (perlu admin), *katalog*, atau *keluhan*.`);
            const text = kalimat.trim();
            if (text.length > MAX_TEXT)
              throw new UsageError(`Contohnya terlalu panjang (${text.length} huruf); cukup satu kalimat, paling banyak ${MAX_TEXT} huruf.`);
            const examples = api.state.get().examples;
            if (examples.length >= MAX_EXAMPLES)
              throw new UsageError(`Sudah ada ${MAX_EXAMPLES} contoh; hapus yang tidak perlu dulu (${prefix}ajari hapus <nomor>).`);
            if (examples.some((e) => e.text.toLowerCase() === text.toLowerCase() && e.label === kind.label)) {
              ctx.reply(`Contoh itu sudah diajarkan. Lihat semuanya dengan ${prefix}ajari.`);
              return;
            }
            api.state.update((s) => void s.examples.push({ label: kind.label as TeachState['examples'][number]['label'], text, at: ctx.now }));
            api.learn(api.state.get().examples);
            ctx.reply(
              `✅ Bot sudah belajar: “${text}” → ${kind.shown}.\nPesan pelanggan yang mirip, dan tidak cocok dengan kata mana pun yang bot kenal, sekarang dibaca begitu. ${prefix}kenapa <nomor> menunjukkan kalau bot menebak.`,
            );
          },
          { shown: '<orang|katalog|keluhan> <contoh pesan>' },
        );
    },
  });
}
