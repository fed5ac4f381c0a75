import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendSession, findSession } from '../../../entrypoints/background/history-store.ts';
import {
  createMessageHandler,
  type MessageHandler,
} from '../../../entrypoints/background/router.ts';
import { readHistory } from '../../../storage/history.ts';
import { ask, session, storedJson } from './helpers.ts';

const NOW = 1_700_100_000_000;
let handle: MessageHandler;

beforeEach(() => {
  fakeBrowser.reset();
  handle = createMessageHandler({ now: () => NOW });
});

describe('Void invoice', () => {
  it('records the date and reason on every link of the invoice, and on nothing else', async () => {
    await appendSession(session('cs_1', { invoiceNumber: 'INV-0001', status: 'expired' }));
    await appendSession(session('cs_2', { invoiceNumber: 'INV-0002' }));
    await appendSession(session('cs_3', { invoiceNumber: 'INV-0001' }));
    // Another profile's INV-0001 (two profiles once issued the same number) is another invoice.
    await appendSession(session('cs_4', { invoiceNumber: 'INV-0001', profileId: 'p2' }));

    const answer = await ask(handle, {
      type: 'voidInvoice',
      sessionId: 'cs_3',
      reason: 'Duplicate',
    });

    const voided = { at: NOW, reason: 'Duplicate' };
    expect(answer).toMatchObject({ ok: true, session: { id: 'cs_3', voided } });
    const byId = new Map((await readHistory()).map((record) => [record.id, record]));
    expect(byId.get('cs_1')?.voided).toEqual(voided);
    expect(byId.get('cs_3')?.voided).toEqual(voided);
    expect(byId.get('cs_2')?.voided).toBeUndefined();
    expect(byId.get('cs_4')?.voided).toBeUndefined();
    expect(byId.size).toBe(4);
  });

  it('keeps the first date and reason when asked twice', async () => {
    await appendSession(session('cs_1', { invoiceNumber: 'INV-0001' }));
    await ask(handle, { type: 'voidInvoice', sessionId: 'cs_1', reason: 'Duplicate' });
    const later = createMessageHandler({ now: () => NOW + 60_000 });
    const answer = await ask(later, { type: 'voidInvoice', sessionId: 'cs_1', reason: 'Other' });
    expect(answer).toMatchObject({
      ok: true,
      session: { voided: { at: NOW, reason: 'Duplicate' } },
    });
  });

  it('refuses a paid invoice and writes nothing', async () => {
    await appendSession(session('cs_1', { invoiceNumber: 'INV-0001', status: 'complete' }));
    await appendSession(session('cs_2', { invoiceNumber: 'INV-0001', status: 'expired' }));
    const before = await storedJson();
    const answer = await ask(handle, { type: 'voidInvoice', sessionId: 'cs_2', reason: 'Oops' });
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request', message: 'A paid invoice cannot be voided.' },
    });
    expect(await storedJson()).toEqual(before);
  });

  it('refuses a link that has no invoice number, and one not in History', async () => {
    await appendSession(session('cs_1'));
    expect(
      await ask(handle, { type: 'voidInvoice', sessionId: 'cs_1', reason: 'x' }),
    ).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect(
      await ask(handle, { type: 'voidInvoice', sessionId: 'cs_9', reason: 'x' }),
    ).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect((await findSession('cs_1'))?.voided).toBeUndefined();
  });

  it.each([
    ['an empty reason', ''],
    ['a reason of spaces', '   '],
    ['an untrimmed reason', ' Duplicate'],
    ['a reason over 200 characters', 'x'.repeat(201)],
    ['a reason with a direction override', 'Dupli\u202ecate'],
  ])('refuses %s as an invalid request', async (_name, reason) => {
    await appendSession(session('cs_1', { invoiceNumber: 'INV-0001' }));
    const answer = await ask(handle, { type: 'voidInvoice', sessionId: 'cs_1', reason });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect((await findSession('cs_1'))?.voided).toBeUndefined();
  });

  it('makes no new payment link for a voided invoice', async () => {
    await appendSession(session('cs_1', { invoiceNumber: 'INV-0001', status: 'expired' }));
    await ask(handle, { type: 'voidInvoice', sessionId: 'cs_1', reason: 'Cancelled' });
    const answer = await ask(handle, { type: 'renewCheckout', requestId: 'r1', sessionId: 'cs_1' });
    expect(answer).toMatchObject({
      ok: false,
      error: { message: 'A voided invoice gets no new payment link.' },
    });
    expect(await readHistory()).toHaveLength(1);
  });
});
