import type { ResponseFor } from '../../lib/messages.ts';
import { t } from '../../lib/i18n.ts';
import { DEFAULT_BUSINESS } from '../../lib/invoice.ts';
import { DEFAULT_PROFILE_ID } from '../../lib/settings.ts';
import { readProfileSettings } from '../../storage/settings.ts';
import { readLogo } from '../../storage/invoice-logo.ts';
import { findSession } from './history-store.ts';

/*
 * What an invoice page needs: the session, and the business details and logo of the profile
 * that made it (its logo: storage/invoice-logo.ts).
 */

/** What an invoice or receipt of `sessionId` shows, or why there is none. */
export async function invoiceFor(sessionId: string): Promise<ResponseFor<'getInvoice'>> {
  const session = await findSession(sessionId);
  if (session === undefined) {
    return { ok: false, error: { kind: 'not_found', message: t('background.goneFromHistory') } };
  }
  const profileId = session.profileId ?? DEFAULT_PROFILE_ID;
  const [settings, logo] = await Promise.all([readProfileSettings(profileId), readLogo(profileId)]);
  // A deleted profile's business details are gone with it: the page says what is missing.
  return { ok: true, session, business: settings?.business ?? DEFAULT_BUSINESS, logo };
}
