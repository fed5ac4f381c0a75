import { t } from '../../lib/i18n.ts';
import type { ResponseFor } from '../../lib/messages.ts';
import { canRenew } from '../../lib/reminders.ts';
import { renewalOrder } from '../../lib/renewal.ts';
import { DEFAULT_PROFILE_ID } from '../../lib/settings.ts';
import { readProfileSettings } from '../../storage/settings.ts';
import type { CheckoutService } from './checkouts.ts';
import { findSession, updateSession } from './history-store.ts';

type RenewResponse = ResponseFor<'renewCheckout'>;

function gone(): RenewResponse {
  return { ok: false, error: { kind: 'not_found', message: t('background.goneFromHistory') } };
}

export interface RenewService {
  /** `liveConfirmed`: the user answered the live question in this action (lib/requests.ts). */
  renew(requestId: string, sessionId: string, liveConfirmed?: boolean): Promise<RenewResponse>;
}

/**
 * "New payment link" from History: the stored record's items and options go through the
 * create service for the same invoice number (none is issued), so it is sent at most once per
 * requestId, recorded and polled like any link. The old record then names its successor and
 * is still followed until it settles (lib/ledger.ts: History shows it among the invoice's
 * earlier links), and the new one carries the old note and tags. A link without a number
 * (made before invoices) gets a new number, as a new invoice.
 */
export function createRenewService(
  checkouts: CheckoutService,
  now: () => number = Date.now,
): RenewService {
  async function renew(
    requestId: string,
    sessionId: string,
    liveConfirmed = false,
  ): Promise<RenewResponse> {
    const record = await findSession(sessionId);
    if (record === undefined) return gone();
    if (record.renewedBy !== undefined) {
      // Renewed already (a second click from a row not yet redrawn): the same new link.
      const successor = await findSession(record.renewedBy);
      if (successor !== undefined) return { ok: true, session: successor };
    }
    // With the key of the profile that made it, whichever is active now.
    const profileId = record.profileId ?? DEFAULT_PROFILE_ID;
    const settings = await readProfileSettings(profileId);
    if (settings === undefined) {
      return { ok: false, error: { kind: 'invalid_request', message: t('profiles.renewGone') } };
    }
    if (record.renewedBy === undefined && !canRenew(record, now(), settings.reminderMinutes)) {
      return {
        ok: false,
        error: { kind: 'invalid_request', message: t('background.onlyRenewExpiring') },
      };
    }
    const order = renewalOrder(record, settings);
    if (!order.ok) return { ok: false, error: { kind: 'invalid_request', message: order.error } };
    // For the same invoice: its number is kept, and no new one is issued.
    // The live question is the create service's to enforce, as for any create.
    const created = await checkouts.create(requestId, order.value, {
      profileId,
      invoiceNumber: record.invoiceNumber,
      liveConfirmed,
    });
    if (!created.ok) return created;
    const { session } = created;
    try {
      await updateSession(record.id, { renewedBy: session.id });
      const carried = {
        ...(record.note === undefined ? {} : { note: record.note }),
        ...(record.tags === undefined ? {} : { tags: record.tags }),
        // The same invoice: issued when its first link was.
        ...(record.invoiceNumber === undefined
          ? {}
          : { issuedAt: record.issuedAt ?? record.createdAt }),
        // A new link does not give the client longer to pay.
        ...(record.dueDate === undefined ? {} : { dueDate: record.dueDate }),
        // Its corrections are the invoice's: its document still says when it was corrected.
        ...(record.corrections === undefined ? {} : { corrections: record.corrections }),
      };
      if (Object.keys(carried).length > 0) {
        const updated = await updateSession(session.id, carried);
        if (updated !== undefined) return { ok: true, session: updated };
      }
    } catch (error) {
      // The new link exists and is in History: failing here would invite a second one.
      console.error('Renewal could not be linked to its original', error);
    }
    return created;
  }
  return { renew };
}
