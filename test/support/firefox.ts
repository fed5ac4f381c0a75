import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Marionette } from './marionette.ts';

/** The Firefox build (`wxt build -b firefox`). */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const ADDON_ID = 'quick-links@payfect-extension';
/** Pinned (extensions.webextensions.uuids), so the add-on's page URLs are known. */
const ADDON_UUID = '0b7d1f2e-6a3c-4d5e-8f90-123456789abc';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export function firefoxExecutable(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

function prefs(): string {
  const uuids = JSON.stringify({ [ADDON_ID]: ADDON_UUID });
  return [
    ['marionette.port', 0],
    ['extensions.webextensions.uuids', uuids],
    ['browser.shell.checkDefaultBrowser', false],
    ['browser.startup.homepage_override.mstone', 'ignore'],
    ['datareporting.policy.dataSubmissionEnabled', false],
    ['app.update.enabled', false],
    ['browser.aboutwelcome.enabled', false],
  ]
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

/** Real Firefox (headless) with the built add-on installed as a temporary add-on. */
export interface FirefoxExtension {
  readonly marionette: Marionette;
  /** Loads moz-extension://<uuid>/<path> in the current tab, as the browser itself would. */
  open(path: string): Promise<void>;
  /** Types into the control labelled `label` (its <label>, or aria-label). */
  fill(label: string, text: string): Promise<void>;
  /** Clicks the button, link or tab whose text or aria-label is `name`. */
  click(name: string): Promise<void>;
  /** Waits until the page's text holds `text`; throws after `timeoutMs`. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** The page's visible text. */
  text(): Promise<string>;
  /** The value of the control labelled `label`. */
  value(label: string): Promise<string>;
  /** Stops the add-on's background page, as Firefox does to an idle one; it restarts on use. */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

async function waitFor<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The control's element reference, found the way a person reads the page. */
const FIND_BY_LABEL = `
  const [wanted] = args;
  const label = [...document.querySelectorAll('label')]
    .find((candidate) => candidate.textContent.trim() === wanted);
  const control = label?.control ?? document.querySelector('[aria-label="' + wanted + '"]');
  // Clear of the sticky header and Save bar, as a person scrolls to it.
  control?.scrollIntoView({ block: 'center' });
  return control ?? null;`;

const FIND_BY_NAME = `
  const [wanted] = args;
  const named = (el) => (el.getAttribute('aria-label') ?? el.textContent).trim();
  const found = [...document.querySelectorAll('button, a, [role="tab"], [role="menuitem"]')]
    .find((el) => named(el) === wanted && !el.disabled);
  found?.scrollIntoView({ block: 'center' });
  return found ?? null;`;

export async function launchFirefox(
  extensionDir: string = FIREFOX_EXTENSION_DIR,
): Promise<FirefoxExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'payfect-firefox-'));
  writeFileSync(join(profile, 'user.js'), prefs());
  const firefox: ChildProcess = spawn(
    firefoxExecutable(),
    [
      '--marionette',
      '--headless',
      '--no-remote',
      '--remote-allow-system-access',
      '-profile',
      profile,
    ],
    { stdio: 'ignore', env: { ...process.env, MOZ_HEADLESS: '1' } },
  );
  const portFile = join(profile, 'MarionetteActivePort');
  let port = 0;
  await waitFor(
    () => {
      if (!existsSync(portFile)) return undefined;
      port = Number(readFileSync(portFile, 'utf8').trim());
      return port > 0 ? port : undefined;
    },
    30_000,
    'Marionette to listen',
  );
  const marionette = await Marionette.connect(port);
  await marionette.send('WebDriver:NewSession', { capabilities: {} });
  await marionette.send('Addon:Install', { path: extensionDir, temporary: true });

  /** The element's reference, waiting up to 10 s for the page to draw it (React renders late). */
  async function element(script: string, arg: string): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = await marionette.run<Record<string, string> | null>(script, [arg]);
      const id = found?.[ELEMENT];
      if (id !== undefined) return id;
      if (Date.now() > deadline) throw new Error(`Nothing on the page is named "${arg}"`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  async function text(): Promise<string> {
    return marionette.run<string>('return document.body.innerText;');
  }

  return {
    marionette,
    async open(path) {
      // WebDriver may not navigate to moz-extension:// pages; the browser's own chrome may.
      await marionette.send('Marionette:SetContext', { value: 'chrome' });
      await marionette.send('WebDriver:ExecuteScript', {
        script: `openTrustedLinkIn(arguments[0], 'current');`,
        args: [`moz-extension://${ADDON_UUID}/${path}`],
      });
      await marionette.send('Marionette:SetContext', { value: 'content' });
      const deadline = Date.now() + 10_000;
      for (;;) {
        const url = (await marionette.send('WebDriver:GetCurrentURL')) as { value: string };
        const ready = await marionette.run<string>('return document.readyState;');
        if (url.value.includes(path.split('?')[0] ?? path) && ready === 'complete') return;
        if (Date.now() > deadline) throw new Error(`${path} did not load`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    async fill(label, value) {
      const id = await element(FIND_BY_LABEL, label);
      await marionette.send('WebDriver:ElementClear', { id });
      await marionette.send('WebDriver:ElementSendKeys', { id, text: value });
    },
    async click(name) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          const id = await element(FIND_BY_NAME, name);
          await marionette.send('WebDriver:ElementClick', { id });
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((done) => setTimeout(done, 100));
        }
      }
    },
    async waitForText(wanted, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const shown = await text();
        if (typeof wanted === 'string' ? shown.includes(wanted) : wanted.test(shown)) return;
        if (Date.now() > deadline) {
          throw new Error(`Timed out waiting for "${String(wanted)}"; the page says:\n${shown}`);
        }
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    text,
    async value(label) {
      return marionette.run<string>(
        `${FIND_BY_LABEL.replace('return control ?? null;', 'return control?.value ?? "";')}`,
        [label],
      );
    },
    async stopBackground() {
      await marionette.send('Marionette:SetContext', { value: 'chrome' });
      try {
        await marionette.run(
          `await WebExtensionPolicy.getByID(args[0]).extension.terminateBackground({ disableResetIdleForTest: true });`,
          [ADDON_ID],
        );
      } finally {
        await marionette.send('Marionette:SetContext', { value: 'content' });
      }
    },
    async close() {
      marionette.close();
      firefox.kill();
      await new Promise((done) => firefox.once('exit', done));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
