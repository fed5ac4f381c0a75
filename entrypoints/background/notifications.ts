import { browser } from 'wxt/browser';
import { formatAmount } from '../../lib/format.ts';
import { itemsSummary, type SessionRecord } from '../../lib/history.ts';
import { t } from '../../lib/i18n.ts';
import { reminderMessage } from '../../lib/reminders.ts';
import { withoutHiddenCharacters } from '../../lib/safe-text.ts';

/** "Standard Plan — 1,020.50 USDT paid": the amount grouped as the browser's language writes it. */
export function paidMessage(session: SessionRecord): string {
  const what = itemsSummary(session.items) || session.reference;
  const amount = `${formatAmount(session.amountTotal)} ${session.currency.toUpperCase()}`;
  return t('background.paidMessage', { what, amount });
}

/*
 * Notifications are written in the worker, so in the browser's language at the time: the
 * worker runs in the same UI language as the pages.
 */

/**
 * Tells the user a link was paid. The notification's id is the session's, so a repeat
 * replaces it rather than stacking a second one.
 */
export async function notifyPaid(session: SessionRecord): Promise<void> {
  try {
    await browser.notifications.create(session.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('background.paidTitle'),
      message: paidMessage(session),
    });
    // A reminder to renew a link that is now paid would only mislead.
    if (session.remindedAt !== undefined) await browser.notifications.clear(reminderId(session.id));
  } catch (error) {
    // Notifications turned off in the system: History still shows the session Complete.
    console.warn('Could not show the payment notification', error);
  }
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
