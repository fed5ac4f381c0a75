import { z } from 'zod/mini';
import { CURRENCIES, type Settings } from './settings.ts';
import { storage } from './storage-item.ts';

/*
 * The currency and network of a profile's last link: the form's choice for the next one,
 * so a freelancer who bills in TWD picks it once, not after every link. Kept per profile
 * with the Settings defaults it was made under: once those defaults change, Settings wins
 * again ("until changed", in the form or in Settings).
 */

const PairSchema = z.object({ currency: z.string(), network: z.string() });

export const FormChoiceSchema = z.object({
  currency: z.string(),
  network: z.string(),
  /** The profile's Settings defaults when the choice was made. */
  defaults: PairSchema,
});
export type FormChoice = z.infer<typeof FormChoiceSchema>;

const FormChoicesSchema = z.record(z.string(), FormChoiceSchema);
type FormChoices = z.infer<typeof FormChoicesSchema>;

/** By profile id. */
export const formChoicesItem = storage.defineItem<FormChoices>('local:formChoices', {
  fallback: {},
  version: 1,
});

/** Every profile's choice; a stored value that fails the schema counts as none. */
async function readFormChoices(): Promise<FormChoices> {
  const parsed = z.safeParse(FormChoicesSchema, await formChoicesItem.getValue());
  return parsed.success ? parsed.data : {};
}

export async function readFormChoice(profileId: string): Promise<FormChoice | null> {
  return (await readFormChoices())[profileId] ?? null;
}

/** Remembers a created link's currency and network as the profile's form choice. */
export async function rememberFormChoice(
  profileId: string,
  made: { currency: string; network: string },
  settings: Pick<Settings, 'currency' | 'network'>,
): Promise<void> {
  const all = await readFormChoices();
  const choice: FormChoice = {
    currency: made.currency,
    network: made.network,
    defaults: { currency: settings.currency, network: settings.network },
  };
  await formChoicesItem.setValue({ ...all, [profileId]: choice });
}

/**
 * The settings a new form starts from: the profile's, with the last link's currency and
 * network while its Settings defaults are still those the choice was made under, and the
 * network is still one it offers.
 */
export function withFormChoice<T extends Pick<Settings, 'currency' | 'network' | 'networks'>>(
  settings: T,
  choice: FormChoice | null,
): T {
  if (
    choice === null ||
    choice.defaults.currency !== settings.currency ||
    choice.defaults.network !== settings.network ||
    !CURRENCIES.some((currency) => currency.value === choice.currency) ||
    !settings.networks.some((network) => network.value === choice.network)
  ) {
    return settings;
  }
  return { ...settings, currency: choice.currency, network: choice.network };
}
