import { formatCalendarDate } from './calendar-date.ts';
import { itemsSummary, type SessionRecord } from './history.ts';
import { t } from './i18n.ts';
import { networkWarning } from './message-template.ts';
import { DEFAULT_REMINDER_TEMPLATE } from './settings.ts';

/**
 * Copy reminder's chat message about an unpaid invoice, from a template the user can edit
 * (Settings → Reminder message, shared by all profiles like the link's message,
 * lib/message-template.ts, and stored the same way: the default as its English text, shown
 * and filled in the browser's language).
 *
 * Placeholders:
 * - `{number}`    the invoice number ("INV-0007"); the reference for a link made before numbers
 * - `{items}`     the first item and how many more ("Logo design + 1 more")
 * - `{total}`     the amount exactly as Payfect returned it ("61.50"), to paste into a wallet
 * - `{currency}`  upper case ("USDT")
 * - `{due}`       the due date, a date with no clock time ("20 March 2026", "2026年3月20日")
 * - `{url}`       the payment link: one that works, the caller makes sure (a new one first
 *                 when the invoice's link expired)
 * - `{client}`    the client's name, as billed
 * - `{warning}`   the coin and network the link accepts (as in the link's message)
 * Anything else in braces is left exactly as typed.
 */
export const REMINDER_PLACEHOLDERS = [
  'number',
  'items',
  'total',
  'currency',
  'due',
  'url',
  'client',
  'warning',
] as const;
type ReminderPlaceholder = (typeof REMINDER_PLACEHOLDERS)[number];

/** The default in the browser's language, its placeholders left to fill. */
export function defaultReminderText(): string {
  return t('popup.reminder.defaultTemplate', {
    number: '{number}',
    items: '{items}',
    total: '{total}',
    currency: '{currency}',
    due: '{due}',
    url: '{url}',
    warning: '{warning}',
  });
}

/** As Settings shows it: the default in the browser's language. */
export function reminderForDisplay(stored: string | undefined): string {
  return stored === undefined || stored === DEFAULT_REMINDER_TEMPLATE
    ? defaultReminderText()
    : stored;
}

/** As stored: the default in any language is kept as the default. */
export function reminderForStorage(shown: string): string {
  return shown === defaultReminderText() ? DEFAULT_REMINDER_TEMPLATE : shown;
}

function isReminderPlaceholder(name: string): name is ReminderPlaceholder {
  return (REMINDER_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * The reminder for `session` (the link to pay, so it must be a live one), due on `dueDate`
 * ('YYYY-MM-DD': the invoice's, lib/invoice-status.ts dueDateOf, which a new link's record
 * may not carry itself).
 */
export function fillReminderTemplate(
  template: string | undefined,
  session: SessionRecord,
  dueDate: string,
  locale?: string,
): string {
  const values: Record<ReminderPlaceholder, string> = {
    number: session.invoiceNumber ?? session.reference,
    items: itemsSummary(session.items),
    total: session.amountTotal,
    currency: session.currency.toUpperCase(),
    due: formatCalendarDate(dueDate, locale),
    url: session.url,
    client: session.client?.name ?? '',
    warning: networkWarning(session),
  };
  // One pass: a value holding "{url}" (an item named so) is never expanded again.
  return reminderForDisplay(template).replace(/\{([a-z]+)\}/g, (match: string, name: string) =>
    isReminderPlaceholder(name) ? values[name] : match,
  );
}
