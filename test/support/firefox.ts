import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  ELEMENT_KEY,
  ElementSchema,
  Marionette,
  MarionetteError,
  type ElementReference,
} from './marionette.ts';

/** The Firefox build (`wxt build -b firefox`). */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const ADDON_ID = 'quick-links@payfect-extension';
/** Pinned (extensions.webextensions.uuids), so the add-on's page URLs are known. */
const ADDON_UUID = '0b7d1f2e-6a3c-4d5e-8f90-123456789abc';

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
    // Notifications in Firefox's own alert window, which a test can read, rather than the
    // desktop's notification daemon (absent on a headless machine).
    ['alerts.useSystemBackend', false],
  ]
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

/** ARIA roles a test asks for, and where on a page such an element may be. */
const ROLE_CANDIDATES = {
  alert: '[role="alert"]',
  button: 'button, [role="button"], input[type="button"], input[type="submit"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  combobox: 'select, input, [role="combobox"]',
  dialog: 'dialog, [role="dialog"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  link: 'a[href], [role="link"]',
  listitem: 'li, [role="listitem"]',
  menuitem: '[role="menuitem"]',
  status: '[role="status"], output',
  tab: '[role="tab"]',
  textbox: 'input, textarea, [role="textbox"]',
} as const;
export type Role = keyof typeof ROLE_CANDIDATES;

/** Controls a label can name (a password field has no ARIA role, so find it by its label). */
const LABELLED = 'input, textarea, select, [role="textbox"], [role="combobox"]';

/** Which element of a role: its accessible name, and (or) text it shows. */
export interface RoleOptions {
  readonly name?: string | RegExp;
  /** Rendered text the element holds (a list item has no name of its own). */
  readonly hasText?: string | RegExp;
}

/** A shown notification, as Firefox's alert window reads. */
export interface Notification {
  readonly title: string;
  readonly text: string;
}

/** Real Firefox (headless) with the built add-on installed as a temporary add-on. */
export interface FirefoxExtension {
  readonly marionette: Marionette;
  /** Loads moz-extension://<uuid>/<path> in the current tab, as the browser itself would. */
  open(path: string): Promise<void>;
  /**
   * The shown element whose role and accessible name are these, as Firefox's accessibility
   * engine computes them; waits up to 10 s for it (React draws late).
   */
  getByRole(role: Role, options: RoleOptions): Promise<ElementReference>;
  /** The shown form control whose accessible name (its <label>, or aria-label) is `label`. */
  getByLabel(label: string): Promise<ElementReference>;
  /** Types into the control labelled `label`, after clearing it. */
  fill(label: string, text: string): Promise<void>;
  /** Clicks the enabled element with this role and name (a button by default). */
  click(name: string | RegExp, role?: Role): Promise<void>;
  /** The element's rendered text. */
  textOf(element: ElementReference): Promise<string>;
  /** The value of the control labelled `label`. */
  value(label: string): Promise<string>;
  /** Waits until the page's text holds `text`; throws after `timeoutMs`. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** The page's visible text. */
  text(): Promise<string>;
  /** Runs `script` (an async function body reading `args`) in the browser's chrome. */
  inChrome<T>(schema: z.ZodType<T>, script: string, args?: readonly unknown[]): Promise<T>;
  /** The notifications Firefox shows now (its alert windows), oldest first. */
  notifications(): Promise<Notification[]>;
  /** The text on the system clipboard. */
  clipboardText(): Promise<string>;
  /** Stops the add-on's background page, as an idle unload or a crash does; it starts again on use. */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

const POLL_MS = 100;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Calls `read` until it returns a value; throws `what` after `timeoutMs`. */
async function waitFor<T>(
  read: () => Promise<T | undefined>,
  timeoutMs: number,
  what: () => string | Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(await what());
    await sleep(POLL_MS);
  }
}

function matches(actual: string, wanted: string | RegExp): boolean {
  return typeof wanted === 'string' ? actual.trim() === wanted : wanted.test(actual);
}

function holds(text: string, wanted: string | RegExp): boolean {
  return typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text);
}

/** Firefox's two ways of saying an element is no longer there. */
function isGone(error: MarionetteError): boolean {
  return error.code === 'stale element reference' || error.message.includes('dead object');
}

function describe({ name, hasText }: RoleOptions): string {
  const named = name === undefined ? [] : [`named "${String(name)}"`];
  const holding = hasText === undefined ? [] : [`showing "${String(hasText)}"`];
  return [...named, ...holding].join(' and ');
}

const ValueSchema = z.object({ value: z.string() });
const BooleanSchema = z.object({ value: z.boolean() });
const NotificationsSchema = z.array(z.object({ title: z.string(), text: z.string() }));

async function startFirefox(profile: string) {
  const firefox = spawn(
    firefoxExecutable(),
    [
      '--marionette',
      '--headless',
      '--no-remote',
      '--remote-allow-system-access',
      '-profile',
      profile,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_HEADLESS: '1' } },
  );
  // The last words Firefox wrote, for the error when it does not come up.
  let stderr = '';
  firefox.stderr.on('data', (data: Buffer) => {
    stderr = (stderr + data.toString()).slice(-2000);
  });
  const portFile = join(profile, 'MarionetteActivePort');
  const port = await waitFor(
    async () => {
      if (firefox.exitCode !== null) throw new Error(`Firefox exited:\n${stderr}`);
      if (!existsSync(portFile)) return undefined;
      const listening = Number(readFileSync(portFile, 'utf8').trim());
      return listening > 0 ? listening : undefined;
    },
    30_000,
    () => `Marionette did not start listening; Firefox said:\n${stderr}`,
  );
  return { firefox, port };
}

async function stop(firefox: ReturnType<typeof spawn>): Promise<void> {
  if (firefox.exitCode !== null || firefox.signalCode !== null) return;
  const exited = new Promise((done) => firefox.once('exit', done));
  firefox.kill('SIGTERM');
  const timer = setTimeout(() => firefox.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function launchFirefox(
  extensionDir: string = FIREFOX_EXTENSION_DIR,
): Promise<FirefoxExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'payfect-firefox-'));
  writeFileSync(join(profile, 'user.js'), prefs());
  let firefox: ReturnType<typeof spawn> | undefined;
  let marionette: Marionette | undefined;
  async function close() {
    marionette?.close();
    if (firefox) await stop(firefox);
    rmSync(profile, { recursive: true, force: true });
  }
  try {
    const started = await startFirefox(profile);
    firefox = started.firefox;
    marionette = await Marionette.connect(started.port);
    await marionette.send('WebDriver:NewSession', { capabilities: {} });
    await marionette.send('Addon:Install', { path: extensionDir, temporary: true });
    return driver(marionette, close);
  } catch (error) {
    await close();
    throw error;
  }
}

function driver(marionette: Marionette, close: () => Promise<void>): FirefoxExtension {
  async function inChrome<T>(schema: z.ZodType<T>, script: string, args: readonly unknown[] = []) {
    await marionette.send('Marionette:SetContext', { value: 'chrome' });
    try {
      return await marionette.evaluate(schema, script, args);
    } finally {
      await marionette.send('Marionette:SetContext', { value: 'content' });
    }
  }

  async function candidates(selector: string): Promise<ElementReference[]> {
    const found = await marionette.send('WebDriver:FindElements', {
      using: 'css selector',
      value: selector,
    });
    return z.array(ElementSchema).parse(found);
  }

  async function property(command: string, element: ElementReference): Promise<string> {
    return ValueSchema.parse(await marionette.send(command, { id: element[ELEMENT_KEY] })).value;
  }

  async function shown(element: ElementReference): Promise<boolean> {
    const answer = await marionette.send('WebDriver:IsElementDisplayed', {
      id: element[ELEMENT_KEY],
    });
    return BooleanSchema.parse(answer).value;
  }

  /** Whether the element is what `options` asks for, as Firefox's accessibility engine reads it. */
  async function fits(element: ElementReference, role: string | undefined, options: RoleOptions) {
    if (role && (await property('WebDriver:GetComputedRole', element)) !== role) return false;
    const { name, hasText } = options;
    if (name !== undefined) {
      if (!matches(await property('WebDriver:GetComputedLabel', element), name)) return false;
    }
    if (hasText !== undefined) {
      if (!holds(await property('WebDriver:GetElementText', element), hasText)) return false;
    }
    return shown(element);
  }

  /** The first shown candidate that fits. */
  async function find(
    selector: string,
    role: string | undefined,
    options: RoleOptions,
  ): Promise<ElementReference | undefined> {
    for (const element of await candidates(selector)) {
      try {
        if (await fits(element, role, options)) return element;
      } catch (error) {
        // Re-rendered (or its page left) between the search and the question: the next poll
        // finds the new one.
        if (error instanceof MarionetteError && isGone(error)) continue;
        throw error;
      }
    }
    return undefined;
  }

  async function text(): Promise<string> {
    return marionette.evaluate(z.string(), 'return document.body.innerText;');
  }

  async function getByRole(role: Role, options: RoleOptions) {
    return waitFor(
      () => find(ROLE_CANDIDATES[role], role, options),
      10_000,
      async () => `No ${role} ${describe(options)}; the page says:\n${await text()}`,
    );
  }

  async function getByLabel(label: string) {
    return waitFor(
      () => find(LABELLED, undefined, { name: label }),
      10_000,
      async () => `No control labelled "${label}"; the page says:\n${await text()}`,
    );
  }

  async function documentOrigin(): Promise<number | null> {
    return marionette.evaluate(z.number().nullable(), 'return performance.timeOrigin ?? null;');
  }

  /** Scrolled clear of the sticky header and Save bar, as a person scrolls to it. */
  async function scrollToCenter(element: ElementReference) {
    await marionette.send('WebDriver:ExecuteScript', {
      script: `arguments[0].scrollIntoView({ block: 'center' });`,
      args: [element],
    });
  }

  return {
    marionette,
    async open(path) {
      // Each document has its own time origin: the page opened is a new one, also when the
      // tab showed the same page before (its URL alone would pass at once).
      const before = await documentOrigin();
      // WebDriver may not navigate to moz-extension:// pages; the browser's own chrome may.
      await inChrome(z.unknown(), `openTrustedLinkIn(args[0], 'current');`, [
        `moz-extension://${ADDON_UUID}/${path}`,
      ]);
      await waitFor(
        async () => {
          const loaded = await marionette.evaluate(
            z.object({ origin: z.number(), ready: z.string(), url: z.string() }).nullable(),
            `return { origin: performance.timeOrigin, ready: document.readyState, url: location.href };`,
          );
          // null while the old page goes.
          const fresh = loaded !== null && loaded.origin !== before;
          return fresh && loaded.ready === 'complete' && loaded.url.includes(path)
            ? true
            : undefined;
        },
        10_000,
        () => `${path} did not load`,
      );
    },
    getByRole,
    getByLabel,
    async fill(label, value) {
      const control = await getByLabel(label);
      await scrollToCenter(control);
      await marionette.send('WebDriver:ElementClear', { id: control[ELEMENT_KEY] });
      await marionette.send('WebDriver:ElementSendKeys', { id: control[ELEMENT_KEY], text: value });
    },
    async click(name, role = 'button') {
      // Disabled until the page is ready (a form still loading): Firefox clicks nothing then.
      const target = await waitFor(
        async () => {
          const element = await getByRole(role, { name });
          const answer = await marionette.send('WebDriver:IsElementEnabled', {
            id: element[ELEMENT_KEY],
          });
          return BooleanSchema.parse(answer).value ? element : undefined;
        },
        10_000,
        () => `The ${role} "${name}" stayed disabled`,
      );
      await scrollToCenter(target);
      await marionette.send('WebDriver:ElementClick', { id: target[ELEMENT_KEY] });
    },
    textOf: (element) => property('WebDriver:GetElementText', element),
    async value(label) {
      const control = await getByLabel(label);
      const answer = await marionette.send('WebDriver:GetElementProperty', {
        id: control[ELEMENT_KEY],
        name: 'value',
      });
      return ValueSchema.parse(answer).value;
    },
    async waitForText(wanted, timeoutMs = 10_000) {
      let shownText = '';
      await waitFor(
        async () => {
          shownText = await text();
          return holds(shownText, wanted) || undefined;
        },
        timeoutMs,
        () => `Timed out waiting for "${String(wanted)}"; the page says:\n${shownText}`,
      );
    },
    text,
    inChrome,
    notifications: () =>
      inChrome(
        NotificationsSchema,
        // A window still loading has no labels yet: it is not shown yet either.
        `return [...Services.wm.getEnumerator('alert:alert')]
          .map((alert) => [alert.document.getElementById('alertTitleLabel'), alert.document.getElementById('alertTextLabel')])
          .filter(([title, text]) => title && text)
          .map(([title, text]) => ({ title: title.value, text: text.textContent }));`,
      ),
    clipboardText: () =>
      inChrome(
        z.string(),
        `const transfer = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        transfer.init(null);
        transfer.addDataFlavor('text/plain');
        Services.clipboard.getData(transfer, Ci.nsIClipboard.kGlobalClipboard);
        const data = {};
        transfer.getTransferData('text/plain', data);
        return data.value.QueryInterface(Ci.nsISupportsString).data;`,
      ),
    async stopBackground() {
      // What Firefox calls on an idle event page; disableResetIdleForTest: stop even with a
      // request in flight, as an unload or a crash would. Done once the page is gone: an
      // open page's next message may start a new one at once.
      await inChrome(
        z.unknown(),
        `const extension = WebExtensionPolicy.getByID(args[0]).extension;
        const gone = new Promise((done) => extension.once('shutdown-background-script', done));
        await extension.terminateBackground({ disableResetIdleForTest: true });
        const late = new Promise((_, fail) =>
          setTimeout(() => fail(new Error('The background page did not stop')), 5000));
        await Promise.race([gone, late]);`,
        [ADDON_ID],
      );
    },
    close,
  };
}
