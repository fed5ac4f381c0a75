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

describe('scrubSecret, the key encoded', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const base64 = (text: string) => btoa(String.fromCharCode(...bytes(text)));
  const hex = (text: string) =>
    Array.from(bytes(text), (byte) => byte.toString(16).padStart(2, '0')).join('');

  it.each([
    ['base64', `echo ${base64(KEY)} end`],
    ['base64 inside an encoded header, at each offset', `h=${base64(`Api-Key ${KEY}`)}`],
    ['base64, one byte further', `h=${base64(`XApi-Key ${KEY}`)}`],
    ['base64, two bytes further', `h=${base64(`XYApi-Key ${KEY}`)}`],
    ['base64url', `t=${base64(`??>${KEY}`).replaceAll('+', '-').replaceAll('/', '_')}`],
    ['hex', `bytes ${hex(KEY)}`],
    ['hex upper-cased', `BYTES ${hex(KEY).toUpperCase()}`],
    ['percent-encoded byte by byte', `q=${hex(KEY).replace(/../g, '%$&')}`],
    ['URL-encoded with its odd characters', `q=${encodeURIComponent(`${KEY}/+=`)}`],
  ])('removes it in %s', (_case, text) => {
    const scrubbed = scrubSecret(text, KEY);
    expect(scrubbed).toContain('[redacted]');
    // Nothing decodable to the key is left in any form.
    for (const form of [KEY, base64(KEY).slice(4, 20), hex(KEY).slice(0, 16)]) {
      expect(scrubbed.toLowerCase()).not.toContain(form.toLowerCase());
    }
  });

  it('keeps base64 and hex that are not the key', () => {
    const text = `id ${base64('an unrelated value')} ${hex('another one')}`;
    expect(scrubSecret(text, KEY)).toBe(text);
  });
});
