import { CopyButton, copyText } from '../../../components/CopyButton.tsx';
import { formatCalendarDate } from '../../../lib/calendar-date.ts';
import { isKnownStatus, type SessionRecord, type SessionStatus } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { invoicePagePath } from '../../../lib/invoice.ts';
import { dueDateOf, type InvoiceMark } from '../../../lib/invoice-status.ts';
import { fillMessageTemplate } from '../../../lib/message-template.ts';
import { createdAgo, fullTime, paidOn } from '../../../lib/relative-time.ts';
import { isCorrectable } from '../../../lib/corrections.ts';
import { noteFirstLine } from '../../../lib/session-notes.ts';
import { isWebUrl, openInNewTab } from '../../../utils/navigation.ts';
import { itemsLine, totalText } from './history-text.ts';
import { RowMenu, type RowMenuItem } from './RowMenu.tsx';
import type { RowWords } from './row-words.ts';

export type CopyKind = 'link' | 'message';

/** Why a row says Overdue or Void: the due date, or when and why it was voided. */
function markTitle(session: SessionRecord, mark: InvoiceMark): string {
  if (mark === 'overdue')
    return t('history.row.overdueTitle', { due: formatCalendarDate(dueDateOf(session)) });
  const date = fullTime(session.voided?.at ?? session.statusChangedAt);
  return t('history.row.voidTitle', { date, reason: session.voided?.reason ?? '' });
}

/** First line: status (and Overdue or Void) and total, test and renewed marks, and its age. */
export function RowHeadline({
  session,
  status,
  mark,
  replaced,
  now,
  say,
}: {
  session: SessionRecord;
  status: SessionStatus;
  mark: InvoiceMark | undefined;
  replaced: boolean;
  now: number;
  say: RowWords;
}) {
  return (
    <div className="history-row-line">
      {isKnownStatus(status) ? (
        <span className={`pill pill--${status}`}>{say.statuses[status]}</span>
      ) : (
        <span className="pill pill--open">{status}</span>
      )}
      {mark !== undefined && (
        <span className={`pill pill--${mark}`} title={markTitle(session, mark)}>
          {say[mark]}
        </span>
      )}
      <span className="history-total">{totalText(session)}</span>
      {!session.isLivemode && (
        <span className="test-mark" title={say.testTitle}>
          {say.test}
        </span>
      )}
      {replaced && (
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
  );
}

/** Second line: what it was for, the client, and the profile that made it. */
export function RowSubject({
  session,
  profileName,
}: {
  session: SessionRecord;
  profileName: string | undefined;
}) {
  const items = itemsLine(session.items);
  return (
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
  );
}

/** Third line: its reference, the time left (empty once settled), and its invoice. */
export function RowReference({
  session,
  left,
  say,
}: {
  session: SessionRecord;
  left: string;
  say: RowWords;
}) {
  return (
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
  );
}

/** What a History row is given to act on (HistoryRow.tsx adds where it sits in the list). */
export interface RowProps {
  session: SessionRecord;
  /**
   * As shown: an open session past its expiry is already expired; a status Payfect added
   * after our docs ("processing") is shown as received and treated as open.
   */
  status: SessionStatus;
  now: number;
  messageTemplate: string;
  onCopied: (kind: CopyKind, copied: boolean) => void;
  onShowQr: (session: SessionRecord) => void;
  onEditNotes: (session: SessionRecord) => void;
  /** The links made for this row's invoice before its current one (lib/ledger.ts). */
  earlier: readonly SessionRecord[];
  /** A newer link carries this row's invoice on (lib/ledger.ts isReplaced). */
  replaced: boolean;
  onShowEarlier: (session: SessionRecord) => void;
  /** Opens "Correct details" (an Unpaid invoice's client, PO number, …). */
  onCorrect: (session: SessionRecord) => void;
  /** Expired, or open with less than the reminder window left, and not renewed yet. */
  renewable: boolean;
  /** This row's renewal is on its way: the button waits. */
  renewing: boolean;
  onRenew: (session: SessionRecord) => void;
  /** Copy reminder: its chat message, with a new link first when the link expired. */
  onCopyReminder: (session: SessionRecord) => void;
  /** Void invoice: opens the dialog that asks for the reason. */
  onVoid: (session: SessionRecord) => void;
}

interface RowActionsProps extends RowProps {
  /** Nothing more can be paid through it: the link is settled, or its invoice voided. */
  settled: boolean;
  say: RowWords;
}

/**
 * An issued invoice not paid, not voided, and not carried on by a newer link: it can be
 * reminded of and voided here.
 */
function isOpenInvoice(session: SessionRecord, status: SessionStatus, replaced: boolean): boolean {
  return (
    session.invoiceNumber !== undefined &&
    status !== 'complete' &&
    session.voided === undefined &&
    !replaced
  );
}

/**
 * "More actions". A settled link can no longer take money: nothing here hands it out again
 * (Copy message, QR), so it is never sent to ask a client to pay twice or in vain. What asks
 * the client comes first (Copy message, QR code, Copy reminder), what changes the invoice
 * next, Void invoice last of those, and Note stays the last item, where ↑ from the first finds it.
 */
function rowMenuItems(props: RowActionsProps): RowMenuItem[] {
  const { session, status, settled, say, messageTemplate, onCopied, onShowQr } = props;
  const { earlier, replaced, onShowEarlier, onCorrect, onCopyReminder, onVoid, onEditNotes } =
    props;
  const open = isOpenInvoice(session, status, replaced);
  return [
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
    ...(open ? [{ label: say.copyReminder, onSelect: () => onCopyReminder(session) }] : []),
    {
      label: say.openLink,
      disabled: !isWebUrl(session.url),
      onSelect: () => openInNewTab(session.url),
    },
    ...(earlier.length === 0
      ? []
      : [
          {
            // Looked up here, not in rowWords: few rows have earlier links.
            label: t('history.row.earlierLinks', earlier.length, { count: earlier.length }),
            opensDialog: true,
            onSelect: () => onShowEarlier(session),
          },
        ]),
    ...(isCorrectable(session, replaced)
      ? [{ label: say.correct, opensDialog: true, onSelect: () => onCorrect(session) }]
      : []),
    ...(open
      ? [{ label: say.voidInvoice, opensDialog: true, onSelect: () => onVoid(session) }]
      : []),
    { label: say.note, opensDialog: true, onSelect: () => onEditNotes(session) },
  ];
}

/** The row's tags as chips, after their name for screen readers. */
function RowTags({ tags, say }: { tags: readonly string[]; say: RowWords }) {
  return (
    // Spans, not a list: rows are found as listitems, and chips must not count as rows.
    <span className="history-tags">
      <span className="visually-hidden">{say.tags} </span>
      {tags.map((tag) => (
        <span key={tag} className="tag-chip">
          {tag}
        </span>
      ))}
    </span>
  );
}

/**
 * Last line: the one action its state calls for (Open: Copy link, Expired: New payment link, Complete:
 * when it was paid and its receipt), its tags and note, and "More actions" for the rest.
 */
export function RowActions(props: RowActionsProps) {
  const { session, status, now, settled, say, onCopied, renewable, renewing, onRenew } = props;
  const note = noteFirstLine(session.note);
  const tags = session.tags ?? [];
  return (
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
      {/* Expired, or open and soon to expire (its reminder said so): a new link is in view. */}
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
      {tags.length > 0 && <RowTags tags={tags} say={say} />}
      {note && (
        <span className="history-note" title={session.note}>
          {note}
        </span>
      )}
      <RowMenu label={say.more} items={() => rowMenuItems(props)} />
    </div>
  );
}
