import { QrCode } from '../../../components/QrCode.tsx';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { itemsLine, totalText } from './history-text.ts';
import { ViewDialog } from './ViewDialog.tsx';

interface QrDialogProps {
  /** The session whose QR code is shown; null when the dialog is closed. */
  session: SessionRecord | null;
  onClose: () => void;
}

/** A file name part from a reference: letters, digits, dots, dashes and underscores only. */
function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);
}

/** A session's QR code over the list, to show a phone on the screen. */
export function QrDialog({ session, onClose }: QrDialogProps) {
  const reference = session?.reference ? fileSafe(session.reference) : '';
  return (
    <ViewDialog
      open={session !== null}
      titleId="qr-dialog-title"
      title={session ? itemsLine(session.items).first || t('history.notes.paymentLink') : ''}
      total={session ? totalText(session) : ''}
      onClose={onClose}
    >
      {session && (
        <>
          <QrCode
            value={session.url}
            size={200}
            fileName={reference ? `payfect-qr-${reference}` : 'payfect-qr'}
          />
          <p className="qr-dialog-url">{session.url}</p>
        </>
      )}
    </ViewDialog>
  );
}
