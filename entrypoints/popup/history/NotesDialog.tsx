import { useState, type FormEvent } from 'react';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import {
  MAX_NOTE_LENGTH,
  MAX_TAGS,
  tagsText,
  validateNotes,
  type NotesErrors,
} from '../../../lib/session-notes.ts';
import { itemsLine, totalText } from './history-text.ts';
import { SessionDialog, SessionDialogActions, type SessionDialogForm } from './SessionDialog.tsx';
import { useSessionSend } from './useSessionSend.ts';

interface NotesDialogProps {
  /** The session whose note is edited; null when the dialog is closed. */
  session: SessionRecord | null;
  onClose: () => void;
  onSaved: () => void;
}

/** A session's note and tags, edited over the list (SessionDialog.tsx). */
export function NotesDialog({ session, onClose, onSaved }: NotesDialogProps) {
  return (
    <SessionDialog
      session={session}
      labelledBy="notes-dialog-title"
      onClose={onClose}
      onDone={onSaved}
      form={NotesForm}
    />
  );
}

function NotesForm({ session, onCancel, onDone }: SessionDialogForm) {
  const [note, setNote] = useState(session.note ?? '');
  const [tags, setTags] = useState(() => tagsText(session.tags));
  const [errors, setErrors] = useState<NotesErrors>({});
  const { failure, saving, send } = useSessionSend(onDone);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateNotes({ note, tags });
    if (!checked.ok) {
      setErrors(checked.error);
      return;
    }
    void send({ type: 'updateSessionNotes', sessionId: session.id, ...checked.value });
  }

  return (
    <form className="qr-dialog-body" noValidate onSubmit={save}>
      <div className="qr-dialog-head">
        <h2 id="notes-dialog-title">
          {itemsLine(session.items).first || t('history.notes.paymentLink')}
          <span className="qr-dialog-total">{totalText(session)}</span>
        </h2>
      </div>
      <TextAreaField
        id="session-note"
        label={t('history.notes.note')}
        rows={3}
        value={note}
        onValueChange={(value) => {
          setNote(value);
          setErrors(({ note: _gone, ...rest }) => rest);
        }}
        error={errors.note}
        hint={t('history.notes.noteHint', { max: MAX_NOTE_LENGTH })}
        autoFocus
      />
      <TextField
        id="session-tags"
        label={t('history.notes.tags')}
        value={tags}
        autoComplete="off"
        spellCheck={false}
        onValueChange={(value) => {
          setTags(value);
          setErrors(({ tags: _gone, ...rest }) => rest);
        }}
        error={errors.tags}
        hint={t('history.notes.tagsHint', { max: MAX_TAGS })}
      />
      <SessionDialogActions
        failure={failure}
        saving={saving}
        submit={t('common.save')}
        onCancel={onCancel}
      />
    </form>
  );
}
