import { fieldId, SelectField, TextField } from '../../components/Field.tsx';
import type { FieldErrors } from '../../lib/draft.ts';
import { t } from '../../lib/i18n.ts';
import type { SettingsValues } from './values.ts';
import { taxModeChoices } from '../../components/tax-choices.ts';

export type TaxField = 'taxMode' | 'taxRate' | 'taxLabel';

interface TaxDefaultsProps {
  values: Pick<SettingsValues, TaxField>;
  errors: FieldErrors;
  onChange: (field: TaxField, value: string) => void;
}

/** Settings → Invoices: the tax a new invoice of this profile starts with. */
export function TaxDefaults({ values, errors, onChange }: TaxDefaultsProps) {
  return (
    <fieldset className="tax-defaults">
      <legend>{t('popup.form.taxMode')}</legend>
      <p className="field-hint">{t('options.invoices.taxIntro')}</p>
      <div className="row">
        <SelectField
          id={fieldId('taxMode')}
          label={t('popup.form.taxMode')}
          value={values.taxMode}
          onValueChange={(value) => onChange('taxMode', value)}
          choices={taxModeChoices()}
          error={errors.taxMode}
        />
        <TextField
          id={fieldId('taxRate')}
          label={t('popup.form.taxRate')}
          value={values.taxRate}
          onValueChange={(value) => onChange('taxRate', value)}
          error={errors.taxRate}
          hint={t('popup.form.taxRateHint')}
          inputMode="decimal"
        />
        <TextField
          id={fieldId('taxLabel')}
          label={t('popup.form.taxLabel')}
          value={values.taxLabel}
          onValueChange={(value) => onChange('taxLabel', value)}
          error={errors.taxLabel}
          hint={t('options.invoices.taxLabelHint')}
        />
      </div>
    </fieldset>
  );
}
