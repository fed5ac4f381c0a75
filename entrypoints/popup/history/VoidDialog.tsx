import { useState, type FormEvent } from 'react';
import { TextAreaField } from '../../../components/Field.tsx';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { validateVoidReason } from '../../../lib/invoice-status.ts';
import { totalText } from './history-text.ts';
import { SessionDialog, SessionDialogActions, type SessionDialogForm } from './SessionDialog.tsx';
import { useSessionSend } from './useSessionSend.ts';

interface VoidDialogProps {
  /** The session whose invoice is voided; null when the dialog is closed. */
  session: SessionRecord | null;
  onClose: () => void;
  onVoided: (session: SessionRecord) => void;
}

/**
 * Void invoice: asks why (the reason is printed on the invoice, so it is required), as the
 * Note dialog does (NotesDialog.tsx): a modal over the list, Escape or Cancel leaves it as it
 * was, focus returns to More actions.
 */
export function VoidDialog({ session, onClose, onVoided }: VoidDialogProps) {
  return (
    <SessionDialog
      session={session}
      labelledBy="void-dialog-title"
      onClose={onClose}
      onDone={onVoided}
      form={VoidForm}
    />
  );
}

function VoidForm({ session, onCancel, onDone }: SessionDialogForm) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const { failure, saving, send } = useSessionSend(onDone);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateVoidReason(reason);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    void send({ type: 'voidInvoice', sessionId: session.id, reason: checked.value });
  }

  return (
    <form className="qr-dialog-body" noValidate onSubmit={submit}>
      <div className="qr-dialog-head">
        <h2 id="void-dialog-title">
          {t('history.void.title', { number: session.invoiceNumber ?? session.reference })}
          <span className="qr-dialog-total">{totalText(session)}</span>
        </h2>
      </div>
      <TextAreaField
        id="void-reason"
        label={t('history.void.reason')}
        rows={2}
        value={reason}
        required
        onValueChange={(value) => {
          setReason(value);
          setError('');
        }}
        error={error || undefined}
        hint={t('history.void.reasonHint')}
        autoFocus
      />
      <SessionDialogActions
        failure={failure}
        saving={saving}
        submit={t('history.void.confirm')}
        onCancel={onCancel}
      />
    </form>
  );
}
