/**
 * `npm start`: builds the extension, starts the bundled Payfect sandbox, and opens Chromium
 * with the extension already pointed at the sandbox and its test key. Where there is no
 * display it runs the same flow headless — creates a sample two-item link through the
 * popup — prints the link, the sandbox's pay page and the screenshots it took, and exits.
 *
 *   npm start                      a window where a display exists, else headless
 *   npm start -- --headless        always headless
 *   npm start -- --screenshots DIR where the headless run saves its screenshots
 *   npm start -- --no-build        reuse .output/chrome-mv3
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../test/support/chromium.ts';
import {
  connectToSandbox,
  createLink,
  fillItems,
  openPopup,
  SAMPLE_ITEMS,
} from '../test/support/flows.ts';
import { startSandbox, type Sandbox } from '../test/sandbox/server.ts';
import { buildExtension, runScript } from './script-support.ts';
import { CHROMIUM, ensureTools } from './tools.ts';

const { values: args } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    screenshots: { type: 'string' },
    port: { type: 'string' },
  },
});

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.headless || !hasDisplay;

async function startDemoSandbox(): Promise<Sandbox> {
  const port = Number(args.port ?? process.env.PAYFECT_SANDBOX_PORT ?? 8787);
  try {
    return await startSandbox({ port, quiet: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${port} is busy; the sandbox takes a free one instead.`);
    return startSandbox({ port: 0, quiet: true });
  }
}

async function runHeadless(extension: ExtensionBrowser): Promise<void> {
  const dir = resolve(args.screenshots ?? join('.output', 'screenshots'));
  mkdirSync(dir, { recursive: true });
  const shot = async (page: Page, name: string) => {
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path });
    return path;
  };
  const shots: string[] = [];
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);

  const options = await extension.context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(extension.url('options.html'));
  shots.push(await shot(options, 'options'));
  await options.close();

  const popup = await openPopup(extension);
  shots.push(await shot(popup, 'popup-empty'));
  await fillItems(popup, SAMPLE_ITEMS);
  shots.push(await shot(popup, 'popup-filled'));
  const link = await createLink(popup);
  // The QR code is drawn a frame after "Link copied": the screenshot waits for what it shows.
  await popup.getByRole('img', { name: 'QR code' }).waitFor();
  shots.push(await shot(popup, 'popup-result'));

  // The link is the sandbox's hosted checkout: pay it as a client would.
  const checkout = await extension.context.newPage();
  await checkout.goto(link);
  shots.push(await shot(checkout, 'sandbox-checkout'));
  await checkout.getByRole('button', { name: 'Pay' }).click();
  await checkout.getByText('Paid').first().waitFor();
  await checkout.close();

  // Back in the popup: History learns the link was paid.
  await popup.getByRole('tab', { name: 'History' }).click();
  await popup.getByRole('button', { name: 'Refresh statuses' }).click();
  await popup.getByRole('listitem').getByText('Complete', { exact: true }).waitFor();
  shots.push(await shot(popup, 'popup-history'));

  console.log('');
  console.log(`Payment link: ${link}`);
  console.log(
    "              (the sandbox's hosted checkout; paid just now, History shows Complete)",
  );
  console.log(`Screenshots:  ${shots.join('\n              ')}`);
}

async function runWindow(extension: ExtensionBrowser, sandbox: Sandbox): Promise<void> {
  await openPopup(extension);
  console.log('');
  console.log('Chromium is open with Payfect Quick Links pointed at the sandbox.');
  console.log(`  API base URL: ${sandbox.apiBaseUrl}`);
  console.log(`  Test API key: ${sandbox.keys[0] ?? ''}`);
  console.log('Pin the extension from the puzzle-piece menu; close the browser to stop.');
  await new Promise<void>((done) => extension.context.on('close', () => done()));
}

/**
 * A Chromium to open: Debian's (installed now where this user may), else Playwright's own,
 * downloaded once; with neither possible, the message says the one command to run.
 */
function ensureChromium(): void {
  try {
    ensureTools([CHROMIUM]);
  } catch (noDebian) {
    console.log("No Debian Chromium to install here: downloading Playwright's own (once)…");
    const download = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
    if (download.status !== 0) throw noDebian;
  }
}

async function main(): Promise<void> {
  ensureChromium();
  if (!args['no-build']) buildExtension();
  const sandbox = await startDemoSandbox();
  console.log(`Payfect sandbox: ${sandbox.apiBaseUrl}`);
  const extension = await launchWithExtension({ headless });
  try {
    await connectToSandbox(extension, sandbox);
    if (headless) await runHeadless(extension);
    else await runWindow(extension, sandbox);
  } finally {
    await extension.close().catch(() => undefined);
    await sandbox.close();
  }
}

runScript(main);
