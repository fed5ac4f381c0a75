import { fieldId, TextField } from '../../components/Field.tsx';
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
      <h2 id="history-title">Keep history</h2>
      <p className="section-intro">
        Every link you make is listed in the popup&apos;s History. Past the limit, the oldest are
        removed from this browser (Payfect keeps its own records).
      </p>
      <TextField
        id={fieldId('historyCap')}
        label="History limit"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_HISTORY_CAP}
        step={1}
        className="field--narrow"
        value={historyCap}
        onValueChange={onChange}
        error={error}
        hint="0 keeps every link."
      />
      <TextField
        id={fieldId('reminderMinutes')}
        label="Remind before expiry (minutes)"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_REMINDER_MINUTES}
        step={1}
        className="field--narrow"
        value={reminderMinutes}
        onValueChange={onReminderChange}
        error={reminderError}
        hint="One notification while an unpaid link is still open, to renew it in time. 0 turns it off."
      />
    </section>
  );
}
