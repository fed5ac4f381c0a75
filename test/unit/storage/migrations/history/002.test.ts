import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/history/002.ts';
import v1 from './fixtures/v1.json';

describe('history 002', () => {
  it('produces version 2', () => {
    expect(version).toBe(2);
  });

  it('rebuilds the meta of stored v1 history from its chunks: readable records, openFrom at the first', () => {
    expect(migrate(v1)['history:meta']).toEqual({
      version: 2,
      first: 0,
      end: 2,
      count: 3,
      openFrom: 0,
    });
  });

  it('fills what v2 added to a v1 record from what it has', () => {
    const [, paid] = migrate(v1)['history:chunk:0'] as Record<string, unknown>[];
    expect(paid).toMatchObject({
      lastChecked: paid?.createdAt,
      statusChangedAt: paid?.createdAt,
      networkName: 'tron',
      baseUrl: 'https://api.payfect.finance/api/v1',
    });
  });
});
