import { basename } from 'node:path';
import { definePlugin } from '../plugin-api.js';
import type { BuiltinServices } from './services.js';

/**
 * Keeping the data safe without anyone watching: a copy every night, the newest BACKUP_KEEP kept
 * (what a damaged db.json falls back on); the owner told when the disk refuses writes, and when
 * the bot started from a backup because db.json was damaged.
 */
export function upkeepPlugin({ store, clock, config }: BuiltinServices) {
  return definePlugin({
    // 'core': its job keeps the name it always had in db.json ("core.backup")
    name: 'core',
    description: 'Backs the data up every night and tells the owner when the data is at risk.',
    setup(api) {
      api.schedule('backup', '15 3 * * *', async (job) => {
        const path = await store.backup(job.now, config.backupKeep);
        job.log.info({ backup: path, keep: config.backupKeep }, 'daily backup written');
      });
      // A disk that refuses writes: the data stays in memory and is retried; the owner hears once per spell.
      store.onWriteError((err, failures) => {
        if (failures !== 1) return;
        void api.notifyOwners(
          `⚠️ Bot tidak bisa menyimpan data ke disk (${(err as NodeJS.ErrnoException).code ?? err.message}). Data tetap di memori dan terus dicoba lagi. Mohon periksa ruang disk atau izin folder data; rinciannya ada di log.`,
        );
      });
      api.on('start', async () => {
        const r = store.recovery;
        if (!r) return;
        // said once: the damaged file has been moved aside, so the next start is a normal one
        const lost = r.backupTime !== null ? Math.max(0, Math.round((clock.now() - r.backupTime) / 3_600_000)) : null;
        await api.notifyOwners(
          r.restoredFrom
            ? `⚠️ File data bot (db.json) rusak saat bot mulai. File itu disimpan utuh sebagai ${basename(r.corruptPath)}, dan bot memakai cadangan ${basename(r.restoredFrom)}. Perubahan sejak cadangan itu (sekitar ${lost} jam terakhir) tidak ada: periksa pesanan, keluhan dan pengaturan terbaru.`
            : `⚠️ File data bot (db.json) rusak saat bot mulai dan tidak ada cadangan yang baik. File itu disimpan utuh sebagai ${basename(r.corruptPath)}; bot mulai lagi dengan pengaturan awal. Hubungi yang memasang bot untuk memulihkannya.`,
        );
      });
    },
  });
}
