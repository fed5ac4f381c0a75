import { t } from '../../../lib/i18n.ts';
import { openSettings } from '../../../utils/navigation.ts';

export function NoKey() {
  return (
    <section className="empty-state" aria-labelledby="no-key-title">
      <h2 id="no-key-title">{t('popup.noKey.title')}</h2>
      <p>{t('popup.noKey.add')}</p>
      <p className="muted">{t('popup.noKey.keyStays')}</p>
      <button type="button" className="button button--primary" onClick={openSettings} autoFocus>
        {t('common.openSettings')}
      </button>
    </section>
  );
}
