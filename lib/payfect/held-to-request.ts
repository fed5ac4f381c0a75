import { currencyFacts } from '../currencies.ts';

/*
 * Payfect's answer is held to the request it answers. Its `currency` is stored, printed on
 * the invoice ("Total due 20.00 USDT") and in History: a hostile or broken server must not
 * put a currency of its choosing — or markup, or a payment instruction — on the merchant's
 * own invoice. The answer is in the currency sent, or in USDT for a currency Payfect is
 * documented to quote in USDT (lib/currencies.ts quotedInUsdt: a TWD order answered in USDT).
 */

/** Whether an answer in `answered` may answer an order priced in `sent`. */
export function answerCurrencyHolds(sent: string, answered: string): boolean {
  const order = sent.toLowerCase();
  const answer = answered.toLowerCase();
  if (answer === order) return true;
  return answer === 'usdt' && currencyFacts(order)?.quotedInUsdt === true;
}
