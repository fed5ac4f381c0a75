import { useCallback, useMemo, useRef, useState } from 'react';
import { copyText } from '../../../components/CopyButton.tsx';
import { downloadBlob } from '../../../components/qr-image.ts';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { csvFileName, sessionsToCsv } from '../../../lib/csv.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import {
  filterSessions,
  type HistoryQuery,
  type StatusFilter,
} from '../../../lib/history-query.ts';
import { t } from '../../../lib/i18n.ts';
import {
  sessionProfileLabel,
  showsProfiles,
  type ProfileName,
} from '../../../lib/profile-names.ts';
import { canRenew } from '../../../lib/reminders.ts';
import { effectiveStatus } from '../../../lib/status.ts';
import { ask, noAnswerMessage } from '../../../utils/ask.ts';
import { countLine, refreshReport, statusWord } from './history-text.ts';
import { HistoryRow, ROW_HEIGHT, type CopyKind } from './HistoryRow.tsx';
import { NotesDialog } from './NotesDialog.tsx';
import { QrDialog } from './QrDialog.tsx';
import { dismiss } from '../form/submit.ts';
import { useHistory } from './useHistory.ts';
import { useMatches } from './useMatches.ts';
import { useNow } from './useNow.ts';
import { useVirtualWindow } from './useVirtualWindow.ts';

interface HistoryViewProps {
  messageTemplate: string;
  /** The reminder window (Settings), which also decides which open links offer "Renew". */
  reminderMinutes: number;
  /** False while another tab is shown (the view stays mounted to keep search and scroll). */
  shown: boolean;
  /** Every profile, to name the one that made each link (search and export too). */
  profiles?: readonly ProfileName[];
}

interface Feedback {
  readonly tone: 'info' | 'success' | 'error';
  readonly text: string;
}

const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'open', 'complete', 'expired'];

function isStatusFilter(value: string): value is StatusFilter {
  return STATUS_FILTERS.some((choice) => choice === value);
}

function filterName(filter: StatusFilter): string {
  return filter === 'all' ? t('history.allStatuses') : statusWord(filter);
}

const NO_SESSIONS: readonly SessionRecord[] = [];
const NO_PROFILES: readonly ProfileName[] = [];

/** Every link made, newest first: find one, copy it again, see whether it was paid. */
export function HistoryView({
  messageTemplate,
  reminderMinutes,
  shown,
  profiles = NO_PROFILES,
}: HistoryViewProps) {
  const { history, retry } = useHistory();
  const now = useNow(10_000);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [refreshing, setRefreshing] = useState(false);
  const refreshInFlight = useRef(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [qrSession, setQrSession] = useState<SessionRecord | null>(null);
  const [notesSession, setNotesSession] = useState<SessionRecord | null>(null);
  const [renewingId, setRenewingId] = useState<string | null>(null);
  const renewInFlight = useRef(false);

  const sessions = history.kind === 'ready' ? history.sessions : NO_SESSIONS;
  // Only the newest sessions are in while the rest is read: counts, "no match" and the
  // export wait for all of them.
  const complete = history.kind === 'ready' && history.complete;
  const search = useMemo<HistoryQuery>(
    () => ({ query, status, profiles }),
    [query, status, profiles],
  );
  const namesProfiles = useMemo(() => showsProfiles(sessions, profiles), [sessions, profiles]);
  const { scroller, onScroll, scrollToTop, reach, rangeOf } = useVirtualWindow(ROW_HEIGHT, shown);
  // The rows in view at once; all matches (counted) when the popup is idle.
  const { shown: matches, all } = useMatches(sessions, search, now, reach);
  const counted = complete && all !== undefined;
  const range = rangeOf(matches.length);

  const onCopied = useCallback((kind: CopyKind, copied: boolean) => {
    const done = kind === 'link' ? t('popup.linkCopied') : t('popup.messageCopied');
    setFeedback(
      copied ? { tone: 'success', text: done } : { tone: 'info', text: t('history.copyRefused') },
    );
  }, []);

  const closeQr = useCallback(() => setQrSession(null), []);
  const closeNotes = useCallback(() => setNotesSession(null), []);
  const notesSaved = useCallback(
    () => setFeedback({ tone: 'success', text: t('history.noteSaved') }),
    [],
  );

  const renew = useCallback(async (session: SessionRecord) => {
    // One renewal at a time: a second click must not make a second link.
    if (renewInFlight.current) return;
    renewInFlight.current = true;
    setRenewingId(session.id);
    setFeedback(null);
    const requestId = crypto.randomUUID();
    try {
      const answer = await ask({ type: 'renewCheckout', requestId, sessionId: session.id });
      if (answer.ok) {
        const copied = await copyText(answer.session.url);
        setFeedback(
          copied
            ? { tone: 'success', text: t('history.renewedCopied') }
            : { tone: 'info', text: t('history.renewedNotCopied') },
        );
      } else {
        setFeedback({ tone: 'error', text: answer.error.message });
      }
      // Shown here: the create form need not show it again when the popup next opens.
      dismiss(requestId);
    } catch (error) {
      console.error(error);
      setFeedback({ tone: 'error', text: noAnswerMessage() });
    } finally {
      renewInFlight.current = false;
      setRenewingId(null);
    }
  }, []);
  const onRenew = useCallback((session: SessionRecord) => void renew(session), [renew]);

  function searchFor(value: string) {
    setQuery(value);
    scrollToTop();
  }

  function filterBy(value: string) {
    if (!isStatusFilter(value)) return;
    setStatus(value);
    scrollToTop();
  }

  function clearFilters() {
    setQuery('');
    setStatus('all');
    scrollToTop();
  }

  async function refresh() {
    if (refreshInFlight.current) return;
    refreshInFlight.current = true;
    setRefreshing(true);
    setFeedback(null);
    try {
      // The background writes what changed; useHistory re-reads it from storage.
      setFeedback(refreshReport(await ask({ type: 'refreshStatuses', staleOnly: false })));
    } catch (error) {
      console.error(error);
      setFeedback({ tone: 'error', text: noAnswerMessage() });
    } finally {
      refreshInFlight.current = false;
      setRefreshing(false);
    }
  }

  function exportCsv() {
    // Machine-readable in every language: ISO dates, plain decimals, English headers.
    const at = Date.now();
    // Every match, as counted (the button waits for the count).
    const text = sessionsToCsv(all ?? filterSessions(sessions, search, now), at, profiles);
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), csvFileName(at));
  }

  const filtering = query.trim() !== '' || status !== 'all';
  const visible = matches.slice(range.start, range.end);

  return (
    <section
      className="history"
      aria-busy={history.kind === 'loading' || (history.kind === 'ready' && !complete)}
    >
      <div className="history-toolbar">
        <div className="history-filters">
          <div className="history-search">
            <label htmlFor="history-search" className="visually-hidden">
              {t('history.search')}
            </label>
            <SearchIcon />
            <input
              id="history-search"
              type="search"
              placeholder={t('history.searchPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(event) => searchFor(event.currentTarget.value)}
            />
          </div>
          <div className="history-status">
            {/* Named for screen readers; its options ("All statuses", "Open"…) say what it is. */}
            <label htmlFor="history-status" className="visually-hidden">
              {t('history.status')}
            </label>
            <select
              id="history-status"
              value={status}
              onChange={(event) => filterBy(event.currentTarget.value)}
            >
              {STATUS_FILTERS.map((choice) => (
                <option key={choice} value={choice}>
                  {filterName(choice)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="history-bar">
          <p className="history-count" aria-live="polite">
            {counted ? countLine(all.length, sessions.length) : ''}
          </p>
          <button
            type="button"
            className="button button--small history-refresh"
            onClick={() => void refresh()}
            aria-disabled={refreshing || undefined}
          >
            {refreshing && <RefreshIcon />}
            {refreshing ? t('history.refreshing') : t('history.refresh')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={exportCsv}
            disabled={!counted || all.length === 0}
          >
            {t('history.exportCsv')}
          </button>
        </div>
        <StatusMessage tone="error">
          {feedback?.tone === 'error' ? feedback.text : undefined}
        </StatusMessage>
        <StatusMessage tone={feedback?.tone === 'success' ? 'success' : 'info'}>
          {feedback && feedback.tone !== 'error' ? feedback.text : undefined}
        </StatusMessage>
      </div>

      <div className="history-scroll" ref={scroller} onScroll={onScroll}>
        {history.kind === 'loading' && <p className="history-empty">{t('history.loading')}</p>}
        {history.kind === 'failed' && (
          <div className="history-empty">
            <StatusMessage tone="error">{t('history.readFailed')}</StatusMessage>
            <button type="button" className="button button--small" onClick={retry}>
              {t('common.tryAgain')}
            </button>
          </div>
        )}
        {history.kind === 'ready' && sessions.length === 0 && (
          <p className="history-empty">{t('history.empty')}</p>
        )}
        {counted && sessions.length > 0 && all.length === 0 && (
          <div className="history-empty">
            <p>{t('history.noMatch')}</p>
            {filtering && (
              <button type="button" className="button button--small" onClick={clearFilters}>
                {t('history.clearFilters')}
              </button>
            )}
          </div>
        )}
        {matches.length > 0 && (
          <ul
            className="history-list"
            role="list"
            aria-label={t('history.list')}
            style={{
              height: matches.length * ROW_HEIGHT,
              paddingTop: range.start * ROW_HEIGHT,
            }}
          >
            {visible.map((session, offset) => (
              <HistoryRow
                key={session.id}
                session={session}
                status={effectiveStatus(session, now)}
                now={now}
                position={range.start + offset + 1}
                setSize={all?.length ?? -1}
                messageTemplate={messageTemplate}
                profileName={namesProfiles ? sessionProfileLabel(session, profiles) : undefined}
                onCopied={onCopied}
                onShowQr={setQrSession}
                onEditNotes={setNotesSession}
                renewable={canRenew(session, now, reminderMinutes)}
                renewing={renewingId === session.id}
                onRenew={onRenew}
              />
            ))}
          </ul>
        )}
      </div>

      <QrDialog session={qrSession} onClose={closeQr} />
      <NotesDialog session={notesSession} onClose={closeNotes} onSaved={notesSaved} />
    </section>
  );
}

function SearchIcon() {
  return (
    <svg
      className="history-search-icon"
      width="15"
      height="15"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z"
      />
    </svg>
  );
}

/** Turns while a refresh runs (in the room the shorter "Refreshing…" leaves). */
function RefreshIcon() {
  return (
    <svg
      className="refresh-icon"
      width="14"
      height="14"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M12 4a8 8 0 0 1 7.4 5H17v2h6V5h-2v2.3A10 10 0 0 0 2 12h2a8 8 0 0 1 8-8Zm8 8a8 8 0 0 1-14.9 4H7v-2H1v6h2v-2.3A10 10 0 0 0 22 12h-2Z"
      />
    </svg>
  );
}
