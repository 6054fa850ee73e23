import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers.js';
import { OWNER, OWNER_CHAT, RINA_CHAT, SimScript, type SimOut } from './script.js';

/**
 * A complaint's whole journey through the simulator (a separate process, simulated time): the
 * complaint, details over several messages with a photo, the ticket number, the owner's alert,
 * the owner's question, reply and resolution, the rating, a reopening, the automatic close after
 * seven days, and the reminder and daily summary firing as simulated time passes them, once.
 */
const script = new SimScript();
const { owner, rina } = script;
const at = (iso: string): Record<string, unknown> => ({ at: `${iso}+07:00` });

const L = {
  hello: rina('halo', at('2026-12-01T10:00:00')),
  complaint: rina('kak mawarnya patah 2 tangkai, kecewa'),
  detail: rina('yang pesanan kemarin, buket wisuda'),
  photo: rina('', { image: 'test/fixtures/mawar.png' }),
  done: rina('sudah'),
  ask: owner('!keluhan 1 tanya Boleh kirim foto tangkainya yang patah, Kak?', at('2026-12-01T10:30:00')),
  answer: rina('ini kak, patahnya di tengah', { image: 'test/fixtures/mawar.png' }),
  reply: owner('!keluhan 1 balas Baik Kak, kami siapkan 2 tangkai pengganti.'),
  resolve: owner('!keluhan 1 selesai Kami kirim 2 tangkai pengganti besok pagi, gratis ongkir.', at('2026-12-01T11:00:00')),
  rate: rina('4'),
  reopen: rina('belum beres kak, penggantinya belum datang', at('2026-12-02T09:00:00')),
  resolveAgain: owner('!keluhan 1 selesai Pengganti sudah dikirim dengan kurir pagi ini.', at('2026-12-02T09:30:00')),
  rateAgain: rina('5'),

  // a second complaint nobody answers: the reminder after two business hours, once
  second: rina('komplain, warnanya beda sama di foto', at('2026-12-02T10:00:00')),
  secondDone: rina('sudah'),
  noon: owner('!keluhan', at('2026-12-02T12:20:00')),
  afternoon: owner('!keluhan', at('2026-12-02T16:00:00')),
  // the next morning: the summary at 08:00 and the morning reminder, each once
  morning: owner('!keluhan K-0002', at('2026-12-03T09:10:00')),
  laterThatDay: owner('!keluhan 2 balas Mohon maaf Kak, boleh kirim fotonya?', at('2026-12-03T15:00:00')),

  // seven days after its resolution the first ticket closes by itself
  weekLater: owner('!keluhan 1', at('2026-12-09T10:00:00')),
};

let out: SimOut[] = [];
let dataDir = '';
const to = (after: number, who: string): SimOut[] => out.filter((o) => o.after === after && o.to === who);
const texts = (after: number, who: string): string[] => to(after, who).map((o) => o.text ?? '');

beforeAll(async () => {
  dataDir = await tempDir();
  out = script.run(dataDir);
});
afterAll(async () => removeDir(dataDir));

describe('a complaint from start to end', () => {
  it('listens, collects, and files the ticket with its number', () => {
    expect(texts(L.complaint, RINA_CHAT)[0]).toMatch(/^Aduh, mohon maaf sekali Rina barangnya sampai dalam keadaan rusak\./);
    expect(texts(L.detail, RINA_CHAT)).toEqual(['Baik, kami catat. Ada lagi yang ingin disampaikan? Ketik *sudah* kalau sudah semua.']);
    expect(texts(L.photo, RINA_CHAT)).toEqual([]);
    expect(texts(L.done, RINA_CHAT)[0]).toContain('✅ Keluhan Kakak sudah kami catat dengan nomor *K-0001*:');
    expect(texts(L.done, RINA_CHAT)[0]).toContain('hari ini sebelum pukul 17.00');
  });

  it('tells the owner at once, with the photo', () => {
    const alert = to(L.done, OWNER_CHAT);
    expect(alert[0]?.text).toContain(
      '📝 *Keluhan baru K-0001* · barang rusak\nDari: *Rina* (+62 812-3456-7890)\nCerita: kak mawarnya patah 2 tangkai, kecewa\nyang pesanan kemarin, buket wisuda\nFoto: 1 (menyusul)',
    );
    expect(alert[1]?.image).toMatch(/media\/keluhan-[0-9a-f]{8}\.png$/);
  });

  it("carries the owner's question, the answer, the reply and the resolution between them", () => {
    expect(texts(L.ask, RINA_CHAT)).toEqual(['Boleh kirim foto tangkainya yang patah, Kak?']);
    expect(texts(L.answer, RINA_CHAT)).toEqual(['Terima kasih Rina, sudah kami teruskan ke admin (keluhan *K-0001*). 🙏']);
    expect(texts(L.answer, OWNER_CHAT)[0]).toContain('💬 *K-0001*: *Rina* (+62 812-3456-7890) menjawab:\nini kak, patahnya di tengah');
    expect(to(L.answer, OWNER_CHAT)[1]?.image).toMatch(/keluhan-/);
    expect(texts(L.reply, RINA_CHAT)).toEqual(['Baik Kak, kami siapkan 2 tangkai pengganti.']);
    expect(texts(L.resolve, RINA_CHAT)[0]).toContain('Bagaimana penanganan kami? Balas dengan angka *1* sampai *5* (5 = sangat puas).');
  });

  it('takes the rating, reopens on "belum beres", and takes the rating again after the second resolution', () => {
    expect(texts(L.rate, RINA_CHAT)).toEqual(['Terima kasih atas nilainya, Rina! 🌸 Masukan Kakak sangat berarti untuk kami.']);
    expect(texts(L.reopen, RINA_CHAT)).toEqual([
      'Mohon maaf Rina, ternyata belum beres. Keluhan *K-0001* kami buka lagi dan admin kami segera menindaklanjuti. 🙏',
    ]);
    expect(texts(L.reopen, OWNER_CHAT).find((t) => t.startsWith('🔁'))).toContain('🔁 Keluhan *K-0001* dibuka lagi');
    expect(texts(L.rateAgain, RINA_CHAT)).toEqual(['Terima kasih atas nilainya, Rina! 🌸 Masukan Kakak sangat berarti untuk kami.']);
  });

  it('reminds the owner of an unanswered ticket after two business hours, once that day, and again the next morning', () => {
    const reminders = (after: number): string[] => texts(after, OWNER_CHAT).filter((t) => t.includes('belum dibalas'));
    expect(reminders(L.noon)).toHaveLength(1);
    expect(reminders(L.noon)[0]).toContain('• *K-0002* · Rina · warna · 2 jam');
    expect(reminders(L.afternoon)).toEqual([]);
    expect(reminders(L.morning)).toHaveLength(1);
    expect(reminders(L.laterThatDay)).toEqual([]);
  });

  it('sends the daily summary each morning that passes 08:00, once a day', () => {
    const summaries = out.filter((o) => o.to === OWNER_CHAT && (o.text ?? '').startsWith('☀️ *Ringkasan kemarin*'));
    // 2 and 3 December, then one for each of the six mornings the clock jumped over to 9 December
    expect(summaries.map((s) => s.after)).toEqual([L.reopen, L.morning, ...Array(6).fill(L.weekLater)]);
    const days = summaries.map((s) => /\((\d+\/12\/2026)\)/.exec(s.text ?? '')?.[1]);
    expect(days).toEqual(['1/12/2026', '2/12/2026', '3/12/2026', '4/12/2026', '5/12/2026', '6/12/2026', '7/12/2026', '8/12/2026']);
    const dec3 = summaries[1]?.text ?? '';
    expect(dec3).toContain('☀️ *Ringkasan kemarin* (2/12/2026)');
    expect(dec3).toContain('Keluhan: 1 baru, 1 selesai, 1 masih terbuka');
    expect(dec3).toContain('Nilai rata-rata: 5,0 dari 5 (1 nilai)');
  });

  it('closes the resolved ticket by itself seven days later, with the whole story in its timeline', () => {
    const card = texts(L.weekLater, OWNER_CHAT).find((t) => t.startsWith('🧾')) ?? '';
    expect(card).toMatch(/^🧾 \*Keluhan K-0001\* · 📁 ditutup/);
    expect(card).toContain('Nilai: ⭐⭐⭐⭐⭐ (5)');
    for (const line of [
      '👤 kak mawarnya patah 2 tangkai, kecewa',
      '👤 📷 (foto)',
      '🏪 Boleh kirim foto tangkainya yang patah, Kak?',
      '👤 📷 ini kak, patahnya di tengah',
      '· selesai: Kami kirim',
      '👤 nilai 4',
      '· dibuka lagi oleh pelanggan',
      '👤 nilai 5',
      '· ditutup otomatis 7 hari setelah selesai',
    ]) {
      expect(card).toContain(line);
    }
  });
});

describe('durability', () => {
  it('keeps a ticket whose number was shown, even when the process is killed at that moment', async () => {
    const dir = await tempDir();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/main.ts', '--jsonl', '--data', dir, '--owner', OWNER], {
        stdio: ['pipe', 'pipe', 'ignore'],
        env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn' },
      });
      let seen = '';
      const killed = new Promise<string>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          if (seen.includes('K-0001') && child.exitCode === null) {
            child.kill('SIGKILL');
            resolve(seen);
          }
        });
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const lines = [
        { from: '081234567890', name: 'Rina', text: 'komplain kak, vasnya pecah', at: '2026-12-01T10:00:00+07:00' },
        { from: '081234567890', text: 'sudah' },
      ];
      // no end of input: the process is still running when it is killed
      child.stdin.write(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
      await killed;
      await exited;
      expect(child.signalCode).toBe('SIGKILL');

      const after = new SimScript();
      const look = after.owner('!keluhan 1', { at: '2026-12-01T10:05:00+07:00' });
      const again = after.run(dir);
      const card = again.find((o) => o.after === look && o.to === OWNER_CHAT)?.text ?? '';
      expect(card).toMatch(/^🧾 \*Keluhan K-0001\* · 🆕 baru/);
      expect(card).toContain('Cerita: komplain kak, vasnya pecah');
    } finally {
      await removeDir(dir);
    }
  });
});
