import { readdirSync, readFileSync } from 'node:fs';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod/mini';
import { beforeEach, describe, expect, it } from 'vitest';
import { SessionRecordSchema } from '../../../../lib/history.ts';
import { TemplateSchema } from '../../../../lib/saved-items.ts';
import { StoredSettingsSchema } from '../../../../lib/settings.ts';
import { chunkIndexOf, HISTORY_META_KEY, HistoryMetaSchema } from '../../../../storage/history.ts';
import { checkNumbered } from '../../../../storage/migrations/migration.ts';
import { MIGRATIONS, migrateHistory } from '../../../../storage/migrations/history/index.ts';
import { SAVED_ITEMS_MIGRATIONS } from '../../../../storage/migrations/saved-items/index.ts';
import { SETTINGS_MIGRATIONS } from '../../../../storage/migrations/settings/index.ts';
import { savedItemsItem } from '../../../../storage/saved-items.ts';
import { settingsItem } from '../../../../storage/settings.ts';

/*
 * Every stored-data fixture of every store (./<store>/fixtures/v<N>.json, stored at version
 * N), run through the store's whole chain as an installed user's data would be, must come out
 * in today's schema. A fixture added for a new step is picked up here without a word.
 */

type Stored = Record<string, unknown>;

function fixtures(store: string): [string, Stored][] {
  const folder = new URL(`./${store}/fixtures/`, import.meta.url);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Stored]);
}

async function stored(): Promise<Stored> {
  return browser.storage.local.get(null);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('every chain runs from every fixture to today', () => {
  it('has a fixture for every version a step starts from', () => {
    const from = (steps: readonly { version: number }[]) =>
      steps.map((step) => `v${step.version - 1}.json`);
    expect(fixtures('settings').map(([name]) => name)).toEqual(from(SETTINGS_MIGRATIONS));
    expect(fixtures('saved-items').map(([name]) => name)).toEqual(from(SAVED_ITEMS_MIGRATIONS));
    expect(fixtures('history').map(([name]) => name)).toEqual(from(MIGRATIONS));
  });

  it('numbers every store’s steps 2, 3, … without a gap', () => {
    for (const steps of [SETTINGS_MIGRATIONS, SAVED_ITEMS_MIGRATIONS, MIGRATIONS]) {
      expect(() => checkNumbered(steps)).not.toThrow();
    }
    expect(() => checkNumbered(SETTINGS_MIGRATIONS.slice(1))).toThrow();
  });

  it.each(fixtures('settings'))('settings %s reads in today’s schema', async (_, fixture) => {
    await browser.storage.local.set(fixture);
    await settingsItem.migrate();
    const after = await stored();
    expect(z.safeParse(StoredSettingsSchema, after.settings).error).toBeUndefined();
    expect(after.settings$).toEqual({ v: 8 });
  });

  it.each(fixtures('saved-items'))('saved items %s read in today’s schema', async (_, fixture) => {
    await browser.storage.local.set(fixture);
    await savedItemsItem.migrate();
    const after = await stored();
    const list = after.savedItems as unknown[];
    expect(list).toHaveLength((fixture.savedItems as unknown[]).length);
    for (const entry of list) expect(z.safeParse(TemplateSchema, entry).error).toBeUndefined();
    expect(after.savedItems$).toEqual({ v: 2 });
  });

  it.each(fixtures('history'))('history %s reads in today’s schema', async (_, fixture) => {
    await browser.storage.local.set(fixture);
    await migrateHistory();
    const after = await stored();
    const meta = z.parse(HistoryMetaSchema, after[HISTORY_META_KEY]);
    const records = Object.entries(after)
      .filter(([key]) => chunkIndexOf(key) !== undefined)
      .flatMap(([, chunk]) => chunk as unknown[])
      .filter((entry) => z.safeParse(SessionRecordSchema, entry).success);
    expect(records.length).toBe(meta.count);
    expect(records.length).toBeGreaterThan(0);
  });
});
