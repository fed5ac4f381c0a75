import { CURRENCY_TABLE } from '../../lib/currencies.ts';
import { parseDecimal, type Decimal } from '../../lib/money.ts';

/**
 * What a sandbox instance is told at start, and the defaults that make `startSandbox()` and
 * `npm run sandbox` work with no arguments.
 */

/**
 * The key the sandbox accepts unless given others. Deliberately shaped so nobody mistakes it
 * for a real Payfect key (those are UUIDs); paste it into the extension's Settings for demos.
 */
export const DEFAULT_SANDBOX_KEY = 'sandbox-test-key-0000-0000-000000000000';

/** The CLI's port; `startSandbox()` itself defaults to 0 (a free port) so tests never collide. */
export const DEFAULT_CLI_PORT = 8787;

export const DEFAULT_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MERCHANT_NAME = 'Sandbox Merchant';
export const DEFAULT_MERCHANT_ID = '5a4db0c5-0000-4000-8000-000000000001';

/** Larger request bodies get 413 (far above any checkout: 100 items of 255-character names). */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** How long a callback POST may take before the sandbox gives up on it. */
export const DEFAULT_CALLBACK_TIMEOUT_MS = 3000;

export interface Choice {
  readonly value: string;
  readonly name: string;
}

export const DEFAULT_NETWORKS: readonly Choice[] = [{ value: 'tron', name: 'Tron (TRC20)' }];

/**
 * Accepted as a checkout currency (case-insensitive: the docs' own curl sends "CNY" and
 * "TWD"): the extension's own table, so the two cannot drift. Payment is always offered in
 * USDT, whatever the checkout currency.
 */
export const DEFAULT_CURRENCIES: readonly Choice[] = CURRENCY_TABLE.map(({ value, name }) => ({
  value,
  name,
}));

/** The crypto currency every session is paid in, exactly as the docs' example response shows. */
export const PAYMENT_CRYPTO_CURRENCY = {
  value: 'usdt',
  name: 'Tether',
  logo: '/static/images/cryptos/usdt.png',
} as const;

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Loopback only by default: the control routes under /__sandbox have no key. */
  readonly host?: string;
  /** API keys accepted in `Authorization: Api-Key <key>`. Default: [DEFAULT_SANDBOX_KEY]. */
  readonly keys?: readonly string[];
  /** More accepted keys, whose checkouts answer `isLivemode: true` (a live key). Default: none. */
  readonly liveKeys?: readonly string[];
  /** How long a checkout stays open. Default 24 hours. */
  readonly lifetimeMs?: number;
  /** Networks offered and accepted in `paymentMethodDetail.network`. Default: Tron. */
  readonly networks?: readonly Choice[];
  /** Checkout currencies accepted. Default: those of lib/currencies.ts. */
  readonly currencies?: readonly Choice[];
  /** When set, sessions are loaded from this JSON file at start and saved after every change. */
  readonly dataFile?: string;
  /** The sandbox's clock in unix milliseconds (tests move it to expire sessions). */
  readonly now?: () => number;
  /** Merchant name shown in responses and on the hosted page. */
  readonly merchant?: string;
  readonly merchantId?: string;
  /** No per-request log lines. */
  readonly quiet?: boolean;
  /** Where log lines go (default console.log). */
  readonly log?: (line: string) => void;
  readonly callbackTimeoutMs?: number;
  /**
   * USDT per unit of fiat ("0.0312"): a checkout priced in a fiat currency is answered in
   * USDT at this rate (`currency: "usdt"`, the total converted and rounded half-up to
   * cents), as Payfect may answer. Unset: the fiat currency is echoed, as its docs show.
   */
  readonly quoteUsdt?: string;
}

export interface SandboxConfig {
  readonly port: number;
  readonly host: string;
  readonly keys: readonly string[];
  readonly liveKeys: readonly string[];
  readonly lifetimeMs: number;
  readonly networks: readonly Choice[];
  readonly currencies: readonly Choice[];
  readonly dataFile: string | undefined;
  readonly now: () => number;
  readonly merchant: { readonly id: string; readonly name: string };
  readonly log: (line: string) => void;
  readonly callbackTimeoutMs: number;
  readonly quoteUsdt: Decimal | undefined;
}

/** A positive decimal rate, or a message saying what is wrong with it. */
export function parseQuoteRate(
  text: string,
): { ok: true; value: Decimal } | { ok: false; error: string } {
  const parsed = parseDecimal(text, { maxDecimals: 18 });
  return parsed.ok && parsed.value.units > 0n
    ? { ok: true, value: parsed.value }
    : { ok: false, error: `"${text}" is not a rate; write USDT per unit of fiat, like 0.0312` };
}

function nonEmpty<T>(list: readonly T[] | undefined, fallback: readonly T[], what: string) {
  const value = list ?? fallback;
  if (value.length === 0) throw new TypeError(`Sandbox option ${what} must not be empty`);
  return value;
}

/** Fills in defaults; nonsense options are a programming error in the caller, so they throw. */
export function resolveOptions(options: SandboxOptions = {}): SandboxConfig {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`Sandbox port must be an integer from 0 to 65535, got ${port}`);
  }
  const lifetimeMs = options.lifetimeMs ?? DEFAULT_LIFETIME_MS;
  if (!Number.isSafeInteger(lifetimeMs) || lifetimeMs <= 0) {
    throw new TypeError(`Sandbox lifetimeMs must be a positive integer, got ${lifetimeMs}`);
  }
  const keys = nonEmpty(options.keys, [DEFAULT_SANDBOX_KEY], 'keys');
  if (keys.some((key) => key.trim() === '' || /\s/.test(key))) {
    throw new TypeError('Sandbox keys must be non-empty and contain no white space');
  }
  const quote = options.quoteUsdt === undefined ? undefined : parseQuoteRate(options.quoteUsdt);
  if (quote !== undefined && !quote.ok) throw new TypeError(`Sandbox quoteUsdt: ${quote.error}`);
  const print = options.log ?? ((line: string) => console.log(line));
  return {
    port,
    host: options.host ?? '127.0.0.1',
    keys,
    liveKeys: options.liveKeys ?? [],
    lifetimeMs,
    networks: nonEmpty(options.networks, DEFAULT_NETWORKS, 'networks'),
    currencies: nonEmpty(options.currencies, DEFAULT_CURRENCIES, 'currencies'),
    dataFile: options.dataFile,
    now: options.now ?? Date.now,
    merchant: {
      id: options.merchantId ?? DEFAULT_MERCHANT_ID,
      name: options.merchant ?? DEFAULT_MERCHANT_NAME,
    },
    log: options.quiet === true ? () => undefined : print,
    callbackTimeoutMs: options.callbackTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS,
    quoteUsdt: quote?.value,
  };
}
