import { describe, expect, it } from 'vitest';
import { interpret, judge, loadSet, type Outcome, type ShopperMessage } from './bench/shoppers.js';

const message = (over: Partial<ShopperMessage>): ShopperMessage => ({
  id: 't',
  text: 'x',
  intents: ['product'],
  products: [],
  photo: false,
  lang: 'id',
  ideal: '',
  mustInclude: [],
  ...over,
});
const outcome = (did: string[], replies: string[] = ['ok']): Outcome => ({ replies, bubbles: replies.length, did: new Set(did), ownerAlerted: false });
const why = (by: string[], topics: string[] = [], menu: string | null = null) => ({ by, topics, dialog: null, menu });

describe('the shoppers judge', () => {
  it('is satisfied only when everything asked is answered, nothing else is, and the facts are there', () => {
    const m = message({ intents: ['product', 'info_shipping'], mustInclude: ['25.000'] });
    expect(judge(m, outcome(['product', 'info_shipping'], ['Mawar Putih Rp25.000', 'kirim']))).toMatchObject({ satisfied: true });
    expect(judge(m, outcome(['product'], ['Rp25.000'])).reasons).toEqual(['not answered: info_shipping']);
    expect(judge(m, outcome(['product', 'info_shipping', 'info_payment'], ['Rp25.000'])).reasons).toEqual(['not asked: info_payment']);
    expect(judge(m, outcome(['product', 'info_shipping'], ['Rp30.000'])).reasons).toEqual(['missing "25.000"']);
    expect(judge(m, outcome(['greeting', 'product', 'info_shipping'], ['halo', 'Rp25.000', 'kirim'])).reasons).toEqual(['3 bubbles']);
  });

  it('never accepts the fallback where something was asked, and accepts silence for courtesy', () => {
    expect(judge(message({ intents: ['courtesy'] }), outcome(['fallback'])).satisfied).toBe(false);
    expect(judge(message({ intents: ['courtesy'] }), outcome([], [])).satisfied).toBe(true);
    expect(judge(message({ intents: ['none'] }), outcome(['fallback'])).satisfied).toBe(true);
    expect(judge(message({ intents: ['greeting'] }), outcome([], [])).satisfied).toBe(false);
  });

  it('reads what the bot did from the host line, the store and the owner alerts', () => {
    expect([...interpret(why(['greeting', 'quick-reply'], ['quick-reply:kirim']), false, false, false, [])]).toEqual(['info_shipping', 'greeting']);
    expect([...interpret(why(['catalog'], ['catalog:harga', 'catalog:stok', 'catalog:pesan']), false, false, false, ['*Mawar*'])]).toEqual(['product']);
    expect([...interpret(why(['catalog'], ['catalog:pesan']), true, false, true, ['O-0001'])]).toEqual(['order']);
    expect([...interpret(why(['menu'], [], 'admin'), false, false, true, ['admin'])]).toEqual(['person']);
    // a list of the products named, with their prices, answers a question about them; what an
    // order would be ("Ini yang Kakak maksud?") is talk about ordering
    const named = ['Ini produk yang Kakak sebut:\n*1.* Mawar Merah Premium (P01) · Rp25.000\n*2.* Mawar Putih Premium (P02) · Rp25.000'];
    expect([...interpret(why(['catalog'], ['catalog:harga', 'catalog:stok']), false, false, false, named)]).toEqual(['product']);
    expect([
      ...interpret(why(['catalog'], ['catalog:harga', 'catalog:stok', 'catalog:pesan']), false, false, false, ['Ini yang Kakak maksud?\n• 2 × Mawar']),
    ]).toEqual(['order']);
    // a product's card shown with what the order would be answers both; a sold-out product's card
    // beside "sedang habis" only explains why the order cannot be taken
    const card = '*Mawar Putih Premium*\nKode P02 · Mawar\n💰 *Rp25.000*';
    const would = 'Ini yang Kakak maksud?\n• 15 × Mawar Putih Premium (P02) @ Rp25.000';
    expect([...interpret(why(['catalog'], ['catalog:harga', 'catalog:stok', 'catalog:pesan']), false, false, false, [card, would])].sort()).toEqual([
      'order',
      'product',
    ]);
    const soldOut = ['Maaf Kak, *Buket Sunflower* (P16) sedang habis. 🙏', '*Buket Sunflower*\nKode P16 · Buket\n💰 *Rp110.000*'];
    expect([...interpret(why(['catalog'], ['catalog:harga', 'catalog:stok', 'catalog:pesan']), false, false, false, soldOut)]).toEqual(['order']);
    // "we only sell artificial flowers" is the answer to a product the shop does not carry
    expect([...interpret(why(['catalog']), false, false, false, ['Maaf Kak, kami khusus menjual bunga *artificial* …, belum ada bunga segar. 🙏'])]).toEqual([
      'product',
    ]);
    expect([...interpret(why(['fallback']), false, false, true, ['Maaf Kak, kami belum menangkap maksud pesan Kakak.'])]).toEqual(['fallback', 'alert']);
    expect([...interpret(why(['fallback']), false, false, false, ['Sama-sama, Kak! 🙏'])]).toEqual(['courtesy']);
  });

  it('has labelled sets to measure on: a development set and a blind one', () => {
    for (const name of ['dev', 'dev2', 'blind', 'blind2'] as const) {
      const set = loadSet(name);
      expect(set.length).toBeGreaterThanOrEqual(200);
      for (const m of set) expect(m.intents.length, m.id).toBeGreaterThan(0);
      expect(new Set(set.map((m) => m.id)).size).toBe(set.length);
    }
  });
});
