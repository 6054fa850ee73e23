import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandNames, renderCommands, replaceSection } from '../src/docs/readme-commands.js';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('lists exactly the admin commands the bot has, as !bantuan does (run `npm run docs` after changing a command)', async () => {
    expect(await commandNames()).toEqual([
      'bantuan',
      'teks',
      'toko',
      'jeda',
      'lanjut',
      'kenapa',
      'ajari',
      'jam',
      'libur',
      'pelanggan',
      'sapaan',
      'tutup',
      'keluhan',
      'statistik',
      'produk',
      'pesanan',
      'menu',
      'balasan',
    ]);
    expect(replaceSection(readme, await renderCommands('!'))).toBe(readme);
  });

  it('gives the setup, test, Docker and simulator instructions', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(readme).toContain('docker build -t layani .');
    expect(readme).toContain('npm run simulate');
  });
});
