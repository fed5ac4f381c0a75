import { t } from '../i18n.ts';
import { err, ok, type Result } from '../result.ts';
import { isLoopbackHost, isLoopbackUrl } from '../urls.ts';

export { isLoopbackHost as isLoopbackHostname, isLoopbackUrl };

/**
 * Which URLs this extension will send the API key to, and which checkout links it will show,
 * copy or open. Plain http is allowed only on loopback: that is the local sandbox, where no
 * key or payment leaves the machine. Everything here is pure so the UI can reuse it.
 */

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * A checkout link is safe to show and open when it is https, or http on loopback while the
 * API itself is on loopback (sandbox mode). Anything else — `javascript:`, `data:`, `file:`,
 * a live API handing out plain-http links — is refused. Credentials in the link
 * (`https://payfect.finance@evil.example/`) are refused too: they only serve to mislead.
 */
export function isSafeCheckoutUrl(text: string, baseUrl: string): boolean {
  const url = parseUrl(text);
  if (url === undefined || url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return url.hostname !== '';
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) && isLoopbackUrl(baseUrl);
  return false;
}

const EXAMPLE = 'https://api.payfect.finance/api/v1';

/**
 * Checks an API base URL typed in Settings and returns it normalised (lower-case host,
 * no default port, no trailing slash) so paths can be appended as `${base}/checkouts/`.
 */
export function validateBaseUrl(text: string): Result<string, string> {
  const url = parseUrl(text.trim());
  if (url === undefined) return err(t('validation.baseUrl.full', { example: EXAMPLE }));
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return err(t('validation.baseUrl.plainHttp'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err(t('validation.baseUrl.scheme', { example: EXAMPLE }));
  }
  if (url.username !== '' || url.password !== '') {
    return err(t('validation.baseUrl.credentials'));
  }
  if (url.search !== '' || url.hash !== '') {
    return err(t('validation.baseUrl.queryOrHash', { example: EXAMPLE }));
  }
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}
