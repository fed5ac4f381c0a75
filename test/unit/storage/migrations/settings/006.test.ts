import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/006.ts';
import v5 from './fixtures/v5.json';

describe('settings 006', () => {
  it('produces version 6', () => {
    expect(version).toBe(6);
  });

  it('carries no confirmed key host over from stored v5 settings, and keeps the rest', () => {
    const migrated = migrate(v5.settings) as typeof v5.settings;
    expect(migrated.profiles.map((profile) => 'confirmedKeyOrigin' in profile)).toEqual([
      false,
      false,
    ]);
    expect(migrated.profiles[1]).toEqual({
      ...v5.settings.profiles[0],
      id: 'other',
      name: 'Other',
      baseUrl: 'https://api.payfect-finance.support/api/v1',
    });
  });
});
