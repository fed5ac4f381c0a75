import type { Checkout, CreateCheckoutRequest } from './schemas';
type K = { [P in keyof Checkout]-?: undefined extends Checkout[P] ? P : never }[keyof Checkout];
export const k: K = 'isLivemode';
export const c = (x: Checkout) => x;
export const r: CreateCheckoutRequest = { currency: 'usdt', invoice_items: [] };
export const bad: Checkout = { id: 'a', url: 'u', status: 'open', amountTotal: '1', currency: 'x', expiresAt: '1', createdAt: '1' };
