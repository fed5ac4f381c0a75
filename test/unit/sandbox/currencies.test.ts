import { describe, expect, it } from 'vitest';
import { CURRENCY_TABLE } from '../../../lib/currencies.ts';
import { resolveOptions } from '../../sandbox/config.ts';
import { minimalRequest } from './fixtures.ts';
import { create, sandboxForTest } from './helpers.ts';

describe("the sandbox's currencies", () => {
  it("are by default the extension's currency table, in its order", () => {
    expect(resolveOptions().currencies.map(({ value }) => value)).toEqual(
      CURRENCY_TABLE.map(({ value }) => value),
    );
  });

  it('accept a checkout in each currency of the table, in either case, and no other', async () => {
    const sandbox = await sandboxForTest();
    for (const { value } of CURRENCY_TABLE) {
      expect((await create(sandbox, minimalRequest({ currency: value }))).status).toBe(200);
      const upper = minimalRequest({ currency: value.toUpperCase() });
      expect((await create(sandbox, upper)).status).toBe(200);
    }
    for (const other of ['eur', 'jpy', 'usdc']) {
      expect((await create(sandbox, minimalRequest({ currency: other }))).status).toBe(400);
    }
  });
});
