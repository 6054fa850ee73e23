import { definePlugin, UsageError } from '../plugin-api.js';
import type { BuiltinServices } from './services.js';

/** !toko: the shop's name, address and map link ({toko} and {alamat} in every text). */
export function shopPlugin({ store }: BuiltinServices) {
  const profile = (): string => {
    const shop = store.data.shop;
    return `Nama: ${shop.name}\nAlamat: ${shop.address || '(belum diisi)'}\nPeta: ${shop.mapsUrl || '(belum diisi)'}`;
  };
  const change = (fn: (shop: typeof store.data.shop) => void): string => {
    fn(store.data.shop);
    store.changed();
    return `✅ Profil toko diperbarui.\n${profile()}`;
  };
  return definePlugin({
    name: 'shop',
    description: "Shows and changes the shop's profile.",
    setup(api) {
      api
        .command({ name: 'toko', aliases: ['shop'], help: 'Lihat dan ubah profil toko: nama, alamat, tautan peta.' })
        .form('', 'profil toko sekarang', (ctx) => ctx.reply(`*Profil toko*\n${profile()}`))
        .form(
          'nama <nama...:nama toko>',
          'ganti nama toko ({toko} di semua teks)',
          (ctx, { nama }) => {
            if (nama.length > 60) throw new UsageError('Nama toko harus diisi, paling panjang 60 huruf.');
            ctx.reply(change((shop) => void (shop.name = nama)));
          },
          { problem: 'Nama toko harus diisi, paling panjang 60 huruf.' },
        )
        .form(
          'alamat <alamat...>',
          'ganti alamat ({alamat} di semua teks)',
          (ctx, { alamat }) => {
            if (alamat.length > 300) throw new UsageError('Alamat harus diisi, paling panjang 300 huruf.');
            ctx.reply(change((shop) => void (shop.address = alamat)));
          },
          { problem: 'Alamat harus diisi, paling panjang 300 huruf.' },
        )
        .form('peta hapus', 'hapus tautan peta', (ctx) => ctx.reply(change((shop) => void (shop.mapsUrl = ''))))
        .form(
          'peta <tautan>',
          'tautan Google Maps',
          (ctx, { tautan }) => {
            if (!/^https?:\/\/\S+$/.test(tautan)) throw new UsageError('Tautan peta harus satu alamat web yang diawali http:// atau https://.');
            ctx.reply(change((shop) => void (shop.mapsUrl = tautan)));
          },
          { problem: 'Tautan peta harus satu alamat web yang diawali http:// atau https://.' },
        );
    },
  });
}
