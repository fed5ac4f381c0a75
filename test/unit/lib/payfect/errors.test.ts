import { describe, expect, it } from 'vitest';
import {
  describePayfectError,
  mayHaveReachedPayfect,
  type PayfectError,
  type PayfectErrorKind,
} from '../../../../lib/payfect';
import { flattenDrfErrors } from '../../../../lib/payfect/drf-errors';
import { parseRetryAfterMs } from '../../../../lib/payfect/retry-after';

describe('flattening Django REST Framework error bodies', () => {
  it('turns nested item errors into dotted paths', () => {
    const body = {
      invoice_items: [
        {},
        { price_data: { unit_amount: ['A valid number is required.'] }, quantity: ['Too big.'] },
      ],
      currency: ['"CNY" is not a valid choice.'],
    };
    expect(flattenDrfErrors(body)).toEqual({
      fields: [
        {
          path: 'invoice_items.1.price_data.unit_amount',
          messages: ['A valid number is required.'],
        },
        { path: 'invoice_items.1.quantity', messages: ['Too big.'] },
        { path: 'currency', messages: ['"CNY" is not a valid choice.'] },
      ],
      messages: [],
    });
  });

  it('makes detail and non_field_errors general messages', () => {
    expect(
      flattenDrfErrors({ detail: 'Bad request.', non_field_errors: ['Currencies differ.'] }),
    ).toEqual({ fields: [], messages: ['Bad request.', 'Currencies differ.'] });
  });

  it('keeps a nested non_field_errors on its enclosing path', () => {
    expect(
      flattenDrfErrors({ payment_method_data: { non_field_errors: ['Unknown network.'] } }),
    ).toEqual({
      fields: [{ path: 'payment_method_data', messages: ['Unknown network.'] }],
      messages: [],
    });
  });

  it('gives nothing for bodies that are not DRF errors', () => {
    expect(flattenDrfErrors(undefined)).toEqual({ fields: [], messages: [] });
    expect(flattenDrfErrors(42)).toEqual({ fields: [], messages: [] });
  });

  it('stays bounded on huge or deeply nested bodies', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, ['bad']]));
    expect(flattenDrfErrors(many).fields).toHaveLength(50);
    let deep: unknown = ['bottom'];
    for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
    expect(flattenDrfErrors(deep)).toEqual({ fields: [], messages: [] });
  });
});

describe('reading Retry-After', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('30', now)).toBe(30_000);
  });

  it('reads an HTTP-date', () => {
    expect(parseRetryAfterMs('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfterMs('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
  });

  it('caps a wait of more than an hour, in seconds or as a date, at an hour', () => {
    expect(parseRetryAfterMs('3600', now)).toBe(3_600_000);
    expect(parseRetryAfterMs('3601', now)).toBe(3_600_000);
    expect(parseRetryAfterMs('1000000000', now)).toBe(3_600_000);
    expect(parseRetryAfterMs('9'.repeat(400), now)).toBe(3_600_000);
    expect(parseRetryAfterMs('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(3_600_000);
  });

  it('never tells the user to wait more than 60 minutes', () => {
    const retryAfterMs = parseRetryAfterMs('1000000000', now);
    expect(describePayfectError({ kind: 'rate_limited', status: 429, retryAfterMs })).toBe(
      'Payfect is receiving too many requests — wait 60 minutes and try again.',
    );
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
  });
});

const oneOfEach: Record<PayfectErrorKind, PayfectError> = {
  auth: { kind: 'auth', status: 401, detail: 'Invalid API key.' },
  forbidden: { kind: 'forbidden', status: 403 },
  validation: {
    kind: 'validation',
    status: 400,
    fields: [
      { path: 'invoice_items.0.price_data.unit_amount', messages: ['A valid number is required.'] },
    ],
    messages: [],
  },
  not_found: { kind: 'not_found', status: 404 },
  rate_limited: { kind: 'rate_limited', status: 429, retryAfterMs: 30_000 },
  server: { kind: 'server', status: 502 },
  network: { kind: 'network', reason: 'fetch failed (ECONNREFUSED)' },
  timeout: { kind: 'timeout', timeoutMs: 15_000 },
  malformed_response: {
    kind: 'malformed_response',
    status: 200,
    reason: 'the response is not JSON',
  },
};

describe('describing errors to a person', () => {
  it.each(Object.values(oneOfEach))('gives a sentence for $kind', (error) => {
    const sentence = describePayfectError(error);
    expect(sentence).toMatch(/^[A-Z].{20,}[.)]$/);
    expect(sentence).not.toMatch(/undefined|\[object/);
  });

  it('points a rejected key to Settings', () => {
    expect(describePayfectError(oneOfEach.auth)).toBe(
      'Payfect rejected the API key — check it in Settings.',
    );
  });

  it('names the first rejected field in words', () => {
    expect(describePayfectError(oneOfEach.validation)).toBe(
      'Payfect did not accept the checkout: item 1 unit price: A valid number is required.',
    );
  });

  it('says a request refused before sending was not sent', () => {
    const error: PayfectError = {
      kind: 'validation',
      fields: [{ path: 'currency', messages: ['Use a lower-case currency code such as usdt.'] }],
      messages: [],
    };
    expect(describePayfectError(error)).toBe(
      'The checkout is not valid and was not sent. currency: Use a lower-case currency code such as usdt.',
    );
  });

  it('tells how long to wait when rate limited', () => {
    expect(describePayfectError(oneOfEach.rate_limited)).toContain('wait 30 seconds');
    expect(describePayfectError({ kind: 'rate_limited', status: 429 })).toContain('wait a minute');
  });

  it('mentions the connection and the base URL when Payfect cannot be reached', () => {
    expect(describePayfectError(oneOfEach.network)).toBe(
      'Could not reach Payfect — check your connection or the API base URL.',
    );
  });

  it('mentions the time limit on a timeout', () => {
    expect(describePayfectError(oneOfEach.timeout)).toContain('within 15 seconds');
  });

  it('tells which failures may still have created a checkout', () => {
    const maybe = Object.values(oneOfEach)
      .filter(mayHaveReachedPayfect)
      .map((e) => e.kind);
    expect(maybe.sort()).toEqual(['malformed_response', 'network', 'server', 'timeout']);
  });
});
