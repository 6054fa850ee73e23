import { asksTheShop, clausesOf, definePlugin, describeCustomer, HANDOFF_MS } from '../../src/plugin-api.js';

/**
 * What only a person can answer: a call, a custom or bulk order, a discount, an event, the owner
 * asked for by name. The customer is told a person will answer and roughly when (from the opening
 * hours); the owner is told once per chat, with the customer's words; and the chat is handed to
 * the people, so the bot does not talk over them ("ada diskon kalau ambil 5 buket wisuda?" is a
 * question for the owner, not for the bouquet's card). Another part of the message that asks
 * what the shop answers itself ("anggrek pot brp? ada diskon kalo beli 5?", "bisa harga grosir?
 * ongkir ke siantar brp") goes on to the plugins after this one, alone.
 */
export default definePlugin({
  name: 'person',
  description: 'Hands to a person what only a person can answer (calls, custom and bulk orders, discounts, events), and tells the owner once.',
  texts: {
    'orang.diteruskan': {
      default: 'Baik {nama}, untuk yang ini admin kami yang akan menjawab langsung. 🙏 Pesan Kakak sudah kami teruskan; admin membalas di chat ini {kapan}.',
      help: 'jawaban saat pelanggan butuh orang (telepon, pesanan khusus atau grosir, diskon, acara); admin diberi tahu',
      variables: ['nama', 'kapan'],
      en: 'Thank you, {nama}. Our admin will answer this one personally 🙏 We have passed your message on; they will reply in this chat {kapan}.',
    },
    'orang.kabar-admin': {
      default: '🙋 {pelanggan} perlu dijawab langsung oleh admin:\n“{pesan}”',
      help: 'kabar ke admin saat pelanggan butuh orang; sekali per chat selama bot menyerahkan chatnya',
      variables: ['pelanggan', 'pesan'],
    },
  },
  setup(api) {
    api.use((ctx, next) => {
      const r = ctx.reading;
      // a quick reply the owner wrote for it ("diskon" → the promo), or a menu choice named by its
      // title ("promo minggu ini"), is the shop's own answer
      if (ctx.isOwner || ctx.text === '' || !r.wantsTo('person') || ctx.choice !== null || (r.signal('ownAnswers')?.rules.length ?? 0) > 0) return next();
      const open = api.hours.isOpen(ctx.now);
      const english = ctx.language === 'en';
      const kapan = open ? (english ? 'as soon as possible' : 'secepatnya') : api.hours.describeNextOpening(ctx.now);
      ctx.reply(api.texts.render('orang.diteruskan', { nama: ctx.addressee, kapan }, ctx.language));
      // the owner reads the customer's whole words, also when another plugin passed only this part on
      const told = ctx.customer.handoffUntil !== null && ctx.now < ctx.customer.handoffUntil;
      ctx.handOff(HANDOFF_MS);
      if (!told)
        void api.notifyOwners(api.texts.render('orang.kabar-admin', { pelanggan: describeCustomer(ctx.customer), pesan: ctx.msg.text.trim().slice(0, 500) }));
      // the parts for a person go no further; another part the shop answers itself goes on alone
      const clauses = clausesOf(ctx.text).map((c) => api.read(c));
      if (clauses.every((c) => !c.wantsTo('person'))) return;
      const rest = clauses.filter((c) => !c.wantsTo('person') && asksTheShop(c));
      if (rest.length === 0) return;
      ctx.passOn(rest.map((c) => c.text).join('\n'));
      return next();
    });
  },
});
