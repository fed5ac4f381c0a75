import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, isSafeCheckoutUrl, validateBaseUrl } from '../../../../lib/payfect';

const LIVE = 'https://api.payfect.finance/api/v1';
const SANDBOX = 'http://127.0.0.1:8787/api/v1';

describe('checkout url safety', () => {
  it('accepts https links whatever the API base', () => {
    const url = 'https://buy-dev.payfect.finance/checkouts/ed8d24aa';
    expect(isSafeCheckoutUrl(url, LIVE)).toBe(true);
    expect(isSafeCheckoutUrl(url, SANDBOX)).toBe(true);
  });

  it.each([
    'http://localhost:8787/c/1',
    'http://127.0.0.1/c/1',
    'http://127.9.9.9/c',
    'http://[::1]:8787/c',
  ])('accepts the loopback http link %s only when the API base is loopback too', (url) => {
    expect(isSafeCheckoutUrl(url, SANDBOX)).toBe(true);
    expect(isSafeCheckoutUrl(url, 'http://localhost:8787')).toBe(true);
    expect(isSafeCheckoutUrl(url, LIVE)).toBe(false);
  });

  it.each([
    'http://buy.payfect.finance/checkouts/1',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.com/x',
    '/checkouts/1',
    'https://buy.payfect.finance@evil.example/checkouts/1',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(isSafeCheckoutUrl(url, SANDBOX)).toBe(false);
  });

  it('recognises loopback URLs', () => {
    expect(isLoopbackUrl('http://localhost:8787/api')).toBe(true);
    expect(isLoopbackUrl('https://127.0.0.1')).toBe(true);
    expect(isLoopbackUrl('http://[::1]/')).toBe(true);
    expect(isLoopbackUrl('http://128.0.0.1/')).toBe(false);
    expect(isLoopbackUrl('http://localhost.evil.example/')).toBe(false);
    expect(isLoopbackUrl('ftp://localhost/')).toBe(false);
  });
});

describe('the API base URL check', () => {
  it.each([
    ['https://api.payfect.finance/api/v1', 'https://api.payfect.finance/api/v1'],
    ['  https://API.payfect.finance:443/api/v1/  ', 'https://api.payfect.finance/api/v1'],
    ['http://localhost:8787/', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/api/v1', 'http://127.0.0.1:8787/api/v1'],
    ['http://[::1]:8787/api/v1//', 'http://[::1]:8787/api/v1'],
  ])('accepts %j as %j', (text, normalised) => {
    expect(validateBaseUrl(text)).toEqual({ ok: true, value: normalised });
  });

  it.each([
    ['http://api.payfect.finance/api/v1', /https/],
    ['api.payfect.finance/api/v1', /full URL/],
    ['', /full URL/],
    ['ftp://api.payfect.finance', /https/],
    ['javascript:alert(1)', /https/],
    ['https://user:pw@api.payfect.finance', /user name or password/],
    ['https://api.payfect.finance/api/v1?x=1', /"\?"/],
  ])('refuses %j with a sentence', (text, message) => {
    const result = validateBaseUrl(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
