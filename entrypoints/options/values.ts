import { settingsDefaults } from '../../lib/draft.ts';
import { PROFILE_DEFAULT_FIELDS } from '../../lib/fields.ts';
import type { SessionRecord } from '../../lib/history.ts';
import { t, uiLocale } from '../../lib/i18n.ts';
import { templateForDisplay } from '../../lib/message-template.ts';
import { reminderForDisplay } from '../../lib/reminder-template.ts';
import type { KeyStatus, ProfileSummary } from '../../lib/messages.ts';
import {
  formatInvoiceNumber,
  MAX_INVOICE_NUMBER,
  nextInvoiceValue,
  type Business,
} from '../../lib/invoice.ts';
import { MAX_REMINDER_MINUTES, networkName, type Settings } from '../../lib/settings.ts';

/**
 * The settings the page edits, as typed; `networks` is learned from the API, not typed.
 * The history limit and the reminder are kept as text until Save, so "1e3" or "" can be shown and corrected.
 */
export type SettingsValues = Omit<
  Settings,
  'networks' | 'historyCap' | 'reminderMinutes' | 'business' | 'lockAfterMinutes'
> & {
  historyCap: string;
  reminderMinutes: string;
  lockAfterMinutes: string;
  /** Shown as text even when none is stored (the default, in the browser's language). */
  reminderTemplate: string;
} & Record<BusinessField, string>;

/*
 * The business details of the profile (Settings → Invoices), keyed as the background names
 * their errors (`business.email`), so each message lands beside its field.
 */
export const BUSINESS_FIELDS = [
  'business.name',
  'business.address',
  'business.taxId',
  'business.taxIdLabel',
  'business.email',
  'business.invoicePrefix',
  'business.nextInvoiceNumber',
  'business.footer',
  'business.receiptNote',
] as const;
export type BusinessField = (typeof BUSINESS_FIELDS)[number];

/** A new invoice's tax (lib/tax.ts), edited in Settings → Invoices. */
export const TAX_FIELDS = ['taxMode', 'taxRate', 'taxLabel'] as const;

/** The profile defaults Settings → Invoices edits: payment terms and tax; the rest are under Defaults. */
const INVOICE_DEFAULTS: readonly string[] = ['paymentTerms', ...TAX_FIELDS];

/** The profile's defaults edited in Settings → Defaults. */
const DEFAULTS_FIELDS = PROFILE_DEFAULT_FIELDS.filter(
  (field): field is Exclude<typeof field, 'paymentTerms' | (typeof TAX_FIELDS)[number]> =>
    !INVOICE_DEFAULTS.includes(field),
);

/** Every typed setting, in page order (Account, Passphrase, Defaults, Invoices, History). */
export const VALUE_FIELDS = [
  'baseUrl',
  'confirmedKeyOrigin',
  'lockAfterMinutes',
  ...DEFAULTS_FIELDS,
  'messageTemplate',
  'reminderTemplate',
  ...BUSINESS_FIELDS.filter(
    (field) => field !== 'business.footer' && field !== 'business.receiptNote',
  ),
  'paymentTerms',
  'business.footer',
  'business.receiptNote',
  // Under the business details, in Settings → Invoices.
  ...TAX_FIELDS,
  'historyCap',
  'reminderMinutes',
] as const satisfies readonly (keyof SettingsValues)[];

/** Every field that can carry an error, in page order: the key first (focus goes to the first). */
export const FIELD_ORDER = ['apiKey', ...VALUE_FIELDS] as const;
export type FormField = (typeof FIELD_ORDER)[number];

export function isFormField(key: string): key is FormField {
  return (FIELD_ORDER as readonly string[]).includes(key);
}

export function valuesOf(settings: Settings): SettingsValues {
  const { baseUrl, messageTemplate } = settings;
  return {
    baseUrl,
    ...settingsDefaults(settings),
    paymentTerms: settings.paymentTerms,
    // The default shows in the browser's language; save.ts stores it back as the default.
    messageTemplate: templateForDisplay(messageTemplate),
    reminderTemplate: reminderForDisplay(settings.reminderTemplate),
    historyCap: String(settings.historyCap),
    reminderMinutes: String(settings.reminderMinutes),
    lockAfterMinutes: String(settings.lockAfterMinutes),
    'business.name': settings.business.name,
    'business.address': settings.business.address,
    'business.taxId': settings.business.taxId,
    'business.email': settings.business.email,
    'business.invoicePrefix': settings.business.invoicePrefix,
    'business.nextInvoiceNumber': String(nextInvoiceValue(settings.business)),
    'business.footer': settings.business.footer,
    'business.receiptNote': settings.business.receiptNote ?? '',
    'business.taxIdLabel': settings.business.taxIdLabel ?? '',
    // Set explicitly (undefined too), so saving a page that has none overrides the stored one.
    confirmedKeyOrigin: settings.confirmedKeyOrigin,
  };
}

export function invoiceNumberError(): string {
  return t('validation.invoiceNumber', { max: MAX_INVOICE_NUMBER.toLocaleString(uiLocale()) });
}

/** The typed Next invoice number; null when it is not a whole number from 1 to the maximum. */
export function parseInvoiceNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const number = Number(trimmed);
  return number >= 1 && number <= MAX_INVOICE_NUMBER ? number : null;
}

/** The business details to save, as typed. */
export function businessOf(values: SettingsValues, next: number): Business {
  return {
    name: values['business.name'],
    address: values['business.address'],
    taxId: values['business.taxId'],
    email: values['business.email'],
    footer: values['business.footer'],
    receiptNote: values['business.receiptNote'],
    taxIdLabel: values['business.taxIdLabel'],
    invoicePrefix: values['business.invoicePrefix'],
    nextInvoiceNumber: next,
  };
}

/**
 * "INV-0042" as the typed prefix and Next invoice number make it; undefined while the number
 * is one Save would refuse, so the preview never promises what Save will not keep.
 */
export function typedInvoicePreview(values: SettingsValues): string | undefined {
  const number = parseInvoiceNumber(values['business.nextInvoiceNumber']);
  return number === null
    ? undefined
    : formatInvoiceNumber(values['business.invoicePrefix'].trim(), number);
}

/**
 * What to say when Save raised the typed Next invoice number past one already issued
 * ("INV-0004 is already issued, so the next invoice is INV-0005"); undefined when it did not.
 */
export function raisedNumberNote(typed: SettingsValues, saved: Settings): string | undefined {
  const wanted = parseInvoiceNumber(typed['business.nextInvoiceNumber']);
  const next = nextInvoiceValue(saved.business);
  if (wanted === null || wanted >= next) return undefined;
  const prefix = saved.business.invoicePrefix;
  return t('options.invoices.numberRaised', {
    issued: formatInvoiceNumber(prefix, next - 1),
    next: formatInvoiceNumber(prefix, next),
  });
}

/**
 * The note beside Next invoice number after a Save: said only to whoever typed a number or a
 * prefix (a prefix with numbers already issued raises the number too); an untouched field
 * just moves on, as it does when a link made elsewhere takes a number.
 */
export function numberNoteAfterSave(
  typed: SettingsValues,
  before: SettingsValues,
  saved: Settings,
): string | undefined {
  const touched =
    typed['business.nextInvoiceNumber'] !== before['business.nextInvoiceNumber'] ||
    typed['business.invoicePrefix'] !== before['business.invoicePrefix'];
  return touched ? raisedNumberNote(typed, saved) : undefined;
}

/**
 * The other profiles whose invoice prefix is the one typed: they share its series, so none
 * of them issues a number another did (Settings names them under Invoice prefix).
 */
export function seriesSharedWith(
  profiles: readonly ProfileSummary[],
  profileId: string,
  typedPrefix: string,
): string[] {
  const prefix = typedPrefix.trim();
  return profiles
    .filter((profile) => profile.id !== profileId && profile.invoicePrefix === prefix)
    .map((profile) => profile.name);
}

/** Up to a million links; a typo of more zeros is surely not meant. */
export const MAX_HISTORY_CAP = 1_000_000;

export function historyCapError(): string {
  return t('options.history.limitError', { max: MAX_HISTORY_CAP.toLocaleString(uiLocale()) });
}

/** The history limit typed, as a number; null when it is not a whole number in range. */
export function parseHistoryCap(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const cap = Number(trimmed);
  return cap <= MAX_HISTORY_CAP ? cap : null;
}

export function reminderError(): string {
  return t('options.history.reminderError', {
    max: MAX_REMINDER_MINUTES.toLocaleString(uiLocale()),
  });
}

/** The reminder typed, in minutes; null when it is not a whole number in range. */
export function parseReminderMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes <= MAX_REMINDER_MINUTES ? minutes : null;
}

/** "A key is saved, ending in …4f2a · Test mode" / "No key saved yet". */
export function keyStatusSentence(key: KeyStatus): string {
  if (!key.set) return t('options.keyStatus.none');
  const saved = key.last4
    ? t('options.keyStatus.savedEnding', { last4: key.last4 })
    : t('options.keyStatus.saved');
  const status = key.lock === 'locked' ? t('options.keyStatus.locked', { status: saved }) : saved;
  switch (key.mode) {
    case 'test':
      return t('options.keyStatus.test', { status });
    case 'live':
      return t('options.keyStatus.live', { status });
    case 'unknown':
      return t('options.keyStatus.unknown', { status });
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
      {
        name: t('options.defaults.sampleItem1'),
        description: '',
        unitAmount: '120.5',
        quantity: 1,
      },
      {
        name: t('options.defaults.sampleItem2'),
        description: '',
        unitAmount: '9.99',
        quantity: 12,
      },
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
