import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/saved-items/002.ts';
import v1 from './fixtures/v1.json';

describe('saved items 002', () => {
  it('produces version 2', () => {
    expect(version).toBe(2);
  });

  it('marks the currency of every stored v1 template as not set', () => {
    expect(migrate(v1.savedItems)).toEqual(
      v1.savedItems.map((template) => ({ ...template, currency: null })),
    );
  });

  it('keeps a currency already there, and leaves anything else alone', () => {
    expect(migrate([{ id: 'x', currency: 'twd' }, 'junk'])).toEqual([
      { id: 'x', currency: 'twd' },
      'junk',
    ]);
    expect(migrate('not a list')).toBe('not a list');
  });
});
