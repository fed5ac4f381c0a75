import type { ReactNode } from 'react';
import { t } from '../../../lib/i18n.ts';
import { useModalDialog } from './useModalDialog.ts';

interface ViewDialogProps {
  /** Whether it is shown; its content is drawn only then. */
  open: boolean;
  /** The id of its heading, which names the dialog. */
  titleId: string;
  title: ReactNode;
  /** The total it is about, beside the title. */
  total: string;
  onClose: () => void;
  /** What it shows, under the heading. */
  children: ReactNode;
}

/**
 * A row's details over the list (QR code, Earlier links), where SessionDialog holds a form: a
 * modal <dialog>, so the rows keep their fixed heights; a heading with the total and Close,
 * which takes focus; Escape, Close or a click on the backdrop close it, and focus returns to
 * the menu item that opened it.
 */
export function ViewDialog({ open, titleId, title, total, onClose, children }: ViewDialogProps) {
  const dialog = useModalDialog(open);
  return (
    <dialog
      ref={dialog}
      className="qr-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog itself, outside its content box.
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
    >
      {open && (
        <div className="qr-dialog-body">
          <div className="qr-dialog-head">
            <h2 id={titleId}>
              {title}
              <span className="qr-dialog-total">{total}</span>
            </h2>
            <button
              type="button"
              className="button button--small"
              onClick={() => dialog.current?.close()}
              autoFocus
            >
              {t('common.close')}
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
