import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/history/003.ts';
import v2 from './fixtures/v2.json';

describe('history 003', () => {
  it('produces version 3', () => {
    expect(version).toBe(3);
  });

  it('finds openFrom again in stored v2 history: the chunk of the open session', () => {
    expect(migrate(v2)['history:meta']).toEqual({
      version: 3,
      first: 1,
      end: 3,
      count: 4,
      openFrom: 2,
    });
  });

  it('leaves the chunks as they are', () => {
    const migrated = migrate(v2);
    expect(migrated['history:chunk:1']).toBe(v2['history:chunk:1']);
    expect(migrated['history:chunk:2']).toBe(v2['history:chunk:2']);
  });
});
