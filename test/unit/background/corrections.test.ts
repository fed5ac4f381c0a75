import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { updateSession } from '../../../entrypoints/background/history-store.ts';
import { ResponseSchemas } from '../../../lib/messages.ts';
import { readHistory } from '../../../storage/history.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ask, configure, createSession, order } from './helpers.ts';

/*
 * "Correct details" as the background answers it: an Unpaid invoice's client and PO number
 * corrected in History with its number kept and the change dated; a paid or void one, or a
 * wrong value, refused and nothing written.
 */

const CORRECTED_AT = 1_765_000_000_000;
let sandbox: Sandbox;
let handle: MessageHandler;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox.reset();
  handle = createMessageHandler({ now: () => CORRECTED_AT });
  await configure(handle, sandbox.apiBaseUrl, sandbox.keys[0] ?? '');
});

function invoiceFor(client: string) {
  return createSession(handle, 'r1', {
    order: {
      ...order(),
      client: { name: client, email: 'ap@acme.test', address: '' },
      poNumber: 'PO-1',
    },
  });
}

async function correct(sessionId: string, fields: Record<string, string>) {
  return z.parse(
    ResponseSchemas.correctInvoice,
    await ask(handle, { type: 'correctInvoice', sessionId, fields }),
  );
}

async function stored(id: string) {
  return (await readHistory()).find((record) => record.id === id);
}

describe('correctInvoice', () => {
  it('corrects the client and PO number, keeps the number, and dates what it replaced', async () => {
    const made = await invoiceFor('Acm');
    const answer = await correct(made.id, {
      clientName: 'Acme Robotics Ltd',
      clientEmail: 'ap@acme.test',
      clientAddress: ' Quay St 9\nAuckland ',
      poNumber: 'PO-7781',
    });
    expect(answer.ok).toBe(true);
    const record = await stored(made.id);
    expect(record).toMatchObject({
      invoiceNumber: made.invoiceNumber,
      amountTotal: made.amountTotal,
      client: { name: 'Acme Robotics Ltd', email: 'ap@acme.test', address: 'Quay St 9\nAuckland' },
      poNumber: 'PO-7781',
      corrections: [
        { at: CORRECTED_AT, fields: { clientName: 'Acm', clientAddress: '', poNumber: 'PO-1' } },
      ],
    });
    expect(made.invoiceNumber).toBe('INV-0001');
  });

  it('writes nothing and dates nothing when nothing changed', async () => {
    const made = await invoiceFor('Acme');
    expect(await correct(made.id, { clientName: ' Acme ' })).toMatchObject({ ok: true });
    expect((await stored(made.id))?.corrections).toBeUndefined();
  });

  it('refuses a paid invoice and leaves it as issued', async () => {
    const made = await invoiceFor('Acm');
    await updateSession(made.id, { status: 'complete' });
    expect(await correct(made.id, { clientName: 'Acme Robotics Ltd' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    expect((await stored(made.id))?.client?.name).toBe('Acm');
  });

  it('names each wrong value by its field and writes nothing', async () => {
    const made = await invoiceFor('Acm');
    const answer = await correct(made.id, {
      clientName: 'Acme\u202E Ltd',
      clientEmail: 'not an email',
    });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(answer).toHaveProperty('error.fields.clientName');
    expect(answer).toHaveProperty('error.fields.clientEmail');
    expect((await stored(made.id))?.client?.name).toBe('Acm');
  });

  it('refuses a field that cannot be corrected, such as what Payfect was sent', async () => {
    const made = await invoiceFor('Acm');
    const answer = await correct(made.id, { reference: 'X', amountTotal: '1.00' });
    expect(answer).toHaveProperty('error.fields.reference');
    expect(answer).toHaveProperty('error.fields.amountTotal');
    expect((await stored(made.id))?.reference).toBe(made.reference);
  });

  it('says a link gone from History is gone', async () => {
    expect(await correct('cs_unknown', { clientName: 'Acme' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('refuses the message from a page that is not the extension’s own', async () => {
    const made = await invoiceFor('Acm');
    const answer = await handle(
      { type: 'correctInvoice', sessionId: made.id, fields: { clientName: 'Evil' } },
      { id: 'another-extension', url: 'chrome-extension://another/popup.html' },
    );
    expect(answer).toMatchObject({ ok: false });
    expect((await stored(made.id))?.client?.name).toBe('Acm');
  });
});
