import { QrCode } from '../../../components/QrCode.tsx';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { itemsLine, totalText } from './history-text.ts';
import { useModalDialog } from './useModalDialog.ts';

interface QrDialogProps {
  /** The session whose QR code is shown; null when the dialog is closed. */
  session: SessionRecord | null;
  onClose: () => void;
}

/** A file name part from a reference: letters, digits, dots, dashes and underscores only. */
function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);
}

/**
 * A session's QR code over the list, to show a phone on the screen. A modal <dialog>: the
 * list keeps its fixed row heights, Escape closes it, and focus returns to the QR button.
 */
export function QrDialog({ session, onClose }: QrDialogProps) {
  const dialog = useModalDialog(session !== null);

  const reference = session?.reference ? fileSafe(session.reference) : '';
  return (
    <dialog
      ref={dialog}
      className="qr-dialog"
      aria-labelledby="qr-dialog-title"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog itself, outside its content box.
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
    >
      {session && (
        <div className="qr-dialog-body">
          <div className="qr-dialog-head">
            <h2 id="qr-dialog-title">
              {itemsLine(session.items).first || t('history.notes.paymentLink')}
              <span className="qr-dialog-total">{totalText(session)}</span>
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
          <QrCode
            value={session.url}
            size={200}
            fileName={reference ? `payfect-qr-${reference}` : 'payfect-qr'}
          />
          <p className="qr-dialog-url">{session.url}</p>
        </div>
      )}
    </dialog>
  );
}
