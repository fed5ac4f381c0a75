import { currencyFacts } from './currencies.ts';
import { dateLocale } from './format.ts';
import { itemsSummary, type SessionRecord } from './history.ts';
import { t } from './i18n.ts';
import { PAYER_CRYPTO } from './order.ts';
import { DEFAULT_MESSAGE_TEMPLATE } from './settings.ts';

/**
 * The chat message a freelancer pastes next to a link, filled from a user-editable template
 * (Settings → Message template). Pure: the locale and time zone are passed in, so the same
 * session always gives the same text in tests.
 *
 * Placeholders:
 * - `{items}`     the first item and how many more (itemsSummary): "Logo design + 1 more",
 *                 so a long invoice still fits one chat line; the checkout page lists them all
 * - `{total}`     the amount exactly as Payfect returned it ("61.50")
 * - `{currency}`  upper case ("USDT")
 * - `{network}`   the network's name ("Tron (TRC20)")
 * - `{url}`       the checkout link
 * - `{reference}` the client reference (the user's invoice number)
 * - `{expires}`   when the link expires, absolute and with its time zone, since the reader
 *                 may live elsewhere: "Tue 25 Nov, 14:05 CET"
 * - `{warning}`   the coin and network the link accepts, as a warning: "Pay in USDT on Tron
 *                 (TRC20) only" (coins sent on another chain are lost). The coin is the
 *                 payer's crypto even when the checkout is priced in fiat, and then the
 *                 warning says the amount is converted to it on Payfect's checkout page.
 * Anything else in braces is left exactly as typed.
 *
 * Language: the template is the user's own text; what the extension writes into it follows
 * the browser's UI language, on the view that a freelancer whose browser speaks Chinese
 * chats with clients in Chinese: `{warning}` ("僅限以 USDT 透過 Tron (TRC20) 付款"),
 * `{items}`' "+ 2 more" and `{expires}`'s date ("11月25日週二 下午2:05 [UTC]"; English keeps
 * en-GB's "Tue 25 Nov, 14:05 UTC"). `{total}` stays exactly as Payfect returned it, with no
 * grouping, so the client can paste it into a wallet.
 *
 * The default template is stored as its English text (DEFAULT_MESSAGE_TEMPLATE) and stands
 * for "the default": it is filled, and shown in Settings, in the browser's language
 * (defaultTemplateText), so a zh-TW user who never edited it sends no English words either.
 * A template the user wrote is used exactly as written.
 */
export const PLACEHOLDERS = [
  'items',
  'total',
  'currency',
  'network',
  'url',
  'reference',
  'expires',
  'warning',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface TemplateOptions {
  /** BCP 47 locale for the date; the UI language's (lib/format.ts dateLocale) when absent. */
  readonly locale?: string;
  /** IANA time zone for the date; the runtime's default when absent. */
  readonly timeZone?: string;
}

/** "Tue 25 Nov, 14:05" (en-GB); with `withZone`, "Tue 25 Nov, 14:05 UTC". */
export function formatExpiry(
  unixMillis: number,
  options: TemplateOptions & { readonly withZone?: boolean } = {},
): string {
  const format = new Intl.DateTimeFormat(options.locale ?? dateLocale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.withZone ? { timeZoneName: 'short' } : {}),
  });
  return format.format(new Date(unixMillis));
}

function placeholderValues(
  session: SessionRecord,
  options: TemplateOptions,
): Record<Placeholder, string> {
  return {
    items: itemsSummary(session.items),
    total: session.amountTotal,
    currency: session.currency.toUpperCase(),
    network: session.networkName,
    url: session.url,
    reference: session.reference,
    expires: formatExpiry(session.expiresAt, { ...options, withZone: true }),
    warning: networkWarning(session),
  };
}

/**
 * Whether the payer pays another coin than the checkout's currency: priced in fiat (USD, TWD,
 * CNY), which Payfect quotes in USDT. A code the table does not know is taken as converted.
 */
export function isConverted(session: Pick<SessionRecord, 'currency'>): boolean {
  return currencyFacts(session.currency)?.quotedInUsdt ?? true;
}

/**
 * "Pay in USDT on Tron (TRC20) only", and for a checkout priced in fiat, that Payfect turns
 * the amount into USDT on its checkout page: "12000.00 TWD" alone does not tell a client
 * what to send.
 */
export function networkWarning(session: SessionRecord): string {
  const coin = PAYER_CRYPTO.toUpperCase();
  const network = session.networkName;
  if (!isConverted(session)) return t('popup.message.warning', { coin, network });
  const currency = session.currency.toUpperCase();
  return t('popup.message.warningConverted', { coin, network, currency });
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** The default template in the browser's language, its placeholders left to fill. */
export function defaultTemplateText(): string {
  return t('popup.message.defaultTemplate', {
    items: '{items}',
    total: '{total}',
    currency: '{currency}',
    url: '{url}',
    warning: '{warning}',
    expires: '{expires}',
  });
}

/** The template as Settings shows it: the default in the browser's language. */
export function templateForDisplay(stored: string): string {
  return stored === DEFAULT_MESSAGE_TEMPLATE ? defaultTemplateText() : stored;
}

/** The template as stored: the default in any language is kept as the default. */
export function templateForStorage(shown: string): string {
  return shown === defaultTemplateText() ? DEFAULT_MESSAGE_TEMPLATE : shown;
}

export function fillMessageTemplate(
  template: string,
  session: SessionRecord,
  options: TemplateOptions = {},
): string {
  const values = placeholderValues(session, options);
  // One pass: a value that itself contains "{url}" (an item named so) is never expanded again.
  return templateForDisplay(template).replace(/\{([a-z]+)\}/g, (match: string, name: string) =>
    isPlaceholder(name) ? values[name] : match,
  );
}
