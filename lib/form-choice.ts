import { z } from 'zod/mini';
import { CURRENCIES, type Settings } from './settings.ts';

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

/** By profile id, as stored (storage/form-choice.ts). */
export const FormChoicesSchema = z.record(z.string(), FormChoiceSchema);
export type FormChoices = z.infer<typeof FormChoicesSchema>;

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
