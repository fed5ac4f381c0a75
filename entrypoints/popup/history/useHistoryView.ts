import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { copyText } from '../../../components/CopyButton.tsx';
import { downloadBlob } from '../../../components/qr-image.ts';
import { csvFileName, sessionsToCsv } from '../../../lib/csv.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import {
  filterSessions,
  prepareSearch,
  type HistoryQuery,
  type StatusFilter,
} from '../../../lib/history-query.ts';
import { t } from '../../../lib/i18n.ts';
import { ledgerOf } from '../../../lib/ledger.ts';
import { showsProfiles, type ProfileName } from '../../../lib/profile-names.ts';
import { ask, noAnswerMessage } from '../../../utils/ask.ts';
import { dismiss } from '../form/submit.ts';
import { refreshReport } from './history-text.ts';
import { ROW_HEIGHT } from './HistoryRow.tsx';
import type { CopyKind } from './HistoryRowLines.tsx';
import { useHistory } from './useHistory.ts';
import { useMatches } from './useMatches.ts';
import { useNow } from './useNow.ts';
import { renewAsking } from './renew-asking.ts';
import { useLiveConfirm, type ConfirmLive } from './useLiveConfirm.ts';
import { useReminder } from './useReminder.ts';
import { useVirtualWindow } from './useVirtualWindow.ts';

export interface Feedback {
  readonly tone: 'info' | 'success' | 'error';
  readonly text: string;
}

type ShowFeedback = (feedback: Feedback | null) => void;

export const STATUS_FILTERS: readonly StatusFilter[] = [
  'all',
  'open',
  'complete',
  'expired',
  'overdue',
  'void',
];

function isStatusFilter(value: string): value is StatusFilter {
  return STATUS_FILTERS.some((choice) => choice === value);
}

const NO_SESSIONS: readonly SessionRecord[] = [];

/**
 * "New payment link" on a row: a new link for the same invoice (asked about first when it
 * would be the first live link), copied, and what came of it.
 */
function useRenewal(showFeedback: ShowFeedback, confirmLive: ConfirmLive) {
  const [renewingId, setRenewingId] = useState<string | null>(null);
  const renewInFlight = useRef(false);

  const renew = useCallback(
    async (session: SessionRecord) => {
      // One renewal at a time: a second click must not make a second link.
      if (renewInFlight.current) return;
      renewInFlight.current = true;
      setRenewingId(session.id);
      showFeedback(null);
      const requestId = crypto.randomUUID();
      try {
        const answer = await renewAsking(requestId, session.id, confirmLive);
        if (answer === undefined) return;
        if (answer.ok) {
          const copied = await copyText(answer.session.url);
          showFeedback(
            copied
              ? { tone: 'success', text: t('history.renewedCopied') }
              : { tone: 'info', text: t('history.renewedNotCopied') },
          );
        } else {
          showFeedback({ tone: 'error', text: answer.error.message });
        }
        // Shown here: the create form need not show it again when the popup next opens.
        dismiss(requestId);
      } catch (error) {
        console.error(error);
        showFeedback({ tone: 'error', text: noAnswerMessage() });
      } finally {
        renewInFlight.current = false;
        setRenewingId(null);
      }
    },
    [showFeedback, confirmLive],
  );
  const onRenew = useCallback((session: SessionRecord) => void renew(session), [renew]);
  return { renewingId, onRenew };
}

/** "Refresh statuses": one check of every open link at a time, and its report. */
function useRefresh(showFeedback: ShowFeedback) {
  const [refreshing, setRefreshing] = useState(false);
  const refreshInFlight = useRef(false);

  async function refresh() {
    if (refreshInFlight.current) return;
    refreshInFlight.current = true;
    setRefreshing(true);
    showFeedback(null);
    try {
      // The background writes what changed; useHistory re-reads it from storage.
      showFeedback(refreshReport(await ask({ type: 'refreshStatuses', staleOnly: false })));
    } catch (error) {
      console.error(error);
      showFeedback({ tone: 'error', text: noAnswerMessage() });
    } finally {
      refreshInFlight.current = false;
      setRefreshing(false);
    }
  }
  return { refreshing, refresh };
}

/** The search box and status filter; each change goes back to the top of the list. */
function useFilters(scrollToTop: () => void) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');

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

  const filtering = query.trim() !== '' || status !== 'all';
  return { query, status, filtering, searchFor, filterBy, clearFilters };
}

/** The dialogs a row opens (QR code, notes, corrections), and the messages rows and dialogs leave. */
function useRowDialogs(showFeedback: ShowFeedback) {
  const [qrSession, setQrSession] = useState<SessionRecord | null>(null);
  const [notesSession, setNotesSession] = useState<SessionRecord | null>(null);
  const [earlierSession, setEarlierSession] = useState<SessionRecord | null>(null);
  const [voidSession, setVoidSession] = useState<SessionRecord | null>(null);
  const [correctSession, setCorrectSession] = useState<SessionRecord | null>(null);

  const onCopied = useCallback(
    (kind: CopyKind, copied: boolean) => {
      const done = kind === 'link' ? t('popup.linkCopied') : t('popup.messageCopied');
      showFeedback(
        copied ? { tone: 'success', text: done } : { tone: 'info', text: t('history.copyRefused') },
      );
    },
    [showFeedback],
  );
  const closeQr = useCallback(() => setQrSession(null), []);
  const closeNotes = useCallback(() => setNotesSession(null), []);
  const closeEarlier = useCallback(() => setEarlierSession(null), []);
  const closeVoid = useCallback(() => setVoidSession(null), []);
  const voided = useCallback(
    (session: SessionRecord) =>
      showFeedback({
        tone: 'success',
        text: t('history.void.done', { number: session.invoiceNumber ?? session.reference }),
      }),
    [showFeedback],
  );
  const notesSaved = useCallback(
    () => showFeedback({ tone: 'success', text: t('history.noteSaved') }),
    [showFeedback],
  );
  const closeCorrect = useCallback(() => setCorrectSession(null), []);
  const corrected = useCallback(
    () => showFeedback({ tone: 'success', text: t('history.detailsCorrected') }),
    [showFeedback],
  );
  return {
    qrSession,
    notesSession,
    onShowQr: setQrSession,
    onEditNotes: setNotesSession,
    earlierSession,
    onShowEarlier: setEarlierSession,
    voidSession,
    onVoid: setVoidSession,
    closeVoid,
    voided,
    onCopied,
    closeQr,
    closeNotes,
    closeEarlier,
    notesSaved,
    correctSession,
    onCorrect: setCorrectSession,
    closeCorrect,
    corrected,
  };
}

/**
 * The History tab's state: the sessions read, those matching the search (the rows in view
 * at once; all of them, counted, when the popup is idle), the window of rows to draw, and
 * what the toolbar and rows do.
 */
export function useHistoryView(
  shown: boolean,
  profiles: readonly ProfileName[],
  reminder: { template: string | undefined; minutes: number },
) {
  const { history, retry } = useHistory();
  const now = useNow(10_000);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const { scroller, onScroll, scrollToTop, reach, rangeOf } = useVirtualWindow(ROW_HEIGHT, shown);
  const filters = useFilters(scrollToTop);
  const { refreshing, refresh } = useRefresh(setFeedback);
  const dialogs = useRowDialogs(setFeedback);
  const live = useLiveConfirm();
  const { renewingId, onRenew } = useRenewal(setFeedback, live.confirm);
  const onCopyReminder = useReminder(
    reminder.template,
    reminder.minutes,
    setFeedback,
    live.confirm,
  );

  const sessions = history.kind === 'ready' ? history.sessions : NO_SESSIONS;
  // Only the newest sessions are in while the rest is read: counts, "no match" and the
  // export wait for all of them.
  const complete = history.kind === 'ready' && history.complete;
  const { query, status } = filters;
  const search = useMemo<HistoryQuery>(
    () => ({ query, status, profiles }),
    [query, status, profiles],
  );
  const namesProfiles = useMemo(() => showsProfiles(sessions, profiles), [sessions, profiles]);
  const ledger = ledgerOf(sessions);
  const { shown: matches, all } = useMatches(sessions, search, now, reach);
  // Once the whole history is in, before anyone types (after this paint): see prepareSearch.
  useEffect(() => {
    if (complete) prepareSearch(sessions);
  }, [sessions, complete]);
  const range = rangeOf(matches.length);

  function exportCsv() {
    // Machine-readable in every language: ISO dates, plain decimals, English headers.
    const at = Date.now();
    // Every match, as counted (the button waits for the count): one row per invoice.
    const rows = all ?? filterSessions(sessions, search, now);
    const text = sessionsToCsv(rows, at, profiles, ledger.earlier);
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), csvFileName(at));
  }

  return {
    history,
    retry,
    now,
    sessions,
    /** How many invoices History holds: each is one row, however many links it has. */
    invoiceCount: ledger.rows.length,
    /** The invoices: each one's links, and which link is current (lib/ledger.ts). */
    ledger,
    complete,
    /** Every match once all sessions are read and counted; undefined until then. */
    counted: complete ? all : undefined,
    all,
    matches,
    range,
    visible: matches.slice(range.start, range.end),
    namesProfiles,
    scroller,
    onScroll,
    filters,
    feedback,
    refreshing,
    refresh,
    exportCsv,
    dialogs,
    renewingId,
    onRenew,
    onCopyReminder,
    /** The live question, while New payment link or Copy reminder asks it. */
    live,
  };
}
