import { t } from './i18n.ts';
import { err, ok, type Result } from './result.ts';

/** 127.0.0.0/8, localhost and [::1] — as the WHATWG URL parser normalises them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** True when `text` is an http(s) URL whose host is loopback: the local sandbox. */
export function isLoopbackUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

/**
 * A success, cancel or callback URL as typed: empty (none), https, or plain http only to
 * this machine (the sandbox) — never `javascript:`, `data:` or another scheme.
 */
export function checkRedirectUrl(text: string, baseUrl: string): Result<string, string> {
  const trimmed = text.trim();
  if (trimmed === '') return ok('');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    return err(t('validation.url.startWithHttps'));
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return err(t('validation.url.invalid'));
  }
  if (url.protocol === 'https:') return ok(url.href);
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname) && isLoopbackUrl(baseUrl)) {
    return ok(url.href);
  }
  if (url.protocol === 'http:') return err(t('validation.url.useHttps'));
  return err(t('validation.url.onlyHttps'));
}
