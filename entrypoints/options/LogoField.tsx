import { useState, type ChangeEvent } from 'react';
import { t } from '../../lib/i18n.ts';
import { MAX_LOGO_LENGTH } from '../../lib/invoice.ts';
import { scaledLogo } from './logo.ts';

/** Settings → Invoices → Logo: a file scaled down as it is picked, previewed, removable. */
export function LogoField({
  logo,
  onLogoChange,
}: {
  /** The logo as it will be saved (a data URL), or null for none. */
  logo: string | null;
  onLogoChange: (logo: string | null) => void;
}) {
  const [logoError, setLogoError] = useState<string | undefined>(undefined);

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
  );
}
