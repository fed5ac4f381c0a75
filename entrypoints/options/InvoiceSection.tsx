import { useState, type ChangeEvent } from 'react';
import { fieldId, TextAreaField, TextField } from '../../components/Field.tsx';
import type { FieldErrors } from '../../lib/draft.ts';
import { t } from '../../lib/i18n.ts';
import { MAX_LOGO_LENGTH } from '../../lib/invoice.ts';
import { scaledLogo } from './logo.ts';
import { typedInvoicePreview, type BusinessField, type SettingsValues } from './values.ts';

interface InvoiceSectionProps {
  values: SettingsValues;
  errors: FieldErrors;
  onChange: (field: BusinessField, value: string) => void;
  /** The logo as it will be saved (a data URL), or null for none. */
  logo: string | null;
  onLogoChange: (logo: string | null) => void;
  /** Said beside Next invoice number when Save had to raise it past an issued number. */
  numberNote: string | undefined;
  /** The other profiles sharing the typed prefix's series of numbers, by name. */
  sharedWith: readonly string[];
}

/** "Shared with Mia Studio: …", or nothing when the prefix is this profile's alone. */
function sharedSeriesHint(sharedWith: readonly string[]): string | undefined {
  if (sharedWith.length === 0) return undefined;
  return t('options.invoices.sharedSeries', { names: sharedWith.join(', ') });
}

/** Who bills: printed on every invoice and receipt of this profile; saved with the page. */
export function InvoiceSection({
  values,
  errors,
  onChange,
  logo,
  onLogoChange,
  numberNote,
  sharedWith,
}: InvoiceSectionProps) {
  const [logoError, setLogoError] = useState<string | undefined>(undefined);
  const preview = typedInvoicePreview(values);

  function text(field: BusinessField, label: string, extra: { hint?: string; type?: string } = {}) {
    return (
      <TextField
        id={fieldId(field)}
        label={label}
        value={values[field]}
        onValueChange={(value) => onChange(field, value)}
        error={errors[field]}
        hint={extra.hint}
        type={extra.type}
      />
    );
  }

  function pickLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file === undefined) return;
    setLogoError(undefined);
    scaledLogo(file, MAX_LOGO_LENGTH).then(
      (scaled) => {
        if (scaled.ok) onLogoChange(scaled.value);
        else setLogoError(scaled.error);
      },
      () => setLogoError(t('options.invoices.logoUnreadable')),
    );
  }

  return (
    <section className="card" aria-labelledby="invoices-title">
      <h2 id="invoices-title">{t('options.invoices.title')}</h2>
      <p className="section-intro">{t('options.invoices.intro')}</p>
      {text('business.name', t('options.invoices.name'))}
      <TextAreaField
        id={fieldId('business.address')}
        label={t('options.invoices.address')}
        value={values['business.address']}
        onValueChange={(value) => onChange('business.address', value)}
        error={errors['business.address']}
        rows={3}
      />
      <div className="row">
        {text('business.taxId', t('options.invoices.taxId'))}
        {text('business.email', t('options.invoices.email'), { type: 'email' })}
      </div>
      <div className="field">
        <label htmlFor="field-logo">{t('options.invoices.logo')}</label>
        <input
          id="field-logo"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml"
          onChange={pickLogo}
          aria-invalid={logoError ? true : undefined}
          aria-describedby={logoError ? 'field-logo-error' : 'field-logo-hint'}
        />
        {logoError ? (
          <p id="field-logo-error" className="field-error">
            {logoError}
          </p>
        ) : (
          <p id="field-logo-hint" className="field-hint">
            {t('options.invoices.logoHint')}
          </p>
        )}
        {logo !== null && (
          <div className="logo-preview">
            <img src={logo} alt={t('options.invoices.logoPreview')} />
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                onLogoChange(null);
                setLogoError(undefined);
              }}
            >
              {t('options.invoices.removeLogo')}
            </button>
          </div>
        )}
      </div>
      <div className="row">
        {text('business.invoicePrefix', t('options.invoices.prefix'), {
          hint: sharedSeriesHint(sharedWith),
        })}
        <TextField
          id={fieldId('business.nextInvoiceNumber')}
          label={t('options.invoices.nextNumber')}
          value={values['business.nextInvoiceNumber']}
          onValueChange={(value) => onChange('business.nextInvoiceNumber', value)}
          error={errors['business.nextInvoiceNumber']}
          inputMode="numeric"
          hint={
            numberNote ??
            (preview === undefined ? undefined : t('options.invoices.preview', { number: preview }))
          }
        />
      </div>
      <TextAreaField
        id={fieldId('business.footer')}
        label={t('options.invoices.footer')}
        value={values['business.footer']}
        onValueChange={(value) => onChange('business.footer', value)}
        error={errors['business.footer']}
        hint={t('options.invoices.footerHint')}
        rows={2}
      />
    </section>
  );
}
