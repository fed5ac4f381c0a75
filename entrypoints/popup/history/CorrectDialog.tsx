import { useState, type FormEvent } from 'react';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import { checkCorrection, correctableFields, correctionValues } from '../../../lib/corrections.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import { SessionDialog, SessionDialogActions, type SessionDialogForm } from './SessionDialog.tsx';
import { useSessionSend } from './useSessionSend.ts';

interface CorrectDialogProps {
  /** The invoice's current link whose details are corrected; null when the dialog is closed. */
  session: SessionRecord | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * "Correct details" of an Unpaid invoice (lib/corrections.ts): its client, PO number and the
 * other correctable fields, over the list like the note (NotesDialog.tsx); Escape cancels and
 * focus returns to More actions. The background checks again and dates the change.
 */
export function CorrectDialog({ session, onClose, onSaved }: CorrectDialogProps) {
  return (
    <SessionDialog
      session={session}
      labelledBy="correct-dialog-title"
      onClose={onClose}
      onDone={onSaved}
      form={CorrectForm}
    />
  );
}

function CorrectForm({ session, onCancel, onDone }: SessionDialogForm) {
  const [values, setValues] = useState(() => correctionValues(session));
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const { failure, saving, send } = useSessionSend(onDone);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkCorrection(session, values);
    if (!checked.ok) {
      setErrors(checked.error);
      return;
    }
    void send({ type: 'correctInvoice', sessionId: session.id, fields: checked.value }, (error) =>
      setErrors(error.fields ?? {}),
    );
  }

  function change(key: string, value: string) {
    setValues((before) => ({ ...before, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  }

  return (
    <form className="qr-dialog-body" noValidate onSubmit={save}>
      <div className="qr-dialog-head">
        <h2 id="correct-dialog-title">
          {t('history.correct.title', { number: session.invoiceNumber ?? session.reference })}
        </h2>
      </div>
      <p className="field-hint">{t('history.correct.intro')}</p>
      {correctableFields(session).map((field, index) => {
        const common = {
          id: `correct-${field.key}`,
          label: field.label(),
          value: values[field.key] ?? '',
          onValueChange: (value: string) => change(field.key, value),
          error: errors[field.key],
          autoFocus: index === 0,
        };
        return field.key === 'clientAddress' ? (
          <TextAreaField key={field.key} {...common} rows={2} />
        ) : (
          <TextField key={field.key} {...common} autoComplete="off" />
        );
      })}
      <SessionDialogActions
        failure={failure}
        saving={saving}
        submit={t('common.save')}
        onCancel={onCancel}
      />
    </form>
  );
}
