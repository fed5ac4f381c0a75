/** `npm run sandbox` arguments and environment, read into sandbox options. */
import { err, ok, type Result } from '../../lib/result.ts';
import { DEFAULT_CLI_PORT, DEFAULT_SANDBOX_KEY, parseQuoteRate } from './config.ts';

export interface CliSettings {
  readonly help: boolean;
  readonly port: number;
  readonly keys: readonly string[];
  readonly lifetimeMs: number | undefined;
  readonly dataFile: string | undefined;
  readonly quiet: boolean;
  /** USDT per unit of fiat, as typed; undefined: the fiat currency is echoed. */
  readonly quoteUsdt: string | undefined;
}

export const USAGE = `Usage: npm run sandbox -- [options]

Starts the local Payfect sandbox: a Payfect-compatible API on 127.0.0.1 for demos and tests.

Options (each also read from the environment variable shown):
  --port N          port to listen on (PAYFECT_SANDBOX_PORT, default ${DEFAULT_CLI_PORT}; 0 = any free port)
  --key KEY         API key to accept; repeat for several (PAYFECT_SANDBOX_KEY,
                    default ${DEFAULT_SANDBOX_KEY})
  --lifetime TIME   how long a checkout stays open, e.g. 90s, 10m, 24h (PAYFECT_SANDBOX_LIFETIME,
                    default 24h)
  --data FILE       keep sessions in FILE so they survive a restart (PAYFECT_SANDBOX_DATA,
                    default: memory only)
  --quote-usdt RATE answer a fiat-priced checkout in USDT at RATE USDT per unit of fiat,
                    e.g. 0.0312 for TWD (PAYFECT_SANDBOX_QUOTE_USDT, default: answer in the
                    order's own currency, as Payfect's docs show)
  --quiet           no line per request
  --help            this text
`;

const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60 * 1000,
  h: 60 * 60 * 1000,
  d: 24 * 60 * 60 * 1000,
};

/** "90s", "10m", "24h", "1500ms", "2d" in milliseconds. A bare number is refused: which unit? */
export function parseDuration(text: string): Result<number, string> {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  const unit = UNITS[match?.[2] ?? ''];
  if (match === null || unit === undefined) {
    return err(`"${text}" is not a duration; write it like 90s, 10m or 24h`);
  }
  const ms = Number(match[1]) * unit;
  return Number.isSafeInteger(ms) && ms > 0 ? ok(ms) : err(`"${text}" is not a usable duration`);
}

export function parsePort(text: string): Result<number, string> {
  const port = Number(text);
  return /^\d+$/.test(text.trim()) && port >= 0 && port <= 65535
    ? ok(port)
    : err(`"${text}" is not a port number (0 to 65535)`);
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `argv` (without node and the script) over `env`; returns a message for bad input. */
export function parseCliArgs(argv: readonly string[], env: Env): Result<CliSettings, string> {
  const flags = new Map<string, string[]>();
  let help = false;
  let quiet = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--quiet') {
      quiet = true;
      continue;
    }
    const [name = '', inline] = arg.split(/=(.*)/s, 2);
    if (!['--port', '--key', '--lifetime', '--data', '--quote-usdt'].includes(name)) {
      return err(`Unknown option "${arg}" (see --help)`);
    }
    const value = inline ?? argv[(index += 1)];
    if (value === undefined || value === '') return err(`${name} needs a value`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  // An empty variable (PAYFECT_SANDBOX_PORT= npm run sandbox) counts as unset.
  const fromEnv = (variable: string) => (env[variable] === '' ? undefined : env[variable]);
  const last = (name: string, variable: string) => flags.get(name)?.at(-1) ?? fromEnv(variable);

  const portText = last('--port', 'PAYFECT_SANDBOX_PORT');
  const port = portText === undefined ? ok(DEFAULT_CLI_PORT) : parsePort(portText);
  if (!port.ok) return port;

  const lifetimeText = last('--lifetime', 'PAYFECT_SANDBOX_LIFETIME');
  const lifetime = lifetimeText === undefined ? ok(undefined) : parseDuration(lifetimeText);
  if (!lifetime.ok) return lifetime;

  const envKey = fromEnv('PAYFECT_SANDBOX_KEY');
  const keys = flags.get('--key') ?? (envKey === undefined ? [] : [envKey]);
  if (keys.some((key) => /\s/.test(key))) return err('An API key cannot contain white space');

  const dataFile = last('--data', 'PAYFECT_SANDBOX_DATA');
  const quoteUsdt = last('--quote-usdt', 'PAYFECT_SANDBOX_QUOTE_USDT');
  if (quoteUsdt !== undefined) {
    const rate = parseQuoteRate(quoteUsdt);
    if (!rate.ok) return err(rate.error);
  }
  return ok({
    help,
    port: port.value,
    keys: keys.length === 0 ? [DEFAULT_SANDBOX_KEY] : keys,
    lifetimeMs: lifetime.value,
    dataFile,
    quiet,
    quoteUsdt,
  });
}
