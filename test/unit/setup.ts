import { beforeEach } from 'vitest';
import { useFakeLocale } from '../support/fake-i18n.ts';

// Every test starts in English; a test of another locale calls useFakeLocale itself.
beforeEach(async () => {
  await useFakeLocale('en');
});
