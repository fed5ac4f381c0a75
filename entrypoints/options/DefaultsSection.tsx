import { fieldId, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import type { FieldErrors } from '../../lib/draft.ts';
import { fillMessageTemplate, PLACEHOLDERS } from '../../lib/message-template.ts';
import {
  CURRENCIES,
  DEFAULT_MESSAGE_TEMPLATE,
  DEFAULT_NETWORKS,
  type Settings,
} from '../../lib/settings.ts';
import { sampleSession, type SettingsValues } from './values.ts';

type DefaultsField = Exclude<keyof SettingsValues, 'baseUrl'>;

interface DefaultsSectionProps {
  values: SettingsValues;
  stored: Settings;
  errors: FieldErrors;
  onChange: (field: DefaultsField, value: string) => void;
}

const URL_FIELDS = [
  ['successUrl', 'Default success URL', 'Where the payer lands after paying.'],
  ['cancelUrl', 'Default cancel URL', 'Where the payer lands after cancelling.'],
  ['callbackUrl', 'Default callback URL', 'Your server endpoint Payfect notifies.'],
] as const;

/** What a new link starts with; each can still be changed in the popup per link. */
export function DefaultsSection({ values, stored, errors, onChange }: DefaultsSectionProps) {
  const networks = stored.networks.length > 0 ? stored.networks : DEFAULT_NETWORKS;
  const preview = fillMessageTemplate(values.messageTemplate, sampleSession(values, stored));
  return (
    <section className="card" aria-labelledby="defaults-title">
      <h2 id="defaults-title">Defaults</h2>
      <p className="section-intro">New links start with these; each link can change them.</p>
      <div className="row">
        <SelectField
          id={fieldId('currency')}
          label="Default currency"
          value={values.currency}
          onValueChange={(value) => onChange('currency', value)}
          choices={CURRENCIES}
          error={errors.currency}
        />
        <SelectField
          id={fieldId('network')}
          label="Default network"
          value={values.network}
          onValueChange={(value) => onChange('network', value)}
          choices={networks}
          error={errors.network}
        />
      </div>
      {URL_FIELDS.map(([field, label, hint]) => (
        <TextField
          key={field}
          id={fieldId(field)}
          label={label}
          type="url"
          inputMode="url"
          spellCheck={false}
          placeholder="https://"
          value={values[field]}
          onValueChange={(value) => onChange(field, value)}
          error={errors[field]}
          hint={hint}
        />
      ))}
      <TextAreaField
        id={fieldId('messageTemplate')}
        label="Message template"
        rows={3}
        spellCheck={false}
        value={values.messageTemplate}
        onValueChange={(value) => onChange('messageTemplate', value)}
        error={errors.messageTemplate}
        hint={
          <>
            What “Copy message” puts in the clipboard, with{' '}
            {PLACEHOLDERS.map((name) => (
              <code key={name} className="placeholder">{`{${name}}`}</code>
            ))}{' '}
            filled in; <code>{'{items}'}</code> reads “Logo design + 1 more”.
          </>
        }
      />
      <div className="preview">
        <div className="preview-head">
          <h3>Preview</h3>
          {values.messageTemplate !== DEFAULT_MESSAGE_TEMPLATE && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onChange('messageTemplate', DEFAULT_MESSAGE_TEMPLATE)}
            >
              Use the default template
            </button>
          )}
        </div>
        <p className="preview-text">
          {preview === '' ? <span className="muted">(empty)</span> : preview}
        </p>
      </div>
    </section>
  );
}
