import { z } from 'zod/mini';
import { settingsDefaults } from './draft.ts';
import { FIELDS, keptValue, type FieldKey, type Renewal } from './fields.ts';
import type { SessionRecord } from './history.ts';
import { t } from './i18n.ts';
import { OrderSchema, type Order } from './order.ts';
import { err, ok, type Result } from './result.ts';
import type { Settings } from './settings.ts';

/*
 * A new payment link for an invoice whose link expired (or soon expires): a new checkout with
 * the same items, currency, network, redirect URLs and reference, for the same invoice number
 * (issue 23: an invoice is not a link), so the client's payment matches the invoice they hold.
 */

/**
 * The order that renews `record`: the same items, currency and network, and each field as
 * lib/fields.ts says a renewal keeps it — copied, or (for links stored
 * before the field was kept) the profile's current default, as a new form would have it.
 * Checked against the order schema: a record is stored data, not trusted input.
 */
export function renewalOrder(record: SessionRecord, defaults: Settings): Result<Order, string> {
  const top: Record<string, string> = {};
  const profileDefaults: Partial<Record<FieldKey, string>> = settingsDefaults(defaults);
  for (const field of FIELDS) {
    if (field.kept !== 'top') continue;
    const kept = keptValue(record, field);
    const renewal: Renewal = field.renewal;
    if (renewal === 'default') top[field.as] = kept ?? profileDefaults[field.key] ?? '';
    else if (kept !== undefined) top[field.as] = kept;
  }
  const parsed = z.safeParse(OrderSchema, {
    items: record.items.map(({ name, description, unitAmount, quantity }) => ({
      name,
      description,
      unitAmount,
      quantity,
    })),
    // The unit the items were priced in, never the Settings default: 9,000 TWD renews as
    // 9,000 TWD. Records from before itemsCurrency have Payfect's answer only.
    currency: (record.itemsCurrency ?? record.currency).toLowerCase(),
    network: record.network,
    ...top,
    // Who was billed stays who is billed.
    ...(record.client === undefined ? {} : { client: record.client }),
  });
  return parsed.success ? ok(parsed.data) : err(t('background.cannotResend'));
}
