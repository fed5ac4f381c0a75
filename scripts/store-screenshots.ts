/**
 * `npm run store-screenshots`: the pictures for the Chrome Web Store and addons.mozilla.org.
 *
 * 1. Takes docs/popup-keyboard.png: the built extension against the local sandbox, a link
 *    made by keyboard alone, focus on "Copy message" (what the focus ring looks like).
 * 2. Places each popup and options screenshot of docs/ on a 1280 × 800 canvas with its
 *    caption, the one size both stores accept, in docs/store/.
 *
 * Needs a build (`npm run build`) and the other screenshots (`npm run screenshots`).
 * docs/store-listing.md lists the results; test/unit/build/store-listing.test.ts checks them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, expect } from '@playwright/test';
import { startSandbox } from '../test/sandbox/server.ts';
import { chromiumExecutable, launchWithExtension } from '../test/support/chromium.ts';
import { connectToSandbox, openPopup } from '../test/support/flows.ts';

const STORE_SIZE = { width: 1280, height: 800 } as const;

/** docs/<file> → docs/store/<file>, with the caption the store listing shows under it. */
const STORE_SHOTS: readonly { readonly file: string; readonly caption: string }[] = [
  { file: 'popup-filled.png', caption: 'Type the items and the price. The total is exact.' },
  { file: 'popup-result.png', caption: 'Press Enter: the link is on your clipboard.' },
  { file: 'popup-keyboard.png', caption: 'Keyboard first: Tab, Enter, paste.' },
  { file: 'popup-history.png', caption: 'See which links are paid, open or expired.' },
  { file: 'options.png', caption: 'Your API key goes to Payfect and nowhere else.' },
];

const root = resolve(import.meta.dirname, '..');
const docs = join(root, 'docs');

async function keyboardScreenshot(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, quiet: true });
  const extension = await launchWithExtension();
  try {
    await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await connectToSandbox(extension, sandbox);
    const popup = await openPopup(extension);
    // Keys typed before the form has rendered go nowhere.
    await expect(popup.getByRole('textbox', { name: 'Item name' })).toBeFocused();
    await popup.keyboard.type('Website audit');
    for (const field of ['Description', 'Unit price']) {
      await popup.keyboard.press('Tab');
      await expect(popup.getByRole('textbox', { name: field })).toBeFocused();
    }
    await popup.keyboard.type('75');
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('button', { name: 'Copy link' })).toBeFocused({
      timeout: 15_000,
    });
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('status').filter({ hasText: 'Message copied' })).toBeVisible();
    await popup.screenshot({ path: join(docs, 'popup-keyboard.png') });
  } finally {
    await extension.close();
    await sandbox.close();
  }
}

function dataUrl(path: string): string {
  return `data:image/png;base64,${readFileSync(path).toString('base64')}`;
}

/** The canvas: the brand's gradient, the icon, the caption, and the screenshot beside it. */
function canvasPage(shot: string, caption: string): string {
  return `<!doctype html><html><body style="margin:0">
  <div style="width:${STORE_SIZE.width}px;height:${STORE_SIZE.height}px;display:flex;
    align-items:center;gap:64px;padding:0 96px;box-sizing:border-box;color:#fff;
    font-family:system-ui,sans-serif;background:linear-gradient(135deg,#0e7466,#2563eb)">
    <div style="flex:1">
      <img src="${dataUrl(join(root, 'public/icon/128.png'))}" width="96" height="96" alt="">
      <p style="font-size:28px;font-weight:600;margin:24px 0 12px;opacity:.85">Payfect Quick Links</p>
      <p style="font-size:48px;font-weight:700;line-height:1.15;margin:0">${caption}</p>
    </div>
    <img src="${dataUrl(join(docs, shot))}" alt="" style="max-height:680px;max-width:620px;
      border-radius:12px;box-shadow:0 24px 64px rgb(0 0 0 / .35);background:#fff">
  </div></body></html>`;
}

async function composeStoreShots(): Promise<void> {
  mkdirSync(join(docs, 'store'), { recursive: true });
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: STORE_SIZE });
    for (const { file, caption } of STORE_SHOTS) {
      await page.setContent(canvasPage(file, caption));
      await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
      const out = join(docs, 'store', file);
      writeFileSync(out, await page.screenshot());
      console.log(out);
    }
  } finally {
    await browser.close();
  }
}

await keyboardScreenshot();
await composeStoreShots();
