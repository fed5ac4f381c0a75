import { z } from 'zod/mini';
import type { ResponseFor } from '../../lib/messages.ts';
import { t } from '../../lib/i18n.ts';
import { DEFAULT_BUSINESS, LogoSchema } from '../../lib/invoice.ts';
import { DEFAULT_PROFILE_ID } from '../../lib/settings.ts';
import { readProfileSettings } from '../../storage/settings.ts';
import { storage } from '../../storage/item.ts';
import { findSession } from './history-store.ts';

/*
 * What an invoice page needs: the session, and the business details and logo of the profile
 * that made it. The logo has its own item per profile (a data URL of up to 200 kB): the
 * settings item is read on every popup open and stays small.
 */

const logoItems = new Map<string, ReturnType<typeof defineLogoItem>>();

function defineLogoItem(profileId: string) {
  return storage.defineItem<string | null>(`local:invoiceLogo:${profileId}`, {
    fallback: null,
    version: 1,
  });
}

function logoItem(profileId: string) {
  const known = logoItems.get(profileId);
  if (known !== undefined) return known;
  const item = defineLogoItem(profileId);
  logoItems.set(profileId, item);
  return item;
}

/** The profile's logo as a data URL, or null (none, or a stored value that is not one). */
export async function readLogo(profileId: string): Promise<string | null> {
  const stored: unknown = await logoItem(profileId).getValue();
  const parsed = z.safeParse(LogoSchema, stored);
  return parsed.success ? parsed.data : null;
}

/** Stores (or, with null, removes) the profile's logo; the request checked its shape. */
export async function saveLogo(profileId: string, logo: string | null): Promise<void> {
  if (logo === null) await logoItem(profileId).removeValue();
  else await logoItem(profileId).setValue(logo);
}

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
