import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import {
  HighWaterSchema,
  highWaterFloor,
  raisedHighWater,
  type HighWater,
} from '../lib/invoice.ts';
import type { StoredSettings } from '../lib/settings.ts';
import { chunkIndexOf } from './history.ts';
import { storage } from './item.ts';

/*
 * How far each invoice-number series went (lib/invoice.ts HighWater), apart from the
 * settings: repairing a damaged profile never touches it, so numbering never restarts. Written
 * by the background only, in the settings queue (entrypoints/background/invoice-numbers.ts).
 * Version 1: `{ [prefix]: highest number issued }`.
 */
export const invoiceNumbersItem = storage.defineItem<HighWater | null>('local:invoiceNumbers', {
  fallback: null,
  version: 1,
});

/** The stored record as read: what parses, and whether all of it did. */
export interface HighWaterRead {
  readonly highWater: HighWater;
  /** False when missing or damaged in part: then it is raised from what history proves. */
  readonly sound: boolean;
}

/** Read prefix by prefix: one damaged entry never loses the others. */
export function readHighWaterValue(stored: unknown): HighWaterRead {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { highWater: {}, sound: false };
  }
  const highWater: HighWater = {};
  let sound = true;
  for (const [prefix, value] of Object.entries(stored)) {
    const parsed = z.safeParse(HighWaterSchema, { [prefix]: value });
    if (parsed.success) Object.assign(highWater, parsed.data);
    else sound = false;
  }
  return { highWater, sound };
}

export async function readHighWater(): Promise<HighWaterRead> {
  return readHighWaterValue(await invoiceNumbersItem.getValue());
}

export function writeHighWater(highWater: HighWater): Promise<void> {
  return invoiceNumbersItem.setValue(highWater);
}

/**
 * What the stored links prove about each series: every chunk read raw, so a record that fails
 * today's schema still counts. Deleting History lowers this floor, never the stored record.
 */
export async function historyHighWater(): Promise<HighWater> {
  const stored = await browser.storage.local.get(null);
  const numbers: string[] = [];
  for (const [key, chunk] of Object.entries(stored)) {
    if (chunkIndexOf(key) === undefined || !Array.isArray(chunk)) continue;
    for (const record of chunk as unknown[]) {
      const number = (record as { invoiceNumber?: unknown } | null)?.invoiceNumber;
      if (typeof number === 'string') numbers.push(number);
    }
  }
  return highWaterFloor(numbers);
}

/** What each profile's Next invoice number proves: every number below it may be issued. */
function profilesFloor(stored: StoredSettings): HighWater {
  const floor: HighWater = {};
  for (const { business } of stored.profiles) {
    const below = business.nextInvoiceNumber - 1;
    if (below >= 1)
      floor[business.invoicePrefix] = Math.max(floor[business.invoicePrefix] ?? 0, below);
  }
  return floor;
}

/**
 * The series as stored, raised to what the settings carried over from v7; a record missing
 * or damaged in part is first raised to what History and the profiles prove, then stored.
 * Never lowered: a floor set too high only skips numbers.
 */
export async function soundHighWater(
  read: HighWaterRead,
  stored: StoredSettings,
): Promise<HighWater> {
  const carried = stored.invoiceNumbersCarried ?? {};
  if (read.sound) return raisedHighWater(read.highWater, carried);
  const repaired = raisedHighWater(
    read.highWater,
    carried,
    profilesFloor(stored),
    await historyHighWater(),
  );
  await writeHighWater(repaired);
  return repaired;
}
