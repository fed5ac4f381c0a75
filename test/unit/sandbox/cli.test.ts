import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_SANDBOX_KEY } from '../../sandbox/server.ts';
import { DOCS_EXAMPLE_REQUEST } from './fixtures.ts';
import { sandboxForTest } from './helpers.ts';

const CLI = fileURLToPath(new URL('../../sandbox/cli.ts', import.meta.url));

/** Runs the CLI under tsx, as `npm run sandbox` does, collecting its output. */
function runCli(args: string[]) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PAYFECT_SANDBOX_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    async waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
      for (let waited = 0; waited < 10_000; waited += 50) {
        const match = stdout.match(pattern);
        if (match) return match;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`CLI never printed ${pattern}; stdout: ${stdout}; stderr: ${stderr}`);
    },
  };
}

describe('npm run sandbox', () => {
  it('prints the API base URL, the key and a hint, logs requests, and stops on SIGTERM', async () => {
    const cli = runCli(['--port', '0']);
    const [, apiBaseUrl = ''] = await cli.waitFor(
      /API base URL\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/,
    );
    const { stdout } = cli.output();
    expect(stdout).toContain(`API key        ${DEFAULT_SANDBOX_KEY}`);
    expect(stdout).toMatch(/Paste both into the extension's Settings/);

    const response = await fetch(`${apiBaseUrl}/checkouts/`, {
      method: 'POST',
      headers: {
        authorization: `Api-Key ${DEFAULT_SANDBOX_KEY}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(DOCS_EXAMPLE_REQUEST),
    });
    expect(response.status).toBe(200);
    await cli.waitFor(/POST \/api\/v1\/checkouts\/ 200 \d+ms/);
    expect(cli.output().stdout.split(DEFAULT_SANDBOX_KEY)).toHaveLength(2);

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('explains a port that is already in use', async () => {
    const taken = await sandboxForTest();
    const cli = runCli(['--port', String(taken.port)]);

    expect(await cli.exited).toBe(1);
    expect(cli.output().stderr).toContain(`Port ${taken.port} is already in use`);
  });

  it('explains a bad argument and shows the usage', async () => {
    const cli = runCli(['--lifetime', 'forever']);

    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(/not a duration[\s\S]*Usage: npm run sandbox/);
  });
});
