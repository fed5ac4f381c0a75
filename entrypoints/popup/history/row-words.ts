import type { CheckoutStatus } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { statusWord } from './history-text.ts';

/**
 * A row's fixed words, looked up once per popup: `t` asks the browser every time (~13 µs a
 * call) and each row has a dozen, drawn again whenever a keystroke brings new rows.
 */
function lookUpRowWords() {
  return {
    statuses: {
      open: statusWord('open'),
      complete: statusWord('complete'),
      expired: statusWord('expired'),
    } satisfies Record<CheckoutStatus, string>,
    overdue: t('history.statuses.overdue'),
    void: t('history.statuses.void'),
    copyReminder: t('history.row.copyReminder'),
    voidInvoice: t('history.row.voidInvoice'),
    test: t('history.row.test'),
    testTitle: t('history.row.testTitle'),
    renewed: t('history.row.renewed'),
    renewedTitle: t('history.row.renewedTitle'),
    renew: t('history.row.renew'),
    renewing: t('history.row.renewing'),
    note: t('history.row.note'),
    correct: t('history.row.correct'),
    tags: t('history.row.tags'),
    copyLink: t('popup.copyLink'),
    copyMessage: t('popup.copyMessage'),
    qr: t('history.row.qr'),
    openLink: t('popup.openLink'),
    more: t('history.row.moreActions'),
    invoice: t('popup.invoice'),
    invoiceTitle: t('popup.invoiceTitle'),
    receipt: t('history.row.receipt'),
    receiptTitle: t('history.row.receiptTitle'),
  };
}

export type RowWords = ReturnType<typeof lookUpRowWords>;

let words: RowWords | undefined;
export const rowWords = (): RowWords => (words ??= lookUpRowWords());
