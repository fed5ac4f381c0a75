import { t } from '../lib/i18n.ts';
import { TAX_MODES } from '../lib/tax.ts';

/** The Tax choices ("No tax", "Tax", "Reverse charge"), read at each render for the language. */
export function taxModeChoices(): { value: string; name: string }[] {
  return TAX_MODES.map((mode) => ({ value: mode, name: t(`popup.form.taxModes.${mode}`) }));
}
