import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/004.ts';
import v3 from './fixtures/v3.json';

describe('settings 004', () => {
  it('produces version 4', () => {
    expect(version).toBe(4);
  });

  it('adds a reminder an hour before expiry to stored v3 settings', () => {
    expect(migrate(v3.settings)).toEqual({ ...v3.settings, reminderMinutes: 60 });
  });

  it('keeps a reminder already there, off included', () => {
    expect(migrate({ ...v3.settings, reminderMinutes: 0 })).toMatchObject({ reminderMinutes: 0 });
  });
});
