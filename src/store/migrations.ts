import { SCHEMA_VERSION } from './schema.js';

/**
 * A migration takes the raw data of schema version `to - 1` and returns version `to`. They run in
 * order at start, before validation. The list is empty while version 1 is the only one.
 */
export interface Migration {
  to: number;
  description: string;
  run(data: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: Migration[] = [];

export type MigrationResult = { ok: true; data: Record<string, unknown>; applied: Migration[] } | { ok: false; reason: 'newer' | 'unknown'; version: unknown };

export function migrate(raw: Record<string, unknown>, migrations: Migration[] = MIGRATIONS, target = SCHEMA_VERSION): MigrationResult {
  const version = raw['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'unknown', version };
  if (version > target) return { ok: false, reason: 'newer', version };
  let data = raw;
  const applied: Migration[] = [];
  for (let v = version + 1; v <= target; v++) {
    const step = migrations.find((m) => m.to === v);
    if (!step) return { ok: false, reason: 'unknown', version };
    data = { ...step.run(data), schemaVersion: v };
    applied.push(step);
  }
  return { ok: true, data, applied };
}
