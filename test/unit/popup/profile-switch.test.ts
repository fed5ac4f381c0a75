import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  draftAfterSwitch,
  profileChangedElsewhere,
  profileOptionText,
  rememberShownProfile,
  switchNotice,
  viewAfterSwitch,
} from '../../../entrypoints/popup/header/profile-switch.ts';
import { EMPTY_ITEM, emptyDraft, type Draft } from '../../../lib/draft.ts';
import type { State } from '../../../lib/messages.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings.ts';

const test: Settings = { ...DEFAULT_SETTINGS, currency: 'usdt', network: 'tron' };
const live: Settings = {
  ...DEFAULT_SETTINGS,
  currency: 'twd',
  network: 'polygon',
  successUrl: 'https://shop-b.example/thanks',
};

function typed(overrides: Partial<Draft> = {}): Draft {
  return {
    ...emptyDraft(test, 'INV-9'),
    items: [{ name: 'Logo design', description: '', unitPrice: '120', quantity: '1' }],
    ...overrides,
  };
}

function state(key: State['key']): State {
  return {
    settings: live,
    key,
    lastCreate: null,
    profiles: [],
    activeProfileId: 'p2',
    formChoice: null,
  };
}

describe('the draft after a profile switch', () => {
  it('keeps the items and reference, and takes the new defaults the user had not changed', () => {
    expect(draftAfterSwitch(typed(), test, live)).toEqual({
      ...typed(),
      network: 'polygon',
      successUrl: 'https://shop-b.example/thanks',
    });
  });

  it('never changes the currency of prices already typed to the new profile default, and says so', () => {
    const draft = typed({
      items: [
        { name: 'Design', description: '', unitPrice: '9000', quantity: '1' },
        { name: 'Build', description: '', unitPrice: '3000', quantity: '1' },
      ],
    });
    expect(draftAfterSwitch(draft, test, live).currency).toBe('usdt');
    expect(switchNotice(draft, test, live, 'Shop B')).toBe(
      'The currency stays USDT for the prices you typed; “Shop B” defaults to TWD.',
    );
  });

  it('takes the new default currency while no price is typed, with nothing to say', () => {
    const draft = typed({ items: [{ ...EMPTY_ITEM, name: 'Logo design' }] });
    expect(draftAfterSwitch(draft, test, live).currency).toBe('twd');
    expect(switchNotice(draft, test, live, 'Shop B')).toBeUndefined();
    expect(switchNotice(null, test, live, 'Shop B')).toBeUndefined();
  });

  it('keeps a currency or network the user chose', () => {
    const chosen = typed({ currency: 'usd', network: 'bsc' });
    expect(draftAfterSwitch(chosen, test, live)).toMatchObject({
      currency: 'usd',
      network: 'bsc',
      successUrl: 'https://shop-b.example/thanks',
    });
  });

  it('starts a fresh draft with the new defaults when nothing was typed', () => {
    expect(draftAfterSwitch(null, test, live)).toMatchObject({
      currency: 'twd',
      network: 'polygon',
    });
  });
});

describe('the view after a profile switch', () => {
  const form = { kind: 'form', draft: typed(), error: null } as const;

  it('shows the form with the notice of a kept currency', () => {
    const view = viewAfterSwitch(form, state({ set: true, mode: 'live' }), typed(), 'Kept.');
    expect(view).toEqual({ kind: 'form', draft: typed(), error: null, notice: 'Kept.' });
  });

  it('shows the form with the carried draft when the new profile has a key', () => {
    const draft = typed({ currency: 'twd' });
    expect(viewAfterSwitch(form, state({ set: true, mode: 'live' }), draft)).toEqual({
      kind: 'form',
      draft,
      error: null,
    });
  });

  it('asks for a key, or to unlock it, when the new profile needs that first', () => {
    expect(viewAfterSwitch(form, state({ set: false, mode: 'unknown' }), typed())).toEqual({
      kind: 'noKey',
    });
    const locked = state({ set: true, mode: 'test', lock: 'locked' });
    expect(viewAfterSwitch(form, locked, typed())).toEqual({ kind: 'locked' });
  });

  it('leaves a link being made on screen', () => {
    const pending = { kind: 'pending', requestId: 'r', startedAt: 1, draft: typed() } as const;
    expect(viewAfterSwitch(pending, state({ set: true, mode: 'live' }), typed())).toBe(pending);
  });
});

describe('the profile choice text', () => {
  const words = {
    test: 'test',
    live: 'live',
    option: (name: string, mode: string) => `${name} · ${mode}`,
  };

  it('names the key’s mode once it is known', () => {
    const profile = { id: 'p', name: 'Shop B', key: { set: true, mode: 'live' as const } };
    expect(profileOptionText(profile, words)).toBe('Shop B · live');
    expect(profileOptionText({ ...profile, key: { set: true, mode: 'unknown' } }, words)).toBe(
      'Shop B',
    );
    expect(profileOptionText({ ...profile, key: { set: false, mode: 'unknown' } }, words)).toBe(
      'Shop B',
    );
  });
});

describe('a profile changed outside the popup', () => {
  const profiles: State['profiles'] = [
    { id: 'p1', name: 'Studio', key: { set: true, mode: 'test' } },
    { id: 'p2', name: 'Shop B', key: { set: true, mode: 'live' } },
  ];
  const using = (activeProfileId: string, all = profiles): State => ({
    ...state({ set: true, mode: 'test' }),
    profiles: all,
    activeProfileId,
  });

  beforeEach(() => {
    const memory = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => memory.get(key) ?? null,
      setItem: (key: string, value: string) => void memory.set(key, value),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is said once when the popup opens on another profile than it last showed', () => {
    expect(profileChangedElsewhere(using('p1'))).toBeUndefined();
    expect(profileChangedElsewhere(using('p1'))).toBeUndefined();
    expect(profileChangedElsewhere(using('p2'))).toBe(
      'Now using the profile “Shop B”: it was chosen in Settings or another window.',
    );
    expect(profileChangedElsewhere(using('p2'))).toBeUndefined();
  });

  it("is not said after the popup's own switch, nor with one profile", () => {
    expect(profileChangedElsewhere(using('p1'))).toBeUndefined();
    rememberShownProfile('p2');
    expect(profileChangedElsewhere(using('p2'))).toBeUndefined();
    rememberShownProfile('gone');
    expect(profileChangedElsewhere(using('p1', profiles.slice(0, 1)))).toBeUndefined();
  });
});
