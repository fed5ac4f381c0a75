import { z } from 'zod/mini';

/*
 * The history's layout as versions 2 and 3 define it, copied for their steps (002.ts,
 * 003.ts) and frozen with them: never edit this file; a later format copies what it needs
 * into its own step. What counts as a readable record is the session record of v3 builds.
 */

export const META_KEY = 'history:meta';

const CHUNK_KEY = /^history:chunk:(\d+)$/;

/** The chunk index a storage key names, or undefined for any other key. */
export function chunkIndexOf(key: string): number | undefined {
  const match = CHUNK_KEY.exec(key);
  return match ? Number(match[1]) : undefined;
}

/* The live API, where every session of v1 (which had no base URL setting) was created. */
export const V1_BASE_URL = 'https://api.payfect.finance/api/v1';

const ClientV3 = z.object({
  name: z.string().check(z.maxLength(200)),
  email: z.string().check(z.maxLength(254)),
  address: z.string().check(z.maxLength(500)),
});

const RecordV3 = z.object({
  id: z.string(),
  url: z.string(),
  status: z.string().check(z.minLength(1), z.maxLength(64)),
  amountTotal: z.string(),
  currency: z.string(),
  network: z.string(),
  networkName: z.string(),
  items: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      unitAmount: z.string(),
      quantity: z.number(),
    }),
  ),
  reference: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  isLivemode: z.boolean(),
  lastChecked: z.number(),
  statusChangedAt: z.number(),
  baseUrl: z.string(),
  itemsCurrency: z.optional(z.string()),
  successUrl: z.optional(z.string()),
  cancelUrl: z.optional(z.string()),
  callbackUrl: z.optional(z.string()),
  renewedBy: z.optional(z.string()),
  remindedAt: z.optional(z.number()),
  note: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  profileId: z.optional(z.string()),
  profileName: z.optional(z.string()),
  invoiceNumber: z.optional(z.string()),
  replacesInvoice: z.optional(z.string()),
  client: z.optional(ClientV3),
});

/** The statuses of readable records in a stored chunk; anything else is skipped. */
function statusesOf(chunk: unknown): string[] {
  if (!Array.isArray(chunk)) return [];
  return chunk.flatMap((entry: unknown) => {
    const parsed = z.safeParse(RecordV3, entry);
    return parsed.success ? [parsed.data.status] : [];
  });
}

/** Paid or over: nothing more is awaited. Any other status is watched. */
function isSettled(status: string): boolean {
  return status === 'complete' || status === 'expired';
}

/**
 * The meta fields of the chunks there are, from their keys and readable records alone: the
 * range they span, how many readable records they hold, and the first chunk holding an open
 * session (or `end` when none does).
 */
export function chunkLayout(history: Readonly<Record<string, unknown>>) {
  let first = Number.POSITIVE_INFINITY;
  let end = 0;
  let count = 0;
  let openFrom = Number.POSITIVE_INFINITY;
  for (const [key, value] of Object.entries(history)) {
    const index = chunkIndexOf(key);
    if (index === undefined) continue;
    first = Math.min(first, index);
    end = Math.max(end, index + 1);
    const statuses = statusesOf(value);
    count += statuses.length;
    if (statuses.some((status) => !isSettled(status))) openFrom = Math.min(openFrom, index);
  }
  first = Math.min(first, end);
  return { first, end, count, openFrom: Math.min(openFrom, end) };
}
