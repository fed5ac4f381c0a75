import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startSandbox } from '../../sandbox/server.ts';
import { DOCS_EXAMPLE_REQUEST, minimalRequest } from './fixtures.ts';
import { call, createdId, sandboxForTest } from './helpers.ts';

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'payfect-sandbox-'));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

describe('the data file', () => {
  it('keeps sessions, and their status, across a restart', async () => {
    const dataFile = join(temporaryDirectory(), 'sessions.json');
    const first = await startSandbox({ port: 0, quiet: true, dataFile });
    const paidId = await createdId(first, DOCS_EXAMPLE_REQUEST);
    const openId = await createdId(first, minimalRequest());
    first.pay(paidId);
    const before = (await call(first, `/api/v1/checkouts/${paidId}/`)).json;
    await first.close();

    const second = await sandboxForTest({ dataFile });
    const after = await call(second, `/api/v1/checkouts/${paidId}/`);
    expect(after.status).toBe(200);
    expect(after.json).toEqual({
      ...(before as object),
      url: `${second.origin}/checkouts/${paidId}`,
    });
    expect(second.sessions.get(openId)?.status).toBe('open');
    expect([...second.sessions.keys()]).toEqual([paidId, openId]);
  });

  it('is created on the first change, with its directory, and replaced without temporary leftovers', async () => {
    const directory = join(temporaryDirectory(), 'nested', 'data');
    const dataFile = join(directory, 'sessions.json');
    const sandbox = await sandboxForTest({ dataFile });
    for (let index = 0; index < 5; index += 1) await createdId(sandbox, minimalRequest());

    expect(readdirSync(directory)).toEqual(['sessions.json']);
    const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as {
      version: number;
      checkouts: unknown[];
    };
    expect(saved.version).toBe(1);
    expect(saved.checkouts).toHaveLength(5);
  });

  it('refuses to start on a file that is not a sandbox data file, saying how to fix it', async () => {
    const dataFile = join(temporaryDirectory(), 'sessions.json');
    writeFileSync(dataFile, '{"something": "else"}');
    await expect(startSandbox({ port: 0, quiet: true, dataFile })).rejects.toThrow(
      /not in the sandbox's format.*delete it/s,
    );
    writeFileSync(dataFile, 'not json');
    await expect(startSandbox({ port: 0, quiet: true, dataFile })).rejects.toThrow(/not JSON/);
  });

  it('is emptied by reset', async () => {
    const dataFile = join(temporaryDirectory(), 'sessions.json');
    const sandbox = await sandboxForTest({ dataFile });
    await createdId(sandbox, minimalRequest());
    sandbox.reset();

    expect(JSON.parse(readFileSync(dataFile, 'utf8'))).toEqual({ version: 1, checkouts: [] });
  });
});
