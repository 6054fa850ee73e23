import { afterEach, describe, expect, it } from 'vitest';
import { closeBots, startBot, T0 } from '../helpers.js';

/** One customer's flood does not hold up anyone else: per-chat queues, a fair outbox, the reply cap. */
afterEach(closeBots);

describe('a flood from one customer', () => {
  it('does not delay another customer beyond the normal pacing', async () => {
    const bot = await startBot({ pacing: { minGapMs: 1000, jitter: 0, typingPerCharMs: 0, typingMinMs: 0, typingMaxMs: 0 } });
    const flooder = '6281200000001';
    const other = '6281200000002';
    for (let i = 0; i < 1000; i++) bot.transport.deliver({ from: flooder, text: `promo ${i} kak, murah?`, at: T0, id: `flood-${i}` });
    bot.transport.deliver({ from: other, text: 'lokasi dimana', at: T0, id: 'other-1' });
    // let the pipeline and the paced outbox run while the clock moves in small steps
    for (let t = 0; t < 20_000; t += 100) {
      await new Promise((resolve) => setImmediate(resolve));
      await bot.clock.advance(100);
    }
    await bot.app.idle();
    const toOther = bot.transport.sent.filter((m) => m.chatId === bot.transport.chatIdForNumber(other));
    const toFlooder = bot.transport.sent.filter((m) => m.chatId === bot.transport.chatIdForNumber(flooder));
    expect(toOther.length).toBeGreaterThan(0);
    // the other customer's answers go out within the pacing of the few messages ahead of them
    expect((toOther[0]?.at ?? Infinity) - T0).toBeLessThanOrEqual(5000);
    // the flood got at most the cap's six answers (each may be more than one message)
    expect(new Set(toFlooder.map((m) => m.at)).size).toBeLessThanOrEqual(12);
    expect(bot.app.outbox.size()).toBe(0);
    // every message of the flood was taken in and counted, none lost
    expect(bot.app.customers.get(bot.transport.chatIdForNumber(flooder))?.messageCount).toBe(1000);
  });
});
