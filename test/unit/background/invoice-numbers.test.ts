import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { readHistory } from '../../../storage/history.ts';
import type { ResponseFor } from '../../../lib/messages.ts';
import { readHighWater } from '../../../storage/invoice-numbers.ts';
import { readRecentClients } from '../../../storage/recent-clients.ts';
import { readSettings, readStoredSettings, settingsItem } from '../../../storage/settings.ts';
import {
  provesNothingCreated,
  repairInvoiceNumbers,
} from '../../../entrypoints/background/invoice-numbers.ts';
import { settleOrphanedCreate } from '../../../entrypoints/background/last-create.ts';
import { repairSettings } from '../../../entrypoints/background/settings-store.ts';
import type { ProfileSettings } from '../../../lib/settings.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { createRequests } from '../../support/sandbox-traffic.ts';
import { ask, configure, order } from './helpers.ts';

type CreateAnswer = ResponseFor<'createCheckout'>;

let sandbox: Sandbox;
let handle: MessageHandler;

function create(requestId: string, overrides = {}, profileId?: string): Promise<CreateAnswer> {
  return ask(handle, {
    type: 'createCheckout',
    requestId,
    order: order(overrides),
    ...(profileId === undefined ? {} : { profileId }),
  }) as Promise<CreateAnswer>;
}

function sentReferences(): unknown[] {
  return createRequests(sandbox).map(
    (request) => (request.json as Record<string, unknown>).client_reference_id,
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox.reset();
  handle = createMessageHandler();
  await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
});

describe('invoice numbers', () => {
  it('gives two creates at once two numbers, and sends each as the empty reference', async () => {
    sandbox.faults.add({ match: 'create', latencyMs: 100, times: 2 });
    const answers = await Promise.all([
      create('a', { reference: '' }),
      create('b', { reference: '' }),
    ]);
    const numbers = answers.map((answer) => (answer.ok ? answer.session.invoiceNumber : '?'));
    expect([...numbers].sort()).toEqual(['INV-0001', 'INV-0002']);
    expect([...sentReferences()].sort()).toEqual(['INV-0001', 'INV-0002']);
    expect((await readSettings()).business).toMatchObject({ nextInvoiceNumber: 3 });
    expect((await readHighWater()).highWater).toEqual({ 'INV-': 2 });
  });

  it('keeps a typed reference and still numbers the invoice', async () => {
    const answer = await create('a', { reference: 'PO-77' });
    expect(answer.ok && answer.session).toMatchObject({
      reference: 'PO-77',
      invoiceNumber: 'INV-0001',
    });
    expect(sentReferences()).toEqual(['PO-77']);
  });

  it('takes no number for a create Payfect refuses', async () => {
    sandbox.faults.add({
      match: 'create',
      respond: { status: 400, body: JSON.stringify({ detail: 'Invalid.' }) },
    });
    expect((await create('refused', { reference: '' })).ok).toBe(false);
    const answer = await create('next', { reference: '' });
    expect(answer.ok && answer.session.invoiceNumber).toBe('INV-0001');
  });

  it('never reuses a number: a lowered Next invoice number is raised past the issued ones', async () => {
    await create('a');
    await create('b');
    const settings = await readSettings();
    const saved = (await ask(handle, {
      type: 'saveSettings',
      settings: { ...settings, business: { ...settings.business, nextInvoiceNumber: 1 } },
    })) as ResponseFor<'saveSettings'>;
    expect(saved.ok && saved.settings.business.nextInvoiceNumber).toBe(3);
    // Even once the links are gone from History.
    const stored = await browser.storage.local.get(null);
    await browser.storage.local.remove(
      Object.keys(stored).filter((key) => key.startsWith('history')),
    );
    expect(await readHistory()).toEqual([]);
    const third = await create('c');
    expect(third.ok && third.session.invoiceNumber).toBe('INV-0003');
  });

  it('refuses a create once 999,999,999 is issued, sending nothing and keeping the profile', async () => {
    const settings = await readSettings();
    await ask(handle, {
      type: 'saveSettings',
      settings: { ...settings, business: { ...settings.business, nextInvoiceNumber: 999_999_999 } },
    });
    const last = await create('last', { reference: '' });
    expect(last.ok && last.session.invoiceNumber).toBe('INV-999999999');
    const refused = await create('past', { reference: '' });
    expect(refused).toEqual({
      ok: false,
      error: {
        kind: 'invalid_request',
        message:
          'Every invoice number under the prefix “INV-” is used up. Choose another Invoice prefix in Settings → Invoices.',
      },
    });
    expect(createRequests(sandbox)).toHaveLength(1);
    // The profile is intact (its key and all), and Save keeps it storable.
    const after = await readSettings();
    expect((await readHighWater()).highWater).toEqual({ 'INV-': 999_999_999 });
    const saved = (await ask(handle, {
      type: 'saveSettings',
      settings: after,
    })) as ResponseFor<'saveSettings'>;
    expect(saved.ok && saved.settings.business.nextInvoiceNumber).toBe(999_999_999);
    expect((await create('again', { reference: '' })).ok).toBe(false);
    // Another prefix starts anew.
    await ask(handle, {
      type: 'saveSettings',
      settings: {
        ...after,
        business: { ...after.business, invoicePrefix: 'B-', nextInvoiceNumber: 1 },
      },
    });
    const next = await create('next', { reference: '' });
    expect(next.ok && next.session.invoiceNumber).toBe('B-0001');
  });

  it('keeps the client with the session and suggests it next time, never sending it', async () => {
    const client = { name: 'ACME Ltd', email: 'ap@acme.example', address: '1 Main St' };
    const answer = await create('a', { client });
    expect(answer.ok && answer.session.client).toEqual(client);
    expect((await readHistory())[0]?.client).toEqual(client);
    expect(await readRecentClients()).toEqual([client]);
    expect(JSON.stringify(createRequests(sandbox).map((request) => request.json))).not.toContain(
      'ACME',
    );
  });
});

/** The invoice numbers of the links made, and the references Payfect was sent, in order. */
async function issuedAfter(requestId: string): Promise<string | undefined> {
  const answer = await create(requestId, { reference: '' });
  return answer.ok ? answer.session.invoiceNumber : undefined;
}

describe('a number is consumed once a request carrying it may have reached Payfect', () => {
  it.each([
    ['a timeout', { latencyMs: 400 }],
    ['a 5xx', { respond: { status: 503, body: '{"detail":"Busy."}' } }],
    ['a dropped connection', { drop: true as const }],
    ['an unreadable answer', { malformedJson: true as const }],
  ])('keeps it after %s: the next create gets the next number', async (_, fault) => {
    handle = createMessageHandler({ timeoutMs: 150 });
    sandbox.faults.add({ match: 'create', ...fault });
    expect((await create('unknown', { reference: '' })).ok).toBe(false);
    expect(await issuedAfter('next')).toBe('INV-0002');
    expect(sentReferences()).toEqual(['INV-0001', 'INV-0002']);
  });

  it.each([400, 401, 403, 404, 429])(
    'gives it back after a %i: Payfect made nothing',
    async (status) => {
      sandbox.faults.add({ match: 'create', respond: { status, body: '{"detail":"No."}' } });
      expect((await create('refused', { reference: '' })).ok).toBe(false);
      expect(await issuedAfter('next')).toBe('INV-0001');
    },
  );

  it('gives it back only for a create refused before sending or by a 4xx', () => {
    expect(provesNothingCreated({ kind: 'validation', fields: [], messages: [] })).toBe(true);
    expect(provesNothingCreated({ kind: 'auth', detail: 'The key has spaces.' })).toBe(true);
    expect(provesNothingCreated({ kind: 'rate_limited', status: 429 })).toBe(true);
    expect(provesNothingCreated({ kind: 'timeout', timeoutMs: 15_000 })).toBe(false);
    expect(provesNothingCreated({ kind: 'network', reason: 'reset' })).toBe(false);
    expect(provesNothingCreated({ kind: 'server', status: 502 })).toBe(false);
    expect(provesNothingCreated({ kind: 'server', status: 302 })).toBe(false);
    expect(provesNothingCreated({ kind: 'malformed_response', status: 200, reason: 'x' })).toBe(
      false,
    );
  });

  it('keeps it when the worker is stopped mid-request', async () => {
    sandbox.faults.add({ match: 'create', latencyMs: 300 });
    // The first worker sends INV-0001 and is stopped before the answer comes.
    void create('stopped', { reference: '' });
    await vi.waitFor(() => expect(sentReferences()).toEqual(['INV-0001']));
    // A new worker: nothing in memory, only what storage holds.
    handle = createMessageHandler();
    await settleOrphanedCreate();
    expect(await issuedAfter('next')).toBe('INV-0002');
    await vi.waitFor(() => expect(sandbox.sessions.size).toBe(2));
  });
});

describe('a prefix is one series whatever profile uses it', () => {
  it('gives a profile added from another numbers the other never issues', async () => {
    expect(await issuedAfter('a')).toBe('INV-0001');
    const added = (await ask(handle, { type: 'addProfile', name: 'Mia Studio' })) as {
      ok: true;
      state: { activeProfileId: string };
    };
    const mia = added.state.activeProfileId;
    await ask(handle, { type: 'saveKey', apiKey: sandbox.keys[0] ?? '', profileId: mia });
    // Both profiles now say INV-0002 is next: the first to create takes it.
    const fromDefault = await create('b', { reference: '' }, 'default');
    const fromMia = await create('c', { reference: '' }, mia);
    const numbers = [fromDefault, fromMia].map((answer) =>
      answer.ok ? answer.session.invoiceNumber : answer.error.message,
    );
    expect(numbers).toEqual(['INV-0002', 'INV-0003']);
    // Each profile's Settings then shows the number it will really get.
    const stored = await readStoredSettings();
    expect(stored.profiles.map((profile) => profile.business.nextInvoiceNumber)).toEqual([4, 4]);
    expect((await readHighWater()).highWater).toEqual({ 'INV-': 3 });
  });
});

describe('deleting History never frees a number', () => {
  it('goes on after History is pruned or removed, even with the series item damaged', async () => {
    const settings = await readSettings();
    await ask(handle, { type: 'saveSettings', settings: { ...settings, historyCap: 1 } });
    for (const id of ['a', 'b', 'c']) await issuedAfter(id);
    await vi.waitFor(async () => expect(await readHistory()).toHaveLength(1));
    expect(await issuedAfter('d')).toBe('INV-0004');
    const stored = await browser.storage.local.get(null);
    await browser.storage.local.remove(
      Object.keys(stored).filter((key) => key.startsWith('history')),
    );
    await browser.storage.local.set({ invoiceNumbers: { 'INV-': 'broken' } });
    expect(await issuedAfter('e')).toBe('INV-0005');
  });

  it('raises a damaged series item to what History proves, never lower', async () => {
    for (const id of ['a', 'b', 'c']) await issuedAfter(id);
    // The item loses its INV- entry, and no profile's Next invoice number says how far it went.
    await browser.storage.local.set({ invoiceNumbers: { 'INV-': -1, 'B-': 7 } });
    const stored = await readStoredSettings();
    await settingsItem.setValue({
      ...stored,
      profiles: stored.profiles.map((profile) => ({
        ...profile,
        business: { ...profile.business, nextInvoiceNumber: 1 },
      })),
    });
    await repairInvoiceNumbers();
    expect((await readHighWater()).highWater).toEqual({ 'INV-': 3, 'B-': 7 });
    expect(await issuedAfter('d')).toBe('INV-0004');
  });
});

describe('a damaged profile', () => {
  it('is recovered field by field, and its numbering goes on where it was', async () => {
    const settings = await readSettings();
    await ask(handle, {
      type: 'saveSettings',
      settings: { ...settings, business: { ...settings.business, name: 'Mia Studio Ltd' } },
    });
    for (const id of ['a', 'b']) await issuedAfter(id);
    const stored = await readStoredSettings();
    const [profile] = stored.profiles;
    await settingsItem.setValue({
      ...stored,
      profiles: [
        {
          ...profile,
          currency: 42,
          business: { ...profile?.business, nextInvoiceNumber: 'x' },
        } as unknown as ProfileSettings,
      ],
    });
    await repairSettings();
    const repaired = await readSettings();
    expect(repaired.baseUrl).toBe(sandbox.apiBaseUrl);
    expect(repaired.business.name).toBe('Mia Studio Ltd');
    expect(await issuedAfter('c')).toBe('INV-0003');
  });
});

describe('settings stored before the series had its own item (v7)', () => {
  it('go on past what each profile had issued: nothing is renumbered', async () => {
    const stored = await readStoredSettings();
    const v7 = {
      ...stored,
      profiles: stored.profiles.map((profile) => ({
        ...profile,
        business: { ...profile.business, nextInvoiceNumber: 3, issued: { 'INV-': 16 } },
      })),
    };
    await browser.storage.local.remove('invoiceNumbers');
    await browser.storage.local.set({ settings: v7, settings$: { v: 7 } });
    await settingsItem.migrate();
    expect(await issuedAfter('after-update')).toBe('INV-0017');
    expect((await readHighWater()).highWater).toEqual({ 'INV-': 17 });
  });
});
