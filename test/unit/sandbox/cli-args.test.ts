import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseDuration } from '../../sandbox/cli-args.ts';
import { DEFAULT_SANDBOX_KEY } from '../../sandbox/server.ts';

describe('npm run sandbox arguments', () => {
  it('defaults to port 8787, the default key, 24 hours and memory only', () => {
    expect(parseCliArgs([], {})).toEqual({
      ok: true,
      value: {
        help: false,
        port: 8787,
        keys: [DEFAULT_SANDBOX_KEY],
        lifetimeMs: undefined,
        dataFile: undefined,
        quiet: false,
      },
    });
  });

  it('reads the environment variables', () => {
    const parsed = parseCliArgs([], {
      PAYFECT_SANDBOX_PORT: '9000',
      PAYFECT_SANDBOX_KEY: 'env-key',
      PAYFECT_SANDBOX_LIFETIME: '10m',
      PAYFECT_SANDBOX_DATA: '.sandbox-data/sessions.json',
    });
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        port: 9000,
        keys: ['env-key'],
        lifetimeMs: 600_000,
        dataFile: '.sandbox-data/sessions.json',
      },
    });
  });

  it('lets flags win over the environment, in both --flag value and --flag=value forms', () => {
    const parsed = parseCliArgs(
      ['--port', '8799', '--key=flag-key', '--lifetime', '90s', '--data=store.json', '--quiet'],
      { PAYFECT_SANDBOX_PORT: '9000', PAYFECT_SANDBOX_KEY: 'env-key' },
    );
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        port: 8799,
        keys: ['flag-key'],
        lifetimeMs: 90_000,
        dataFile: 'store.json',
        quiet: true,
      },
    });
  });

  it('treats empty environment variables as unset', () => {
    expect(parseCliArgs([], { PAYFECT_SANDBOX_PORT: '', PAYFECT_SANDBOX_KEY: '' })).toMatchObject({
      value: { port: 8787, keys: [DEFAULT_SANDBOX_KEY] },
    });
  });

  it('accepts several keys', () => {
    expect(parseCliArgs(['--key', 'one', '--key', 'two'], {})).toMatchObject({
      value: { keys: ['one', 'two'] },
    });
  });

  it('recognises --help and -h', () => {
    expect(parseCliArgs(['--help'], {})).toMatchObject({ value: { help: true } });
    expect(parseCliArgs(['-h'], {})).toMatchObject({ value: { help: true } });
  });

  it.each([
    [['--port', 'eighty'], /not a port number/],
    [['--port', '70000'], /not a port number/],
    [['--port'], /--port needs a value/],
    [['--lifetime', '90'], /write it like 90s, 10m or 24h/],
    [['--lifetime', '0s'], /not a usable duration/],
    [['--verbose'], /Unknown option "--verbose"/],
    [['--key', 'has space'], /white space/],
  ])('refuses %j with a message', (argv, message) => {
    const parsed = parseCliArgs(argv, {});
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });

  it.each([
    ['1500ms', 1500],
    ['90s', 90_000],
    ['10m', 600_000],
    ['24h', 86_400_000],
    ['2d', 172_800_000],
  ])('reads the duration %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: ms });
  });
});
