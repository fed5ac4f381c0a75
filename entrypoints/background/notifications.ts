import { browser } from 'wxt/browser';
import { formatAmount } from '../../lib/format.ts';
import { itemsSummary, type SessionRecord } from '../../lib/history.ts';
import { t } from '../../lib/i18n.ts';
import { reminderMessage } from '../../lib/reminders.ts';
import { withoutHiddenCharacters } from '../../lib/safe-text.ts';

/** The longest client name a notification quotes: the rest of the line is what matters. */
const MAX_NOTIFIED_NAME = 40;

/** More links than this found paid in one status pass are told in one notification. */
export const MAX_SEPARATE_PAID = 2;

function clientName(session: SessionRecord): string {
  return withoutHiddenCharacters(session.client?.name.trim() ?? '').slice(0, MAX_NOTIFIED_NAME);
}

/**
 * "Acme Robotics Ltd paid INV-0001 — 1,626.38 USDT": who paid which invoice, the amount
 * grouped as the browser's language writes it; "INV-0001 paid — …" without a client, and
 * "Standard Plan — 1,020.50 USDT paid" for a link without a number.
 */
export function paidMessage(session: SessionRecord): string {
  const amount = `${formatAmount(session.amountTotal)} ${session.currency.toUpperCase()}`;
  const number = session.invoiceNumber;
  if (number === undefined || number === '') {
    const what = itemsSummary(session.items) || session.reference;
    return t('background.paidMessage', { what, amount });
  }
  const client = clientName(session);
  return client === ''
    ? t('background.paidInvoice', { number, amount })
    : t('background.paidByClient', { client, number, amount });
}

/** "5 invoices paid — Acme Robotics Ltd, Mia Studio, …": many payments seen at once. */
export function paidGroupMessage(sessions: readonly SessionRecord[]): string {
  const names = [
    ...new Set(
      sessions.map(
        (session) => clientName(session) || session.invoiceNumber || itemsSummary(session.items),
      ),
    ),
  ].filter((name) => name !== '');
  const shown = names.slice(0, MAX_SEPARATE_PAID);
  const list = names.length > shown.length ? [...shown, '…'] : shown;
  const invoices = sessions.every((session) => (session.invoiceNumber ?? '') !== '');
  return t(invoices ? 'background.paidInvoices' : 'background.paidLinks', {
    count: sessions.length,
    names: list.join(', '),
  });
}

/*
 * Notifications are written in the worker, so in the browser's language at the time: the
 * worker runs in the same UI language as the pages.
 */

/**
 * Tells the user links were paid: one notification each, whose id is the session's so a
 * repeat replaces it; more than MAX_SEPARATE_PAID at once (a busy day, the browser back from
 * sleep) as one notification that names them, instead of a stack.
 */
export async function notifyPaid(sessions: readonly SessionRecord[]): Promise<void> {
  if (sessions.length === 0) return;
  const grouped = sessions.length > MAX_SEPARATE_PAID;
  const notices = grouped
    ? [{ id: paidGroupId(sessions), message: paidGroupMessage(sessions) }]
    : sessions.map((session) => ({ id: session.id, message: paidMessage(session) }));
  try {
    await Promise.all(
      notices.map(({ id, message }) =>
        browser.notifications.create(id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t('background.paidTitle'),
          message,
        }),
      ),
    );
    // A reminder to renew a link that is now paid would only mislead.
    await Promise.all(
      sessions
        .filter((session) => session.remindedAt !== undefined)
        .map((session) => browser.notifications.clear(reminderId(session.id))),
    );
  } catch (error) {
    // Notifications turned off in the system: History still shows the sessions Complete.
    console.warn('Could not show the payment notification', error);
  }
}

/** The id of a grouped payment notification: the same links seen again replace it. */
export function paidGroupId(sessions: readonly SessionRecord[]): string {
  return `paid:${sessions
    .map((session) => session.id)
    .sort()
    .join(',')}`;
}

/** The reminder's notification id: its own, so a payment's does not replace it. */
export function reminderId(sessionId: string): string {
  return `reminder:${sessionId}`;
}

/** "Logo design — 20.50 USDT expires in 45 min": time to renew it or nudge the client. */
export async function notifyExpiringSoon(session: SessionRecord, now: number): Promise<void> {
  try {
    await browser.notifications.create(reminderId(session.id), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('background.expiringTitle'),
      message: reminderMessage(session, now),
    });
  } catch (error) {
    console.warn('Could not show the expiry reminder', error);
  }
}

/** Profiles that failed their schema were set aside (settings-store.ts repairSettings). */
export async function notifySettingsSetAside(broken: readonly unknown[]): Promise<void> {
  const names = broken
    .map((profile) =>
      typeof profile === 'object' && profile !== null && 'name' in profile ? profile.name : '',
    )
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    .map((name) => withoutHiddenCharacters(name).slice(0, 40));
  try {
    await browser.notifications.create('settings-set-aside', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('background.settingsSetAsideTitle'),
      message:
        names.length > 0
          ? t('background.settingsSetAsideNamed', { names: names.join(', ') })
          : t('background.settingsSetAsideMessage'),
    });
  } catch (error) {
    console.warn('Could not tell that damaged profiles were set aside', error);
  }
}

/**
 * History entries that failed the schema were set aside (history-store.ts chunkWrite): said
 * once, when it happens, since the rewritten chunk is clean afterwards.
 */
export async function notifyHistorySetAside(): Promise<void> {
  try {
    await browser.notifications.create('history-set-aside', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('background.historySetAsideTitle'),
      message: t('background.historySetAsideMessage'),
    });
  } catch (error) {
    console.warn('Could not tell that damaged History entries were set aside', error);
  }
}
