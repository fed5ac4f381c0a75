import { useCallback, type ComponentType } from 'react';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { t } from '../../../lib/i18n.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { useModalDialog } from './useModalDialog.ts';

/** What the form inside a SessionDialog is handed: how to leave it, with or without a change. */
export interface SessionDialogForm {
  readonly session: SessionRecord;
  /** Cancel, Escape: the dialog closes and nothing changed. */
  readonly onCancel: () => void;
  /** Saved: `done` runs (the row says so), then the dialog closes. */
  readonly onDone: (after: SessionRecord) => void;
}

interface SessionDialogProps {
  /** The row the dialog is open for; null when it is closed. */
  session: SessionRecord | null;
  /** The id of the form's title, which names the dialog. */
  labelledBy: string;
  onClose: () => void;
  /** The form saved a change to `after`. */
  onDone: (after: SessionRecord) => void;
  /** The form inside, given the row and how to leave. */
  form: ComponentType<SessionDialogForm>;
}

/**
 * A row's form over the list (Note, Correct details, Void invoice): a modal <dialog> keeps
 * the rows' fixed heights, Escape or Cancel leaves the row as it was, focus returns to the
 * button that opened it. The form is keyed by the row, so each opening starts from what is
 * stored for it.
 */
export function SessionDialog({
  session,
  labelledBy,
  onClose,
  onDone,
  form: Form,
}: SessionDialogProps) {
  const dialog = useModalDialog(session !== null);
  const cancel = useCallback(() => dialog.current?.close(), [dialog]);
  const done = useCallback(
    (after: SessionRecord) => {
      onDone(after);
      dialog.current?.close();
    },
    [dialog, onDone],
  );
  return (
    <dialog ref={dialog} className="qr-dialog" aria-labelledby={labelledBy} onClose={onClose}>
      {session && <Form key={session.id} session={session} onCancel={cancel} onDone={done} />}
    </dialog>
  );
}

interface SessionDialogActionsProps {
  /** Why the last send failed (useSessionSend), empty when it did not. */
  failure: string;
  /** A send is on its way: the submit button waits. */
  saving: boolean;
  /** The submit button's words: Save, Void invoice. */
  submit: string;
  onCancel: () => void;
}

/** The foot of a row's form: why the last send failed, then Cancel and the submit button. */
export function SessionDialogActions({
  failure,
  saving,
  submit,
  onCancel,
}: SessionDialogActionsProps) {
  return (
    <>
      <StatusMessage tone="error">{failure || undefined}</StatusMessage>
      <div className="notes-dialog-actions">
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--small button--primary" disabled={saving}>
          {submit}
        </button>
      </div>
    </>
  );
}
