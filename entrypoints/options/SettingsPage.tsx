import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import { AccountSection } from './AccountSection.tsx';
import { DefaultsSection } from './DefaultsSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { InvoiceSection } from './InvoiceSection.tsx';
import { PassphraseSection } from './PassphraseSection.tsx';
import { seriesSharedWith } from './values.ts';
import { useSettingsForm, type Busy, type SettingsFormOptions } from './useSettingsForm.ts';

/** The alerts no field shows, "Saved", and the one Save button. */
function SaveBar({
  alerts,
  savedNote,
  busy,
}: {
  alerts: readonly string[];
  savedNote: string;
  busy: Busy;
}) {
  return (
    <div className="save-bar">
      <div className="save-messages">
        {alerts.length > 0 && (
          <StatusMessage tone="error">
            {alerts.map((text) => (
              <p key={text}>{text}</p>
            ))}
          </StatusMessage>
        )}
        <StatusMessage tone="success">{savedNote}</StatusMessage>
      </div>
      <button type="submit" className="button button--primary" disabled={busy !== null}>
        {busy === 'save' ? t('options.saving') : t('common.save')}
      </button>
    </div>
  );
}

/**
 * The whole settings form of one profile (and the settings shared by all); one "Save" (or
 * Enter) saves the key and every setting.
 */
export function SettingsPage(props: SettingsFormOptions) {
  const form = useSettingsForm(props);
  const { values, stored, errors, keyStatus } = form.page;
  const { account, busy, logo, numberNote, keyHost } = form.status;
  return (
    <form className="settings" noValidate onSubmit={form.save}>
      <AccountSection
        apiKey={form.page.apiKey}
        onApiKeyChange={form.editedKey}
        lockPassphrase={form.page.lockPassphrase}
        onLockPassphraseChange={form.editedLockPassphrase}
        baseUrl={values.baseUrl}
        onBaseUrlChange={(value) => form.edited('baseUrl', value)}
        keyHost={keyHost}
        onKeyHostChange={form.confirmKeyHost}
        keyStatus={keyStatus}
        errors={errors}
        busy={busy !== null}
        message={account}
        onTestConnection={form.testConnection}
        onRemoveKey={form.removeKey}
      />
      <PassphraseSection
        profileId={form.profileId}
        keyStatus={keyStatus}
        onKeyStatus={form.setKeyStatus}
        lockAfter={values.lockAfterMinutes}
        onLockAfterChange={(value) => form.edited('lockAfterMinutes', value)}
      />
      <DefaultsSection values={values} stored={stored} errors={errors} onChange={form.edited} />
      <InvoiceSection
        values={values}
        errors={errors}
        onChange={(field, value) => {
          form.edited(field, value);
          if (field === 'business.nextInvoiceNumber' || field === 'business.invoicePrefix') {
            form.setNumberNote(undefined);
          }
        }}
        logo={logo.current}
        onLogoChange={(next) => {
          form.setLogo((before) => ({ ...before, current: next }));
          form.setSavedNote('');
        }}
        numberNote={numberNote}
        sharedWith={seriesSharedWith(
          props.initial.profiles,
          form.profileId,
          values['business.invoicePrefix'],
        )}
      />
      <HistorySection
        historyCap={values.historyCap}
        error={errors.historyCap}
        onChange={(value) => form.edited('historyCap', value)}
        reminderMinutes={values.reminderMinutes}
        reminderError={errors.reminderMinutes}
        onReminderChange={(value) => form.edited('reminderMinutes', value)}
      />
      <SaveBar alerts={form.page.alerts} savedNote={form.page.savedNote} busy={busy} />
    </form>
  );
}
