/**
 * The sandbox and the extension's API contract (lib/payfect/schemas.ts) must agree: the e2e
 * tests only mean something if what the client sends is what the sandbox accepts, and what
 * the sandbox answers is what the client understands.
 */
import { describe, expect, it } from 'vitest';
import { CheckoutSchema, CreateCheckoutRequestSchema } from '../../../lib/payfect/schemas.ts';
import { DOCS_EXAMPLE_REQUEST } from './fixtures.ts';
import { call, create, sandboxForTest } from './helpers.ts';

describe("the sandbox and the extension's API contract", () => {
  it("accepts a request built to the client's schema", async () => {
    const parsed = CreateCheckoutRequestSchema.safeParse(DOCS_EXAMPLE_REQUEST);
    expect(parsed.success).toBe(true);
    const sandbox = await sandboxForTest();
    const answer = await create(sandbox, parsed.data);
    expect(answer.status).toBe(200);
  });

  it("answers create and query with objects the client's schema reads in full", async () => {
    const sandbox = await sandboxForTest();
    const created = await create(sandbox, DOCS_EXAMPLE_REQUEST);
    const id = (created.json as { id: string }).id;
    sandbox.pay(id);
    const queried = await call(sandbox, `/api/v1/checkouts/${id}/`);

    for (const answer of [created, queried]) {
      const parsed = CheckoutSchema.safeParse(answer.json);
      expect(parsed.success).toBe(true);
      // Lenient fields are dropped when they do not match: none may be.
      expect(parsed.data).toEqual(answer.json);
    }
  });
});
