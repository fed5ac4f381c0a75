import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/008.ts';
import v7 from './fixtures/v7.json';

describe('settings 008', () => {
  it('produces version 8', () => {
    expect(version).toBe(8);
  });

  it('gives every profile of stored v7 settings no tax, no rate and the label "Tax"', () => {
    expect(migrate(v7.settings)).toEqual({
      ...v7.settings,
      profiles: v7.settings.profiles.map((profile) => ({
        ...profile,
        taxMode: 'none',
        taxRate: '',
        taxLabel: 'Tax',
      })),
    });
  });

  it('keeps tax defaults a profile already has', () => {
    const taxed = { profiles: [{ id: 'a', taxMode: 'tax', taxRate: '20', taxLabel: 'VAT' }] };
    expect(migrate(taxed)).toEqual(taxed);
  });
});
