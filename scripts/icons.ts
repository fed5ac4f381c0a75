/**
 * `npm run icons`: renders every icon size the manifest declares from the one source,
 * assets/icon.svg, into public/icon/<size>.png. Headless Chromium draws them (the same
 * browser the tests use), so no image tool needs installing; commit the PNGs it writes.
 *
 *   npm run icons                 write public/icon/*.png
 *   npm run icons -- --out DIR    write them elsewhere, to compare before committing
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../test/support/chromium.ts';
import { ICON_SIZES } from '../wxt.config.ts';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(root, args.out ?? 'public/icon');
const svg = readFileSync(join(root, 'assets/icon.svg'));

/** A page holding only the icon, drawn by the browser's SVG renderer at exactly `size`. */
function pageFor(size: number): string {
  const source = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  return `<!doctype html><html><body style="margin:0;background:transparent">
    <img src="${source}" width="${size}" height="${size}" style="display:block" alt=""></body></html>`;
}

mkdirSync(outDir, { recursive: true });
const executablePath = chromiumExecutable();
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of ICON_SIZES) {
    // One page per size at a device pixel ratio of 1, so a 16 px icon is 16 real pixels.
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(pageFor(size));
    await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    const file = join(outDir, `${size}.png`);
    writeFileSync(file, png);
    console.log(`${file} (${size}×${size}, ${png.length} bytes)`);
    await page.close();
  }
} finally {
  await browser.close();
}
