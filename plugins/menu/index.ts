import {
  type Context,
  type PluginApi,
  definePlugin,
  describeCustomer,
  HANDOFF_MS,
  listVariables,
  MAX_MENU_ITEMS,
  type MenuItem,
  SHOP_VARIABLES,
  unknownVariables,
  UsageError,
} from '../../src/plugin-api.js';

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
      const choice = ctx.choice;
      if (!choice) return next();
      if (choice.kind === 'menu') {
        if (!ctx.replied) ctx.reply(api.menu.render());
        return;
      }
      if (choice.kind === 'invalid') {
        ctx.reply(`${api.texts.render('menu.pilihan-salah', { pilihan: choice.value, nama: ctx.salutation })}\n\n${api.menu.render()}`);
        return;
      }
      // an item a plugin answers itself goes on to it
      if (choice.owner) return next();
      runItem(ctx, choice.item);
    });

    /** An item that answers with its own text, alerting the owner if it is set to. */
    function runItem(ctx: Context<unknown, unknown>, item: MenuItem): void {
      ctx.reply(api.texts.fill(item.reply || item.label, { nama: ctx.salutation }));
      if (item.notifyOwner) {
        // The customer was told a person will answer: until one does, the bot keeps from saying it
        // did not understand what they write next.
        // once per chat while a person is on it: "5" sent four times is one alert
        const told = ctx.customer.handoffUntil !== null && ctx.now < ctx.customer.handoffUntil;
        ctx.handOff(HANDOFF_MS);
        if (!told) void api.notifyOwners(api.texts.render('menu.kabar-admin', { pelanggan: describeCustomer(ctx.customer), pilihan: item.label }));
      }
    }

    declareCommand(api);
  },
});

/** !menu: the owner lists, adds, renames, rewrites, moves and removes the menu's items. */
function declareCommand(api: PluginApi): void {
  const items = (): readonly MenuItem[] => api.menu.items();
  const index = (token: string): number => itemIndex(token, items().length);
  const owner = (item: MenuItem | undefined): string | undefined => (item ? api.menu.owner(item.id) : undefined);

  api
    .command({ name: 'menu', help: 'Lihat dan ubah menu utama yang dipilih pelanggan dengan angka.' })
    .form('', 'daftar pilihan menu', (ctx) => ctx.reply(menuList(api)))
    .form(
      'tambah <judul> = <jawaban>',
      'tambah pilihan baru di akhir menu',
      (ctx, { judul, jawaban }) => {
        checkLabel(judul);
        checkAnswer(jawaban);
        if (items().length >= MAX_MENU_ITEMS)
          throw new UsageError(`Menu sudah berisi ${MAX_MENU_ITEMS} pilihan. Menu yang pendek lebih mudah dibaca pelanggan.`);
        if (items().some((i) => i.label.toLowerCase() === judul.toLowerCase())) throw new UsageError(`Pilihan "${judul}" sudah ada.`);
        api.menu.update((s) => void s.items.push({ id: uniqueId(judul, s.items), label: judul, reply: jawaban, notifyOwner: false }));
        ctx.reply(`✅ Pilihan *${items().length}. ${judul}* ditambahkan.\n\n${api.menu.render()}`);
      },
      { problem: 'Tulis judul dan jawabannya dipisah tanda =.' },
    )
    .form(
      'judul <no> <judul...:judul baru>',
      'ganti judul satu pilihan',
      (ctx, { no, judul }) => {
        const i = index(no);
        checkLabel(judul);
        api.menu.update((s) => {
          const item = s.items[i];
          if (item) item.label = judul;
        });
        ctx.reply(`✅ Judul pilihan ${i + 1} sekarang: *${judul}*`);
      },
      { problem: 'Judul harus diisi, paling panjang 60 huruf.' },
    )
    .form(
      'jawab <no> <jawaban...:jawaban baru>',
      'ganti jawaban satu pilihan; variabel: {nama}, {toko}, {alamat}, {jam}, {buka}, {status}',
      (ctx, { no, jawaban }) => {
        const i = index(no);
        checkAnswer(jawaban);
        const by = owner(items()[i]);
        api.menu.update((s) => {
          const item = s.items[i];
          if (item) item.reply = jawaban;
        });
        ctx.reply(
          `✅ Jawaban pilihan ${i + 1} diperbarui.${by ? ` (Catatan: pilihan ini dijalankan otomatis oleh ${by}, jadi jawaban ini hanya dipakai jika ${by} tidak aktif.)` : ''}`,
        );
      },
      { problem: 'Jawabannya kosong.' },
    )
    .form(
      'kabari <no> <nyala:on|off>',
      'kabari admin atau tidak saat pilihan ini dipilih',
      (ctx, { no, nyala }) => {
        const i = index(no);
        const flag = nyala.toLowerCase();
        if (flag !== 'on' && flag !== 'off') throw new UsageError('Tulis on atau off.');
        const on = flag === 'on';
        const by = owner(items()[i]);
        if (by) throw new UsageError(`Pilihan ${i + 1} dijalankan otomatis oleh ${by}; kabar ke admin diatur oleh ${by}.`);
        api.menu.update((s) => {
          const item = s.items[i];
          if (item) item.notifyOwner = on;
        });
        ctx.reply(on ? `✅ Admin akan dikabari saat pilihan ${i + 1} dipilih.` : `✅ Pilihan ${i + 1} tidak lagi mengabari admin.`);
      },
      { problem: 'Tulis on atau off.' },
    )
    .form(
      'pindah <no> <posisi>',
      'pindahkan pilihan ke posisi lain',
      (ctx, { no, posisi }) => {
        const from = index(no);
        const to = index(posisi);
        api.menu.update((s) => {
          const [moved] = s.items.splice(from, 1);
          if (moved) s.items.splice(to, 0, moved);
        });
        ctx.reply(`✅ Menu sekarang:\n\n${api.menu.render()}`);
      },
      { problem: 'Tulis nomor pilihan dan posisi barunya, misalnya: pindah 5 1.' },
    )
    .form(
      'hapus <no>',
      'hapus satu pilihan',
      (ctx, { no }) => {
        const i = index(no);
        if (items().length === 1) throw new UsageError('Ini pilihan terakhir; menu tidak boleh kosong.');
        const label = items()[i]?.label ?? '';
        api.menu.update((s) => void s.items.splice(i, 1));
        ctx.reply(`✅ Pilihan "${label}" dihapus.\n\n${api.menu.render()}`);
      },
      { problem: 'Tulis satu nomor pilihan, misalnya: hapus 3.' },
    );
}

/** The owner's view of the menu: each item, and who answers it. */
function menuList(api: PluginApi): string {
  const p = api.commandPrefix;
  const lines = api.menu.items().map((item, i) => {
    const by = api.menu.owner(item.id);
    const how = by ? `otomatis oleh ${by}` : item.reply ? `jawaban: ${preview(item.reply)}` : '(belum ada jawaban)';
    return `*${i + 1}. ${item.label}*${item.notifyOwner && !by ? ' 📣' : ''}\n   ${how}`;
  });
  return ['*Menu utama*', '(📣 = admin dikabari)', '', ...lines, '', `Ubah: ${p}bantuan menu`].join('\n');
}

/** "3" → 2: the position of an item the owner named by its number. */
function itemIndex(token: string, count: number): number {
  const n = Number(token);
  if (!/^\d+$/.test(token) || n < 1 || n > count) throw new UsageError(`Nomor pilihan "${token}" tidak ada. Menu punya ${count} pilihan.`);
  return n - 1;
}

function checkAnswer(text: string): void {
  if (text === '') throw new UsageError('Jawabannya kosong.');
  if (text.length > 4096) throw new UsageError(`Jawabannya ${text.length} karakter, paling banyak 4096.`);
  const bad = unknownVariables(text, ITEM_VARIABLES);
  if (bad.length > 0) throw new UsageError(`Variabel ${listVariables(bad)} tidak dikenal. Yang bisa dipakai: ${listVariables(ITEM_VARIABLES)}.`);
}

function checkLabel(label: string): void {
  if (label === '' || label.length > 60) throw new UsageError('Judul harus diisi, paling panjang 60 huruf.');
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
