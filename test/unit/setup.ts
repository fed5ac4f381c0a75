import { beforeEach } from 'vitest';
import { useFakeLocale } from '../support/fake-i18n.ts';

// Every test starts in English; a test of another locale calls useFakeLocale itself. Also
// before the test file's imports, for anything that reads a string as its module loads.
await useFakeLocale('en');
beforeEach(async () => {
  await useFakeLocale('en');
});
