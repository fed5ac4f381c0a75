import { LIVE_API_BASE_URL } from './settings.ts';
import { isLoopbackUrl } from './urls.ts';

/*
 * Where a profile's API key may go. The live Payfect API and this machine (the sandbox) need
 * nothing; any other host only after the user named it in Settings ("Send my API key to …",
 * stored as the profile's confirmedKeyOrigin) and the browser granted the extension that
 * origin. A look-alike such as api.payfect-finance.support never gets the key by a typo.
 */

function parsed(baseUrl: string): URL | undefined {
  try {
    return new URL(baseUrl);
  } catch {
    return undefined;
  }
}

/** `https://host[:port]` of a base URL; undefined when it is no URL. */
export function originOf(baseUrl: string): string | undefined {
  const url = parsed(baseUrl);
  return url === undefined || url.origin === 'null' ? undefined : url.origin;
}

/** The host (and port) a person reads: `api.payfect-finance.support`. */
export function hostOf(baseUrl: string): string {
  return parsed(baseUrl)?.host ?? baseUrl;
}

/** The live API or loopback: the key may go there without the user naming the host. */
export function isTrustedKeyHost(baseUrl: string): boolean {
  const origin = originOf(baseUrl);
  return origin !== undefined && (origin === originOf(LIVE_API_BASE_URL) || isLoopbackUrl(baseUrl));
}

/** The origin whose confirmation a base URL needs; undefined when it needs none. */
export function originNeedingConfirmation(baseUrl: string): string | undefined {
  return isTrustedKeyHost(baseUrl) ? undefined : originOf(baseUrl);
}

/** Whether the user's stored confirmation covers this base URL (or it needs none). */
export function keyHostConfirmed(baseUrl: string, confirmedKeyOrigin: string | undefined): boolean {
  const needed = originNeedingConfirmation(baseUrl);
  return (
    needed === undefined || (confirmedKeyOrigin !== undefined && needed === confirmedKeyOrigin)
  );
}

/** The match pattern the browser grants for an origin (permissions.request / contains). */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
