import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageHandler } from '../../../entrypoints/background/router.ts';
import { saveAll } from '../../../entrypoints/options/save.ts';
import {
  FIELD_ORDER,
  isFormField,
  numberNoteAfterSave,
  parseInvoiceNumber,
  typedInvoicePreview,
  valuesOf,
  type SettingsValues,
} from '../../../entrypoints/options/values.ts';
import { readSettings, settingsItem } from '../../../storage/settings.ts';
import { writeHighWater } from '../../../storage/invoice-numbers.ts';
import { DEFAULT_SETTINGS, DEFAULT_STORED_SETTINGS, type Settings } from '../../../lib/settings.ts';

/*
 * Settings → Invoices as the options page saves it: values typed as text, sent with the one
 * Save to the real background (its router behind runtime messaging), errors keyed to fields.
 */

const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

/** Every request type the page sent, in order. */
let sent: string[];

beforeEach(() => {
  sent = [];
  const handle = createMessageHandler();
  const optionsPage = {
    id: browser.runtime.id,
    url: browser.runtime.getURL('/options.html'),
    frameId: 0,
  };
  // WXT's fake answers with the promise a listener returns (the worker uses sendResponse).
  browser.runtime.onMessage.addListener((message: unknown) => {
    sent.push((message as { type: string }).type);
    return handle(message, optionsPage);
  });
});

afterEach(() => {
  fakeBrowser.reset();
});

function typed(settings: Settings, changes: Partial<SettingsValues>): SettingsValues {
  return { ...valuesOf(settings), ...changes };
}

const BUSINESS = {
  'business.name': '  Lin Studio ',
  'business.address': '12 Harbour Road\nKaohsiung 800',
  'business.taxId': '12345678',
  'business.email': 'billing@lin.example',
  'business.invoicePrefix': '2026-',
  'business.nextInvoiceNumber': ' 42 ',
  'business.footer': 'Net 14 days. Thank you!',
  'business.receiptNote': ' Thank you for your payment. ',
  'business.taxIdLabel': 'VAT number ',
};

describe('the Next invoice number as typed', () => {
  it('is a whole number from 1 to 999,999,999', () => {
    expect(parseInvoiceNumber(' 42 ')).toBe(42);
    expect(parseInvoiceNumber('999999999')).toBe(999_999_999);
    for (const text of ['', '0', '1e3', '4.0', '-1', '0x10', '1 000', '1000000000']) {
      expect(parseInvoiceNumber(text), text).toBeNull();
    }
  });

  it('is previewed with the prefix only when Save would keep it', () => {
    const values = valuesOf(DEFAULT_SETTINGS);
    expect(typedInvoicePreview(values)).toBe('INV-0001');
    expect(
      typedInvoicePreview({
        ...values,
        'business.invoicePrefix': ' 2026/ ',
        'business.nextInvoiceNumber': '12345',
      }),
    ).toBe('2026/12345');
    expect(typedInvoicePreview({ ...values, 'business.nextInvoiceNumber': '1e3' })).toBeUndefined();
    expect(typedInvoicePreview({ ...values, 'business.nextInvoiceNumber': '' })).toBeUndefined();
  });
});

describe('business errors from the background', () => {
  it('are form fields, in page order, so focus goes to the topmost error', () => {
    expect(isFormField('business.email')).toBe(true);
    expect(isFormField('business.issued')).toBe(false);
    expect(FIELD_ORDER).toEqual([
      'apiKey',
      'baseUrl',
      'confirmedKeyOrigin',
      'lockAfterMinutes',
      'currency',
      'network',
      'successUrl',
      'cancelUrl',
      'callbackUrl',
      'messageTemplate',
      'reminderTemplate',
      'business.name',
      'business.address',
      'business.taxId',
      'business.taxIdLabel',
      'business.email',
      'business.invoicePrefix',
      'business.nextInvoiceNumber',
      'paymentTerms',
      'business.footer',
      'business.receiptNote',
      'taxMode',
      'taxRate',
      'taxLabel',
      'historyCap',
      'reminderMinutes',
    ]);
  });
});

describe('saving Settings → Invoices', () => {
  it('saves every business field with the settings, trimmed, and shows them back as typed', async () => {
    const stored = await readSettings();
    const outcome = await saveAll(typed(stored, BUSINESS), '', stored);
    expect(outcome).toMatchObject({ errors: {}, alerts: [], logoSaved: true });
    expect((await readSettings()).business).toEqual({
      name: 'Lin Studio',
      address: '12 Harbour Road\nKaohsiung 800',
      taxId: '12345678',
      email: 'billing@lin.example',
      invoicePrefix: '2026-',
      nextInvoiceNumber: 42,
      footer: 'Net 14 days. Thank you!',
      receiptNote: 'Thank you for your payment.',
      taxIdLabel: 'VAT number',
    });
    expect(outcome.settings && valuesOf(outcome.settings)).toMatchObject({
      'business.name': 'Lin Studio',
      'business.nextInvoiceNumber': '42',
    });
    // The logo was not touched: it is not sent.
    expect(sent).toEqual(['saveSettings']);
  });

  it('refuses a Next invoice number that is not a whole number, beside the field, saving nothing', async () => {
    const stored = await readSettings();
    for (const number of ['0', '1e3', '1000000000', '']) {
      const outcome = await saveAll(
        typed(stored, { ...BUSINESS, 'business.nextInvoiceNumber': number }),
        '',
        stored,
      );
      expect(outcome.errors).toEqual({
        'business.nextInvoiceNumber': 'Enter a whole number from 1 to 999,999,999.',
      });
      expect(outcome.settings).toBeUndefined();
    }
    expect(sent).toEqual([]);
    expect((await readSettings()).business.name).toBe('');
  });

  it('puts each background error beside its field and stores none of it', async () => {
    const stored = await readSettings();
    const outcome = await saveAll(
      typed(stored, {
        ...BUSINESS,
        'business.email': 'billing at lin',
        'business.invoicePrefix': 'INV<',
        'business.taxId': 'AB\u200B12',
      }),
      '',
      stored,
    );
    expect(outcome.settings).toBeUndefined();
    expect(Object.keys(outcome.errors).sort()).toEqual([
      'business.email',
      'business.invoicePrefix',
      'business.taxId',
    ]);
    expect(outcome.errors['business.email']).toBe('Enter an email address like name@example.com.');
    expect(outcome.alerts.every((alert) => !alert.includes('@'))).toBe(true);
    expect((await readSettings()).business.name).toBe('');
  });

  it('says so when the number was raised past one already issued', async () => {
    // As two creates leave it: INV-0004 issued, the page showing 5.
    const before = valuesOf(await seedIssued(4));
    expect(before['business.nextInvoiceNumber']).toBe('5');
    const lowered = { ...before, 'business.nextInvoiceNumber': '2' };
    const outcome = await saveAll(lowered, '', await readSettings());
    expect(outcome.settings?.business.nextInvoiceNumber).toBe(5);
    expect(outcome.settings && numberNoteAfterSave(lowered, before, outcome.settings)).toBe(
      'INV-0004 is already issued, so the next invoice is INV-0005: numbers are never reused.',
    );
    // Untouched, the field just shows the next number: nothing to explain.
    expect(outcome.settings && numberNoteAfterSave(before, before, outcome.settings)).toBe(
      undefined,
    );
    // Typed at or above the issued ones, it is kept as typed.
    const higher = { ...before, 'business.nextInvoiceNumber': '9' };
    const kept = await saveAll(higher, '', await readSettings());
    expect(kept.settings?.business.nextInvoiceNumber).toBe(9);
    expect(kept.settings && numberNoteAfterSave(higher, before, kept.settings)).toBeUndefined();
  });

  it('says so when a prefix already used raises the number', async () => {
    await seedIssued(7, 'A-');
    const stored = await readSettings();
    const before = valuesOf(stored);
    const renamed = {
      ...before,
      'business.invoicePrefix': 'A-',
      'business.nextInvoiceNumber': '1',
    };
    const outcome = await saveAll(renamed, '', stored);
    expect(outcome.settings?.business.nextInvoiceNumber).toBe(8);
    expect(outcome.settings && numberNoteAfterSave(renamed, before, outcome.settings)).toBe(
      'A-0007 is already issued, so the next invoice is A-0008: numbers are never reused.',
    );
  });
});

describe('the logo', () => {
  it('is sent only when it changed, and removed with null', async () => {
    const stored = await readSettings();
    const values = valuesOf(stored);
    await saveAll(values, '', stored, undefined, '', { saved: null, current: LOGO });
    expect(sent).toEqual(['saveSettings', 'saveLogo']);
    expect(await ask('getLogo')).toEqual({ ok: true, logo: LOGO });

    sent = [];
    await saveAll(values, '', stored, undefined, '', { saved: LOGO, current: LOGO });
    expect(sent).toEqual(['saveSettings']);

    const removed = await saveAll(values, '', stored, undefined, '', {
      saved: LOGO,
      current: null,
    });
    expect(removed.logoSaved).toBe(true);
    expect(await ask('getLogo')).toEqual({ ok: true, logo: null });
  });

  it('is saved for the profile the page shows', async () => {
    const stored = await readSettings();
    const added = (await browser.runtime.sendMessage({ type: 'addProfile', name: 'Studio B' })) as {
      state: { activeProfileId: string };
    };
    const profileId = added.state.activeProfileId;
    await saveAll(valuesOf(stored), '', stored, profileId, '', { saved: null, current: LOGO });
    expect(await browser.runtime.sendMessage({ type: 'getLogo', profileId })).toEqual({
      ok: true,
      logo: LOGO,
    });
    expect(await browser.runtime.sendMessage({ type: 'getLogo', profileId: 'default' })).toEqual({
      ok: true,
      logo: null,
    });
  });

  it('that the background refuses is an alert, and stays unsaved', async () => {
    const stored = await readSettings();
    const outcome = await saveAll(valuesOf(stored), '', stored, undefined, '', {
      saved: null,
      current: 'data:text/html;base64,PHNjcmlwdD4=',
    });
    expect(outcome.logoSaved).toBe(false);
    expect(outcome.alerts).toHaveLength(1);
    expect(await ask('getLogo')).toEqual({ ok: true, logo: null });
  });
});

/** Stored settings as creates leave them: `value` issued under `prefix`. */
async function seedIssued(value: number, prefix = 'INV-'): Promise<Settings> {
  const [profile] = DEFAULT_STORED_SETTINGS.profiles;
  if (profile === undefined) throw new Error('no default profile');
  const business = {
    ...profile.business,
    ...(prefix === profile.business.invoicePrefix ? { nextInvoiceNumber: value + 1 } : {}),
  };
  await settingsItem.setValue({ ...DEFAULT_STORED_SETTINGS, profiles: [{ ...profile, business }] });
  await writeHighWater({ [prefix]: value });
  return readSettings();
}

function ask(type: 'getLogo'): Promise<unknown> {
  return browser.runtime.sendMessage({ type });
}

describe('saving Payment terms (Settings → Invoices)', () => {
  it('keeps the profile’s terms as days, trimmed, and shows them back', async () => {
    const stored = await readSettings();
    expect(valuesOf(stored).paymentTerms).toBe('30');
    const outcome = await saveAll(typed(stored, { paymentTerms: ' 45 ' }), '', stored);
    expect(outcome.errors).toEqual({});
    expect((await readSettings()).paymentTerms).toBe('45');
    expect(outcome.settings && valuesOf(outcome.settings).paymentTerms).toBe('45');
  });

  it('refuses terms past a year, or not in whole days, beside the field, saving nothing', async () => {
    const stored = await readSettings();
    for (const paymentTerms of ['366', '7.5', '']) {
      const outcome = await saveAll(typed(stored, { paymentTerms }), '', stored);
      expect(outcome.errors).toEqual({
        paymentTerms: 'Enter a whole number of days from 0 to 365.',
      });
    }
    expect((await readSettings()).paymentTerms).toBe('30');
  });
});
