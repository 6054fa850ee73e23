import { appendFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { maskPhone } from '../phone.js';
import type { PrivacyHandler } from './types.js';

/**
 * What each part of the bot keeps about a customer, for the customer's rights under Indonesia's
 * personal data protection law (UU 27/2022): the !pelanggan builtin shows it and erases it. And
 * the audit log: who ran which admin command when.
 */
export class PrivacyRegistry {
  private readonly handlers: Array<PrivacyHandler & { plugin: string }> = [];

  add(plugin: string, handler: PrivacyHandler): void {
    this.handlers.push({ plugin, describe: (ids) => handler.describe(ids), forget: (ids) => handler.forget(ids) });
  }

  /** Every part's lines about these chats. */
  describe(chatIds: readonly string[]): string[] {
    return this.handlers.flatMap((h) => h.describe(chatIds));
  }

  /** Erases (or anonymises) every part's data about these chats; returns the parts that did. */
  async forget(chatIds: readonly string[]): Promise<string[]> {
    for (const h of this.handlers) await h.forget(chatIds);
    return this.handlers.map((h) => h.plugin);
  }
}

const AUDIT_FILE = 'audit.log';
/** A phone number however written: 081234567890, +62 812-3456-7890, 6281234567890 (not "12 1500000"). */
const PHONE_LIKE = /(?:\+|\b0|\b62)[\d\s.-]{7,}\d|\b\d{9,15}\b/g;
const AUDIT_MAX_BYTES = 5 * 1024 * 1024;

/** Appends who ran which admin command when to data/audit.log (one JSON line each), rotating at 5 MB. */
export class AuditLog {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly log: Logger,
  ) {}

  /**
   * `owner`: the owner's number (kept whole: the log says who did it). Phone numbers in `args`, a
   * customer's whose data may be erased later, are masked.
   */
  record(entry: { at: number; owner: string | null; command: string; args: string }): Promise<void> {
    const args = entry.args.slice(0, 300).replace(PHONE_LIKE, (found) => {
      const digits = found.replace(/\D/g, '');
      // a price (1.500.000) or a short number stays as written
      return digits.length < 9 || digits.length > 15 || /^\d{1,3}(\.\d{3})+$/.test(found) ? found : maskPhone(digits);
    });
    const line = `${JSON.stringify({ at: new Date(entry.at).toISOString(), owner: entry.owner, command: entry.command, args })}\n`;
    const path = join(this.dataDir, AUDIT_FILE);
    this.chain = this.chain
      .then(async () => {
        const size = await stat(path).then(
          (s) => s.size,
          () => 0,
        );
        if (size > AUDIT_MAX_BYTES) await rename(path, `${path}.1`);
        await appendFile(path, line, { mode: 0o600 });
      })
      .catch((err: unknown) => this.log.warn({ err }, 'could not write the audit log'));
    return this.chain;
  }

  /** Resolves when every entry so far is written. */
  settled(): Promise<void> {
    return this.chain;
  }
}
