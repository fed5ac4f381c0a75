import { fieldId, SelectField, TextAreaField, TextField } from '../../../components/Field.tsx';
import { PaymentTermsField } from '../../../components/PaymentTermsField.tsx';
import { taxModeChoices } from '../../../components/tax-choices.ts';
import type { Draft, FieldErrors } from '../../../lib/draft.ts';
import { fieldSpec } from '../../../lib/fields.ts';
import { t } from '../../../lib/i18n.ts';
import { nextInvoiceNumber, type Client } from '../../../lib/invoice.ts';
import { CURRENCIES, DEFAULT_NETWORKS, type Settings } from '../../../lib/settings.ts';
import { ClientName } from './ClientName.tsx';
import { MORE_FIELDS, TOP_FIELDS, type TopField } from './draft-edit.ts';

export interface TopFieldsProps {
  draft: Draft;
  errors: FieldErrors;
  settings: Settings;
  /** Beside Currency once a picked template changed it. */
  currencyNote: string | undefined;
  onChange: (field: TopField, value: string) => void;
  onKnownClient: (client: Client) => void;
}

const MORE: ReadonlySet<TopField> = new Set(MORE_FIELDS);

/** The fields shown above More options, two to a row, in TOP_FIELDS order. */
function visibleRows(): TopField[][] {
  const visible = TOP_FIELDS.filter((field) => !MORE.has(field));
  const rows: TopField[][] = [];
  for (let at = 0; at < visible.length; at += 2) rows.push(visible.slice(at, at + 2));
  return rows;
}

/**
 * One field outside the items. A plain text field needs no case: it is a text box with its
 * registry label (lib/fields.ts); the cases are the fields drawn otherwise.
 */
function TopFieldInput({ field, ...props }: TopFieldsProps & { field: TopField }) {
  const { draft, errors, settings, onChange } = props;
  const common = {
    id: fieldId(field),
    value: draft[field] ?? '',
    onValueChange: (value: string) => onChange(field, value),
    error: errors[field],
  };
  const url = {
    type: 'url',
    inputMode: 'url',
    placeholder: 'https://',
    spellCheck: false,
  } as const;
  switch (field) {
    case 'currency':
      return (
        <SelectField
          {...common}
          label={t('popup.form.currency')}
          choices={CURRENCIES}
          hint={props.currencyNote}
        />
      );
    case 'network':
      return (
        <SelectField
          {...common}
          label={t('popup.form.network')}
          choices={settings.networks.length > 0 ? settings.networks : DEFAULT_NETWORKS}
        />
      );
    case 'clientName':
      return (
        <ClientName
          value={common.value}
          error={common.error}
          onValueChange={common.onValueChange}
          onKnownClient={props.onKnownClient}
        />
      );
    case 'reference':
      return (
        <TextField
          {...common}
          label={t('popup.form.reference')}
          // Left empty, the link's invoice number is its reference.
          placeholder={nextInvoiceNumber(settings.business)}
          title={t('popup.form.referenceHint')}
          autoComplete="off"
          spellCheck={false}
        />
      );
    case 'clientEmail':
      return (
        <TextField
          {...common}
          label={t('popup.form.clientEmail')}
          type="email"
          inputMode="email"
          spellCheck={false}
        />
      );
    case 'clientAddress':
      return <TextAreaField {...common} label={t('popup.form.clientAddress')} rows={2} />;
    case 'taxMode':
      return (
        <SelectField
          {...common}
          // A draft from before tax has none: no tax, which is what it reads as.
          value={common.value === '' ? 'none' : common.value}
          label={t('popup.form.taxMode')}
          choices={taxModeChoices()}
        />
      );
    case 'taxRate':
      return (
        <TextField
          {...common}
          label={t('popup.form.taxRate')}
          hint={t('popup.form.taxRateHint')}
          inputMode="decimal"
          autoComplete="off"
        />
      );
    case 'paymentTerms':
      return (
        <PaymentTermsField
          {...common}
          // A draft kept before terms were has none: the profile's apply, as at Create link.
          value={draft.paymentTerms ?? settings.paymentTerms}
          label={t('popup.form.paymentTerms')}
        />
      );
    case 'supplyDate':
      return (
        <TextField
          {...common}
          label={t('popup.form.supplyDate')}
          placeholder={t('popup.form.supplyDatePlaceholder')}
          hint={t('popup.form.supplyDateHint')}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
        />
      );
    case 'successUrl':
      return <TextField {...common} label={t('popup.form.successUrl')} {...url} />;
    case 'cancelUrl':
      return <TextField {...common} label={t('popup.form.cancelUrl')} {...url} />;
    case 'callbackUrl':
      return <TextField {...common} label={t('popup.form.callbackUrl')} {...url} />;
    default:
      return <TextField {...common} label={fieldSpec(field).label()} spellCheck={false} />;
  }
}

/** Currency, network, client and reference in rows; the rest under "More options". */
export function TopFields({
  moreOpen,
  onMoreToggle,
  ...props
}: TopFieldsProps & { moreOpen: boolean; onMoreToggle: (open: boolean) => void }) {
  return (
    <>
      {visibleRows().map((row) => (
        <div className="row" key={row.join(' ')}>
          {row.map((field) => (
            <TopFieldInput key={field} field={field} {...props} />
          ))}
        </div>
      ))}
      <details
        className="more"
        open={moreOpen}
        onToggle={(event) => onMoreToggle(event.currentTarget.open)}
      >
        <summary>{t('popup.form.moreOptions')}</summary>
        <div className="more-fields">
          {MORE_FIELDS.map((field) => (
            <TopFieldInput key={field} field={field} {...props} />
          ))}
        </div>
      </details>
    </>
  );
}
