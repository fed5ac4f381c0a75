import { describe, expect, it } from 'vitest';
import { isDueForPoll, STALE_AFTER_MS } from '../../../lib/polling-policy.ts';

const NOW = 1_700_000_000_000;
const open = { lastChecked: NOW - 10_000, expiresAt: NOW + 60 * 60_000, live: true };

describe('isDueForPoll', () => {
  it('asks about a link that can be paid on every poll', () => {
    expect(isDueForPoll(open, NOW, false)).toBe(true);
  });

  it('skips a link asked less than the stale window ago when only stale ones are wanted', () => {
    expect(isDueForPoll(open, NOW, true)).toBe(false);
    expect(isDueForPoll({ ...open, lastChecked: NOW - STALE_AFTER_MS }, NOW, true)).toBe(true);
  });

  it('asks once more about a link past expiry that was not asked since it expired', () => {
    const expired = { lastChecked: NOW - 120_000, expiresAt: NOW - 60_000, live: false };
    expect(isDueForPoll(expired, NOW, false)).toBe(true);
    expect(isDueForPoll(expired, NOW, true)).toBe(true);
  });

  it('does not ask again about a link asked after its expiry', () => {
    const asked = { lastChecked: NOW - 30_000, expiresAt: NOW - 60_000, live: false };
    expect(isDueForPoll(asked, NOW, false)).toBe(false);
  });
});
