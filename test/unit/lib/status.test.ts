import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../lib/history.ts';
import { effectiveStatus, expireByClock, isLive, mergeStatus } from '../../../lib/status.ts';
import { session } from '../background/helpers.ts';

const CREATED = 1_700_000_000_000;
const EXPIRES = CREATED + 24 * 60 * 60 * 1000;
const BEFORE = EXPIRES - 60_000;
const AFTER = EXPIRES + 60_000;

function stored(status: SessionStatus) {
  return session('s1', {
    status,
    createdAt: CREATED,
    expiresAt: EXPIRES,
    lastChecked: CREATED,
    statusChangedAt: CREATED,
  });
}

describe('effectiveStatus: expiry by the clock', () => {
  it('shows an open session as open before its expiry', () => {
    expect(effectiveStatus(stored('open'), BEFORE)).toBe('open');
    expect(isLive(stored('open'), BEFORE)).toBe(true);
  });

  it('shows an open session as expired from its expiresAt on, with no request', () => {
    expect(effectiveStatus(stored('open'), EXPIRES)).toBe('expired');
    expect(effectiveStatus(stored('open'), AFTER)).toBe('expired');
    expect(isLive(stored('open'), AFTER)).toBe(false);
  });

  it('never shows a complete session as expired, however late', () => {
    expect(effectiveStatus(stored('complete'), AFTER)).toBe('complete');
  });
});

describe('mergeStatus', () => {
  it.each<[SessionStatus, SessionStatus, SessionStatus]>([
    ['open', 'open', 'open'],
    ['open', 'complete', 'complete'],
    ['open', 'expired', 'expired'],
    ['complete', 'open', 'complete'],
    ['complete', 'expired', 'complete'],
    ['complete', 'complete', 'complete'],
    ['expired', 'open', 'expired'],
    ['expired', 'expired', 'expired'],
    ['expired', 'complete', 'complete'],
  ])('turns stored %s with an answer of %s into %s', (current, fetched, expected) => {
    expect(mergeStatus(stored(current), { status: fetched }, BEFORE).status).toBe(expected);
  });

  it('never turns a complete session back to open or expired, even past expiry', () => {
    expect(mergeStatus(stored('complete'), { status: 'open' }, AFTER).status).toBe('complete');
    expect(mergeStatus(stored('complete'), { status: 'expired' }, AFTER).status).toBe('complete');
  });

  it('counts an open answer past expiresAt as expired', () => {
    expect(mergeStatus(stored('open'), { status: 'open' }, AFTER).status).toBe('expired');
  });

  it('sets statusChangedAt only when the status really changes', () => {
    expect(mergeStatus(stored('open'), { status: 'complete' }, BEFORE).statusChangedAt).toBe(
      BEFORE,
    );
    expect(mergeStatus(stored('open'), { status: 'open' }, BEFORE).statusChangedAt).toBe(CREATED);
    expect(mergeStatus(stored('complete'), { status: 'open' }, BEFORE).statusChangedAt).toBe(
      CREATED,
    );
  });

  it('sets lastChecked to now whatever the answer', () => {
    for (const status of ['open', 'complete', 'expired'] as const) {
      expect(mergeStatus(stored('open'), { status }, BEFORE).lastChecked).toBe(BEFORE);
    }
  });

  it('keeps every other field', () => {
    const record = stored('open');
    const merged = mergeStatus(record, { status: 'complete' }, BEFORE);
    const { status, lastChecked, statusChangedAt } = record;
    expect({ ...merged, status, lastChecked, statusChangedAt }).toEqual(record);
  });
});

describe('expireByClock', () => {
  it('stores an open session past expiry as expired at its expiresAt, not checked', () => {
    expect(expireByClock(stored('open'), AFTER)).toMatchObject({
      status: 'expired',
      statusChangedAt: EXPIRES,
      lastChecked: CREATED,
    });
  });

  it('leaves an open session before expiry and a complete one alone', () => {
    const open = stored('open');
    const complete = stored('complete');
    expect(expireByClock(open, BEFORE)).toBe(open);
    expect(expireByClock(complete, AFTER)).toBe(complete);
  });
});

describe('a status Payfect added after its docs ("processing")', () => {
  it('is shown as received and counts as open until expiry', () => {
    expect(effectiveStatus(stored('processing'), BEFORE)).toBe('processing');
    expect(isLive(stored('processing'), BEFORE)).toBe(true);
    expect(effectiveStatus(stored('processing'), AFTER)).toBe('expired');
    expect(isLive(stored('processing'), AFTER)).toBe(false);
  });

  it.each<[SessionStatus, SessionStatus, SessionStatus]>([
    ['open', 'processing', 'processing'],
    ['processing', 'open', 'open'],
    ['processing', 'complete', 'complete'],
    ['processing', 'expired', 'expired'],
    ['complete', 'refunded', 'complete'],
    ['expired', 'processing', 'expired'],
  ])('turns stored %s with an answer of %s into %s', (current, fetched, expected) => {
    expect(mergeStatus(stored(current), { status: fetched }, BEFORE).status).toBe(expected);
  });

  it('is expired by the clock like an open one', () => {
    expect(expireByClock(stored('processing'), AFTER)).toMatchObject({ status: 'expired' });
  });
});
