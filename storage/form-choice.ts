import { z } from 'zod/mini';
import { FormChoicesSchema, type FormChoice, type FormChoices } from '../lib/form-choice.ts';
import type { Settings } from '../lib/settings.ts';
import { storage } from './item.ts';

/* The form's choice of currency and network, per profile (lib/form-choice.ts says why). */

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
