import { fieldId, TextAreaField, TextField } from '../../components/Field.tsx';
import { PaymentTermsField } from '../../components/PaymentTermsField.tsx';
import type { FieldErrors } from '../../lib/draft.ts';
import { t } from '../../lib/i18n.ts';
import { LogoField } from './LogoField.tsx';
import { TaxDefaults, type TaxField } from './TaxDefaults.tsx';
import { typedInvoicePreview, type BusinessField, type SettingsValues } from './values.ts';

interface InvoiceSectionProps {
  values: SettingsValues;
  errors: FieldErrors;
  onChange: (field: BusinessField | TaxField | 'paymentTerms', value: string) => void;
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
        {text('business.taxIdLabel', t('options.invoices.taxIdLabel'), {
          hint: t('options.invoices.taxIdLabelHint'),
        })}
      </div>
      {text('business.email', t('options.invoices.email'), { type: 'email' })}
      <LogoField logo={logo} onLogoChange={onLogoChange} />
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
      <PaymentTermsField
        id={fieldId('paymentTerms')}
        label={t('options.invoices.paymentTerms')}
        value={values.paymentTerms ?? ''}
        onValueChange={(value) => onChange('paymentTerms', value)}
        error={errors.paymentTerms}
        hint={t('options.invoices.paymentTermsHint')}
      />
      <TextAreaField
        id={fieldId('business.footer')}
        label={t('options.invoices.footer')}
        value={values['business.footer']}
        onValueChange={(value) => onChange('business.footer', value)}
        error={errors['business.footer']}
        hint={t('options.invoices.footerHint')}
        rows={2}
      />
      <TextAreaField
        id={fieldId('business.receiptNote')}
        label={t('options.invoices.receiptNote')}
        value={values['business.receiptNote']}
        onValueChange={(value) => onChange('business.receiptNote', value)}
        error={errors['business.receiptNote']}
        hint={t('options.invoices.receiptNoteHint')}
        rows={2}
      />
      <TaxDefaults values={values} errors={errors} onChange={onChange} />
    </section>
  );
}
