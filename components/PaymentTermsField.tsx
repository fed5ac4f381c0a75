import { useState } from 'react';
import { t } from '../lib/i18n.ts';
import { PRESET_TERMS, termsDays, termsLabel } from '../lib/payment-terms.ts';
import { SelectField, TextField } from './Field.tsx';

const OTHER = 'other';

export interface PaymentTermsFieldProps {
  id: string;
  label: string;
  /** Days as text ('30'). */
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

function isPreset(value: string): boolean {
  return (PRESET_TERMS as readonly string[]).includes(value.trim());
}

/**
 * Payment terms: the usual ones by name (Due on receipt, Net 7, 14, 30), or "Other…", which
 * shows a box for any number of days. Terms that are not a preset open with that box shown.
 */
export function PaymentTermsField({
  id,
  label,
  value,
  onValueChange,
  error,
  hint,
}: PaymentTermsFieldProps) {
  const [chosen, setOther] = useState(false);
  // Terms that are no preset (typed, or another profile's) show in the box whatever was chosen.
  const other = chosen || (value.trim() !== '' && !isPreset(value));
  const choices = [
    ...PRESET_TERMS.map((days) => ({ value: days, name: termsLabel(Number(days)) })),
    { value: OTHER, name: t('popup.form.paymentTermsOther') },
  ];
  function choose(choice: string) {
    setOther(choice === OTHER);
    if (choice !== OTHER) onValueChange(choice);
  }
  return (
    <>
      <SelectField
        id={id}
        label={label}
        value={other ? OTHER : value.trim()}
        onValueChange={choose}
        choices={choices}
        error={other ? undefined : error}
        hint={other ? undefined : hint}
      />
      {other && (
        <TextField
          id={`${id}-days`}
          label={t('popup.form.paymentTermsDays')}
          value={value}
          onValueChange={onValueChange}
          inputMode="numeric"
          autoComplete="off"
          error={error}
          hint={hint ?? (termsDays(value) === undefined ? undefined : termsLabel(Number(value)))}
        />
      )}
    </>
  );
}
