import { z } from 'zod/mini';
import { LogoSchema } from '../lib/invoice.ts';
import { storage } from './item.ts';

/*
 * Each profile's invoice logo (a data URL of up to 200 kB), in an item of its own: the
 * settings item is read on every popup open and stays small. Background only.
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
