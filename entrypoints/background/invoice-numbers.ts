import {
  hasInvoiceNumberLeft,
  issueInvoiceNumber,
  MAX_INVOICE_NUMBER,
  releasedInvoiceNumber,
  type Business,
  type IssuedNumber,
} from '../../lib/invoice.ts';
import type { PayfectError } from '../../lib/payfect/index.ts';
import type { StoredSettings } from '../../lib/settings.ts';
import { readHighWater, soundHighWater, writeHighWater } from '../../storage/invoice-numbers.ts';
import { readStoredSettings, settingsItem } from '../../storage/settings.ts';
import { inSettingsQueue } from './settings-store.ts';

/*
 * Invoice numbers: a prefix is one series whatever profile uses it, and a number is consumed
 * once a request carrying it may have reached Payfect. The series' high-water lives in its
 * own item (storage/invoice-numbers.ts); each step here reads and writes it with the profiles
 * in the settings queue, so two creates at once never get one number.
 */

/** Run at worker start: a damaged or missing record is repaired before any create needs it. */
export function repairInvoiceNumbers(): Promise<void> {
  return inSettingsQueue(async () => {
    const [read, stored] = await Promise.all([readHighWater(), readStoredSettings()]);
    await soundHighWater(read, stored);
  });
}

/** Every profile of the series moved past `value`: each shows the number it will really get. */
function withSeriesPast(
  stored: StoredSettings,
  profileId: string,
  business: Business,
  value: number,
): StoredSettings {
  const past = Math.min(value + 1, MAX_INVOICE_NUMBER);
  return {
    ...stored,
    profiles: stored.profiles.map((profile) => {
      if (profile.id === profileId) return { ...profile, business };
      if (profile.business.invoicePrefix !== business.invoicePrefix) return profile;
      const nextInvoiceNumber = Math.max(profile.business.nextInvoiceNumber, past);
      return { ...profile, business: { ...profile.business, nextInvoiceNumber } };
    }),
  };
}

/**
 * Issues the profile's next invoice number from its prefix's series, stored before the
 * request is sent: a worker stopped mid-request leaves it consumed. Undefined when the
 * profile is gone; 'used_up' when 999,999,999 is issued in the series.
 */
export function reserveInvoiceNumber(
  profileId: string,
): Promise<IssuedNumber | 'used_up' | undefined> {
  return inSettingsQueue(async () => {
    const [stored, read] = await Promise.all([readStoredSettings(), readHighWater()]);
    const profile = stored.profiles.find((candidate) => candidate.id === profileId);
    if (profile === undefined) return undefined;
    const highWater = await soundHighWater(read, stored);
    if (!hasInvoiceNumberLeft(profile.business, highWater)) return 'used_up';
    const next = issueInvoiceNumber(profile.business, highWater);
    await Promise.all([
      writeHighWater(next.highWater),
      settingsItem.setValue(withSeriesPast(stored, profileId, next.business, next.issued.value)),
    ]);
    return next.issued;
  });
}

/**
 * Whether a failed create proves Payfect made nothing, so its number may be given back:
 * refused before sending (no status: an invalid request, a key that cannot be sent), or
 * refused by Payfect with a 4xx. A timeout, a 5xx, a network error or an unreadable answer
 * may each hide a link that exists: the number stays consumed.
 */
export function provesNothingCreated(error: PayfectError): boolean {
  if (error.status !== undefined) return error.status >= 400 && error.status <= 499;
  return error.kind === 'validation' || error.kind === 'auth';
}

/**
 * Gives back a number whose create proved nothing was made, unless another was issued in the
 * series after it: then it stays consumed, never issued twice.
 */
export function releaseInvoiceNumber(profileId: string, issued: IssuedNumber): Promise<void> {
  return inSettingsQueue(async () => {
    const [stored, read] = await Promise.all([readStoredSettings(), readHighWater()]);
    const profile = stored.profiles.find((candidate) => candidate.id === profileId);
    if (profile === undefined || !read.sound) return;
    const released = releasedInvoiceNumber(profile.business, read.highWater, issued);
    if (released === undefined) return;
    await Promise.all([
      writeHighWater(released.highWater),
      settingsItem.setValue({
        ...stored,
        profiles: stored.profiles.map((candidate) =>
          candidate.id === profileId ? { ...candidate, business: released.business } : candidate,
        ),
      }),
    ]);
  });
}
