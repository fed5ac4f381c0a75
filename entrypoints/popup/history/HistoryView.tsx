import type { ProfileName } from '../../../lib/profile-names.ts';
import { countLine } from './history-text.ts';
import { EarlierLinksDialog } from './EarlierLinksDialog.tsx';
import { LiveConfirmDialog } from './LiveConfirmDialog.tsx';
import { HistoryEmpty, HistoryRows } from './HistoryList.tsx';
import { HistoryToolbar } from './HistoryToolbar.tsx';
import { CorrectDialog } from './CorrectDialog.tsx';
import { NotesDialog } from './NotesDialog.tsx';
import { QrDialog } from './QrDialog.tsx';
import { VoidDialog } from './VoidDialog.tsx';
import { useHistoryView } from './useHistoryView.ts';

interface HistoryViewProps {
  messageTemplate: string;
  /** Copy reminder's template (Settings → Reminder message); absent: the default. */
  reminderTemplate?: string | undefined;
  /**
   * The reminder window (Settings), which also decides which open links offer "New payment
   * link".
   */
  reminderMinutes: number;
  /** False while another tab is shown (the view stays mounted to keep search and scroll). */
  shown: boolean;
  /** Every profile, to name the one that made each link (search and export too). */
  profiles?: readonly ProfileName[];
}

const NO_PROFILES: readonly ProfileName[] = [];

/** Every link made, newest first: find one, copy it again, see whether it was paid. */
export function HistoryView({
  messageTemplate,
  reminderTemplate,
  reminderMinutes,
  shown,
  profiles = NO_PROFILES,
}: HistoryViewProps) {
  // The ref apart: the lint takes an object holding a ref for a ref, and the rest is read
  // while rendering.
  const { scroller, onScroll, ...view } = useHistoryView(shown, profiles, {
    template: reminderTemplate,
    minutes: reminderMinutes,
  });
  const { history, counted, filters, dialogs } = view;
  return (
    <section
      className="history"
      aria-busy={history.kind === 'loading' || (history.kind === 'ready' && !view.complete)}
    >
      <HistoryToolbar
        query={filters.query}
        status={filters.status}
        onSearch={filters.searchFor}
        onFilter={filters.filterBy}
        count={counted ? countLine(counted.length, view.invoiceCount) : ''}
        refreshing={view.refreshing}
        onRefresh={() => void view.refresh()}
        canExport={counted !== undefined && counted.length > 0}
        onExport={view.exportCsv}
        feedback={view.feedback}
      />

      <div className="history-scroll" ref={scroller} onScroll={onScroll}>
        <HistoryEmpty
          history={history}
          onRetry={view.retry}
          counted={counted}
          filtering={filters.filtering}
          onClearFilters={filters.clearFilters}
        />
        {view.matches.length > 0 && (
          <HistoryRows
            matchCount={view.matches.length}
            range={view.range}
            visible={view.visible}
            all={view.all}
            now={view.now}
            messageTemplate={messageTemplate}
            reminderMinutes={reminderMinutes}
            profiles={profiles}
            namesProfiles={view.namesProfiles}
            renewingId={view.renewingId}
            ledger={view.ledger}
            onShowEarlier={dialogs.onShowEarlier}
            onCopied={dialogs.onCopied}
            onShowQr={dialogs.onShowQr}
            onEditNotes={dialogs.onEditNotes}
            onCorrect={dialogs.onCorrect}
            onRenew={view.onRenew}
            onCopyReminder={view.onCopyReminder}
            onVoid={dialogs.onVoid}
          />
        )}
      </div>

      <QrDialog session={dialogs.qrSession} onClose={dialogs.closeQr} />
      <LiveConfirmDialog question={view.live.question} onAnswer={view.live.answer} />
      <EarlierLinksDialog
        shown={
          dialogs.earlierSession && {
            current: dialogs.earlierSession,
            links: view.ledger.earlier.get(dialogs.earlierSession.id) ?? [],
          }
        }
        now={view.now}
        onClose={dialogs.closeEarlier}
      />
      <VoidDialog
        session={dialogs.voidSession}
        onClose={dialogs.closeVoid}
        onVoided={dialogs.voided}
      />
      <NotesDialog
        session={dialogs.notesSession}
        onClose={dialogs.closeNotes}
        onSaved={dialogs.notesSaved}
      />
      <CorrectDialog
        session={dialogs.correctSession}
        onClose={dialogs.closeCorrect}
        onSaved={dialogs.corrected}
      />
    </section>
  );
}
