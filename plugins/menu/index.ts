import { definePlugin, type BaseContext, type MenuItem, type PluginApi } from '../../src/plugin-api.js';
import { UsageError } from '../../src/errors.js';
import { describeCustomer, HANDOFF_MS } from '../../src/engine/customers.js';
import { listVariables, unknownVariables } from '../../src/template.js';
import { MAX_MENU_ITEMS } from '../../src/host/menu.js';
import { SHOP_VARIABLES } from '../../src/host/texts.js';
import { parseChoice } from './choice.js';

/**
 * The numbered main menu (SOP stage 2): the customer answers "2" and gets item 2. An item is owned
 * by a plugin (it runs that plugin's action) or answers with its own text, optionally alerting the
 * owner. The owner edits the items with !menu.
 */
const ITEM_VARIABLES = ['nama', ...SHOP_VARIABLES];

export default definePlugin({
  name: 'menu',
  description: 'Answers numbered menu choices and lets the owner edit the menu.',
  texts: {
    'menu.pilihan-salah': {
      default: 'Maaf Kak, pilihan *{pilihan}* tidak ada di menu.',
      help: 'jawaban untuk nomor menu yang tidak ada; menu utama menyusul',
      variables: ['pilihan', 'nama'],
    },
    'menu.kabar-admin': {
      default: '📣 {pelanggan} memilih menu "{pilihan}". Silakan balas di chat mereka.',
      help: 'kabar ke admin saat pelanggan memilih menu yang mengabari admin',
      variables: ['pelanggan', 'pilihan'],
    },
  },
  setup(api) {
    api.use(async (ctx, next) => {
      const choice = parseChoice(ctx.text, api.menu.items());
      if (choice.kind === 'none') return next();
      if (choice.kind === 'menu') {
        if (!ctx.replied) ctx.reply(api.menu.render());
        return;
      }
      if (choice.kind === 'invalid') {
        ctx.reply(`${api.texts.render('menu.pilihan-salah', { pilihan: choice.value, nama: ctx.salutation })}\n\n${api.menu.render()}`);
        return;
      }
      await runItem(api, ctx, choice.item);
    });

    api.command({
      name: 'menu',
      help: 'Lihat dan ubah menu utama yang dipilih pelanggan dengan angka.',
      usage: [
        { form: 'menu', help: 'daftar pilihan menu' },
        { form: 'menu tambah <judul> = <jawaban>', help: 'tambah pilihan baru di akhir menu' },
        { form: 'menu judul <no> <judul baru>', help: 'ganti judul satu pilihan' },
        { form: 'menu jawab <no> <jawaban baru>', help: 'ganti jawaban satu pilihan; variabel: {nama}, {toko}, {alamat}, {jam}, {buka}, {status}' },
        { form: 'menu kabari <no> on|off', help: 'kabari admin atau tidak saat pilihan ini dipilih' },
        { form: 'menu pindah <no> <posisi>', help: 'pindahkan pilihan ke posisi lain' },
        { form: 'menu hapus <no>', help: 'hapus satu pilihan' },
      ],
      run(ctx) {
        const p = api.commandPrefix;
        const [word = '', ...restWords] = ctx.args.split(/\s+/);
        const rest = ctx.args.slice(word.length).trim();
        const items = api.menu.items();
        const index = (token: string | undefined): number => {
          const n = Number(token);
          if (!token || !/^\d+$/.test(token) || n < 1 || n > items.length) {
            throw new UsageError(`Nomor pilihan "${token ?? ''}" tidak ada. Menu punya ${items.length} pilihan.`);
          }
          return n - 1;
        };
        const checkAnswer = (text: string): void => {
          if (text === '') throw new UsageError('Jawabannya kosong.');
          if (text.length > 4096) throw new UsageError(`Jawabannya ${text.length} karakter, paling banyak 4096.`);
          const bad = unknownVariables(text, ITEM_VARIABLES);
          if (bad.length > 0) throw new UsageError(`Variabel ${listVariables(bad)} tidak dikenal. Yang bisa dipakai: ${listVariables(ITEM_VARIABLES)}.`);
        };
        const checkLabel = (label: string): void => {
          if (label === '' || label.length > 60) throw new UsageError('Judul harus diisi, paling panjang 60 huruf.');
        };

        switch (word.toLowerCase()) {
          case '': {
            const lines = items.map((item, i) => {
              const owner = menuOwner(item);
              const how = owner ? `otomatis oleh ${owner}` : item.reply ? `jawaban: ${preview(item.reply)}` : '(belum ada jawaban)';
              return `*${i + 1}. ${item.label}*${item.notifyOwner && !owner ? ' 📣' : ''}\n   ${how}`;
            });
            ctx.reply(['*Menu utama*', '(📣 = admin dikabari)', '', ...lines, '', `Ubah: ${p}bantuan menu`].join('\n'));
            return;
          }
          case 'tambah': {
            const m = /^([^=]+)=([\s\S]+)$/.exec(rest);
            if (!m) throw new UsageError('Tulis judul dan jawabannya dipisah tanda =.');
            const label = (m[1] ?? '').trim();
            const reply = (m[2] ?? '').trim();
            checkLabel(label);
            checkAnswer(reply);
            if (items.length >= MAX_MENU_ITEMS)
              throw new UsageError(`Menu sudah berisi ${MAX_MENU_ITEMS} pilihan. Menu yang pendek lebih mudah dibaca pelanggan.`);
            if (items.some((i) => i.label.toLowerCase() === label.toLowerCase())) throw new UsageError(`Pilihan "${label}" sudah ada.`);
            api.menu.update((s) => {
              s.items.push({ id: uniqueId(label, s.items), label, reply, notifyOwner: false });
            });
            ctx.reply(`✅ Pilihan *${items.length}. ${label}* ditambahkan.\n\n${api.menu.render()}`);
            return;
          }
          case 'judul': {
            const i = index(restWords[0]);
            const label = rest.slice((restWords[0] ?? '').length).trim();
            checkLabel(label);
            api.menu.update((s) => {
              const item = s.items[i];
              if (item) item.label = label;
            });
            ctx.reply(`✅ Judul pilihan ${i + 1} sekarang: *${label}*`);
            return;
          }
          case 'jawab': {
            const i = index(restWords[0]);
            const reply = rest.slice((restWords[0] ?? '').length).trim();
            checkAnswer(reply);
            const owner = menuOwner(items[i]);
            api.menu.update((s) => {
              const item = s.items[i];
              if (item) item.reply = reply;
            });
            ctx.reply(
              `✅ Jawaban pilihan ${i + 1} diperbarui.${owner ? ` (Catatan: pilihan ini dijalankan otomatis oleh ${owner}, jadi jawaban ini hanya dipakai jika ${owner} tidak aktif.)` : ''}`,
            );
            return;
          }
          case 'kabari': {
            const i = index(restWords[0]);
            const flag = (restWords[1] ?? '').toLowerCase();
            if (!['on', 'off'].includes(flag) || restWords.length !== 2) throw new UsageError('Tulis on atau off.');
            const owner = menuOwner(items[i]);
            if (owner) throw new UsageError(`Pilihan ${i + 1} dijalankan otomatis oleh ${owner}; kabar ke admin diatur oleh ${owner}.`);
            api.menu.update((s) => {
              const item = s.items[i];
              if (item) item.notifyOwner = flag === 'on';
            });
            ctx.reply(flag === 'on' ? `✅ Admin akan dikabari saat pilihan ${i + 1} dipilih.` : `✅ Pilihan ${i + 1} tidak lagi mengabari admin.`);
            return;
          }
          case 'pindah': {
            if (restWords.length !== 2) throw new UsageError('Tulis nomor pilihan dan posisi barunya, misalnya: pindah 5 1.');
            const from = index(restWords[0]);
            const to = index(restWords[1]);
            api.menu.update((s) => {
              const [moved] = s.items.splice(from, 1);
              if (moved) s.items.splice(to, 0, moved);
            });
            ctx.reply(`✅ Menu sekarang:\n\n${api.menu.render()}`);
            return;
          }
          case 'hapus': {
            if (restWords.length !== 1) throw new UsageError('Tulis satu nomor pilihan, misalnya: hapus 3.');
            const i = index(restWords[0]);
            if (items.length === 1) throw new UsageError('Ini pilihan terakhir; menu tidak boleh kosong.');
            const label = items[i]?.label ?? '';
            api.menu.update((s) => {
              s.items.splice(i, 1);
            });
            ctx.reply(`✅ Pilihan "${label}" dihapus.\n\n${api.menu.render()}`);
            return;
          }
          default:
            throw new UsageError(`"${word}" tidak dikenal untuk ${p}menu.`);
        }
      },
    });

    function menuOwner(item: MenuItem | undefined): string | undefined {
      return item ? api.menu.claimedBy(item.id) : undefined;
    }
  },
});

async function runItem(api: PluginApi, ctx: BaseContext, item: MenuItem): Promise<void> {
  const action = api.menu.action(item.id);
  if (action) {
    // A plugin that took the item over answers for itself, alerts included.
    await action(ctx, item);
    return;
  }
  ctx.reply(api.texts.fill(item.reply || item.label, { nama: ctx.salutation }));
  if (item.notifyOwner) {
    // The customer was told a person will answer: until one does, the bot keeps from saying it
    // did not understand what they write next.
    ctx.handOff(HANDOFF_MS);
    void api.notifyOwners(api.texts.render('menu.kabar-admin', { pelanggan: describeCustomer(ctx.customer), pilihan: item.label }));
  }
}

function preview(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

function uniqueId(label: string, items: readonly MenuItem[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'pilihan';
  let id = base;
  for (let n = 2; items.some((i) => i.id === id); n++) id = `${base}-${n}`;
  return id;
}
