/**
 * Programmable failures, queued per sandbox instance and consumed in order by API requests
 * (never by the hosted page or the control routes): a test says "the next create is
 * rate-limited" or "every status query hangs for 2 s and then breaks".
 */
import { z } from 'zod';

/** Which API requests a fault applies to: POST /checkouts/, GET /checkouts/{id}/, or any. */
export type FaultMatch = 'create' | 'get' | 'any';
export type ApiRequestKind = 'create' | 'get' | 'other';

export interface Fault {
  /** Default 'any'. */
  readonly match?: FaultMatch;
  /** How many matching requests it hits before it is used up. Default 1; Infinity allowed. */
  readonly times?: number;
  /** Waits this long first; on its own, the request then proceeds normally. */
  readonly latencyMs?: number;
  /** Answers with this instead (body sent as is; default Content-Type application/json). */
  readonly respond?: {
    readonly status: number;
    readonly body?: string;
    readonly headers?: Readonly<Record<string, string>>;
  };
  /** 200 with a truncated JSON body. */
  readonly malformedJson?: true;
  /** Destroys the connection without answering. */
  readonly drop?: true;
  /** 429 with Retry-After and DRF's throttling message. */
  readonly rateLimit?: { readonly retryAfterSeconds: number };
  /** A 200 JSON body of this many bytes, streamed without Content-Length. */
  readonly bodyBytes?: number;
  /**
   * Served as usual, but the checkout object answered says this status: one Payfect may add
   * after its docs ("processing", "refunded"). The stored session is not changed.
   */
  readonly status?: string;
}

const EFFECTS = ['respond', 'malformedJson', 'drop', 'rateLimit', 'bodyBytes', 'status'] as const;

const timesSchema = z.union([
  z.number().int().positive(),
  z.custom<number>((value) => value === Infinity),
  // JSON has no Infinity: over HTTP it is spelt as a string.
  z.literal('Infinity').transform(() => Infinity),
]);

export const faultSchema = z
  .strictObject({
    match: z.enum(['create', 'get', 'any']).optional(),
    times: timesSchema.optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    respond: z
      .strictObject({
        status: z.number().int().min(200).max(599),
        body: z.string().optional(),
        headers: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
    malformedJson: z.literal(true).optional(),
    drop: z.literal(true).optional(),
    rateLimit: z.strictObject({ retryAfterSeconds: z.number().int().min(0) }).optional(),
    bodyBytes: z
      .number()
      .int()
      .positive()
      .max(1024 ** 3)
      .optional(),
    status: z.string().min(1).max(200).optional(),
  })
  .refine((fault) => EFFECTS.filter((effect) => fault[effect] !== undefined).length <= 1, {
    message: `A fault has at most one of ${EFFECTS.join(', ')}`,
  })
  .refine(
    (fault) =>
      fault.latencyMs !== undefined || EFFECTS.some((effect) => fault[effect] !== undefined),
    { message: `A fault needs latencyMs or one of ${EFFECTS.join(', ')}` },
  );

/** Parses a fault from a test or from JSON; throws a readable TypeError when it is not one. */
export function parseFault(input: unknown): Fault {
  const parsed = faultSchema.safeParse(input);
  if (!parsed.success) throw new TypeError(`Invalid fault: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

interface QueuedFault {
  readonly fault: Fault;
  remaining: number;
}

export class FaultQueue {
  readonly #queue: QueuedFault[] = [];

  /** Queues faults after those already waiting. */
  add(...faults: Fault[]): void {
    const parsed = faults.map(parseFault);
    for (const fault of parsed) this.#queue.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.#queue.length = 0;
  }

  /** Faults still waiting, oldest first. */
  pending(): { fault: Fault; remaining: number }[] {
    return this.#queue.map(({ fault, remaining }) => ({ fault, remaining }));
  }

  get size(): number {
    return this.#queue.length;
  }

  /** The first waiting fault that matches this request, counted as used once. */
  take(kind: ApiRequestKind): Fault | undefined {
    const index = this.#queue.findIndex(({ fault }) => {
      const match = fault.match ?? 'any';
      return match === 'any' || match === kind;
    });
    const queued = this.#queue[index];
    if (queued === undefined) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.#queue.splice(index, 1);
    return queued.fault;
  }
}
