import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_ITEM, type Draft } from '../../../lib/draft.ts';
import { draftTotal } from '../../../lib/draft.ts';
import {
  draftWithTemplate,
  EXPORT_FORMAT,
  itemsFromDraft,
  mergeImport,
  parseImport,
  renamed,
  searchTemplates,
  templateFromDraft,
  templateSummary,
  templateTotal,
  toJson,
  validTemplates,
  withCurrency,
  withoutTemplate,
  withTemplate,
  type Template,
} from '../../../lib/saved-items.ts';
import { readSavedItems, savedItemsItem, updateSavedItems } from '../../../storage/saved-items.ts';
import { migrate as templatesToV2 } from '../../../storage/migrations/saved-items/002.ts';

const NOW = 1_780_000_000_000;

function template(name: string, overrides: Partial<Template> = {}): Template {
  return {
    id: `id-${name}`,
    name,
    items: [{ name: `${name} work`, description: '', unitPrice: '100', quantity: 1 }],
    currency: 'usdt',
    createdAt: NOW,
    ...overrides,
  };
}

function draft(items: Draft['items']): Draft {
  return {
    items,
    currency: 'usdt',
    network: 'tron',
    reference: '',
    successUrl: '',
    cancelUrl: '',
    callbackUrl: '',
  };
}

function file(items: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 2, items, ...extra });
}

/** A template as version 1 stored or exported it: no currency. */
function withoutCurrency({ currency: _currency, ...rest }: Template): Omit<Template, 'currency'> {
  return rest;
}

const WEBSITE = template('Website', {
  items: [
    { name: 'Design', description: '', unitPrice: '9000', quantity: 1 },
    { name: 'Build', description: '', unitPrice: '3000', quantity: 1 },
  ],
  currency: 'twd',
});

function entry(name: string, unitPrice: unknown = '10', quantity: unknown = 1): unknown {
  return { name, items: [{ name: 'Work', description: '', unitPrice, quantity }] };
}

describe('validTemplates', () => {
  it('keeps valid templates and drops broken entries and later duplicate names', () => {
    const good = template('Logo');
    const stored = [
      good,
      {
        ...template('Bad price'),
        items: [{ name: 'x', description: '', unitPrice: '1.2.3', quantity: 1 }],
      },
      { ...template('Zero'), items: [{ name: 'x', description: '', unitPrice: '0', quantity: 1 }] },
      { ...template('No items'), items: [] },
      { ...template('logo'), id: 'other' },
      'junk',
      null,
    ];
    expect(validTemplates(stored)).toEqual([good]);
  });

  it('reads anything that is not a list as no templates', () => {
    expect(validTemplates({ items: [] })).toEqual([]);
    expect(validTemplates(undefined)).toEqual([]);
  });

  it('reads a template stored without a currency as one whose currency is not set', () => {
    expect(validTemplates([withoutCurrency(WEBSITE)])).toEqual([{ ...WEBSITE, currency: null }]);
  });

  it('drops a template in a currency the form does not offer rather than guess its unit', () => {
    expect(validTemplates([{ ...WEBSITE, currency: 'eur' }])).toEqual([]);
  });
});

describe('the version 2 migration of the stored templates', () => {
  it('marks every template saved without a currency as not set, and keeps everything else', () => {
    const kept = { ...WEBSITE };
    expect(templatesToV2([withoutCurrency(WEBSITE), kept, 'junk'])).toEqual([
      { ...WEBSITE, currency: null },
      kept,
      'junk',
    ]);
    expect(templatesToV2('not a list')).toBe('not a list');
  });
});

describe('templateSummary', () => {
  it('shows the currency beside the total', () => {
    expect(templateSummary(WEBSITE)).toBe('2 items · 12,000.00 TWD');
  });

  it('marks a template whose currency is not set', () => {
    expect(templateSummary({ ...WEBSITE, currency: null })).toBe(
      '2 items · 12,000.00 · currency not set',
    );
  });
});

describe('editing the list', () => {
  it('adds a new name and replaces the same name, whatever its case, keeping its id', () => {
    const list = withTemplate([template('Logo')], template('Hosting'));
    expect(list.map((t) => t.name)).toEqual(['Logo', 'Hosting']);
    const replacement = template('LOGO', {
      id: 'new',
      items: [{ name: 'New', description: '', unitPrice: '5', quantity: 2 }],
    });
    const replaced = withTemplate(list, replacement);
    expect(replaced).toHaveLength(2);
    expect(replaced[0]).toMatchObject({ id: 'id-Logo', name: 'LOGO', items: replacement.items });
  });

  it('renames, refusing an empty, too long or taken name', () => {
    const list = [template('Logo'), template('Hosting')];
    const result = renamed(list, 'id-Logo', '  Brand kit ', NOW + 1);
    expect(result.ok && result.value[0]).toMatchObject({ name: 'Brand kit', updatedAt: NOW + 1 });
    expect(renamed(list, 'id-Logo', '  ', NOW)).toEqual({ ok: false, error: 'empty' });
    expect(renamed(list, 'id-Logo', 'x'.repeat(61), NOW)).toEqual({ ok: false, error: 'too_long' });
    expect(renamed(list, 'id-Logo', 'hosting', NOW)).toEqual({ ok: false, error: 'taken' });
    expect(renamed(list, 'id-Logo', 'Logo\u202Etik', NOW)).toEqual({ ok: false, error: 'hidden' });
    expect(renamed(list, 'id-Logo', 'logo', NOW).ok).toBe(true);
  });

  it('removes by id', () => {
    expect(withoutTemplate([template('Logo'), template('Hosting')], 'id-Logo')).toEqual([
      template('Hosting'),
    ]);
  });
});

describe('searchTemplates', () => {
  const list = [
    template('Website audit'),
    template('Logo design'),
    template('Retainer', {
      items: [{ name: 'Logo tweaks', description: '', unitPrice: '10', quantity: 1 }],
    }),
    template('Brand logo'),
  ];

  it('finds by name or item name, case-insensitively, name prefixes first', () => {
    expect(searchTemplates(list, 'LOGO').map((t) => t.name)).toEqual([
      'Logo design',
      'Brand logo',
      'Retainer',
    ]);
  });

  it('lists every template alphabetically for empty text, and none for no match', () => {
    expect(searchTemplates(list, ' ').map((t) => t.name)).toEqual([
      'Brand logo',
      'Logo design',
      'Retainer',
      'Website audit',
    ]);
    expect(searchTemplates(list, 'hosting')).toEqual([]);
  });
});

describe('templateTotal', () => {
  it('sums price × quantity exactly', () => {
    const items = [
      { name: 'a', description: '', unitPrice: '0.1', quantity: 3 },
      { name: 'b', description: '', unitPrice: '9.99', quantity: 12 },
    ];
    expect(templateTotal(template('x', { items }))).toBe('120.18');
  });
});

describe('itemsFromDraft', () => {
  it('returns the items with canonical prices and whole quantities', () => {
    const result = itemsFromDraft(
      draft([
        { name: ' Logo ', description: 'Two rounds', unitPrice: '120.50', quantity: '1' },
        { name: 'Hosting', description: '', unitPrice: '9.99', quantity: '12' },
      ]),
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { name: 'Logo', description: 'Two rounds', unitPrice: '120.5', quantity: 1 },
        { name: 'Hosting', description: '', unitPrice: '9.99', quantity: 12 },
      ],
    });
  });

  it('returns only the item errors, whatever else is wrong in the form', () => {
    const result = itemsFromDraft({
      ...draft([{ name: '', description: '', unitPrice: '1.2.3', quantity: '1' }]),
      successUrl: 'not a url',
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.error).sort()).toEqual(['items.0.name', 'items.0.unitPrice']);
  });

  it('returns valid items whatever other field is wrong: a bad Client email or PO number', () => {
    const typed = draft([{ name: 'Logo', description: '', unitPrice: '120', quantity: '1' }]);
    for (const wrong of [
      { clientEmail: 'not an email' },
      { clientName: 'Acme\u202E' },
      { reference: 'R'.repeat(101) },
      { successUrl: 'not a url' },
      { network: '' },
    ]) {
      expect(itemsFromDraft({ ...typed, ...wrong })).toEqual({
        ok: true,
        value: [{ name: 'Logo', description: '', unitPrice: '120', quantity: 1 }],
      });
    }
  });
});

describe('templateFromDraft', () => {
  it('keeps the currency the form is in with the items', () => {
    const typed = draft([{ name: 'Design', description: '', unitPrice: '9000', quantity: '1' }]);
    expect(templateFromDraft({ ...typed, currency: 'twd' })).toEqual({
      ok: true,
      value: {
        items: [{ name: 'Design', description: '', unitPrice: '9000', quantity: 1 }],
        currency: 'twd',
      },
    });
  });

  it('marks the currency instead of saving items whose currency is not chosen', () => {
    const typed = draft([{ name: 'Design', description: '', unitPrice: '9000', quantity: '1' }]);
    const result = templateFromDraft({ ...typed, currency: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error)).toEqual(['currency']);
  });
});

describe('draftWithTemplate', () => {
  const pick = template('Pack', {
    items: [
      { name: 'A', description: 'd', unitPrice: '1.5', quantity: 2 },
      { name: 'B', description: '', unitPrice: '3', quantity: 1 },
    ],
  });

  it('replaces a form holding one empty item', () => {
    const picked = draftWithTemplate(draft([{ ...EMPTY_ITEM }]), pick);
    expect(picked.ok && picked.value.replaced).toBe(true);
    expect(picked.ok && picked.value.draft.items).toEqual([
      { name: 'A', description: 'd', unitPrice: '1.5', quantity: '2' },
      { name: 'B', description: '', unitPrice: '3', quantity: '1' },
    ]);
    expect(picked.ok && picked.value.currencyChangedFrom).toBeUndefined();
  });

  it('adds after items already typed, and refuses to pass 20 items', () => {
    const typed = { name: 'Mine', description: '', unitPrice: '', quantity: '1' };
    const picked = draftWithTemplate(draft([typed]), pick);
    expect(picked.ok && picked.value.replaced).toBe(false);
    expect(picked.ok && picked.value.draft.items.map((item) => item.name)).toEqual([
      'Mine',
      'A',
      'B',
    ]);
    expect(draftWithTemplate(draft(Array.from({ length: 19 }, () => typed)), pick)).toEqual({
      ok: false,
      error: { kind: 'full' },
    });
  });

  it('puts a TWD template into a fresh USDT form in TWD, never as 12,000 USDT, and says the currency changed', () => {
    const picked = draftWithTemplate(draft([{ ...EMPTY_ITEM }]), WEBSITE);
    expect(picked.ok).toBe(true);
    if (!picked.ok) return;
    expect(picked.value.draft.currency).toBe('twd');
    expect(picked.value.currencyChangedFrom).toBe('usdt');
    expect(draftTotal(picked.value.draft)).toBe('12000.00');
  });

  it('switches the currency of a form whose typed items have no price yet', () => {
    const named = { ...EMPTY_ITEM, name: 'Hosting' };
    const picked = draftWithTemplate(draft([named]), WEBSITE);
    expect(picked.ok && picked.value.draft).toMatchObject({ currency: 'twd' });
    expect(picked.ok && picked.value.draft.items).toHaveLength(3);
  });

  it('refuses a TWD template on a form that already has USDT prices, and adds nothing', () => {
    const priced = { name: 'Hosting', description: '', unitPrice: '9.99', quantity: '1' };
    expect(draftWithTemplate(draft([priced]), WEBSITE)).toEqual({
      ok: false,
      error: { kind: 'other_currency', formCurrency: 'usdt' },
    });
  });

  it('adds a template to a form with prices in the same currency', () => {
    const priced = { name: 'Hosting', description: '', unitPrice: '300', quantity: '1' };
    const picked = draftWithTemplate({ ...draft([priced]), currency: 'twd' }, WEBSITE);
    expect(picked.ok && draftTotal(picked.value.draft)).toBe('12300.00');
    expect(picked.ok && picked.value.currencyChangedFrom).toBeUndefined();
  });

  it("asks before using a template whose currency is not set, never taking the form's", () => {
    expect(draftWithTemplate(draft([{ ...EMPTY_ITEM }]), { ...WEBSITE, currency: null })).toEqual({
      ok: false,
      error: { kind: 'currency_not_set' },
    });
  });

  it('stores the currency the user named on a template that had none', () => {
    const list = [{ ...WEBSITE, currency: null }, pick];
    expect(withCurrency(list, WEBSITE.id, 'twd', NOW + 1)).toEqual([
      { ...WEBSITE, currency: 'twd', updatedAt: NOW + 1 },
      pick,
    ]);
  });
});

describe('export and import', () => {
  it('round-trips: what is exported imports as the same templates, currencies included', () => {
    const list = [
      template('Logo', { updatedAt: NOW + 5 }),
      WEBSITE,
      template('Old', { currency: null }),
    ];
    const text = toJson(list);
    expect(JSON.parse(text)).toMatchObject({
      version: 2,
      items: [{ currency: 'usdt' }, { currency: 'twd' }, { currency: null }],
    });
    const parsed = parseImport(text, NOW + 10);
    expect(parsed).toEqual({
      ok: true,
      value: list.map(({ id: _id, ...rest }) => rest),
    });
  });

  it('imports a version 1 file, which has no currency, with every template marked not set', () => {
    const v1 = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      items: [withoutCurrency(WEBSITE)].map(({ id: _id, ...rest }) => rest),
    });
    const parsed = parseImport(v1, NOW);
    expect(parsed.ok && parsed.value).toEqual([
      { name: 'Website', items: WEBSITE.items, currency: null, createdAt: NOW },
    ]);
  });

  it('reads a currency written in capitals, and names what is wrong with one it does not know', () => {
    const parsed = parseImport(
      file([
        { ...(entry('Caps') as object), currency: 'TWD' },
        { ...(entry('Euro') as object), currency: 'eur' },
      ]),
      NOW,
    );
    expect(parsed).toEqual({
      ok: false,
      error: ['Template 2 (“Euro”): the currency must be one of USDT, USD, TWD, CNY.'],
    });
    const caps = parseImport(file([{ ...(entry('Caps') as object), currency: 'TWD' }]), NOW);
    expect(caps.ok && caps.value[0]?.currency).toBe('twd');
  });

  it.each([
    ['not JSON', '{"format":', 'The file is not JSON.'],
    [
      'another format',
      JSON.stringify({ format: 'other', version: 1, items: [] }),
      'This is not a saved items file',
    ],
    ['a bare list', JSON.stringify([entry('x')]), 'This is not a saved items file'],
    ['a later version', file([], { version: 3 }), 'This file is version 3'],
    ['items that are not a list', file('junk'), 'This is not a saved items file'],
    [
      'more than 500 templates',
      file(Array.from({ length: 501 }, (_, i) => entry(`T${i}`))),
      'more than 500',
    ],
    ['more than 1 MB', ' '.repeat(1_000_001), 'larger than 1 MB'],
  ])('refuses %s with a clear message', (_case, text, message) => {
    const parsed = parseImport(text, NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error[0]).toContain(message);
  });

  it('refuses names with invisible characters, naming the entry and the item', () => {
    const hiddenItem = {
      name: 'Brand',
      items: [
        { name: 'Work', description: '', unitPrice: '10', quantity: 1 },
        { name: 'Lo\u200Bgo', description: '', unitPrice: '10', quantity: 1 },
      ],
    };
    const parsed = parseImport(file([entry('Fine'), entry('Bad\u202Eeman'), hiddenItem]), NOW);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.join('\n')).toContain('the name holds invisible characters');
    expect(parsed.error.join('\n')).toContain(
      'Template 3 (“Brand”): item 2 has a name with invisible characters',
    );
  });

  it('names every bad entry and what is wrong with it', () => {
    const parsed = parseImport(
      file([
        entry('Fine'),
        entry('Dots', '1.2.3'),
        entry('Negative', '-5'),
        entry('Float', 12.5),
        entry('Half', '1', 1.5),
        'junk',
        { name: '', items: [] },
        entry('fine'),
      ]),
      NOW,
    );
    expect(parsed).toEqual({
      ok: false,
      error: [
        'Template 2 (“Dots”): item 1 needs a price above 0 written in plain digits, like 20.50.',
        'Template 3 (“Negative”): item 1 needs a price above 0 written in plain digits, like 20.50.',
        'Template 4 (“Float”): item 1 needs a price above 0 written in plain digits, like 20.50.',
        'Template 5 (“Half”): item 1 needs a whole quantity from 1 to 1000000.',
        'Template 6: it is not a template.',
        'Template 7: the name must be 1 to 60 characters. it needs 1 to 20 items.',
        'Template 8 (“fine”): another template in the file has the same name.',
      ],
    });
  });

  it('merges: new names added, known names replaced, identical ones unchanged', () => {
    const saved = [template('Logo'), template('Hosting')];
    const imported = [
      {
        ...template('logo'),
        items: [{ name: 'New', description: '', unitPrice: '7', quantity: 1 }],
      },
      template('Hosting'),
      template('Audit'),
    ].map(({ id: _id, ...rest }) => rest);
    const merged = mergeImport(saved, imported, () => 'fresh', NOW + 1);
    expect(merged).toMatchObject({ added: 1, replaced: 1, skipped: 1 });
    expect(merged?.list.map((t) => [t.id, t.name, t.items[0]?.name])).toEqual([
      ['id-Logo', 'Logo', 'New'],
      ['id-Hosting', 'Hosting', 'Hosting work'],
      ['fresh', 'Audit', 'Audit work'],
    ]);
  });

  it('keeps the currency of a saved template when a version 1 file brings the same items', () => {
    const imported = [{ ...withoutCurrency(WEBSITE), currency: null }].map(
      ({ id: _id, ...rest }) => rest,
    );
    const merged = mergeImport([WEBSITE], imported, () => 'fresh', NOW + 1);
    expect(merged).toMatchObject({ added: 0, replaced: 0, skipped: 1 });
    expect(merged?.list).toEqual([WEBSITE]);
  });

  it('replaces a saved template by one of the same name in another currency', () => {
    const imported = [{ ...WEBSITE, currency: 'usd' as const }].map(({ id: _id, ...rest }) => rest);
    const merged = mergeImport([WEBSITE], imported, () => 'fresh', NOW + 1);
    expect(merged).toMatchObject({ replaced: 1 });
    expect(merged?.list[0]?.currency).toBe('usd');
  });

  it('refuses a merge that would pass 500 templates', () => {
    const saved = Array.from({ length: 500 }, (_, i) => template(`T${i}`));
    const extra = {
      name: 'One more',
      items: template('x').items,
      currency: 'usdt' as const,
      createdAt: NOW,
    };
    expect(mergeImport(saved, [extra], () => 'x', NOW)).toBeUndefined();
  });
});

describe('saved items storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads nothing when nothing is stored', async () => {
    expect(await readSavedItems()).toEqual([]);
  });

  it('drops invalid stored entries instead of failing', async () => {
    await browser.storage.local.set({
      savedItems: [template('Logo'), { name: 'broken' }, 42],
    });
    expect(await readSavedItems()).toEqual([template('Logo')]);
    await browser.storage.local.set({ savedItems: 'not a list' });
    expect(await readSavedItems()).toEqual([]);
  });

  it('loads a list stored by version 1 after the migration, each template marked currency not set', async () => {
    await browser.storage.local.set({ savedItems: [withoutCurrency(WEBSITE)] });
    await savedItemsItem.migrate();
    const stored = await browser.storage.local.get(['savedItems', 'savedItems$']);
    expect(stored).toEqual({
      savedItems: [{ ...WEBSITE, currency: null }],
      savedItems$: { v: 2 },
    });
    expect(await readSavedItems()).toEqual([{ ...WEBSITE, currency: null }]);
  });

  it('writes the changed list, and nothing when the change declines', async () => {
    await updateSavedItems((list) => withTemplate(list, template('Logo')));
    expect(await readSavedItems()).toEqual([template('Logo')]);
    expect(await updateSavedItems(() => undefined)).toBeUndefined();
    expect((await browser.storage.local.get('savedItems')).savedItems).toEqual([template('Logo')]);
  });
});
