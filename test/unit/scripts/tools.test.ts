import { describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  installCommand,
  plan,
  testTools,
  type Machine,
  type Rights,
} from '../../../scripts/tools.ts';

/** A machine with exactly these commands, files and fonts. */
function machine({
  commands = [] as string[],
  files = [] as string[],
  cjk = false,
  env = {} as Record<string, string>,
} = {}): Machine {
  return {
    env,
    hasCommand: (name) => commands.includes(name),
    exists: (path) => files.includes(path),
    hasCjkFont: () => cjk,
  };
}

const EVERYTHING = machine({
  commands: ['firefox-esr', 'pdftotext', 'pdftoppm', 'pdfinfo', 'openssl'],
  files: ['/usr/bin/chromium'],
  cjk: true,
});
const BARE = machine();
const ROOT: Rights = { apt: true, root: true, sudo: false };
const SUDO: Rights = { apt: true, root: false, sudo: true };
const NOBODY: Rights = { apt: true, root: false, sudo: false };
const NOT_DEBIAN: Rights = { apt: false, root: true, sudo: true };
const ALL_PACKAGES = ['chromium', 'fonts-noto-cjk', 'firefox-esr', 'poppler-utils', 'openssl'];

describe('what npm test does about the programs it needs', () => {
  it('goes on at once when everything is there', () => {
    expect(plan(testTools(), EVERYTHING, NOBODY)).toEqual({ kind: 'ready' });
  });

  it('installs every missing package on a bare machine as root, without sudo', () => {
    expect(plan(testTools(), BARE, ROOT)).toEqual({
      kind: 'install',
      sudo: false,
      packages: ALL_PACKAGES,
    });
  });

  it('installs through sudo where it asks no password, and only what is missing', () => {
    const noFont = machine({
      commands: ['firefox-esr', 'pdftotext', 'pdftoppm', 'pdfinfo', 'openssl'],
      files: ['/usr/bin/chromium'],
    });
    expect(plan(testTools(), noFont, SUDO)).toEqual({
      kind: 'install',
      sudo: true,
      packages: ['fonts-noto-cjk'],
    });
  });

  it('stops with the one command to run where it may not install', () => {
    const next = plan(testTools(), BARE, NOBODY);
    expect(next.kind).toBe('stop');
    if (next.kind !== 'stop') return;
    expect(next.message).toContain(installCommand(ALL_PACKAGES, true));
    expect(next.message).toContain(
      'Chromium, a CJK font, Firefox ESR, poppler (pdftotext), openssl',
    );
  });

  it('names the tools, not apt-get, where there is no apt-get', () => {
    const next = plan(testTools(), BARE, NOT_DEBIAN);
    expect(next).toMatchObject({ kind: 'stop' });
    if (next.kind !== 'stop') return;
    expect(next.message).not.toContain('apt-get');
    expect(next.message).toContain('CHROMIUM_PATH');
  });

  it('takes the browsers CHROMIUM_PATH and FIREFOX_PATH name, and only if they exist', () => {
    const named = machine({
      commands: ['pdftotext', 'pdftoppm', 'pdfinfo', 'openssl'],
      files: ['/opt/chrome/chrome', '/opt/firefox/firefox'],
      cjk: true,
      env: { CHROMIUM_PATH: '/opt/chrome/chrome', FIREFOX_PATH: '/opt/firefox/firefox' },
    });
    expect(plan(testTools(), named, NOBODY)).toEqual({ kind: 'ready' });
    const wrong = machine({
      files: ['/usr/bin/chromium'],
      env: { CHROMIUM_PATH: '/opt/none' },
    });
    expect(CHROMIUM.present(wrong)).toBe(false);
  });

  it('needs all three poppler programs', () => {
    const half = machine({ commands: ['pdftotext'] });
    const poppler = testTools().find((tool) => tool.debian === 'poppler-utils');
    expect(poppler?.present(half)).toBe(false);
  });
});
