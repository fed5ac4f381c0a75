import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/002.ts';
import v1 from './fixtures/v1.json';

describe('settings 002', () => {
  it('produces version 2', () => {
    expect(version).toBe(2);
  });

  it('adds historyCap 0 to stored v1 settings and keeps the rest', () => {
    expect(migrate(v1.settings)).toEqual({ ...v1.settings, historyCap: 0 });
  });

  it('leaves a value that is no object as it is', () => {
    expect(migrate(null)).toBeNull();
  });
});
