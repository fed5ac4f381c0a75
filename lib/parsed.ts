import { z } from 'zod/mini';

/** The stored value when it fits its schema, else the known-good fallback. */
export function parsedOr<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T): T {
  const parsed = z.safeParse(schema, value);
  return parsed.success ? parsed.data : fallback;
}
