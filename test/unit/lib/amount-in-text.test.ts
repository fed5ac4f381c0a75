import { describe, expect, it } from 'vitest';
import { findAmount, OFFERED_CURRENCIES, type AmountInText } from '../../../lib/amount-in-text.ts';
import { CURRENCIES } from '../../../lib/settings.ts';

const CASES: readonly [string, string, AmountInText | undefined][] = [
  // what the issue names
  ['a dollar sign is US dollars', 'Logo design: $20.50', { amount: '20.5', currency: 'usd' }],
  ['US$ is US dollars', 'US$20.50 per page', { amount: '20.5', currency: 'usd' }],
  ['a USDT suffix', 'Total 20.5 USDT', { amount: '20.5', currency: 'usdt' }],
  ['a USDT prefix', 'USDT 20.5', { amount: '20.5', currency: 'usdt' }],
  ['NT$ is Taiwan dollars', 'Logo design — NT$600', { amount: '600', currency: 'twd' }],
  ['NT$ with a space and thousands', 'NT$ 1,200', { amount: '1200', currency: 'twd' }],
  ['the yen sign is yuan, as the form labels CNY', '¥88', { amount: '88', currency: 'cny' }],
  ['a CNY prefix', 'CNY 88', { amount: '88', currency: 'cny' }],
  ['a bare number with a thousands comma', 'about 1,200 for the site', { amount: '1200' }],
  ['thousands and decimals', '1,200.50', { amount: '1200.5' }],
  ['a bare decimal', 'fee 20.5', { amount: '20.5' }],
  // other ways people write them
  ['a lower-case code', '20 usd', { amount: '20', currency: 'usd' }],
  ['a code glued to the number', '20.5USDT', { amount: '20.5', currency: 'usdt' }],
  ['a TWD suffix', '600 TWD', { amount: '600', currency: 'twd' }],
  ['RMB is yuan', 'RMB 99.9', { amount: '99.9', currency: 'cny' }],
  ['a code wins over a symbol', '$20 USDT', { amount: '20', currency: 'usdt' }],
  ['full-width digits and sign', 'ＮＴ＄６００', { amount: '600', currency: 'twd' }],
  ['full-width yen sign and point', '￥８８．５', { amount: '88.5', currency: 'cny' }],
  [
    'trailing punctuation is not part of it',
    'It costs $20.50.',
    { amount: '20.5', currency: 'usd' },
  ],
  [
    'a priced amount beats an earlier count',
    '2 hours at $40 each',
    { amount: '40', currency: 'usd' },
  ],
  ['a million with two commas', '$1,000,000', { amount: '1000000', currency: 'usd' }],
  // two amounts
  ['the first of two priced amounts wins', '$20 or $30', { amount: '20', currency: 'usd' }],
  ['the first of two bare numbers wins', '3 pages, 600 each', { amount: '3' }],
  ['the first half of a range', '$10-20', { amount: '10', currency: 'usd' }],
  // no amount
  ['text without digits', 'Logo design, three concepts', undefined],
  ['an empty selection', '', undefined],
  ['a decimal comma is ambiguous', '20,5', undefined],
  ['a comma list is ambiguous', 'items 1,2,3', undefined],
  ['a European thousands dot', '1.234,56', undefined],
  ['a version number', '1.2.3', undefined],
  ['a negative number', '-20', undefined],
  ['a negative priced amount', 'refund -$20', undefined],
  ['a sign after the symbol', '$-20', undefined],
  ['the minus sign character', '−NT$600', undefined],
  ['zero', '$0.00', undefined],
  ['a percentage', 'discount 20%', undefined],
  ['a time of day', 'call at 10:30', undefined],
  ['digits inside words', 'A4 paper, v2, 4K', undefined],
  ['a currency the form does not offer', '€20', undefined],
  ['another dollar', 'HK$100', undefined],
  ['a code the form does not offer', '500 JPY', undefined],
  ['USDC is not USDT', '20 USDC', undefined],
  ['a letter code inside a longer word', 'BUSD20', undefined],
  ['more digits than the form takes', '$1234567890123456', undefined],
  ['more decimals than the currency has', 'NT$600.505', undefined],
  ['more decimals than any offered currency', '0.1234567', undefined],
];

describe('the amount in selected text', () => {
  it.each(CASES)('reads %s: %j', (_name, text, expected) => {
    expect(findAmount(text)).toEqual(expected);
  });

  it('offers exactly the currencies the form offers', () => {
    expect([...OFFERED_CURRENCIES].sort()).toEqual(CURRENCIES.map((c) => c.value).sort());
  });

  it('takes USDT amounts with six decimals, as the form does', () => {
    expect(findAmount('20.123456 USDT')).toEqual({ amount: '20.123456', currency: 'usdt' });
  });

  it('skips a refused amount and reads the next one', () => {
    expect(findAmount('€20, or $25')).toEqual({ amount: '25', currency: 'usd' });
  });
});
