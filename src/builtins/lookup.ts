import type { Customers } from '../engine/customers.js';
import { formatPhone, normalisePhone, UsageError } from '../plugin-api.js';
import { unreadableNumber } from '../phone.js';
import type { CustomerRecord } from '../store/schema.js';

/** The customer with the number the owner wrote ("0812 3456 7890", "+62…"); a clear answer when there is none. */
export function customerByNumber(customers: Customers, written: string): CustomerRecord {
  const r = normalisePhone(written);
  if (!r.ok) throw new UsageError(unreadableNumber(written, r.reason));
  const record = customers.findByNumber(r.digits);
  if (!record) throw new UsageError(`Nomor ${formatPhone(r.digits)} belum pernah menghubungi toko.`);
  return record;
}
