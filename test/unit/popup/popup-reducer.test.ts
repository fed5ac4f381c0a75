import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../lib/draft.ts';
import type { SessionRecord } from '../../../lib/history.ts';
import type { State } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import {
  initialPopup,
  popupReducer,
  stateAfterCreate,
  type Popup,
} from '../../../entrypoints/popup/popup-reducer.ts';
import type { View } from '../../../entrypoints/popup/view.ts';

const session: SessionRecord = {
  id: 'cs_1',
  url: 'https://buy.payfect.finance/checkouts/cs_1',
  status: 'open',
  amountTotal: '20.00',
  currency: 'usdt',
  network: 'tron',
  networkName: 'Tron (TRC20)',
  items: [{ name: 'Logo', description: '', unitAmount: '20', quantity: 1 }],
  reference: 'INV-0001',
  invoiceNumber: 'INV-0001',
  createdAt: 0,
  expiresAt: 1,
  isLivemode: true,
  lastChecked: 0,
  statusChangedAt: 0,
  baseUrl: 'https://api.payfect.finance/api/v1',
};

function state(overrides: Partial<State> = {}): State {
  return {
    settings: DEFAULT_SETTINGS,
    key: { set: true, last4: '4f2a', mode: 'unknown' },
    lastCreate: null,
    profiles: [{ id: 'default', name: 'Default', key: { set: true, last4: '4f2a', mode: 'test' } }],
    activeProfileId: 'default',
    formChoice: null,
    ...overrides,
  };
}

const draft = { ...emptyDraft(DEFAULT_SETTINGS, ''), reference: 'typed' };
const form: View = { kind: 'form', draft, error: null };

function popup(overrides: Partial<Popup> = {}): Popup {
  return { ...initialPopup({ state: state(), view: form }), ...overrides };
}

describe('the popup as events change it', () => {
  it('starts on Loading… without a first load, on its view with one', () => {
    expect(initialPopup().view).toEqual({ kind: 'loading' });
    expect(popup().view).toBe(form);
    expect(popup()).toMatchObject({ tab: 'create', historyOpened: false, formKey: 0 });
  });

  it('keeps a hydrated form drawn when told so, and draws it anew otherwise', () => {
    const loaded: View = { kind: 'noKey' };
    const kept = popupReducer(popup(), {
      type: 'loaded',
      state: state(),
      view: loaded,
      hydration: 'kept',
    });
    expect(kept.view).toBe(form);
    const replaced = popupReducer(popup(), {
      type: 'loaded',
      state: state(),
      view: loaded,
      hydration: 'replaced',
    });
    expect(replaced).toMatchObject({ view: loaded, formKey: 1 });
    expect(popupReducer(popup(), { type: 'loaded', state: null, view: loaded }).formKey).toBe(0);
  });

  it('loads again on retry, showing Loading… meanwhile', () => {
    expect(popupReducer(popup(), { type: 'retry' })).toMatchObject({
      view: { kind: 'loading' },
      attempt: 1,
    });
  });

  it('shows a link made with whether it was copied, and learns what the link says', () => {
    const next = popupReducer(popup(), {
      type: 'created',
      requestId: 'r1',
      session,
      copied: false,
    });
    expect(next.view).toEqual({ kind: 'result', requestId: 'r1', session, autoCopy: 'failed' });
    expect(next.state?.key).toMatchObject({ mode: 'live', liveLinkMade: true });
    expect(next.state?.lastCreate).toEqual({ state: 'done', requestId: 'r1', session, seen: true });
    expect(next.state?.settings.business.nextInvoiceNumber).toBe(
      DEFAULT_SETTINGS.business.nextInvoiceNumber + 1,
    );
  });

  it('goes back to the pending create’s form when it fails, and only then', () => {
    const pending = popupReducer(popup(), {
      type: 'pending',
      requestId: 'r1',
      startedAt: 5,
      draft,
    });
    expect(pending.view).toEqual({ kind: 'pending', requestId: 'r1', startedAt: 5, draft });
    const error = { message: 'Lost.', fields: {}, openSettings: false };
    expect(popupReducer(pending, { type: 'pendingFailed', error }).view).toEqual({
      kind: 'form',
      draft,
      error,
    });
    const onForm = popup();
    expect(popupReducer(onForm, { type: 'pendingFailed', error })).toBe(onForm);
  });

  it('offers the last link again, and New link on a result starts an empty form', () => {
    const withLast = popup({
      state: state({ lastCreate: { state: 'done', requestId: 'r1', session, seen: true } }),
    });
    const shown = popupReducer(withLast, { type: 'showLast' });
    expect(shown.view).toEqual({ kind: 'result', requestId: 'r1', session, autoCopy: 'none' });
    const fresh = popupReducer(shown, { type: 'activateTab', tab: 'create' });
    expect(fresh.view.kind === 'form' && fresh.view.draft.reference).toBe('');
    // On a form, the tab only: what was typed stays.
    expect(popupReducer(popup(), { type: 'activateTab', tab: 'create' }).view).toBe(form);
    expect(popupReducer(popup(), { type: 'showLast' }).view).toBe(form);
  });

  it('keeps History mounted once opened', () => {
    const opened = popupReducer(popup(), { type: 'selectTab', tab: 'history' });
    const back = popupReducer(opened, { type: 'selectTab', tab: 'create' });
    expect(back).toMatchObject({ tab: 'create', historyOpened: true });
  });

  it('mounts a new form after a profile switch, with the carried draft and notice', () => {
    const next = popupReducer(popup(), {
      type: 'switched',
      state: state({ activeProfileId: 'b' }),
      draft,
      notice: 'Now Shop B.',
    });
    expect(next).toMatchObject({ formKey: 1, view: { kind: 'form', notice: 'Now Shop B.' } });
    expect(next.state?.activeProfileId).toBe('b');
  });
});

describe('the state after a create', () => {
  it('takes the link’s currency and network as the next form’s choice', () => {
    const after = stateAfterCreate(state(), 'r1', {
      ...session,
      currency: 'USD',
      isLivemode: false,
    });
    expect(after.formChoice).toMatchObject({ currency: 'usd', network: 'tron' });
    expect(after.key.mode).toBe('test');
    expect(after.key.liveLinkMade).toBeUndefined();
  });
});
