import { useState, type FormEvent } from 'react';
import { TextAreaField } from '../../../components/Field.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { validateVoidReason } from '../../../lib/invoice-status.ts';
import { ask, noAnswerMessage } from '../../../utils/ask.ts';
import { totalText } from './history-text.ts';
import { SessionDialog, type SessionDialogForm } from './SessionDialog.tsx';

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
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const checked = validateVoidReason(reason);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setSaving(true);
    setFailure('');
    try {
      const answer = await ask({
        type: 'voidInvoice',
        sessionId: session.id,
        reason: checked.value,
      });
      if (answer.ok) onDone(answer.session);
      else setFailure(answer.error.message);
    } catch (caught) {
      console.error(caught);
      setFailure(noAnswerMessage());
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="qr-dialog-body" noValidate onSubmit={(event) => void submit(event)}>
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
      <StatusMessage tone="error">{failure || undefined}</StatusMessage>
      <div className="notes-dialog-actions">
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--small button--primary" disabled={saving}>
          {t('history.void.confirm')}
        </button>
      </div>
    </form>
  );
}
