import { REDIRECT_FIELDS } from '../../lib/fields.ts';
import { fieldId, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import type { FieldErrors } from '../../lib/draft.ts';
import { itemsSummary } from '../../lib/history.ts';
import { t } from '../../lib/i18n.ts';
import {
  defaultTemplateText,
  fillMessageTemplate,
  PLACEHOLDERS,
} from '../../lib/message-template.ts';
import { CURRENCIES, DEFAULT_NETWORKS, type Settings } from '../../lib/settings.ts';
import { ReminderTemplateField } from './ReminderTemplateField.tsx';
import { withSlots } from './slots.tsx';
import { sampleSession, type SettingsValues } from './values.ts';

type DefaultsField = Exclude<keyof SettingsValues, 'baseUrl'>;

interface DefaultsSectionProps {
  values: SettingsValues;
  stored: Settings;
  errors: FieldErrors;
  onChange: (field: DefaultsField, value: string) => void;
}

/** Read at each render, so the words follow the language (t() is not called at import). */
function urlFields() {
  return REDIRECT_FIELDS.map(
    (key) => [key, t(`options.defaults.${key}`), t(`options.defaults.${key}Hint`)] as const,
  );
}

/** What a new link starts with; each can still be changed in the popup per link. */
export function DefaultsSection({ values, stored, errors, onChange }: DefaultsSectionProps) {
  const networks = stored.networks.length > 0 ? stored.networks : DEFAULT_NETWORKS;
  const sample = sampleSession(values, stored);
  const preview = fillMessageTemplate(values.messageTemplate, sample);
  return (
    <section className="card" aria-labelledby="defaults-title">
      <h2 id="defaults-title">{t('options.defaults.title')}</h2>
      <p className="section-intro">{t('options.defaults.intro')}</p>
      <div className="row">
        <SelectField
          id={fieldId('currency')}
          label={t('options.defaults.currency')}
          value={values.currency}
          onValueChange={(value) => onChange('currency', value)}
          choices={CURRENCIES}
          error={errors.currency}
        />
        <SelectField
          id={fieldId('network')}
          label={t('options.defaults.network')}
          value={values.network}
          onValueChange={(value) => onChange('network', value)}
          choices={networks}
          error={errors.network}
        />
      </div>
      {urlFields().map(([field, label, hint]) => (
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
      <p className="shared-tag">{t('profiles.templateShared')}</p>
      <TextAreaField
        id={fieldId('messageTemplate')}
        label={t('options.defaults.messageTemplate')}
        rows={3}
        spellCheck={false}
        value={values.messageTemplate}
        onValueChange={(value) => onChange('messageTemplate', value)}
        error={errors.messageTemplate}
        hint={withSlots(
          t('options.defaults.messageTemplateHint', {
            placeholders: '{placeholders}',
            items: '{items}',
            example: itemsSummary(sample.items),
          }),
          {
            placeholders: PLACEHOLDERS.map((name) => (
              <code key={name} className="placeholder">{`{${name}}`}</code>
            )),
            items: <code>{'{items}'}</code>,
          },
        )}
      />
      <div className="preview">
        <div className="preview-head">
          <h3>{t('options.defaults.preview')}</h3>
          {values.messageTemplate !== defaultTemplateText() && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onChange('messageTemplate', defaultTemplateText())}
            >
              {t('options.defaults.useDefaultTemplate')}
            </button>
          )}
        </div>
        <p className="preview-text">
          {preview === '' ? <span className="muted">{t('options.defaults.empty')}</span> : preview}
        </p>
      </div>
      <ReminderTemplateField
        value={values.reminderTemplate}
        error={errors.reminderTemplate}
        sample={sample}
        onChange={(value) => onChange('reminderTemplate', value)}
      />
    </section>
  );
}
