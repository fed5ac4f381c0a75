import type { ResponseFor } from '../../lib/messages.ts';
import type { SessionRecord } from '../../lib/history.ts';
import { t } from '../../lib/i18n.ts';
import { DEFAULT_BUSINESS } from '../../lib/invoice.ts';
import { isCurrentLink } from '../../lib/ledger.ts';
import { DEFAULT_PROFILE_ID } from '../../lib/settings.ts';
import { readProfileSettings } from '../../storage/settings.ts';
import { readLogo } from '../../storage/invoice-logo.ts';
import { findSession } from './history-store.ts';

/*
 * What an invoice page needs: the session, and the business details and logo of the profile
 * that made it (its logo: storage/invoice-logo.ts).
 */

/* More new links than anyone makes for one invoice; only a damaged history loops. */
const MAX_LINKS = 100;

/**
 * The link an invoice page of `record` shows: its invoice's current link (a page opened
 * from an earlier link's id, e.g. a bookmark, gives the link that can still be paid), unless
 * `record` itself was paid: that is the payment its receipt is about.
 */
async function currentLinkOf(record: SessionRecord): Promise<SessionRecord> {
  let link = record;
  for (let hops = 0; hops < MAX_LINKS; hops += 1) {
    if (link.status === 'complete' || link.renewedBy === undefined) return link;
    const successor = await findSession(link.renewedBy);
    if (successor === undefined || isCurrentLink(link, successor)) return link;
    link = successor;
  }
  return link;
}

/** What an invoice or receipt of `sessionId` shows, or why there is none. */
export async function invoiceFor(sessionId: string): Promise<ResponseFor<'getInvoice'>> {
  const found = await findSession(sessionId);
  if (found === undefined) {
    return { ok: false, error: { kind: 'not_found', message: t('background.goneFromHistory') } };
  }
  const session = await currentLinkOf(found);
  const profileId = session.profileId ?? DEFAULT_PROFILE_ID;
  const [settings, logo] = await Promise.all([readProfileSettings(profileId), readLogo(profileId)]);
  // A deleted profile's business details are gone with it: the page says what is missing.
  return { ok: true, session, business: settings?.business ?? DEFAULT_BUSINESS, logo };
}
