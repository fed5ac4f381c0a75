import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/010.ts';
import v9 from './fixtures/v9.json';

type Profile = (typeof v9.settings.profiles)[number];

function withoutIssued(profile: Profile) {
  const business: Partial<Profile['business']> = { ...profile.business };
  delete business.issued;
  return { ...profile, business };
}

describe('settings 010', () => {
  it('produces version 10', () => {
    expect(version).toBe(10);
  });

  it('takes issued out of every profile of stored v9 settings, carrying the highest per prefix', () => {
    expect(migrate(v9.settings)).toEqual({
      ...v9.settings,
      invoiceNumbersCarried: { 'INV-': 16, '2026-': 4, 'T-': 9 },
      profiles: v9.settings.profiles.map(withoutIssued),
    });
  });

  it('carries no entry that is not a whole number in range, and keeps a profile without business', () => {
    const damaged = {
      ...v9.settings,
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
