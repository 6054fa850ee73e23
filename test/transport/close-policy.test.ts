import { describe, expect, it } from 'vitest';
import { backoffDelay, classifyClose, type CloseFacts } from '../../src/transport/baileys/close-policy.js';

const facts = (over: Partial<CloseFacts>): CloseFacts => ({
  statusCode: undefined,
  message: undefined,
  shuttingDown: false,
  attempt: 0,
  versionRefreshed: false,
  random: () => 0.5,
  ...over,
});

describe('close policy', () => {
  it.each([
    [515, 'Stream Errored (restart required)', 'restart', 0],
    [401, 'Connection Failure', 'relink', 0],
    [411, 'Multidevice mismatch', 'relink', 0],
  ] as const)('%i → %s at once', (statusCode, message, kind, delayMs) => {
    expect(classifyClose(facts({ statusCode, message }))).toMatchObject({ kind, delayMs });
  });

  it('stops on 440 and explains that another copy uses the session', () => {
    const a = classifyClose(facts({ statusCode: 440, message: 'Stream Errored (conflict)' }));
    expect(a).toEqual({
      kind: 'stop',
      reason: 'connection replaced (440 Stream Errored (conflict))',
      advice: 'another copy of this bot is using the same session: stop the other copy, then restart this one',
    });
  });

  it('stops on 403 forbidden', () => {
    expect(classifyClose(facts({ statusCode: 403 }))).toMatchObject({ kind: 'stop', advice: expect.stringContaining('banned or restricted') });
  });

  it('fetches the WhatsApp Web version once on 405, then only backs off', () => {
    expect(classifyClose(facts({ statusCode: 405 }))).toMatchObject({ kind: 'refresh-version', delayMs: 1000 });
    expect(classifyClose(facts({ statusCode: 405, versionRefreshed: true, attempt: 1 }))).toMatchObject({ kind: 'backoff', delayMs: 2000 });
  });

  it('treats running out of QR codes as waiting for a scan, not a failure', () => {
    expect(classifyClose(facts({ statusCode: 408, message: 'QR refs attempts ended', attempt: 9 }))).toMatchObject({ kind: 'new-qr', delayMs: 1000 });
  });

  it.each([408, 428, 500, 503, undefined])('backs off on anything else (%s)', (statusCode) => {
    expect(classifyClose(facts({ statusCode, attempt: 3 }))).toMatchObject({ kind: 'backoff', delayMs: 8000 });
  });

  it('does not reconnect when we are shutting down', () => {
    expect(classifyClose(facts({ shuttingDown: true, statusCode: 428 }))).toMatchObject({ kind: 'shutdown' });
  });

  it('backs off exponentially from 1 s to 60 s with ±25 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelay(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(backoffDelay(0, () => 0)).toBe(750);
    expect(backoffDelay(0, () => 1)).toBe(1250);
    expect(backoffDelay(10, () => 0)).toBe(45_000);
    expect(backoffDelay(10, () => 0.999999)).toBe(75_000);
  });
});
