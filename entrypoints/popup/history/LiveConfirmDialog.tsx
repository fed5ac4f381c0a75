import { useEffect, useRef } from 'react';
import { t } from '../../../lib/i18n.ts';
import { useModalDialog } from './useModalDialog.ts';

interface LiveConfirmDialogProps {
  /** Why it is asked (the worker's sentence); null while nothing is asked. */
  question: string | null;
  onAnswer: (yes: boolean) => void;
}

/**
 * "This creates a real payment link" for New payment link and Copy reminder, in the form's
 * words: a modal dialog, so the row stays as it was; focus starts on "Create real link"
 * (Enter confirms, as on the form), Escape or Cancel sends nothing, and focus goes back to
 * what opened it.
 */
export function LiveConfirmDialog({ question, onAnswer }: LiveConfirmDialogProps) {
  const dialog = useModalDialog(question !== null);
  const confirm = useRef<HTMLButtonElement>(null);
  // After showModal (the effect above), which would put focus on the first button, Cancel.
  useEffect(() => {
    if (question !== null) confirm.current?.focus();
  }, [question]);
  return (
    <dialog
      ref={dialog}
      className="qr-dialog"
      aria-labelledby="live-confirm-title"
      aria-describedby="live-confirm-text"
      // Escape, Cancel, or the answer having been given: only the first answer counts.
      onClose={() => onAnswer(false)}
    >
      {question !== null && (
        <div className="qr-dialog-body">
          <h2 id="live-confirm-title">{t('popup.live.title')}</h2>
          <p id="live-confirm-text">{question}</p>
          <div className="notes-dialog-actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => dialog.current?.close()}
            >
              {t('common.cancel')}
            </button>
            <button
              type="button"
              ref={confirm}
              className="button button--small button--primary"
              onClick={() => onAnswer(true)}
            >
              {t('popup.live.confirm')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
