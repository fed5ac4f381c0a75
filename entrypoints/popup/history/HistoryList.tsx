import { StatusMessage } from '../../../components/StatusMessage.tsx';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { isPaid, isReplaced, type Ledger } from '../../../lib/ledger.ts';
import { sessionProfileLabel, type ProfileName } from '../../../lib/profile-names.ts';
import { canRenew } from '../../../lib/reminders.ts';
import { effectiveStatus } from '../../../lib/status.ts';
import { HistoryRow, ROW_HEIGHT } from './HistoryRow.tsx';
import type { CopyKind } from './HistoryRowLines.tsx';
import type { HistoryLoad } from './useHistory.ts';
import type { VirtualWindow } from './useVirtualWindow.ts';

interface HistoryEmptyProps {
  history: HistoryLoad;
  onRetry: () => void;
  /** Every match, once counted: "No links match" waits for the count. */
  counted: readonly SessionRecord[] | undefined;
  /** A search or status filter is set, so "Clear filters" can bring rows back. */
  filtering: boolean;
  onClearFilters: () => void;
}

/** What the list shows while it has no rows: loading, a failed read, no links, no match. */
export function HistoryEmpty({
  history,
  onRetry,
  counted,
  filtering,
  onClearFilters,
}: HistoryEmptyProps) {
  const sessionCount = history.kind === 'ready' ? history.sessions.length : 0;
  return (
    <>
      {history.kind === 'loading' && <p className="history-empty">{t('history.loading')}</p>}
      {history.kind === 'failed' && (
        <div className="history-empty">
          <StatusMessage tone="error">{t('history.readFailed')}</StatusMessage>
          <button type="button" className="button button--small" onClick={onRetry}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {history.kind === 'ready' && sessionCount === 0 && (
        <p className="history-empty">{t('history.empty')}</p>
      )}
      {counted && sessionCount > 0 && counted.length === 0 && (
        <div className="history-empty">
          <p>{t('history.noMatch')}</p>
          {filtering && (
            <button type="button" className="button button--small" onClick={onClearFilters}>
              {t('history.clearFilters')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

const NO_LINKS: readonly SessionRecord[] = [];

interface HistoryRowsProps {
  /** How many rows match: the list is as tall as all of them. */
  matchCount: number;
  range: VirtualWindow;
  /** The matches in `range`, the only rows in the DOM. */
  visible: readonly SessionRecord[];
  /** All matches, once counted (-1 for aria-setsize until then). */
  all: readonly SessionRecord[] | undefined;
  now: number;
  messageTemplate: string;
  reminderMinutes: number;
  profiles: readonly ProfileName[];
  /** More than one profile made these links: each row names its own. */
  namesProfiles: boolean;
  renewingId: string | null;
  /** The invoices: each row's earlier links, and whether a newer link replaced it. */
  ledger: Ledger;
  onShowEarlier: (session: SessionRecord) => void;
  onCopied: (kind: CopyKind, copied: boolean) => void;
  onShowQr: (session: SessionRecord) => void;
  onEditNotes: (session: SessionRecord) => void;
  onCorrect: (session: SessionRecord) => void;
  onRenew: (session: SessionRecord) => void;
  onCopyReminder: (session: SessionRecord) => void;
  onVoid: (session: SessionRecord) => void;
}

/** The windowed list: padded above the rows drawn, as tall as every match. */
export function HistoryRows({
  matchCount,
  range,
  visible,
  all,
  now,
  messageTemplate,
  reminderMinutes,
  profiles,
  namesProfiles,
  renewingId,
  ledger,
  ...handlers
}: HistoryRowsProps) {
  return (
    <ul
      className="history-list"
      role="list"
      aria-label={t('history.list')}
      style={{
        height: matchCount * ROW_HEIGHT,
        paddingTop: range.start * ROW_HEIGHT,
      }}
    >
      {visible.map((session, offset) => {
        const links = ledger.earlier.get(session.id) ?? NO_LINKS;
        const replaced = isReplaced(session, ledger);
        return (
          <HistoryRow
            key={session.id}
            session={session}
            status={effectiveStatus(session, now)}
            now={now}
            position={range.start + offset + 1}
            setSize={all?.length ?? -1}
            messageTemplate={messageTemplate}
            profileName={namesProfiles ? sessionProfileLabel(session, profiles) : undefined}
            onCopied={handlers.onCopied}
            onShowQr={handlers.onShowQr}
            onEditNotes={handlers.onEditNotes}
            onCorrect={handlers.onCorrect}
            earlier={links}
            replaced={replaced}
            onShowEarlier={handlers.onShowEarlier}
            // An invoice paid through an earlier link needs no new one.
            renewable={
              session.voided === undefined &&
              !replaced &&
              canRenew(session, now, reminderMinutes) &&
              !links.some(isPaid)
            }
            renewing={renewingId === session.id}
            onRenew={handlers.onRenew}
            onCopyReminder={handlers.onCopyReminder}
            onVoid={handlers.onVoid}
          />
        );
      })}
    </ul>
  );
}
