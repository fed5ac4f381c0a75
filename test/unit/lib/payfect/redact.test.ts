import { describe, expect, it } from 'vitest';
import { redactSecret, scrubSecret } from '../../../../lib/payfect/redact.ts';

const KEY = 'pfk_live_4f2a9c81d7e6b5a3';

describe('scrubSecret', () => {
  it.each([
    ['the whole key', `Bad key ${KEY}.`, 'Bad key [redacted].'],
    ['the key upper-cased', `BAD KEY ${KEY.toUpperCase()}`, 'BAD KEY [redacted]'],
    ['a prefix of 8 characters', 'got pfk_live_4f… cut', 'got [redacted]… cut'],
    ['a middle of 8 characters', 'got 9c81d7e6 only', 'got [redacted] only'],
    ['its tail, mixed case', 'ends D7E6b5A3!', 'ends [redacted]!'],
    ['two echoes', `${KEY} and ${KEY}`, '[redacted] and [redacted]'],
  ])('removes %s', (_case, text, expected) => {
    expect(scrubSecret(text, KEY)).toBe(expected);
  });

  it('keeps text sharing fewer than 8 characters with the key', () => {
    const text = 'Api-Key pfk_liv rejected: 4f2a9c8 is 7 characters';
    expect(scrubSecret(text, KEY)).toBe(text);
  });

  it('removes a key shorter than 8 characters only whole', () => {
    expect(scrubSecret('key ABC123 and abc', 'abc123')).toBe('key [redacted] and abc');
  });
});

describe('redactSecret', () => {
  it('scrubs every string of a validation error', () => {
    const redacted = redactSecret(
      {
        kind: 'validation',
        status: 400,
        detail: `Key ${KEY.toUpperCase()} invalid`,
        messages: ['echo pfk_live_4f2a9c'],
        fields: [{ path: 'api_key', messages: [`was ${KEY.slice(3, 15)}`] }],
      },
      KEY,
    );
    expect(JSON.stringify(redacted).toLowerCase()).not.toContain(KEY.slice(0, 8).toLowerCase());
    expect(redacted).toMatchObject({
      detail: 'Key [redacted] invalid',
      messages: ['echo [redacted]'],
      fields: [{ path: 'api_key', messages: ['was [redacted]'] }],
    });
  });
});
