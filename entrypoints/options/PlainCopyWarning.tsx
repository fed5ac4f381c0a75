import { t } from '../../lib/i18n.ts';

/* Payfect documents no page of its own for API keys; its dashboard is reached from here. */
const PAYFECT_SITE = 'https://payfect.finance';

/**
 * Shown when a key that was once written in clear is locked, replaced or removed: the
 * browser's storage files may keep that copy, which only rotating the key makes harmless.
 */
export function PlainCopyWarning() {
  return (
    <div role="alert" className="message message--warning">
      {t('options.passphrase.disk')}{' '}
      <a href={PAYFECT_SITE} target="_blank" rel="noreferrer">
        {t('options.passphrase.rotate')}
      </a>
    </div>
  );
}
