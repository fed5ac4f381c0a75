import { afterEach, describe, expect, it } from 'vitest';
import { cssString, pageRules } from '../../../entrypoints/invoice/page-rules.ts';
import { useFakeLocale } from '../../support/fake-i18n.ts';

afterEach(async () => {
  await useFakeLocale('en');
});

describe('pageRules', () => {
  it('puts the number and "Page n of m" at the foot of every printed page', () => {
    const rules = pageRules('INV-0007', false);
    expect(rules).toContain(
      '@bottom-right { content: "INV-0007 · " "Page " counter(page) " of " counter(pages); }',
    );
    expect(rules).not.toContain('@top-center');
  });

  it('marks every page of a test document at its head', () => {
    expect(pageRules('INV-0007', true)).toContain('@top-center { content: "TEST — not payable"; }');
  });

  it('follows the language’s word order', async () => {
    await useFakeLocale('zh-TW');
    expect(pageRules('INV-0007', false)).toContain(
      '"INV-0007 · " "第 " counter(page) " 頁，共 " counter(pages) " 頁"',
    );
  });

  it('escapes what would end the string or the rule', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
    expect(pageRules('ORDER "9" } body { color: red', false)).toContain(
      '"ORDER \\"9\\" } body { color: red · "',
    );
  });
});
