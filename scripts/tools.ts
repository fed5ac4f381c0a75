import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

/*
 * The programs outside npm that `npm test` and `npm start` use, found or installed so that a
 * newcomer on a bare Debian or Ubuntu machine types nothing but the README's two commands.
 * Where packages may be installed (root, or sudo without a password) the missing ones are;
 * anywhere else the run stops at once with the one command that installs them.
 */

/** What is known of the machine: each probe is one question, so the plan is testable. */
export interface Machine {
  readonly env: Readonly<Record<string, string | undefined>>;
  hasCommand(name: string): boolean;
  exists(path: string): boolean;
  /** Whether a font that covers Traditional Chinese is installed (zh-TW pages and PDFs). */
  hasCjkFont(): boolean;
}

export interface Tool {
  /** What it is, as the message names it. */
  readonly name: string;
  /** The Debian package that provides it. */
  readonly debian: string;
  present(machine: Machine): boolean;
}

/** Debian's chromium, the one CHROMIUM_PATH names, or Playwright's own once downloaded. */
export const CHROMIUM: Tool = {
  name: 'Chromium',
  debian: 'chromium',
  present: (machine) => {
    const named = machine.env.CHROMIUM_PATH;
    if (named) return machine.exists(named);
    return machine.exists('/usr/bin/chromium') || machine.exists(chromium.executablePath());
  },
};

const TEST_TOOLS: readonly Tool[] = [
  CHROMIUM,
  // Without one, zh-TW pages render as boxes: the font is checked, not the browser's package.
  { name: 'a CJK font', debian: 'fonts-noto-cjk', present: (machine) => machine.hasCjkFont() },
  {
    name: 'Firefox ESR',
    debian: 'firefox-esr',
    present: (machine) => {
      const named = machine.env.FIREFOX_PATH;
      return named ? machine.exists(named) : machine.hasCommand('firefox-esr');
    },
  },
  {
    // Reads the printed invoices back (test/support/pdf.ts).
    name: 'poppler (pdftotext)',
    debian: 'poppler-utils',
    present: (machine) => ['pdftotext', 'pdftoppm', 'pdfinfo'].every(machine.hasCommand),
  },
  {
    // Makes the look-alike API host's throwaway certificate (test/e2e/key-hosts.spec.ts).
    name: 'openssl',
    debian: 'openssl',
    present: (machine) => machine.hasCommand('openssl'),
  },
];

/** The tools `npm test` needs. */
export function testTools(): readonly Tool[] {
  return TEST_TOOLS;
}

export type Plan =
  | { readonly kind: 'ready' }
  | { readonly kind: 'install'; readonly sudo: boolean; readonly packages: readonly string[] }
  | { readonly kind: 'stop'; readonly message: string };

/** What may install packages here: apt-get, and root or a sudo that asks no password. */
export interface Rights {
  readonly apt: boolean;
  readonly root: boolean;
  readonly sudo: boolean;
}

/** The one command that installs `packages` on Debian or Ubuntu. */
export function installCommand(packages: readonly string[], sudo: boolean): string {
  const prefix = sudo ? 'sudo ' : '';
  return `${prefix}apt-get update && ${prefix}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** Whether anything is missing, and what to do about it. */
export function plan(tools: readonly Tool[], machine: Machine, rights: Rights): Plan {
  const missing = tools.filter((tool) => !tool.present(machine));
  if (missing.length === 0) return { kind: 'ready' };
  const packages = missing.map((tool) => tool.debian);
  if (rights.apt && (rights.root || rights.sudo)) {
    return { kind: 'install', sudo: !rights.root, packages };
  }
  const names = missing.map((tool) => tool.name).join(', ');
  const how = rights.apt
    ? `Install them with:\n\n  ${installCommand(packages, true)}\n`
    : `Install them with your system's packages (Debian: ${packages.join(' ')}); CHROMIUM_PATH and FIREFOX_PATH name browsers installed elsewhere, and "npx playwright install chromium" downloads a Chromium.\n`;
  return { kind: 'stop', message: `Missing for this command: ${names}.\n${how}` };
}

/** This machine, asked for real. */
export function thisMachine(): Machine {
  const hasCommand = (name: string) =>
    spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
  return {
    env: process.env,
    hasCommand,
    exists: existsSync,
    hasCjkFont: () => {
      if (hasCommand('fc-list')) {
        const fonts = spawnSync('fc-list', [':lang=zh-tw', 'family'], { encoding: 'utf8' });
        return fonts.status === 0 && fonts.stdout.trim() !== '';
      }
      const dir = '/usr/share/fonts/opentype/noto';
      return existsSync(dir) && readdirSync(dir).some((file) => /CJK/iu.test(file));
    },
  };
}

/** Whether packages may be installed here, without asking anyone for a password. */
export function thisMachineRights(machine: Machine): Rights {
  return {
    apt: machine.hasCommand('apt-get'),
    root: process.getuid?.() === 0,
    sudo: spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  };
}

/**
 * Installs what `tools` lack where that may be done, or throws with the one command to run.
 * Returns the packages installed (none when all were there).
 */
export function ensureTools(tools: readonly Tool[]): readonly string[] {
  const machine = thisMachine();
  const next = plan(tools, machine, thisMachineRights(machine));
  if (next.kind === 'ready') return [];
  if (next.kind === 'stop') throw new Error(next.message);
  console.log(`Installing Debian's ${next.packages.join(', ')} (once)…`);
  const run = (args: string[]) => {
    const [command = '', ...rest] = next.sudo ? ['sudo', ...args] : args;
    const result = spawnSync(command, rest, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      throw new Error(`"${[command, ...rest].join(' ')}" failed; run it yourself to see why.`);
    }
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...next.packages]);
  return next.packages;
}
