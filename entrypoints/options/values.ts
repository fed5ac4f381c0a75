import type { SessionRecord } from '../../lib/history.ts';
import type { KeyStatus } from '../../lib/messages.ts';
import { MAX_REMINDER_MINUTES, networkName, type Settings } from '../../lib/settings.ts';

/**
 * The settings the page edits, as typed; `networks` is learned from the API, not typed.
 * The history limit and the reminder are kept as text until Save, so "1e3" or "" can be shown and corrected.
 */
export type SettingsValues = Omit<Settings, 'networks' | 'historyCap' | 'reminderMinutes'> & {
  historyCap: string;
  reminderMinutes: string;
};

export const VALUE_FIELDS = [
  'baseUrl',
  'currency',
  'network',
  'successUrl',
  'cancelUrl',
  'callbackUrl',
  'messageTemplate',
  'historyCap',
  'reminderMinutes',
] as const satisfies readonly (keyof SettingsValues)[];

/** Every field that can carry an error, in page order: the key first. */
export const FIELD_ORDER = ['apiKey', ...VALUE_FIELDS] as const;
export type FormField = (typeof FIELD_ORDER)[number];

export function isFormField(key: string): key is FormField {
  return (FIELD_ORDER as readonly string[]).includes(key);
}

export function valuesOf(settings: Settings): SettingsValues {
  const { baseUrl, currency, network, successUrl, cancelUrl, callbackUrl, messageTemplate } =
    settings;
  return {
    baseUrl,
    currency,
    network,
    successUrl,
    cancelUrl,
    callbackUrl,
    messageTemplate,
    historyCap: String(settings.historyCap),
    reminderMinutes: String(settings.reminderMinutes),
  };
}

/** Up to a million links; a typo of more zeros is surely not meant. */
export const MAX_HISTORY_CAP = 1_000_000;

export const HISTORY_CAP_ERROR = `Enter a whole number from 0 to ${MAX_HISTORY_CAP.toLocaleString('en-GB')}.`;

/** The history limit typed, as a number; null when it is not a whole number in range. */
export function parseHistoryCap(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const cap = Number(trimmed);
  return cap <= MAX_HISTORY_CAP ? cap : null;
}

export const REMINDER_ERROR = `Enter a whole number of minutes from 0 to ${MAX_REMINDER_MINUTES.toLocaleString('en-GB')}.`;

/** The reminder typed, in minutes; null when it is not a whole number in range. */
export function parseReminderMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes <= MAX_REMINDER_MINUTES ? minutes : null;
}

/** "A key is saved, ending in …4f2a · Test mode" / "No key saved yet". */
export function keyStatusSentence(key: KeyStatus): string {
  if (!key.set) return 'No key saved yet';
  const saved = key.last4 ? `A key is saved, ending in …${key.last4}` : 'A key is saved';
  const ending = key.lock === 'locked' ? `${saved} · locked` : saved;
  switch (key.mode) {
    case 'test':
      return `${ending} · Test mode`;
    case 'live':
      return `${ending} · Live mode`;
    case 'unknown':
      return `${ending} · mode unknown until first use`;
  }
}

/** A made-up session, to preview the message template with. */
export function sampleSession(values: SettingsValues, settings: Settings): SessionRecord {
  const now = Date.now();
  return {
    id: 'sample',
    url: 'https://buy.payfect.finance/checkouts/ed8d24aa-a860-426b-8e56-87cb9f55a081',
    status: 'open',
    amountTotal: '240.38',
    currency: values.currency,
    network: values.network,
    networkName: networkName(settings, values.network),
    items: [
      { name: 'Logo design', description: '', unitAmount: '120.5', quantity: 1 },
      { name: 'Hosting', description: '', unitAmount: '9.99', quantity: 12 },
    ],
    reference: 'INV-2026-042',
    createdAt: now,
    expiresAt: now + 24 * 60 * 60 * 1000,
    isLivemode: false,
    lastChecked: now,
    statusChangedAt: now,
    baseUrl: values.baseUrl,
  };
}
