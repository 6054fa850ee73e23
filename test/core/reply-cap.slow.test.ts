import { describe, expect, it } from 'vitest';

import { SimScript } from '../simulator/script.js';
import { removeDir, tempDir } from '../helpers.js';

describe('reply cap, in the simulator', () => {
  it('ends a loop with another auto-responder within the cap (simulator)', async () => {
    const dir = await tempDir();
    try {
      const script = new SimScript();
      // another shop's bot answers each of our messages within seconds, for five minutes
      const lines: number[] = [];
      for (let i = 0; i < 60; i++) {
        const at = new Date(Date.parse('2026-12-01T10:00:00+07:00') + i * 5000).toISOString();
        lines.push(
          script.line({
            from: '081399990000',
            name: 'Toko Sebelah',
            // (worded as a person might: "Terima kasih telah menghubungi …" is read as an auto-reply and never answered, below)
            text: `Halo, dengan Toko Sebelah di sini. Jam buka kami 08.00-20.00. Ada yang bisa dibantu? (${i})`,
            at,
          }),
        );
      }
      const out = script.run(dir);
      const toBot = out.filter((o) => o.to === '6281399990000');
      expect(toBot.length).toBeGreaterThan(0);
      expect(new Set(toBot.map((o) => o.after)).size).toBeLessThanOrEqual(6);
      expect(out.filter((o) => o.to === '6281100001111' && (o.text ?? '').startsWith('🔁'))).toHaveLength(1);
    } finally {
      await removeDir(dir);
    }
  });

  it('never starts a loop with an auto-reply it recognises: only the first message is greeted (simulator)', async () => {
    const dir = await tempDir();
    try {
      const script = new SimScript();
      const lines: number[] = [];
      for (let i = 0; i < 20; i++) {
        const at = new Date(Date.parse('2026-12-01T10:00:00+07:00') + i * 5000).toISOString();
        lines.push(
          script.line({
            from: '081399990000',
            name: 'Toko Sebelah',
            text: `Terima kasih telah menghubungi Toko Sebelah. Pesan Anda akan kami balas secepatnya. (${i})`,
            at,
          }),
        );
      }
      const out = script.run(dir);
      expect(out.filter((o) => o.to === '6281399990000')).toHaveLength(1);
      expect(out.filter((o) => o.to === '6281100001111')).toEqual([]);
    } finally {
      await removeDir(dir);
    }
  });
});
