import { beforeEach } from 'vitest';
import { useFakeLocale } from '../support/fake-i18n.ts';

// Every test starts in English; a test of another locale calls useFakeLocale itself. Also
// before the test file's imports, for anything that reads a string as its module loads.
await useFakeLocale('en');
beforeEach(async () => {
  await useFakeLocale('en');
  // fakeBrowser.reset() empties storage without a storage.onChanged event, which a real
  // browser never does: the worker's kept state would outlive the data it was read from.
  // Imported here, after the test file's own imports, so module load order stays theirs.
  const { forgetState } = await import('../../entrypoints/background/state.ts');
  forgetState();
  // lib/i18n.ts gets the UI language as every entry hands it over (once WXT's fake browser
  // is in place, which @wxt-dev/i18n reads as it loads: hence here, not a static import).
  await import('../../utils/ui-language.ts');
});
