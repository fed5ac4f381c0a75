import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

/** The unpacked production build that `wxt build` writes (see outDir in wxt.config.ts). */
export const EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.PAYFECT_OUT_DIR ?? '.output',
  'chrome-mv3',
);

/**
 * Debian's chromium where it is installed (Playwright cannot download browsers on every
 * machine), `CHROMIUM_PATH` to choose another, else Playwright's own bundled Chromium.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

// The machine may have no network at all: every background fetch Chromium makes on its own
// would only fail noisily, so it is switched off.
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly worker: Worker;
  /** chrome-extension://<id>/<path> */
  url(path: string): string;
  /** http://127.0.0.1:<port>, with `remoteDebugging`. */
  readonly cdpUrl?: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly headless?: boolean;
  /** A profile to reuse (browser restart tests); a fresh temporary one otherwise. */
  readonly userDataDir?: string;
  readonly extensionDir?: string;
  /** The browser's UI language ("zh-TW"), which chrome.i18n answers in; English by default. */
  readonly locale?: string;
  /** More Chromium switches, e.g. --host-resolver-rules for a test's made-up host names. */
  readonly args?: readonly string[];
  /**
   * Opens the DevTools protocol on a free port (`cdpUrl`): a second connection reaches pages
   * the persistent context does not list, such as the real toolbar popup.
   */
  readonly remoteDebugging?: boolean;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const temporaryProfile = options.userDataDir
    ? undefined
    : mkdtempSync(join(tmpdir(), 'payfect-profile-'));
  const userDataDir = options.userDataDir ?? temporaryProfile ?? '';
  const executablePath = chromiumExecutable();
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: options.headless ?? true,
    // --lang sets Chromium's UI language (what chrome.i18n answers in), LANGUAGE the
    // Linux build's; locale the pages' navigator.language and Accept-Language.
    locale: options.locale ?? 'en-US',
    env: { ...process.env, LANGUAGE: (options.locale ?? 'en-US').replace('-', '_') },
    ...(executablePath ? { executablePath } : {}),
    args: [
      ...QUIET_FLAGS,
      `--lang=${options.locale ?? 'en-US'}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.remoteDebugging ? ['--remote-debugging-port=0'] : []),
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Chromium writes the port it chose on the file's first line.
  const port = options.remoteDebugging
    ? readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0]
    : undefined;
  return {
    context,
    extensionId,
    worker,
    ...(port ? { cdpUrl: `http://127.0.0.1:${port}` } : {}),
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: async () => {
      await context.close();
      if (temporaryProfile) rmSync(temporaryProfile, { recursive: true, force: true });
    },
  };
}
