import type { SessionRecord } from '../../lib/history.ts';
import type { Order } from '../../lib/order.ts';

/*
 * One factory per record the tests build: a valid record with plain defaults, overridden by
 * what a test is about. Tests of one area may keep a preset over these (background/helpers.ts).
 */

export const NOW = Date.UTC(2026, 2, 14, 12, 0);
export const HOUR = 3_600_000;

/** A session made an hour before NOW, open for a day; override what a test is about. */
export function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: 'cs_1',
    url: 'https://buy.payfect.finance/checkouts/cs_1',
    status: 'open',
    amountTotal: '20.50',
    currency: 'usdt',
    network: 'tron',
    networkName: 'Tron (TRC20)',
    items: [{ name: 'Logo design', description: '', unitAmount: '20.5', quantity: 1 }],
    reference: 'INV-1',
    createdAt: NOW - HOUR,
    expiresAt: NOW + 23 * HOUR,
    isLivemode: false,
    lastChecked: NOW - HOUR,
    statusChangedAt: NOW - HOUR,
    baseUrl: 'https://api.payfect.finance/api/v1',
    ...overrides,
  };
}

/** An order as the popup sends it: one item, USDT on Tron, a reference, no redirect URLs. */
export function order(overrides: Partial<Order> = {}): Order {
  return {
    items: [{ name: 'Logo design', description: '', unitAmount: '20.5', quantity: 2 }],
    currency: 'usdt',
    network: 'tron',
    reference: 'INV-42',
    successUrl: '',
    cancelUrl: '',
    callbackUrl: '',
    ...overrides,
  };
}
