import { browser } from 'wxt/browser';

/*
 * Typed, versioned items over browser.storage: the part of @wxt-dev/storage this extension
 * uses, in the same stored format, so data and versions written by it keep working. A value
 * is stored under its key, its version under `<key>$` as `{ v }`; a value stored without a
 * version is at version 1.
 *
 * Unlike @wxt-dev/storage it reads nothing when an item without migrations is defined (WXT
 * reads each item once at load), so a page that imports the items it may use pays no storage
 * round trip for them, and each bundle is lighter: measured again for issue 22 (npm run
 * bench:sizes), `wxt/utils/storage` in its place adds 2.8 kB gzip to the popup's start code
 * and to the worker, over the 2 kB the issue allows. An item with migrations runs them when
 * defined (the numbered steps of storage/migrations/), and every method waits for them, as
 * with WXT.
 */

type AreaName = 'local' | 'session' | 'sync';

/** "local:draft": the storage area, then the key inside it. */
export type StorageItemKey = `${AreaName}:${string}`;

/** Turns the value stored at version n - 1 into the value at version n. */
export type Migration = (value: unknown) => unknown;

export interface StorageItemOptions<T> {
  /** What getValue answers while nothing is stored. */
  readonly fallback: T;
  /** The version of the stored format, from 1. */
  readonly version?: number;
  /** Version → the step to it from the version before. */
  readonly migrations?: Readonly<Record<number, Migration>>;
}

/** `{ v }` is the item's stored version; other fields are kept as they are. */
export type StorageItemMeta = { readonly v?: number } & Readonly<Record<string, unknown>>;

export interface StorageItem<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  getValue(): Promise<T>;
  /** Stores the value; null or undefined removes it (getValue then answers the fallback). */
  setValue(value: T): Promise<void>;
  /** Removes the value, and with `removeMeta` its version too (as for an item never written). */
  removeValue(options?: { readonly removeMeta?: boolean }): Promise<void>;
  getMeta(): Promise<StorageItemMeta>;
  /** Calls back on every change made in any context; returns the unsubscribe function. */
  watch(callback: (newValue: T, oldValue: T) => void): () => void;
  /** Runs the migrations from the stored version to the item's (done once when defined). */
  migrate(): Promise<void>;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly key: string,
    readonly version: number,
    options?: ErrorOptions,
  ) {
    super(`v${version} migration failed for "${key}"`, options);
  }
}

function metaKeyOf(key: string): string {
  return `${key}$`;
}

function metaFrom(value: unknown): StorageItemMeta {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as StorageItemMeta)
    : {};
}

function splitKey(key: StorageItemKey): { area: AreaName; name: string } {
  const colon = key.indexOf(':');
  return { area: key.slice(0, colon) as AreaName, name: key.slice(colon + 1) };
}

/*
 * Counts the writes made through these items in this context, when each starts and again
 * when it ends: something read before the count moved may be stale. The worker keeps its
 * state answer only while the count stands (entrypoints/background/state.ts); storage.onChanged
 * comes too late for that, after the write has already resolved.
 */
let writes = 0;

/** How many times a write through these items started or ended in this context. */
export function writeCount(): number {
  return writes;
}

async function counted(write: () => Promise<void>): Promise<void> {
  writes += 1;
  try {
    await write();
  } finally {
    writes += 1;
  }
}

function defineItem<T>(key: StorageItemKey, options: StorageItemOptions<T>): StorageItem<T> {
  const { area: areaName, name } = splitKey(key);
  const metaName = metaKeyOf(name);
  const targetVersion = options.version ?? 1;
  if (targetVersion < 1) throw new Error(`Storage item version cannot be below 1 ("${key}").`);
  const { fallback, migrations } = options;
  // Looked up on use: tests swap the fake browser's storage between cases.
  const area = () => browser.storage[areaName];
  // Nothing was stored yet: the first write records the version alongside the value.
  let needsVersion = false;

  async function migrate(): Promise<void> {
    const stored = await area().get([name, metaName]);
    const value: unknown = stored[name];
    const meta = metaFrom(stored[metaName]);
    needsVersion = value == null && meta.v == null;
    if (value == null) return;
    const current = meta.v ?? 1;
    if (current > targetVersion) {
      throw new Error(`Version downgrade detected (v${current} -> v${targetVersion}) for "${key}"`);
    }
    if (current === targetVersion) return;
    let migrated = value;
    for (let version = current + 1; version <= targetVersion; version += 1) {
      try {
        migrated = (await migrations?.[version]?.(migrated)) ?? migrated;
      } catch (cause) {
        throw new MigrationError(key, version, { cause });
      }
    }
    await counted(() =>
      area().set({ [name]: migrated, [metaName]: { ...meta, v: targetVersion } }),
    );
  }

  // As in @wxt-dev/storage: only items with migrations check their version, when defined.
  const migrated =
    migrations === undefined
      ? Promise.resolve()
      : migrate().catch((error: unknown) => {
          console.error(`Migration failed for ${key}`, error);
        });
  const ready = () => migrated;

  async function removeValue(removeOptions?: { readonly removeMeta?: boolean }): Promise<void> {
    await ready();
    await counted(() =>
      area().remove(removeOptions?.removeMeta === true ? [name, metaName] : name),
    );
  }

  return {
    key,
    fallback,
    async getValue() {
      await ready();
      const stored: unknown = (await area().get(name))[name];
      return (stored ?? fallback) as T;
    },
    async setValue(value) {
      if (value == null) return removeValue();
      await ready();
      if (needsVersion) {
        needsVersion = false;
        await counted(() => area().set({ [name]: value, [metaName]: { v: targetVersion } }));
      } else {
        await counted(() => area().set({ [name]: value }));
      }
    },
    removeValue,
    async getMeta() {
      await ready();
      return metaFrom((await area().get(metaName))[metaName]);
    },
    watch(callback) {
      const listener = (
        changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
        changedArea: string,
      ) => {
        const change = changes[name];
        if (changedArea !== areaName || change === undefined) return;
        // Chromium reports a write of an equal value too; only a real change calls back.
        if (JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        callback((change.newValue ?? fallback) as T, (change.oldValue ?? fallback) as T);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    migrate,
  };
}

/** Drop-in for the `storage` of `wxt/utils/storage`, as far as this extension uses it. */
export const storage = { defineItem };

/**
 * The item type under the name @wxt-dev/storage gives it, so a module switched over from
 * `wxt/utils/storage` changes only its import line. The metadata type is not used: every
 * item's metadata is its version.
 */
export type WxtStorageItem<
  T,
  Meta extends Record<string, unknown> = Record<string, unknown>,
> = StorageItem<T> & { readonly metadata?: Meta };
