import { z } from 'zod/mini';
import { err, ok, type Result } from '../result';
import type { PayfectError } from './errors';
import { CheckoutSchema, type Checkout } from './schemas';
import { isSafeCheckoutUrl } from './url-safety';
import { issuePaths } from './zod-issues';

function malformed(status: number, reason: string): Result<never, PayfectError> {
  return err({ kind: 'malformed_response', status, reason });
}

/**
 * A 2xx body as a Checkout. The reason for a refusal names the fields at fault and never
 * quotes the body: it may be large, and it is not ours to show.
 */
export function checkoutFromText(
  text: string,
  status: number,
  baseUrl: string,
): Result<Checkout, PayfectError> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return malformed(status, 'the response is not JSON');
  }
  const parsed = z.safeParse(CheckoutSchema, json);
  if (!parsed.success) {
    const paths = issuePaths(parsed.error.issues).filter((path) => path !== '');
    return malformed(
      status,
      paths.length === 0
        ? 'the response is not a checkout object'
        : `missing or invalid field(s): ${paths.join(', ')}`,
    );
  }
  if (!isSafeCheckoutUrl(parsed.data.url, baseUrl)) {
    return malformed(status, 'the checkout url is not a safe https link');
  }
  return ok(parsed.data);
}
