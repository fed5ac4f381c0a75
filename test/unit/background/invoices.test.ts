import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from '../../../entrypoints/background/router.ts';
import { appendSession } from '../../../entrypoints/background/history-store.ts';
import { ask, session as mkSession } from './helpers.ts';

const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the invoice logo', () => {
  it('is saved per profile, read back, and removed with null', async () => {
    const handle = createMessageHandler();
    expect(await ask(handle, { type: 'getLogo' })).toEqual({ ok: true, logo: null });
    expect(await ask(handle, { type: 'saveLogo', logo: LOGO })).toEqual({ ok: true });
    expect(await ask(handle, { type: 'getLogo' })).toEqual({ ok: true, logo: LOGO });
    expect(await ask(handle, { type: 'getLogo', profileId: 'other' })).toEqual({
      ok: true,
      logo: null,
    });
    await ask(handle, { type: 'saveLogo', logo: null });
    expect(await ask(handle, { type: 'getLogo' })).toEqual({ ok: true, logo: null });
  });

  it('refuses what is not a small image data URL', async () => {
    const handle = createMessageHandler();
    for (const logo of [
      'data:text/html;base64,PHNjcmlwdD4=',
      'https://example.com/logo.png',
      `data:image/png;base64,${'A'.repeat(200_001)}`,
    ]) {
      expect(await ask(handle, { type: 'saveLogo', logo })).toMatchObject({
        ok: false,
        error: { kind: 'invalid_request' },
      });
    }
  });

  it('goes with its profile when the profile is deleted', async () => {
    const handle = createMessageHandler();
    const added = (await ask(handle, { type: 'addProfile', name: 'Studio B' })) as {
      state: { activeProfileId: string };
    };
    const profileId = added.state.activeProfileId;
    await ask(handle, { type: 'saveLogo', logo: LOGO, profileId });
    await ask(handle, { type: 'deleteProfile', profileId });
    expect(await fakeBrowser.storage.local.get(`invoiceLogo:${profileId}`)).toEqual({});
  });
});

describe('getInvoice', () => {
  it('answers the session with its profile’s business details and logo', async () => {
    const handle = createMessageHandler();
    const session = mkSession('cs_1');
    await appendSession(session);
    await ask(handle, { type: 'saveLogo', logo: LOGO });
    const answer = await ask(handle, { type: 'getInvoice', sessionId: session.id });
    expect(answer).toMatchObject({ ok: true, session: { id: session.id }, logo: LOGO });
  });

  it('says a session gone from History is gone', async () => {
    const answer = await ask(createMessageHandler(), { type: 'getInvoice', sessionId: 'nope' });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  describe('of an invoice with a new payment link', () => {
    // INV-0001's first link expired and was replaced under the same number; INV-0003's was
    // renewed the old way, under a number of its own.
    const first = mkSession('cs_1', {
      invoiceNumber: 'INV-0001',
      status: 'expired',
      renewedBy: 'cs_2',
    });
    const second = mkSession('cs_2', {
      invoiceNumber: 'INV-0001',
      status: 'expired',
      renewedBy: 'cs_3',
    });
    const third = mkSession('cs_3', { invoiceNumber: 'INV-0001', issuedAt: first.createdAt });
    const oldStyle = mkSession('cs_4', {
      invoiceNumber: 'INV-0003',
      status: 'expired',
      renewedBy: 'cs_5',
    });
    const oldStyleRenewal = mkSession('cs_5', {
      invoiceNumber: 'INV-0004',
      replacesInvoice: 'INV-0003',
    });

    async function shown(sessionId: string, earliest = first) {
      for (const record of [earliest, second, third, oldStyle, oldStyleRenewal]) {
        await appendSession(record);
      }
      const answer = await ask(createMessageHandler(), { type: 'getInvoice', sessionId });
      return (answer as { session?: { id: string } }).session?.id;
    }

    it('shows the current link, even when opened from an earlier link', async () => {
      expect(await shown('cs_1')).toBe('cs_3');
    });

    it('shows the current link when opened from it', async () => {
      expect(await shown('cs_3')).toBe('cs_3');
    });

    it('keeps an old-style renewal’s original as its own invoice', async () => {
      expect(await shown('cs_4')).toBe('cs_4');
    });

    it('shows a link paid after it was replaced: the payment its receipt is about', async () => {
      expect(await shown('cs_1', { ...first, status: 'complete' })).toBe('cs_1');
    });
  });
});
