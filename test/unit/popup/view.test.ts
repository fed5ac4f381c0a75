import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../lib/draft.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import type { State } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { initialView } from '../../../entrypoints/popup/view.ts';

const session: SessionRecord = {
  id: 'cs_1',
  url: 'https://buy.payfect.finance/checkouts/cs_1',
  status: 'open',
  amountTotal: '20.00',
  currency: 'usdt',
  network: 'tron',
  networkName: 'Tron (TRC20)',
  items: [{ name: 'Logo', description: '', unitAmount: '20', quantity: 1 }],
  reference: 'INV-1',
  createdAt: 0,
  expiresAt: 1,
  isLivemode: false,
  lastChecked: 0,
  statusChangedAt: 0,
  baseUrl: 'https://api.payfect.finance/api/v1',
};

function state(overrides: Partial<State>): State {
  return {
    settings: DEFAULT_SETTINGS,
    key: { set: true, last4: '4f2a', mode: 'test' },
    lastCreate: null,
    profiles: [{ id: 'default', name: 'Default', key: { set: true, last4: '4f2a', mode: 'test' } }],
    activeProfileId: 'default',
    formChoice: null,
    ...overrides,
  };
}

describe('the view the popup opens on', () => {
  it('is the form with the stored draft when a key is set', () => {
    const draft = emptyDraft(DEFAULT_SETTINGS, 'INV-7');
    expect(initialView(state({}), draft)).toEqual({ kind: 'form', draft, error: null });
  });

  it('keeps the currency a draft was typed in after the default currency changed in Settings', () => {
    const typed = {
      ...emptyDraft(DEFAULT_SETTINGS, 'INV-7'),
      items: [{ name: 'Logo', description: '', unitPrice: '9000', quantity: '1' }],
    };
    const view = initialView(state({ settings: { ...DEFAULT_SETTINGS, currency: 'twd' } }), typed);
    expect(view.kind === 'form' && view.draft.currency).toBe('usdt');
  });

  it('is a new form once the last link was seen, not that link again', () => {
    const view = initialView(
      state({ lastCreate: { state: 'done', requestId: 'r1', session, seen: true } }),
      null,
    );
    expect(view.kind).toBe('form');
  });

  it("starts a new form in the profile's last currency and network until Settings' defaults change", () => {
    const networks = [...DEFAULT_SETTINGS.networks, { value: 'ethereum', name: 'Ethereum' }];
    const settings = { ...DEFAULT_SETTINGS, networks };
    const formChoice = {
      currency: 'twd',
      network: 'ethereum',
      defaults: { currency: 'usdt', network: 'tron' },
    };
    const chosen = initialView(state({ settings, formChoice }), null);
    expect(chosen.kind === 'form' && [chosen.draft.currency, chosen.draft.network]).toEqual([
      'twd',
      'ethereum',
    ]);
    // The default changed in Settings since: Settings wins.
    const changed = initialView(
      state({ settings: { ...settings, currency: 'usd' }, formChoice }),
      null,
    );
    expect(changed.kind === 'form' && changed.draft.currency).toBe('usd');
    // A network the profile no longer offers, or a currency the form has not: ignored.
    const gone = initialView(state({ formChoice }), null);
    expect(gone.kind === 'form' && [gone.draft.currency, gone.draft.network]).toEqual([
      'usdt',
      'tron',
    ]);
    const odd = initialView(
      state({ settings, formChoice: { ...formChoice, currency: 'doge' } }),
      null,
    );
    expect(odd.kind === 'form' && odd.draft.currency).toBe('usdt');
  });

  it('is a fresh form with an empty reference (the invoice number) when nothing was typed', () => {
    const view = initialView(state({}), null);
    expect(view.kind === 'form' && view.draft.reference).toBe('');
  });

  it('asks for a key when none is saved', () => {
    expect(initialView(state({ key: { set: false, mode: 'unknown' } }), null)).toEqual({
      kind: 'noKey',
    });
  });

  it('waits for a create that an earlier popup started', () => {
    const view = initialView(
      state({ lastCreate: { state: 'pending', requestId: 'r1', startedAt: 5 } }),
      null,
    );
    expect(view).toMatchObject({ kind: 'pending', requestId: 'r1', startedAt: 5 });
  });

  it('shows a link created while the popup was closed, even without a key now', () => {
    const view = initialView(
      state({
        key: { set: false, mode: 'unknown' },
        lastCreate: { state: 'done', requestId: 'r1', session },
      }),
      null,
    );
    expect(view).toEqual({ kind: 'result', requestId: 'r1', session, autoCopy: 'none' });
  });

  it('shows a failure from an earlier popup on the form, with the way to Settings', () => {
    const view = initialView(
      state({
        lastCreate: {
          state: 'failed',
          requestId: 'r1',
          error: { kind: 'auth', message: 'Payfect rejected the API key' },
        },
      }),
      null,
    );
    expect(view).toMatchObject({
      kind: 'form',
      error: { message: 'Payfect rejected the API key', openSettings: true, fields: {} },
    });
  });
});
