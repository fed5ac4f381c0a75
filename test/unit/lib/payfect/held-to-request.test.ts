import { describe, expect, it } from 'vitest';
import { answerCurrencyHolds } from '../../../../lib/payfect/held-to-request.ts';

describe('an answer held to its request: its currency', () => {
  it.each([
    ['usdt', 'usdt'],
    ['usdt', 'USDT'],
    ['twd', 'twd'],
    ['twd', 'usdt'],
    ['usd', 'usdt'],
    ['cny', 'USDT'],
  ])('accepts an order in %s answered in %s', (sent, answered) => {
    expect(answerCurrencyHolds(sent, answered)).toBe(true);
  });

  it.each([
    ['usdt', 'usd'],
    ['usdt', 'btc'],
    ['twd', 'usd'],
    ['usdt', '<b>USDT</b><img src=x>'],
    ['usdt', 'usdt '],
  ])('refuses an order in %s answered in %j', (sent, answered) => {
    expect(answerCurrencyHolds(sent, answered)).toBe(false);
  });
});
