/**
 * `npm run sandbox`: the Payfect sandbox in a terminal, for trying the extension by hand.
 * Prints what to paste into the extension's Settings, then one line per request.
 */
import { USAGE, parseCliArgs } from './cli-args.ts';
import { startSandbox, type Sandbox } from './server.ts';

function describeLifetime(ms: number | undefined): string {
  if (ms === undefined) return '24 hours';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  return `${ms / 1000} seconds`;
}

function listenFailure(error: unknown, port: number): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is already in use (another sandbox?). Stop it, or pick another port with --port N or PAYFECT_SANDBOX_PORT.`;
  }
  if (code === 'EACCES') return `Not allowed to listen on port ${port}; pick one above 1023.`;
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    console.error(`${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const settings = parsed.value;
  if (settings.help) {
    console.log(USAGE);
    return 0;
  }

  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      port: settings.port,
      keys: settings.keys,
      lifetimeMs: settings.lifetimeMs,
      dataFile: settings.dataFile,
      quiet: settings.quiet,
      ...(settings.quoteUsdt === undefined ? {} : { quoteUsdt: settings.quoteUsdt }),
    });
  } catch (error) {
    console.error(`The Payfect sandbox could not start: ${listenFailure(error, settings.port)}`);
    return 1;
  }

  console.log(`
Payfect sandbox is running (test mode: no real money moves).

  API base URL   ${sandbox.apiBaseUrl}
  API key        ${settings.keys.join('\n                 ')}

Paste both into the extension's Settings (API base URL and API key), then create a link.
Links open the sandbox's pay page (${sandbox.origin}/checkouts/<id>), whose "Pay" button marks
them paid. Sessions stay open for ${describeLifetime(settings.lifetimeMs)}; ${
    settings.dataFile === undefined
      ? 'they live in memory only'
      : `they are kept in ${settings.dataFile}`
  }.
Press Ctrl+C to stop.
`);

  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      console.log(`\n${signal}: stopping the sandbox.`);
      // A second Ctrl+C does not wait for the first one's clean close.
      process.once(signal, () => resolve(130));
      sandbox.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
