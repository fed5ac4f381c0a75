import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  markPending,
  settleOrphanedCreate,
  unknownOutcome,
} from '../../../entrypoints/background/last-create.ts';
import { lastCreateItem, readLastCreate } from '../../../storage/last-create.ts';
import { session } from './helpers.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('at worker start', () => {
  it('settles a create left pending by a stopped worker as of unknown outcome', async () => {
    await markPending('r1', 1_700_000_000_000);
    await settleOrphanedCreate();
    expect(await readLastCreate()).toEqual({
      state: 'failed',
      requestId: 'r1',
      error: unknownOutcome(),
    });
  });

  it('leaves a finished create as it was', async () => {
    const done = { state: 'done', requestId: 'r1', session: session('cs_1') } as const;
    await lastCreateItem.setValue(done);
    await settleOrphanedCreate();
    expect(await readLastCreate()).toEqual(done);
  });

  it('does nothing when no create was asked for', async () => {
    await settleOrphanedCreate();
    expect(await readLastCreate()).toBeNull();
  });
});
