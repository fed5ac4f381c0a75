import { describe, expect, it } from 'vitest';
import {
  uiErrorFromFailedCreate,
  uiErrorFromPayfect,
} from '../../../entrypoints/background/ui-error.ts';

describe('uiErrorFromPayfect', () => {
  it('puts field errors the form knows beside their field', () => {
    const error = uiErrorFromPayfect({
      kind: 'validation',
      status: 400,
      messages: [],
      fields: [
        {
          path: 'invoice_items.0.price_data.unit_amount',
          messages: ['A valid number is required.'],
        },
        { path: 'payment_method_data.paymentMethodDetail.network', messages: ['Not offered.'] },
      ],
    });
    expect(error).toEqual({
      kind: 'validation',
      message: 'Payfect did not accept the checkout details. See the marked fields.',
      fields: { 'items.0.unitPrice': 'A valid number is required.', network: 'Not offered.' },
    });
  });

  it('keeps errors without a form field in the sentence', () => {
    const error = uiErrorFromPayfect({
      kind: 'validation',
      status: 400,
      messages: [],
      fields: [
        { path: 'invoice_items.0.price_data.unit_amount', messages: ['Too many digits.'] },
        { path: 'metadata', messages: ['Not allowed.'] },
      ],
    });
    expect(error.fields).toEqual({ 'items.0.unitPrice': 'Too many digits.' });
    expect(error.message).toContain('metadata: Not allowed.');
    expect(error.message).not.toContain('Too many digits');
  });

  it('says a rejected key in words', () => {
    expect(uiErrorFromPayfect({ kind: 'auth', status: 401 })).toEqual({
      kind: 'auth',
      message: 'Payfect rejected the API key — check it in Settings.',
    });
  });

  it('keeps the kind of every other failure', () => {
    expect(uiErrorFromPayfect({ kind: 'timeout', timeoutMs: 15_000 }).kind).toBe('timeout');
    expect(uiErrorFromPayfect({ kind: 'rate_limited', retryAfterMs: 30_000 }).message).toContain(
      '30 seconds',
    );
  });
});

describe('uiErrorFromFailedCreate', () => {
  it.each([
    { kind: 'timeout', timeoutMs: 15_000 },
    { kind: 'network', reason: 'Failed to fetch' },
    { kind: 'server', status: 502 },
    { kind: 'malformed_response', reason: 'the response is not JSON' },
  ] as const)('warns that a $kind failure may have created the link anyway', (error) => {
    const { message } = uiErrorFromFailedCreate(error);
    expect(message).toContain(uiErrorFromPayfect(error).message);
    expect(message).toMatch(/may have been created anyway .* before you create it again\.$/);
  });

  it.each([
    { kind: 'auth', status: 401 },
    { kind: 'rate_limited', retryAfterMs: 30_000 },
    { kind: 'server', status: 409 },
  ] as const)('does not warn after a refusal ($kind)', (error) => {
    expect(uiErrorFromFailedCreate(error)).toEqual(uiErrorFromPayfect(error));
  });
});
