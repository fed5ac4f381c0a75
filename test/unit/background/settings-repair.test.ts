import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveApiKey, readApiKey } from '../../../entrypoints/background/key-store.ts';
import { repairSettings } from '../../../entrypoints/background/settings-store.ts';
import { getState } from '../../../entrypoints/background/state.ts';
import { profileDisplayName } from '../../../lib/profile-names.ts';
import { DEFAULT_STORED_SETTINGS, LIVE_API_BASE_URL } from '../../../lib/settings.ts';
import { readSettingsValue, readStoredSettings } from '../../../storage/settings.ts';

const base = DEFAULT_STORED_SETTINGS.profiles[0];
const shop = { ...base, id: 'shop', name: 'Shop', currency: 'twd' };
const broken = { ...base, id: 'broken', name: 'Broken', currency: 42 };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('readSettingsValue: profile by profile', () => {
  it('keeps every valid profile, rebuilds the broken one field by field and returns it apart', () => {
    const read = readSettingsValue({
      ...DEFAULT_STORED_SETTINGS,
      activeProfileId: 'shop',
      profiles: [base, broken, shop],
      historyCap: 250,
    });
    expect(read.settings.profiles.map((profile) => profile.id)).toEqual([
      'default',
      'broken',
      'shop',
    ]);
    // Only its unreadable currency is lost.
    expect(read.settings.profiles[1]).toEqual({ ...broken, currency: base?.currency });
    expect(read.settings.activeProfileId).toBe('shop');
    expect(read.settings.historyCap).toBe(250);
    expect(read.broken).toEqual([broken]);
  });

  it('gives a shared field that fails its schema its default, and keeps the rest', () => {
    const read = readSettingsValue({
      ...DEFAULT_STORED_SETTINGS,
      profiles: [shop],
      historyCap: -1,
      messageTemplate: '{url}',
    });
    expect(read.settings.historyCap).toBe(DEFAULT_STORED_SETTINGS.historyCap);
    expect(read.settings.messageTemplate).toBe('{url}');
    expect(read.settings.profiles).toEqual([shop]);
  });

  it('sets aside a second profile with the same id, and stands in the default for none', () => {
    expect(readSettingsValue({ profiles: [shop, { ...shop, name: 'Again' }] }).broken).toHaveLength(
      1,
    );
    const none = readSettingsValue({ profiles: [{ ...broken, id: 7 }, 'junk'] });
    expect(none.settings.profiles).toEqual(DEFAULT_STORED_SETTINGS.profiles);
    expect(none.broken).toHaveLength(2);
  });

  it('recovers a damaged profile field by field: business details and base URL kept where they read', () => {
    const damaged = {
      id: 'studio',
      name: 'Mia Studio',
      baseUrl: 'http://127.0.0.1:8787/api/v1',
      currency: 'twd',
      network: null,
      networks: 'tron',
      confirmedKeyOrigin: 'https://pay.example',
      business: {
        name: 'Mia Studio Ltd',
        address: '1 Main St',
        taxId: 42,
        email: 'mia@example.com',
        footer: 'Thank you',
        invoicePrefix: 'MIA-',
        nextInvoiceNumber: -3,
        issued: { 'MIA-': 'lots' },
      },
    };
    const read = readSettingsValue({ ...DEFAULT_STORED_SETTINGS, profiles: [base, damaged] });
    expect(read.broken).toEqual([damaged]);
    expect(read.settings.profiles[1]).toEqual({
      ...base,
      id: 'studio',
      name: 'Mia Studio',
      baseUrl: 'http://127.0.0.1:8787/api/v1',
      currency: 'twd',
      business: {
        name: 'Mia Studio Ltd',
        address: '1 Main St',
        taxId: '',
        email: 'mia@example.com',
        footer: 'Thank you',
        invoicePrefix: 'MIA-',
        nextInvoiceNumber: 1,
      },
    });
    // A host confirmation is asked again rather than carried over from damaged data.
    expect(read.settings.profiles[1]).not.toHaveProperty('confirmedKeyOrigin');
  });
});

describe('repairSettings at worker start', () => {
  it('sets a broken profile aside as stored, keeps it rebuilt, the others and their keys, and says so once', async () => {
    await browser.storage.local.set({
      settings: { ...DEFAULT_STORED_SETTINGS, profiles: [base, broken, shop] },
      settings$: { v: 7 },
    });
    await saveApiKey('pk_test_shop_key_000000001', 'shop');
    const notify = vi.spyOn(browser.notifications, 'create');
    await repairSettings();
    expect((await readStoredSettings()).profiles.map((profile) => profile.id)).toEqual([
      'default',
      'broken',
      'shop',
    ]);
    expect(await readApiKey('shop')).toBe('pk_test_shop_key_000000001');
    const stored = await browser.storage.local.get(null);
    const aside = Object.entries(stored).filter(([key]) => key.startsWith('settings:damaged:'));
    expect(aside.map(([, value]) => value)).toEqual([[broken]]);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(notify.mock.calls[0])).toContain('Broken');

    await repairSettings();
    expect(notify).toHaveBeenCalledTimes(1);
  });
});

describe("the first profile's name", () => {
  it('is shown in the UI language until renamed', async () => {
    expect(profileDisplayName({ id: 'default', name: 'Default' })).toBe('Default');
    expect(profileDisplayName({ id: 'default', name: 'Studio' })).toBe('Studio');
    expect(profileDisplayName({ id: 'other', name: 'Default' })).toBe('Default');
    expect((await getState()).profiles[0]?.name).toBe('Default');
    expect(LIVE_API_BASE_URL).toContain('payfect');
  });
});
