import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage as wxtStorage } from 'wxt/utils/storage';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MigrationError, storage } from '../../../storage/item.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

/* Items are defined inside each test: an item with migrations runs them when defined. */

const toV2 = (value: unknown) => ({ ...(value as object), cap: 0 });
const toV3 = (value: unknown) => ({ ...(value as object), tone: 'plain' });

describe('values', () => {
  it('answers the fallback while nothing is stored', async () => {
    const item = storage.defineItem<string | null>('local:draft', { fallback: null });
    expect(await item.getValue()).toBeNull();
    expect(item.fallback).toBeNull();
  });

  it('stores the value under its key in its area', async () => {
    const item = storage.defineItem<{ a: number } | null>('session:thing', { fallback: null });
    await item.setValue({ a: 1 });
    expect(await browser.storage.session.get('thing')).toEqual({ thing: { a: 1 } });
    expect(await browser.storage.local.get('thing')).toEqual({});
    expect(await item.getValue()).toEqual({ a: 1 });
  });

  it('removes the value on removeValue and on setValue(null)', async () => {
    const item = storage.defineItem<string | null>('local:draft', { fallback: null });
    await item.setValue('x');
    await item.removeValue();
    expect(await browser.storage.local.get('draft')).toEqual({});
    await item.setValue('y');
    await item.setValue(null);
    expect(await browser.storage.local.get('draft')).toEqual({});
    expect(await item.getValue()).toBeNull();
  });

  it('removes the version too when asked', async () => {
    const item = storage.defineItem<object | null>('local:settings', {
      fallback: null,
      version: 2,
      migrations: { 2: toV2 },
    });
    await item.setValue({ name: 'a' });
    await item.removeValue();
    expect(await browser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings$: { v: 2 },
    });
    await item.removeValue({ removeMeta: true });
    expect(await browser.storage.local.get(['settings', 'settings$'])).toEqual({});
  });

  it('reads what @wxt-dev/storage wrote, and @wxt-dev/storage reads what it writes', async () => {
    const theirs = wxtStorage.defineItem<string>('local:keyMode', { fallback: 'unknown' });
    const ours = storage.defineItem<string>('local:keyMode', { fallback: 'unknown' });
    await theirs.setValue('live');
    expect(await ours.getValue()).toBe('live');
    await ours.setValue('test');
    expect(await theirs.getValue()).toBe('test');
  });
});

describe('versions and migrations', () => {
  it('migrates a value stored without a version (version 1) through every step', async () => {
    await browser.storage.local.set({ settings: { name: 'a' } });
    const item = storage.defineItem<object>('local:settings', {
      fallback: {},
      version: 3,
      migrations: { 2: toV2, 3: toV3 },
    });
    expect(await item.getValue()).toEqual({ name: 'a', cap: 0, tone: 'plain' });
    expect(await item.getMeta()).toEqual({ v: 3 });
  });

  it('runs only the steps after the stored version, keeping other meta fields', async () => {
    await browser.storage.local.set({ settings: { name: 'a' }, settings$: { v: 2, note: 'n' } });
    const v2 = vi.fn(toV2);
    const item = storage.defineItem<object>('local:settings', {
      fallback: {},
      version: 3,
      migrations: { 2: v2, 3: toV3 },
    });
    expect(await item.getValue()).toEqual({ name: 'a', tone: 'plain' });
    expect(v2).not.toHaveBeenCalled();
    expect(await browser.storage.local.get('settings$')).toEqual({
      settings$: { v: 3, note: 'n' },
    });
  });

  it('migrates what @wxt-dev/storage stored at an older version, as it would', async () => {
    const old = wxtStorage.defineItem<object>('local:settings', {
      fallback: {},
      version: 2,
      migrations: { 2: toV2 },
    });
    await old.setValue({ name: 'a', cap: 5 });
    expect(await old.getMeta()).toEqual({ v: 2 });
    const item = storage.defineItem<object>('local:settings', {
      fallback: {},
      version: 3,
      migrations: { 2: toV2, 3: toV3 },
    });
    expect(await item.getValue()).toEqual({ name: 'a', cap: 5, tone: 'plain' });
    const theirs = wxtStorage.defineItem<object>('local:settings', {
      fallback: {},
      version: 3,
      migrations: { 2: toV2, 3: toV3 },
    });
    expect(await theirs.getValue()).toEqual({ name: 'a', cap: 5, tone: 'plain' });
    expect(await theirs.getMeta()).toEqual({ v: 3 });
  });

  it('records the version with the first value written to an empty item', async () => {
    const item = storage.defineItem<object | null>('local:settings', {
      fallback: null,
      version: 3,
      migrations: { 2: toV2, 3: toV3 },
    });
    await item.setValue({ name: 'b' });
    expect(await browser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { name: 'b' },
      settings$: { v: 3 },
    });
    // So a later load does not migrate the current format again.
    const again = storage.defineItem<object | null>('local:settings', {
      fallback: null,
      version: 3,
      migrations: { 2: toV2, 3: toV3 },
    });
    expect(await again.getValue()).toEqual({ name: 'b' });
  });

  it('leaves the stored value as it was when a step throws, and says which', async () => {
    await browser.storage.local.set({ settings: { name: 'a' } });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = () => {
      throw new Error('boom');
    };
    const item = storage.defineItem<object>('local:settings', {
      fallback: {},
      version: 2,
      migrations: { 2: broken },
    });
    expect(await item.getValue()).toEqual({ name: 'a' });
    expect(error).toHaveBeenCalledWith(
      'Migration failed for local:settings',
      expect.any(MigrationError),
    );
    await expect(item.migrate()).rejects.toThrow('v2 migration failed for "local:settings"');
    error.mockRestore();
  });

  it('refuses to downgrade a value stored by a newer version', async () => {
    await browser.storage.local.set({ settings: { name: 'a' }, settings$: { v: 4 } });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const item = storage.defineItem<object>('local:settings', {
      fallback: {},
      version: 3,
      migrations: { 2: toV2, 3: toV3 },
    });
    await expect(item.migrate()).rejects.toThrow('Version downgrade detected (v4 -> v3)');
    expect(await item.getValue()).toEqual({ name: 'a' });
    error.mockRestore();
  });
});

describe('watch', () => {
  it('calls back with new and old values, the fallback standing for none, until unwatched', async () => {
    const item = storage.defineItem<string | null>('local:lastCreate', { fallback: null });
    const seen: [string | null, string | null][] = [];
    const unwatch = item.watch((next, previous) => seen.push([next, previous]));
    await item.setValue('a');
    await browser.storage.local.set({ other: 1 });
    await item.removeValue();
    unwatch();
    await item.setValue('b');
    expect(seen).toEqual([
      ['a', null],
      [null, 'a'],
    ]);
  });

  it('ignores the same key in another area', async () => {
    const item = storage.defineItem<string | null>('local:apiKey', { fallback: null });
    const callback = vi.fn();
    item.watch(callback);
    await browser.storage.session.set({ apiKey: 'k' });
    expect(callback).not.toHaveBeenCalled();
  });
});
