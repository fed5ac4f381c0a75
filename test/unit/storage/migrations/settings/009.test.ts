import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/009.ts';
import v8 from './fixtures/v8.json';

function withFooter(footer: string): unknown {
  const [first] = v8.settings.profiles;
  return { ...v8.settings, profiles: [{ ...first, business: { ...first?.business, footer } }] };
}

function termsOf(migrated: unknown): unknown {
  return (migrated as { profiles: { paymentTerms?: unknown }[] }).profiles[0]?.paymentTerms;
}

describe('settings 009', () => {
  it('produces version 9', () => {
    expect(version).toBe(9);
  });

  it('keeps the terms a footer states, and gives a profile whose footer states none Net 30', () => {
    const [withSeven, silent] = v8.settings.profiles;
    expect(migrate(v8.settings)).toEqual({
      ...v8.settings,
      profiles: [
        { ...withSeven, paymentTerms: '7' },
        { ...silent, paymentTerms: '30' },
      ],
    });
  });

  it.each([
    ['Terms: Net 14', '14'],
    ['Please pay within 45 calendar days.', '45'],
    ['請於 10 天內付款', '10'],
    ['Payment is due on receipt.', '0'],
    ['Payment due within 400 days', '30'],
    ['Thank you!', '30'],
  ])('reads the terms in the footer “%s” as %s days', (footer, days) => {
    expect(termsOf(migrate(withFooter(footer)))).toBe(days);
  });

  it('leaves what is not settings as it is', () => {
    expect(migrate(null)).toBe(null);
    expect(migrate({ profiles: 'x' })).toEqual({ profiles: 'x' });
  });
});
