import type { UiError } from '../../lib/messages.ts';
import { validateBaseUrl, type OfferedNetwork } from '../../lib/payfect/index.ts';
import { err, ok, type Result } from '../../lib/result.ts';
import type { Settings } from '../../lib/settings.ts';
import { readSettings, settingsItem } from '../../lib/settings-storage.ts';
import { checkRedirectUrl } from '../../lib/urls.ts';
import { createSerialQueue } from './serial.ts';

/*
 * Settings writes from the options page and from the create flow (learned networks) go
 * through one queue, so neither overwrites the other with what it read before.
 */
const enqueue = createSerialQueue();

async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return enqueue(async () => {
    const next = change(await readSettings());
    await settingsItem.setValue(next);
    return next;
  });
}

type SettingsForm = Omit<Settings, 'networks'>;

/** Same shapes as lib/order.ts accepts, so a default can always be used in a create. */
const CURRENCY = /^[a-z]{2,10}$/;
const NETWORK = /^[a-z0-9_-]{1,40}$/;
const REDIRECT_FIELDS = ['successUrl', 'cancelUrl', 'callbackUrl'] as const;

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
    messageTemplate: settings.messageTemplate,
    historyCap: settings.historyCap,
    reminderMinutes: settings.reminderMinutes,
  };
  for (const field of REDIRECT_FIELDS) {
    const checked = checkRedirectUrl(settings[field], baseUrl);
    if (checked.ok) form[field] = checked.value;
    else fields[field] = checked.error;
  }
  if (!CURRENCY.test(form.currency)) fields.currency = 'Choose a currency such as usdt.';
  if (!NETWORK.test(form.network)) fields.network = 'Choose a network such as tron.';
  return Object.keys(fields).length === 0 ? ok(form) : err(fields);
}

/**
 * Stores what the options page sent. The learned `networks` list is kept: only Payfect's
 * answers set it, never a page.
 */
export async function saveSettings(settings: Settings): Promise<Result<Settings, UiError>> {
  const checked = checkSettings(settings);
  if (!checked.ok) {
    return err({
      kind: 'validation',
      message: 'Some settings need fixing — see the marked fields.',
      fields: checked.error,
    });
  }
  const form = checked.value;
  return ok(await updateSettings((current) => ({ ...form, networks: current.networks })));
}

/** Remembers the networks Payfect offered, for the Network choices of the next create. */
export async function learnNetworks(networks: readonly OfferedNetwork[]): Promise<void> {
  if (networks.length === 0) return;
  const learned = networks.map(({ value, name }) => ({ value, name }));
  await updateSettings((current) => ({ ...current, networks: learned }));
}
