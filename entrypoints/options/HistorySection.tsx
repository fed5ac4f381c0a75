import { fieldId, TextField } from '../../components/Field.tsx';
import { t } from '../../lib/i18n.ts';
import { MAX_REMINDER_MINUTES } from '../../lib/settings.ts';
import { MAX_HISTORY_CAP } from './values.ts';

interface HistorySectionProps {
  historyCap: string;
  error: string | undefined;
  onChange: (value: string) => void;
  reminderMinutes: string;
  reminderError: string | undefined;
  onReminderChange: (value: string) => void;
}

/** How many links History keeps, and when to remind of an unpaid one; saved with the page. */
export function HistorySection({
  historyCap,
  error,
  onChange,
  reminderMinutes,
  reminderError,
  onReminderChange,
}: HistorySectionProps) {
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('options.history.title')}</h2>
      <p className="shared-tag">{t('profiles.shared')}</p>
      <p className="section-intro">{t('options.history.intro')}</p>
      <TextField
        id={fieldId('historyCap')}
        label={t('options.history.limit')}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_HISTORY_CAP}
        step={1}
        className="field--narrow"
        value={historyCap}
        onValueChange={onChange}
        error={error}
        hint={t('options.history.limitHint')}
      />
      <TextField
        id={fieldId('reminderMinutes')}
        label={t('options.history.reminder')}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_REMINDER_MINUTES}
        step={1}
        className="field--narrow"
        value={reminderMinutes}
        onValueChange={onReminderChange}
        error={reminderError}
        hint={t('options.history.reminderHint')}
      />
    </section>
  );
}
