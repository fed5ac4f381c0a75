import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/003.ts';
import v2 from './fixtures/v2.json';

const NEW_DEFAULT = '{items} — {total} {currency}: {url} · {warning} · Valid until {expires}';

describe('settings 003', () => {
  it('produces version 3', () => {
    expect(version).toBe(3);
  });

  it('replaces the old default template of stored v2 settings with the new default', () => {
    expect(migrate(v2.settings)).toEqual({ ...v2.settings, messageTemplate: NEW_DEFAULT });
  });

  it('keeps a template the user wrote', () => {
    const own = { ...v2.settings, messageTemplate: '{url}' };
    expect(migrate(own)).toBe(own);
  });
});
