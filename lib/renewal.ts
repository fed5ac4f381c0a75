import { z } from 'zod/mini';
import type { SessionRecord } from './history.ts';
import { t } from './i18n.ts';
import { MAX_REFERENCE_LENGTH, OrderSchema, type Order } from './order.ts';
import { err, ok, type Result } from './result.ts';
import type { Settings } from './settings.ts';

/*
 * A renewal: a new checkout for an expired (or nearly expired) one, with the same items,
 * currency, network and redirect URLs, and the reference marked "-R2", "-R3"… so the
 * client's payment can still be matched to the original invoice.
 */

const RENEWAL_SUFFIX = /-R(\d+)$/;

/**
 * "INV-42" → "INV-42-R2", "INV-42-R2" → "INV-42-R3". The base is shortened when needed so
 * the whole stays within MAX_REFERENCE_LENGTH (Payfect's own limit is higher; ours is the
 * form's).
 */
export function renewedReference(reference: string): string {
  const match = RENEWAL_SUFFIX.exec(reference);
  const base = match ? reference.slice(0, match.index) : reference;
  const next = match ? Number(match[1]) + 1 : 2;
  const suffix = `-R${Number.isSafeInteger(next) ? next : 2}`;
  return `${base.slice(0, MAX_REFERENCE_LENGTH - suffix.length)}${suffix}`;
}

type RedirectDefaults = Pick<Settings, 'successUrl' | 'cancelUrl' | 'callbackUrl'>;

/**
 * The order that renews `record`. Records made before the redirect URLs were kept have
 * none: the current defaults stand in for them, as they would in a new form. Checked
 * against the order schema: a record is stored data, not trusted input.
 */
export function renewalOrder(
  record: SessionRecord,
  defaults: RedirectDefaults,
): Result<Order, string> {
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
    reference: renewedReference(record.reference),
    successUrl: record.successUrl ?? defaults.successUrl,
    cancelUrl: record.cancelUrl ?? defaults.cancelUrl,
    callbackUrl: record.callbackUrl ?? defaults.callbackUrl,
    ...(record.client === undefined ? {} : { client: record.client }),
  });
  return parsed.success ? ok(parsed.data) : err(t('background.cannotResend'));
}
