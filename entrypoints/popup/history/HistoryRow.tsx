import { memo } from 'react';
import { CopyButton, copyText } from '../../../components/CopyButton.tsx';
import {
  isKnownStatus,
  isSettled,
  type CheckoutStatus,
  type SessionRecord,
  type SessionStatus,
} from '../../../lib/history.ts';
import { fillMessageTemplate } from '../../../lib/message-template.ts';
import { createdAgo, fullTime, paidOn, timeLeft } from '../../../lib/relative-time.ts';
import { noteFirstLine } from '../../../lib/session-notes.ts';
import { t } from '../../../lib/i18n.ts';
import { invoicePagePath } from '../../../lib/invoice.ts';
import { isWebUrl, openInNewTab } from '../../../utils/navigation.ts';
import { itemsLine, rowLabel, statusWord, totalText } from './history-text.ts';
import { RowMenu, type RowMenuItem } from './RowMenu.tsx';

/** Every row is this tall (CSS pixels), so the list can be windowed by arithmetic alone. */
export const ROW_HEIGHT = 120;

export type CopyKind = 'link' | 'message';

interface HistoryRowProps {
  session: SessionRecord;
  /**
   * As shown: an open session past its expiry is already expired; a status Payfect added
   * after our docs ("processing") is shown as received and treated as open.
   */
  status: SessionStatus;
  now: number;
  position: number;
  setSize: number;
  messageTemplate: string;
  onCopied: (kind: CopyKind, copied: boolean) => void;
  onShowQr: (session: SessionRecord) => void;
  onEditNotes: (session: SessionRecord) => void;
  /** Expired, or open with less than the reminder window left, and not renewed yet. */
  renewable: boolean;
  /** This row's renewal is on its way: the button waits. */
  renewing: boolean;
  onRenew: (session: SessionRecord) => void;
  /** The name of the profile that made it; absent while there is only the one profile. */
  profileName?: string | undefined;
}

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
    test: t('history.row.test'),
    testTitle: t('history.row.testTitle'),
    renewed: t('history.row.renewed'),
    renewedTitle: t('history.row.renewedTitle'),
    renew: t('history.row.renew'),
    renewing: t('history.row.renewing'),
    note: t('history.row.note'),
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
let words: ReturnType<typeof lookUpRowWords> | undefined;
const rowWords = () => (words ??= lookUpRowWords());

/**
 * One session on four lines: status and total; what it was for; its reference and time left;
 * the one action its state calls for (Open: Copy link, Expired: Renew, Complete: when it was
 * paid), its tags and note, and "More actions" for the rest.
 */
export const HistoryRow = memo(function HistoryRow({
  session,
  status,
  now,
  position,
  setSize,
  messageTemplate,
  onCopied,
  onShowQr,
  onEditNotes,
  renewable,
  renewing,
  onRenew,
  profileName,
}: HistoryRowProps) {
  const items = itemsLine(session.items);
  const note = noteFirstLine(session.note);
  const tags = session.tags ?? [];
  const settled = isSettled(status);
  const left = settled ? '' : timeLeft(session.expiresAt, now);
  const linkIsWeb = isWebUrl(session.url);
  const say = rowWords();
  // A settled link can no longer take money: nothing here hands it out again (Copy link,
  // Copy message, QR), so it is never sent to ask a client to pay twice or in vain.
  const menuItems = (): RowMenuItem[] => [
    ...(settled
      ? []
      : [
          {
            label: say.copyMessage,
            onSelect: () =>
              void copyText(fillMessageTemplate(messageTemplate, session)).then((copied) =>
                onCopied('message', copied),
              ),
          },
          { label: say.qr, opensDialog: true, onSelect: () => onShowQr(session) },
        ]),
    { label: say.openLink, disabled: !linkIsWeb, onSelect: () => openInNewTab(session.url) },
    { label: say.note, opensDialog: true, onSelect: () => onEditNotes(session) },
  ];
  return (
    // Explicit roles (here and on the list): `list-style: none` drops them in Safari, and
    // the benchmark finds rows by the attribute.
    <li
      role="listitem"
      className="history-row"
      aria-label={
        profileName === undefined
          ? rowLabel(session, status)
          : `${rowLabel(session, status)} · ${t('profiles.rowProfile', { name: profileName })}`
      }
      aria-posinset={position}
      aria-setsize={setSize}
    >
      <div className="history-row-line">
        {isKnownStatus(status) ? (
          <span className={`pill pill--${status}`}>{say.statuses[status]}</span>
        ) : (
          <span className="pill pill--open">{status}</span>
        )}
        <span className="history-total">{totalText(session)}</span>
        {!session.isLivemode && (
          <span className="test-mark" title={say.testTitle}>
            {say.test}
          </span>
        )}
        {session.renewedBy !== undefined && (
          <span className="history-renewed" title={say.renewedTitle}>
            {say.renewed}
          </span>
        )}
        <time
          className="history-created"
          dateTime={new Date(session.createdAt).toISOString()}
          title={t('history.row.created', { time: fullTime(session.createdAt) })}
        >
          {createdAgo(session.createdAt, now)}
        </time>
      </div>
      <div className="history-row-line history-row-line--detail">
        <span className="history-item" title={session.items.map((item) => item.name).join(', ')}>
          {items.first}
        </span>
        {items.more && <span className="history-more">{items.more}</span>}
        {session.client?.name && (
          <span className="history-client" title={session.client.name}>
            {session.client.name}
          </span>
        )}
        {profileName !== undefined && (
          <span className="history-profile" title={t('profiles.rowProfile', { name: profileName })}>
            {profileName}
          </span>
        )}
      </div>
      <div className="history-row-line history-row-line--detail">
        {session.reference && (
          <span
            className="history-reference"
            title={t('history.row.reference', { reference: session.reference })}
          >
            {session.reference}
          </span>
        )}
        {left && (
          <time
            className="history-left"
            dateTime={new Date(session.expiresAt).toISOString()}
            title={t('history.row.expires', { time: fullTime(session.expiresAt) })}
          >
            {left}
          </time>
        )}
        <a
          className="history-invoice"
          href={invoicePagePath(session.id, 'invoice')}
          target="_blank"
          rel="noopener"
          title={say.invoiceTitle}
        >
          {say.invoice}
        </a>
      </div>
      <div className="history-actions">
        {/* The one thing a row of this state is for; the rest is behind "More actions". */}
        {!settled && (
          <CopyButton
            className="button button--small"
            text={() => session.url}
            onCopied={(copied) => onCopied('link', copied)}
          >
            {say.copyLink}
          </CopyButton>
        )}
        {/* Expired, or open and soon to expire (its reminder said so): Renew is in view. */}
        {renewable && (
          <button
            type="button"
            className={
              status === 'expired' ? 'button button--small button--primary' : 'button button--small'
            }
            onClick={() => onRenew(session)}
            aria-disabled={renewing || undefined}
          >
            {renewing ? say.renewing : say.renew}
          </button>
        )}
        {status === 'complete' && (
          <time
            className="history-paid"
            dateTime={new Date(session.statusChangedAt).toISOString()}
            title={t('history.row.paidTitle', { time: fullTime(session.statusChangedAt) })}
          >
            {paidOn(session.statusChangedAt, now)}
          </time>
        )}
        {status === 'complete' && (
          <a
            className="button button--small"
            href={invoicePagePath(session.id, 'receipt')}
            target="_blank"
            rel="noopener"
            title={say.receiptTitle}
          >
            {say.receipt}
          </a>
        )}
        {tags.length > 0 && (
          // Spans, not a list: rows are found as listitems, and chips must not count as rows.
          <span className="history-tags">
            <span className="visually-hidden">{say.tags} </span>
            {tags.map((tag) => (
              <span key={tag} className="tag-chip">
                {tag}
              </span>
            ))}
          </span>
        )}
        {note && (
          <span className="history-note" title={session.note}>
            {note}
          </span>
        )}
        <RowMenu label={say.more} items={menuItems()} />
      </div>
    </li>
  );
});
