import { fieldSpec, REDIRECT_FIELDS, taxRateMessage } from '../../lib/fields.ts';
import { DEFAULT_TAX_LABEL, parseTaxRate } from '../../lib/tax.ts';
import type { UiError } from '../../lib/messages.ts';
import { validateBaseUrl, type OfferedNetwork } from '../../lib/payfect/index.ts';
import { err, ok, type Result } from '../../lib/result.ts';
import {
  LOCK_AFTER_CHOICES,
  activeProfile,
  flatSettings,
  profileFrom,
  type ProfileSettings,
  type Settings,
  type StoredSettings,
} from '../../lib/settings.ts';
import { browser } from 'wxt/browser';
import { readSettingsValue, readStoredSettings, settingsItem } from '../../storage/settings.ts';
import { notifySettingsSetAside } from './notifications.ts';
import { t } from '../../lib/i18n.ts';
import { originNeedingConfirmation } from '../../lib/key-hosts.ts';
import { checkRedirectUrl } from '../../lib/urls.ts';
import { checkTerms } from '../../lib/payment-terms.ts';
import { checkBusiness, withIssued, type BusinessForm } from '../../lib/invoice.ts';
import { readHighWater, soundHighWater } from '../../storage/invoice-numbers.ts';
import { createSerialQueue } from './serial.ts';

/*
 * Settings writes from the options page and from the create flow (learned networks) go
 * through one queue, so neither overwrites the other with what it read before.
 */
const enqueue = createSerialQueue();

/**
 * Runs a task in the settings queue: the invoice numbering (invoice-numbers.ts) reads and
 * writes a profile and its series' high-water as one step there.
 */
export function inSettingsQueue<T>(task: () => Promise<T>): Promise<T> {
  return enqueue(task);
}

/** Changes the stored settings (every profile) in the queue; undefined leaves them. */
export async function updateStoredSettings(
  change: (
    current: StoredSettings,
  ) => StoredSettings | undefined | Promise<StoredSettings | undefined>,
): Promise<StoredSettings> {
  return enqueue(async () => {
    const current = await readStoredSettings();
    const next = await change(current);
    if (next === undefined) return current;
    await settingsItem.setValue(next);
    return next;
  });
}

/**
 * Sets aside the stored profiles that fail their schema (under settings:damaged:<ms>, as
 * stored, for recovery) and keeps every other one; says so once. Run at worker start.
 */
export async function repairSettings(): Promise<void> {
  const broken = await enqueue(async () => {
    const read = readSettingsValue(await settingsItem.getValue());
    if (read.broken.length === 0) return read.broken;
    await browser.storage.local.set({ [`settings:damaged:${Date.now()}`]: read.broken });
    await settingsItem.setValue(read.settings);
    return read.broken;
  });
  if (broken.length > 0) await notifySettingsSetAside(broken);
}

function profileOf(stored: StoredSettings, profileId: string | undefined) {
  return profileId === undefined
    ? activeProfile(stored)
    : stored.profiles.find((profile) => profile.id === profileId);
}

/**
 * Changes one profile's flat settings (the active one when none is named); the shared
 * fields go to all profiles. Undefined when the profile is gone.
 */
async function updateSettings(
  change: (current: Settings) => Settings | Promise<Settings>,
  profileId?: string,
): Promise<Settings | undefined> {
  let result: Settings | undefined;
  await updateStoredSettings(async (stored) => {
    const profile = profileOf(stored, profileId);
    if (profile === undefined) return undefined;
    const next = await change(flatSettings(stored, profile));
    const changed: ProfileSettings = profileFrom(profile.id, profile.name, next);
    result = next;
    return {
      ...stored,
      profiles: stored.profiles.map((p) => (p.id === profile.id ? changed : p)),
      messageTemplate: next.messageTemplate,
      reminderTemplate: next.reminderTemplate,
      historyCap: next.historyCap,
      reminderMinutes: next.reminderMinutes,
      lockAfterMinutes: next.lockAfterMinutes,
    };
  });
  return result;
}

type SettingsForm = Omit<Settings, 'networks' | 'business'> & { business: BusinessForm };

/** The answer to a request naming a profile that was deleted meanwhile (another window). */
export function profileGone(): UiError {
  return {
    kind: 'invalid_request',
    message: t('profiles.gone'),
  };
}

/** Read when asked, so the words follow the browser's language. */
function businessMessages() {
  return {
    tooLong: (max: number) => t('validation.maxCharacters', { max }),
    hidden: t('validation.hiddenText'),
    email: t('validation.email'),
    prefix: t('validation.invoicePrefix'),
    number: (max: number) => t('validation.invoiceNumber', { max: max.toLocaleString() }),
  };
}

/** Same shapes as lib/order.ts accepts, so a default can always be used in a create. */
const CURRENCY = /^[a-z]{2,10}$/;
const NETWORK = /^[a-z0-9_-]{1,40}$/;

/** The tax defaults as stored (the rate canonical: "5.50 %" → "5.5"); their messages into `fields`. */
function checkTaxDefaults(
  settings: Pick<Settings, 'taxMode' | 'taxRate' | 'taxLabel'>,
  fields: Record<string, string>,
): Pick<Settings, 'taxMode' | 'taxRate' | 'taxLabel'> {
  const taxRate = settings.taxRate.trim();
  const taxLabel = settings.taxLabel.trim();
  const modeMessage = fieldSpec('taxMode').check(settings.taxMode, { baseUrl: '' });
  if (modeMessage !== undefined) fields.taxMode = modeMessage;
  const rateMessage =
    settings.taxMode === 'tax' && taxRate === ''
      ? t('validation.taxRateNeeded')
      : taxRateMessage(taxRate);
  if (rateMessage !== undefined) fields.taxRate = rateMessage;
  const labelMessage = fieldSpec('taxLabel').check(taxLabel, { baseUrl: '' });
  if (labelMessage !== undefined) fields.taxLabel = labelMessage;
  const rate = parseTaxRate(taxRate);
  return {
    taxMode: settings.taxMode,
    taxRate: rate.ok ? rate.value : taxRate,
    taxLabel: taxLabel === '' ? DEFAULT_TAX_LABEL : taxLabel,
  };
}

/** The settings as they will be stored (URLs normalised), or a message per field. */
export function checkSettings(settings: Settings): Result<SettingsForm, Record<string, string>> {
  const fields: Record<string, string> = {};
  const base = validateBaseUrl(settings.baseUrl);
  if (!base.ok) fields.baseUrl = base.error;
  const baseUrl = base.ok ? base.value : settings.baseUrl;
  const form: SettingsForm = {
    baseUrl,
    currency: settings.currency.trim().toLowerCase(),
    network: settings.network.trim().toLowerCase(),
    successUrl: '',
    cancelUrl: '',
    callbackUrl: '',
    ...checkTaxDefaults(settings, fields),
    paymentTerms: settings.paymentTerms.trim(),
    messageTemplate: settings.messageTemplate,
    reminderTemplate: settings.reminderTemplate,
    historyCap: settings.historyCap,
    reminderMinutes: settings.reminderMinutes,
    lockAfterMinutes: (LOCK_AFTER_CHOICES as readonly number[]).includes(settings.lockAfterMinutes)
      ? settings.lockAfterMinutes
      : 60,
    business: settings.business,
  };
  // A confirmation is for one origin: a base URL moved to another host drops it, and the
  // live API and loopback need none.
  const needed = originNeedingConfirmation(baseUrl);
  if (needed !== undefined && settings.confirmedKeyOrigin === needed) {
    form.confirmedKeyOrigin = needed;
  }
  for (const field of REDIRECT_FIELDS) {
    const checked = checkRedirectUrl(settings[field], baseUrl);
    if (checked.ok) form[field] = checked.value;
    else fields[field] = checked.error;
  }
  const business = checkBusiness(settings.business, businessMessages());
  if (business.ok) form.business = business.value;
  else Object.assign(fields, business.error);
  const terms = checkTerms(form.paymentTerms);
  if (terms !== undefined) fields.paymentTerms = terms;
  if (!CURRENCY.test(form.currency)) fields.currency = t('validation.currencySuchAs');
  if (!NETWORK.test(form.network)) fields.network = t('validation.networkSuchAs');
  return Object.keys(fields).length === 0 ? ok(form) : err(fields);
}

/**
 * Stores what the options page sent. The learned `networks` list is kept: only Payfect's
 * answers set it, never a page; Next invoice number is raised past its series' high-water,
 * read inside the queue (a link created meanwhile counts).
 */
export async function saveSettings(
  settings: Settings,
  profileId?: string,
): Promise<Result<Settings, UiError>> {
  const checked = checkSettings(settings);
  if (!checked.ok) {
    return err({
      kind: 'validation',
      message: t('background.settingsNeedFixing'),
      fields: checked.error,
    });
  }
  const form = checked.value;
  // What is issued is read in the queue: a link made meanwhile counts. A damaged series is
  // repaired from History now, while History still proves the numbers it holds.
  const saved = await updateSettings(async (current) => {
    const [read, stored] = await Promise.all([readHighWater(), readStoredSettings()]);
    const highWater = await soundHighWater(read, stored);
    return { ...form, networks: current.networks, business: withIssued(form.business, highWater) };
  }, profileId);
  return saved === undefined ? err(profileGone()) : ok(saved);
}

/** Remembers the networks Payfect offered, for the Network choices of the next create. */
export async function learnNetworks(
  networks: readonly OfferedNetwork[],
  profileId?: string,
): Promise<void> {
  if (networks.length === 0) return;
  const learned = networks.map(({ value, name }) => ({ value, name }));
  await updateSettings((current) => ({ ...current, networks: learned }), profileId);
}
