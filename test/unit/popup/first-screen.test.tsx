import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveApiKey, setPassphrase } from '../../../entrypoints/background/key-store.ts';
import { getState } from '../../../entrypoints/background/state.ts';
import { fieldId } from '../../../components/Field.tsx';
import { ITEM_FIELDS, itemKey, TOP_FIELDS } from '../../../entrypoints/popup/form/draft-edit.ts';
import {
  nextFirstScreen,
  sameDraft,
  typedDraft,
} from '../../../entrypoints/popup/start/first-screen.ts';
import { renderFirstScreen } from '../../../entrypoints/popup/start/render-first-screen.tsx';
import { emptyDraft, type Draft } from '../../../lib/draft.ts';
import type { State } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';
import { session } from '../factories.ts';

/*
 * What a popup keeps for the next one to open on (entrypoints/popup/start/first-screen.ts): only
 * a plain form, exactly as that popup's initialView will find it, rendered to the HTML
 * popup-boot draws and React then hydrates.
 */

const DRAFT: Draft = {
  ...emptyDraft(DEFAULT_SETTINGS, ''),
  items: [{ name: 'Logo design', description: '', unitPrice: '120.5', quantity: '2' }],
};

let state: State;

beforeEach(async () => {
  fakeBrowser.reset();
  await saveApiKey('pk_test_first_screen_0001');
  state = await getState();
});

describe('the first screen kept for the next popup', () => {
  it('is the form with the stored draft, from the state as it is but for the key digits', () => {
    const key = { ...state.key };
    delete key.last4;
    expect(nextFirstScreen(state, 'form', DRAFT)).toEqual({
      state: { ...state, key, profiles: state.profiles.map((p) => ({ ...p, key })) },
      draft: DRAFT,
    });
  });

  it('keeps no business details and no characters of the key, only the numbering', () => {
    const business = {
      ...state.settings.business,
      name: 'Lin Studio Ltd',
      address: '12 Harbour Road, Taipei',
      taxId: 'TW-12345678',
      email: 'billing@lin.example',
      footer: 'Bank: 0123-456',
      invoicePrefix: 'LS-',
      nextInvoiceNumber: 42,
    };
    const withDetails: State = { ...state, settings: { ...state.settings, business } };
    const kept = JSON.stringify(nextFirstScreen(withDetails, 'form', DRAFT));
    for (const secret of ['Lin Studio', 'Harbour', '12345678', 'billing@', '0123-456', '0001']) {
      expect(kept).not.toContain(secret);
    }
    expect(state.key.last4).toBe('0001');
    const screen = nextFirstScreen(withDetails, 'form', DRAFT);
    expect(screen?.state.settings.business).toMatchObject({
      invoicePrefix: 'LS-',
      nextInvoiceNumber: 42,
    });
  });

  it('is a new form in the last link’s currency when no draft is stored', () => {
    const screen = nextFirstScreen({ ...state, formChoice: null }, 'form', null);
    expect(screen?.draft).toEqual(emptyDraft(DEFAULT_SETTINGS, ''));
  });

  it('is a new form after a result on screen, which the next popup finds seen', () => {
    const made = session();
    const shown: State = {
      ...state,
      lastCreate: { state: 'done', requestId: 'r1', session: made },
    };
    const screen = nextFirstScreen(shown, 'result', null);
    expect(screen?.state.lastCreate).toEqual({
      state: 'done',
      requestId: 'r1',
      session: made,
      seen: true,
    });
    // Closed before it was shown, the next popup opens on the result: no form is kept.
    expect(nextFirstScreen(shown, 'form', DRAFT)).toBeNull();
  });

  it('is nothing while a create is under way, or once one failed', () => {
    expect(nextFirstScreen(state, 'pending', DRAFT)).toBeNull();
    expect(nextFirstScreen(state, 'loading', DRAFT)).toBeNull();
    const failed: State = {
      ...state,
      lastCreate: {
        state: 'failed',
        requestId: 'r2',
        error: { kind: 'network', message: 'Payfect could not be reached.' },
      },
    };
    expect(nextFirstScreen(failed, 'form', DRAFT)).toBeNull();
  });

  it('is nothing without a key, or for a key with a passphrase (it may be locked by then)', async () => {
    expect(nextFirstScreen(null, 'form', DRAFT)).toBeNull();
    expect(
      nextFirstScreen({ ...state, key: { set: false, mode: 'unknown' } }, 'noKey', null),
    ).toBeNull();
    await setPassphrase('correct horse battery');
    const locked = await getState();
    expect(locked.key.lock).toBe('unlocked');
    expect(nextFirstScreen(locked, 'form', DRAFT)).toBeNull();
  });
});

describe('the first screen as HTML', () => {
  it('is the form with the draft typed in, the caret’s field marked to focus', () => {
    const html = renderFirstScreen({ state, draft: DRAFT });
    expect(html).toContain('<form class="create-form"');
    expect(html).toMatch(/autofocus="" id="field-items-0-name" type="text" value="Logo design"/);
    expect(html).toMatch(/id="field-items-0-quantity" type="text" value="2"/);
    expect(html).toContain('241.00');
    expect(html).toContain('Create link');
  });

  it('offers Last link on an empty form, as the hydrated form will', () => {
    const made = session({ amountTotal: '75.00', currency: 'usdt' });
    const html = renderFirstScreen({
      state: {
        ...state,
        lastCreate: { state: 'done', requestId: 'r1', session: made, seen: true },
      },
      draft: emptyDraft(DEFAULT_SETTINGS, ''),
    });
    expect(html).toContain('Last link: 75.00 USDT');
  });
});

describe('the same draft, as the user sees it', () => {
  it('takes a client field left out (drafts before invoices, a new form) as empty', () => {
    const fresh = emptyDraft(DEFAULT_SETTINGS, '');
    expect(sameDraft(fresh, { ...fresh, clientName: '', clientEmail: '', clientAddress: '' })).toBe(
      true,
    );
    expect(sameDraft(fresh, { ...fresh, clientName: 'Acme' })).toBe(false);
  });

  it('ignores the order of the keys, not a value of any item', () => {
    const { items, ...rest } = DRAFT;
    expect(sameDraft(DRAFT, { ...rest, items })).toBe(true);
    const [first] = items;
    if (!first) throw new Error('DRAFT has an item');
    expect(sameDraft(DRAFT, { ...DRAFT, items: [{ ...first, quantity: '3' }] })).toBe(false);
    expect(sameDraft(DRAFT, null)).toBe(false);
    expect(sameDraft(null, null)).toBe(true);
  });
});

describe('what was typed before hydration', () => {
  /** The ids of the form's own fields (inputs, selects, text areas) in the first screen. */
  function formFieldIds(html: string): string[] {
    return [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\sid="(field-[^"]+)"/g)]
      .map((match) => match[1] ?? '')
      .sort();
  }

  it('is read from exactly the fields the first screen draws: none left out, none extra', () => {
    const draft: Draft = { ...DRAFT, items: [...DRAFT.items, ...DRAFT.items] };
    const html = renderFirstScreen({ state, draft });
    const adopted = [
      ...TOP_FIELDS.map((key) => fieldId(key)),
      ...draft.items.flatMap((_, index) =>
        ITEM_FIELDS.map((field) => fieldId(itemKey(index, field))),
      ),
    ].sort();
    expect(formFieldIds(html)).toEqual(adopted);
  });

  it('is adopted in every one of those fields, the rest of the draft kept', () => {
    const typed = typedDraft(DRAFT, (id) => `typed in ${id}`);
    for (const key of TOP_FIELDS) expect(typed[key]).toBe(`typed in ${fieldId(key)}`);
    for (const field of ITEM_FIELDS) {
      expect(typed.items[0]?.[field]).toBe(`typed in ${fieldId(itemKey(0, field))}`);
    }
    expect(
      sameDraft(
        typedDraft(DRAFT, () => undefined),
        DRAFT,
      ),
    ).toBe(true);
  });
});
