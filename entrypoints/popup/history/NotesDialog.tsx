import { useCallback, useState, type FormEvent } from 'react';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import type { SessionRecord } from '../../../lib/history.ts';
import { t } from '../../../lib/i18n.ts';
import {
  MAX_NOTE_LENGTH,
  MAX_TAGS,
  tagsText,
  validateNotes,
  type NotesErrors,
} from '../../../lib/session-notes.ts';
import { ask, noAnswerMessage } from '../../../utils/ask.ts';
import { itemsLine, totalText } from './history-text.ts';
import { useModalDialog } from './useModalDialog.ts';

interface NotesDialogProps {
  /** The session whose note is edited; null when the dialog is closed. */
  session: SessionRecord | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * A session's note and tags, edited over the list like the QR code (QrDialog.tsx): a modal
 * <dialog> keeps the rows' fixed heights, Escape cancels, focus returns to the Note button.
 */
export function NotesDialog({ session, onClose, onSaved }: NotesDialogProps) {
  const dialog = useModalDialog(session !== null);

  const close = useCallback(() => dialog.current?.close(), [dialog]);
  const saved = useCallback(() => {
    onSaved();
    dialog.current?.close();
  }, [dialog, onSaved]);

  return (
    <dialog
      ref={dialog}
      className="qr-dialog"
      aria-labelledby="notes-dialog-title"
      onClose={onClose}
    >
      {/* Keyed by session: each opening starts from that session's stored note. */}
      {session && <NotesForm key={session.id} session={session} onCancel={close} onSaved={saved} />}
    </dialog>
  );
}

interface NotesFormProps {
  session: SessionRecord;
  onCancel: () => void;
  onSaved: () => void;
}

function NotesForm({ session, onCancel, onSaved }: NotesFormProps) {
  const [note, setNote] = useState(session.note ?? '');
  const [tags, setTags] = useState(() => tagsText(session.tags));
  const [errors, setErrors] = useState<NotesErrors>({});
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const checked = validateNotes({ note, tags });
    if (!checked.ok) {
      setErrors(checked.error);
      return;
    }
    setSaving(true);
    setFailure('');
    try {
      const answer = await ask({
        type: 'updateSessionNotes',
        sessionId: session.id,
        ...checked.value,
      });
      if (answer.ok) onSaved();
      else setFailure(answer.error.message);
    } catch (error) {
      console.error(error);
      setFailure(noAnswerMessage());
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="qr-dialog-body" noValidate onSubmit={(event) => void save(event)}>
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
      <StatusMessage tone="error">{failure || undefined}</StatusMessage>
      <div className="notes-dialog-actions">
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--small button--primary" disabled={saving}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
