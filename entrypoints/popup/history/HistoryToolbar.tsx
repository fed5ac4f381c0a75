import { StatusMessage } from '../../../components/StatusMessage.tsx';
import type { StatusFilter } from '../../../lib/history-query.ts';
import { t } from '../../../lib/i18n.ts';
import { markWord, statusWord } from './history-text.ts';
import { STATUS_FILTERS, type Feedback } from './useHistoryView.ts';

function filterName(filter: StatusFilter): string {
  if (filter === 'all') return t('history.allStatuses');
  return filter === 'overdue' || filter === 'void' ? markWord(filter) : statusWord(filter);
}

/** The search box and the status filter. */
function HistoryFilters({
  query,
  status,
  onSearch,
  onFilter,
}: {
  query: string;
  status: StatusFilter;
  onSearch: (value: string) => void;
  onFilter: (value: string) => void;
}) {
  return (
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
          onChange={(event) => onSearch(event.currentTarget.value)}
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
          onChange={(event) => onFilter(event.currentTarget.value)}
        >
          {STATUS_FILTERS.map((choice) => (
            <option key={choice} value={choice}>
              {filterName(choice)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The count of links shown, "Refresh statuses" and "Export CSV". */
function HistoryBar({
  count,
  refreshing,
  onRefresh,
  canExport,
  onExport,
}: {
  count: string;
  refreshing: boolean;
  onRefresh: () => void;
  canExport: boolean;
  onExport: () => void;
}) {
  return (
    <div className="history-bar">
      <p className="history-count" aria-live="polite">
        {count}
      </p>
      <button
        type="button"
        className="button button--small history-refresh"
        onClick={onRefresh}
        aria-disabled={refreshing || undefined}
      >
        {refreshing && <RefreshIcon />}
        {refreshing ? t('history.refreshing') : t('history.refresh')}
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={onExport}
        disabled={!canExport}
      >
        {t('history.exportCsv')}
      </button>
    </div>
  );
}

/** An error as an alert; anything else in the status line, which is there while empty. */
function FeedbackLines({ feedback }: { feedback: Feedback | null }) {
  return (
    <>
      <StatusMessage tone="error">
        {feedback?.tone === 'error' ? feedback.text : undefined}
      </StatusMessage>
      <StatusMessage tone={feedback?.tone === 'success' ? 'success' : 'info'}>
        {feedback && feedback.tone !== 'error' ? feedback.text : undefined}
      </StatusMessage>
    </>
  );
}

interface HistoryToolbarProps {
  query: string;
  status: StatusFilter;
  onSearch: (value: string) => void;
  onFilter: (value: string) => void;
  /** "12 links", once they are counted; empty before. */
  count: string;
  refreshing: boolean;
  onRefresh: () => void;
  canExport: boolean;
  onExport: () => void;
  feedback: Feedback | null;
}

/** Above the list: find links, refresh their statuses, export them, and what came of it. */
export function HistoryToolbar({
  query,
  status,
  onSearch,
  onFilter,
  feedback,
  ...bar
}: HistoryToolbarProps) {
  return (
    <div className="history-toolbar">
      <HistoryFilters query={query} status={status} onSearch={onSearch} onFilter={onFilter} />
      <HistoryBar {...bar} />
      <FeedbackLines feedback={feedback} />
    </div>
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
