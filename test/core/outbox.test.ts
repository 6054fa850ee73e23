import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { NO_PACING, Outbox, splitText, typingTime, type Pacing } from '../../src/engine/outbox.js';
import { MemoryTransport } from '../../src/transport/memory.js';
import { memoryLogger, T0 } from '../helpers.js';

function make(pacing: Pacing = NO_PACING) {
  const clock = new ManualClock(T0);
  const transport = new MemoryTransport(clock);
  const { logger, entries } = memoryLogger();
  const outbox = new Outbox({ transport, clock, logger, pacing, random: () => 0.5 });
  return { clock, transport, outbox, logs: entries };
}

const text = (t: string) => ({ kind: 'text' as const, text: t });

describe('outbox', () => {
  it('keeps each chat in order and serves chats in turn', async () => {
    const { transport, outbox } = make();
    for (let i = 1; i <= 100; i++) void outbox.enqueue('busy', text(`busy ${i}`));
    void outbox.enqueue('quiet', text('quiet 1'));
    await outbox.idle();
    const order = transport.sent.map((s) => (s.message.kind === 'text' ? s.message.text : ''));
    // the quiet chat waits for one turn of the busy one, not for its hundred messages
    expect(order.slice(0, 4)).toEqual(['busy 1', 'busy 2', 'quiet 1', 'busy 3']);
    expect(order.filter((t) => t.startsWith('busy'))).toEqual(Array.from({ length: 100 }, (_, i) => `busy ${i + 1}`));
  });

  it('paces sends across all chats and shows typing for a time that grows with the text', async () => {
    const pacing: Pacing = { minGapMs: 1000, jitter: 0.3, typingPerCharMs: 40, typingMinMs: 500, typingMaxMs: 4000 };
    const { clock, transport, outbox } = make(pacing);
    void outbox.enqueue('a', text('hi'));
    void outbox.enqueue('b', text('x'.repeat(500)));
    const done = outbox.idle();
    // move the clock in small steps, letting the sender reach each of its waits
    for (let t = 0; t < 5000; t += 100) {
      await new Promise((r) => setImmediate(r));
      await clock.advance(100);
    }
    await done;
    expect(transport.sent.map((s) => [s.at - T0, s.typingMs])).toEqual([
      [0, 500],
      [1000, 4000],
    ]);
    expect(typingTime(text('x'.repeat(50)), pacing)).toBe(2000);
  });

  it('logs a failed send and carries on with the next one', async () => {
    const { transport, outbox, logs } = make();
    transport.failSends = 1;
    const first = outbox.enqueue('a', text('lost'));
    const second = outbox.enqueue('a', text('kept'));
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(transport.textsTo('a')).toEqual(['kept']);
    expect(logs.some((l) => l.level === 50 && l.msg === 'a message could not be sent')).toBe(true);
    expect(outbox.failedCount).toBe(1);
  });

  it('loses nothing when the connection drops: replies wait and go out in order after the reconnect', async () => {
    const { transport, outbox, logs } = make();
    transport.dropOnNextSend = true;
    void outbox.enqueue('a', text('one'));
    void outbox.enqueue('a', text('two'));
    void outbox.enqueue('b', text('three'));
    await new Promise((r) => setImmediate(r));
    expect(transport.sent).toEqual([]);
    expect(outbox.size()).toBe(3);
    expect(logs.some((l) => l.level === 40 && /waits for the reconnect/.test(l.msg))).toBe(true);
    transport.reconnect();
    await outbox.idle();
    expect(transport.textsTo('a')).toEqual(['one', 'two']);
    expect(transport.textsTo('b')).toEqual(['three']);
    expect(outbox.failedCount).toBe(0);
  });

  it('counts a send that never returns as failed after the send timeout, and goes on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { transport, outbox, logs } = make();
      const send = transport.send.bind(transport);
      let hang = true;
      transport.send = (chatId, message, options) => {
        if (!hang) return send(chatId, message, options);
        hang = false;
        return new Promise(() => undefined);
      };
      const first = outbox.enqueue('a', text('stuck'));
      const second = outbox.enqueue('a', text('next'));
      await vi.advanceTimersByTimeAsync(30_001);
      expect(await first).toBe(false);
      expect(await second).toBe(true);
      expect(transport.textsTo('a')).toEqual(['next']);
      expect(logs.find((l) => l.level === 50)?.['err']).toMatchObject({ message: 'a send took longer than 30000 ms' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops, with a log line, replies that waited more than an hour for the connection', async () => {
    const { clock, transport, outbox, logs } = make();
    transport.disconnect();
    const stale = outbox.enqueue('a', text('lama'));
    await clock.advance(50 * 60_000);
    const fresh = outbox.enqueue('a', text('baru'));
    await clock.advance(11 * 60_000);
    transport.reconnect();
    expect(await stale).toBe(false);
    expect(await fresh).toBe(true);
    expect(transport.textsTo('a')).toEqual(['baru']);
    expect(outbox.droppedCount).toBe(1);
    expect(logs.find((l) => l.level === 40 && /waited too long/.test(l.msg))).toMatchObject({ waitedMinutes: 61 });
  });

  it('keeps the waiting queue bounded, dropping the oldest', async () => {
    const clock = new ManualClock(T0);
    const transport = new MemoryTransport(clock);
    const { logger } = memoryLogger();
    const outbox = new Outbox({ transport, clock, logger, pacing: NO_PACING, maxQueued: 3 });
    transport.disconnect();
    const results = [1, 2, 3, 4, 5].map((n) => {
      const r = outbox.enqueue(n % 2 ? 'a' : 'b', text(`m${n}`));
      return r;
    });
    expect(outbox.size()).toBe(3);
    transport.reconnect();
    // m1 was already in hand, waiting for the connection; the oldest waiting ones made room
    expect(await Promise.all(results)).toEqual([true, false, false, true, true]);
    expect([...transport.textsTo('a'), ...transport.textsTo('b')].sort()).toEqual(['m1', 'm4', 'm5']);
  });

  it('splits a text longer than WhatsApp allows at a paragraph break', () => {
    const long = `${'a'.repeat(3000)}\n\n${'b'.repeat(3000)}`;
    expect(splitText(long).map((p) => p.length)).toEqual([3000, 3000]);
    const words = Array.from({ length: 2000 }, () => 'kata').join(' ');
    const parts = splitText(words);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join(' ')).toBe(words);
    expect(splitText('')).toEqual(['']);
  });
});
