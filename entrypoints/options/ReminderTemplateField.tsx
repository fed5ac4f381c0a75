import { fieldId, TextAreaField } from '../../components/Field.tsx';
import type { SessionRecord } from '../../lib/history.ts';
import { t } from '../../lib/i18n.ts';
import { localDate } from '../../lib/calendar-date.ts';
import {
  defaultReminderText,
  fillReminderTemplate,
  REMINDER_PLACEHOLDERS,
} from '../../lib/reminder-template.ts';
import { withSlots } from './slots.tsx';

const DAY = 24 * 60 * 60 * 1000;

interface ReminderTemplateFieldProps {
  value: string;
  error: string | undefined;
  /** The sample link the message template's preview uses. */
  sample: SessionRecord;
  onChange: (value: string) => void;
}

/** Settings → Reminder message: Copy reminder's template, shared by all profiles, and a preview. */
export function ReminderTemplateField({
  value,
  error,
  sample,
  onChange,
}: ReminderTemplateFieldProps) {
  const due = localDate(sample.createdAt + 14 * DAY);
  const preview = fillReminderTemplate(
    value,
    {
      ...sample,
      invoiceNumber: 'INV-0042',
      client: { name: 'Acme Robotics Ltd', email: '', address: '' },
    },
    due,
  );
  return (
    <>
      <TextAreaField
        id={fieldId('reminderTemplate')}
        label={t('options.defaults.reminderTemplate')}
        rows={3}
        spellCheck={false}
        value={value}
        onValueChange={onChange}
        error={error}
        hint={withSlots(
          t('options.defaults.reminderTemplateHint', { placeholders: '{placeholders}' }),
          {
            placeholders: REMINDER_PLACEHOLDERS.map((name) => (
              <code key={name} className="placeholder">{`{${name}}`}</code>
            )),
          },
        )}
      />
      <div className="preview">
        <div className="preview-head">
          <h3>{t('options.defaults.reminderPreview')}</h3>
          {value !== defaultReminderText() && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onChange(defaultReminderText())}
            >
              {t('options.defaults.useDefaultTemplate')}
            </button>
          )}
        </div>
        <p className="preview-text">
          {preview === '' ? <span className="muted">{t('options.defaults.empty')}</span> : preview}
        </p>
      </div>
    </>
  );
}
