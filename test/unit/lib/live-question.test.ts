import { describe, expect, it } from 'vitest';
import { liveQuestion } from '../../../lib/live-question.ts';
import { LIVE_API_BASE_URL } from '../../../lib/settings.ts';

const SANDBOX = 'http://127.0.0.1:8787/api/v1';

describe('liveQuestion: the first live link is asked about once', () => {
  it('asks with a key known to be live until a live link was made with it', () => {
    expect(liveQuestion({ mode: 'live' }, LIVE_API_BASE_URL)).toBe('live');
    expect(liveQuestion({ mode: 'live' }, SANDBOX)).toBe('live');
    expect(liveQuestion({ mode: 'live', liveLinkMade: true }, LIVE_API_BASE_URL)).toBeUndefined();
  });

  it('asks about a key not used yet, unless it goes to this computer', () => {
    expect(liveQuestion({ mode: 'unknown' }, LIVE_API_BASE_URL)).toBe('maybe');
    expect(liveQuestion({ mode: 'unknown' }, 'https://payfect-proxy.example/api/v1')).toBe('maybe');
    expect(liveQuestion({ mode: 'unknown' }, SANDBOX)).toBeUndefined();
  });

  it('never asks with a test key', () => {
    expect(liveQuestion({ mode: 'test' }, LIVE_API_BASE_URL)).toBeUndefined();
  });
});
