import { DEFAULT_RULES, ENGLISH_ANSWERS, type QuickRule, STARTING_ANSWERS } from './defaults.js';
import { registerRuleCommand } from './command.js';
import { type Api, RuleBook, stateSchema } from './rules.js';
import { type Context, dayAsked, definePlugin, describeDay, isTopic } from '../../src/plugin-api.js';

export { MAX_ANSWER } from './command.js';

/**
 * Quick replies that answer themselves (SOP stage 4): where WhatsApp Business makes the owner type
 * "/harga" for each customer, layani sees "hrg brp kak" and answers. Two questions in one message
 * get both answers in one reply. There is no limit of 50 rules.
 */
export default definePlugin({
  name: 'quick-reply',
  description: 'Answers common questions (price, location, hours, stock, ordering, payment, delivery) from keywords.',
  state: { schema: stateSchema, defaults: () => ({ rules: DEFAULT_RULES() }) },
  setup(api) {
    const book = new RuleBook(api);
    // a rule the owner wrote is the shop's own answer: other plugins leave the message to it
    api.recognise('ownAnswers', (reading) => ({
      rules: book
        .matcher()
        .match(reading)
        .filter((n) => !isTopic(n)),
    }));
    api.use(async (ctx, next) => {
      if (ctx.text === '') return next();
      // A topic another plugin answered better (the catalog's own price) is not answered again.
      const names = book
        .matcher()
        .match(ctx.reading)
        .filter((n) => !(isTopic(n) && ctx.answered(n)));
      if (names.length === 0) return next();
      const rules = api.state.get().rules;
      const matched = names.map((n) => rules.find((r) => r.name === n)).filter((r): r is QuickRule => r !== undefined);
      answer(api, ctx, matched);
      for (const n of names) if (isTopic(n)) ctx.markAnswered(n);
      api.state.update((s) => {
        for (const r of s.rules) if (names.includes(r.name)) r.hits++;
      });
      await next();
    });
    registerRuleCommand(api, book);
  },
});

/** One reply for all the questions; a rule's picture goes with it. */
function answer(api: Api, ctx: Context, matched: QuickRule[]): void {
  // English for a customer who writes English, while the rule has its starting answer
  const english = ctx.language === 'en';
  const nama = ctx.addressee;
  const texts = matched.map((r) => {
    const own = english && STARTING_ANSWERS.get(r.name) === r.answer ? ENGLISH_ANSWERS[r.name] : undefined;
    return api.texts.fill(own ?? r.answer, { nama });
  });
  // "besok buka?", "natal buka ga", "sabtu sampai jam brp?": the day asked, from the hours
  const hours = matched.findIndex((r) => r.name === 'jam');
  const day = hours >= 0 ? dayAsked(ctx.text, api.hours.get(), ctx.now, api.timeZone) : null;
  if (day !== null) texts[hours] = `📅 ${describeDay(api.hours.get(), day, api.timeZone)}.\n\n${texts[hours]}`;
  const combined = texts.join('\n\n');
  const images = matched.filter((r) => r.image).map((r) => api.media.path(r.image as string));
  if (images.length === 1 && combined.length <= 1024) {
    ctx.reply({ kind: 'image', image: { path: images[0] as string }, caption: combined });
    return;
  }
  ctx.reply(combined);
  for (const path of images) ctx.reply({ kind: 'image', image: { path } });
}
