import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/008.ts';
import v7 from './fixtures/v7.json';

type Profile = (typeof v7.settings.profiles)[number];

function withoutIssued(profile: Profile) {
  const business: Partial<Profile['business']> = { ...profile.business };
  delete business.issued;
  return { ...profile, business };
}

describe('settings 008', () => {
  it('produces version 8', () => {
    expect(version).toBe(8);
  });

  it('takes issued out of every profile of stored v7 settings, carrying the highest per prefix', () => {
    expect(migrate(v7.settings)).toEqual({
      ...v7.settings,
      invoiceNumbersCarried: { 'INV-': 16, '2026-': 4, 'T-': 9 },
      profiles: v7.settings.profiles.map(withoutIssued),
    });
  });

  it('carries no entry that is not a whole number in range, and keeps a profile without business', () => {
    const damaged = {
      ...v7.settings,
      profiles: [
        { id: 'a', business: { issued: { 'INV-': 'x', 'B-': 0, 'C-': 3.5, 'D-': 7 } } },
        { id: 'b' },
        'not a profile',
      ],
    };
    expect(migrate(damaged)).toEqual({
      ...damaged,
      invoiceNumbersCarried: { 'D-': 7 },
      profiles: [{ id: 'a', business: {} }, { id: 'b' }, 'not a profile'],
    });
  });
});
