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
});
