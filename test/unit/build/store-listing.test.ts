import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const listing = readFileSync(join(ROOT, 'docs/store-listing.md'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The screenshots the listing tells whoever publishes to upload. */
const uploads = [...listing.matchAll(/`(docs\/store\/[\w-]+\.png)`/g)].map((match) => match[1]);

/** The text between a Markdown heading and the next heading of the same level or higher. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) return '';
  const level = heading.split(' ')[0] ?? '##';
  const rest = markdown.slice(start + heading.length + 2);
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

describe('the store listing', () => {
  it('has a short description within the Chrome Web Store limit of 132 characters', () => {
    const short = section(listing, '## Short description')
      .split('\n')
      .filter((line) => line.startsWith('>'))
      .map((line) => line.replace(/^>\s?/, ''))
      .join(' ')
      .trim();
    expect(short.length).toBeGreaterThan(40);
    expect(short.length).toBeLessThanOrEqual(132);
  });

  it('has a zh-TW listing named as the zh-TW manifest, its summary within 132 characters', () => {
    const zh = section(listing, '## Traditional Chinese (zh-TW)');
    const locale = readFileSync(join(ROOT, 'locales/zh-TW.yml'), 'utf8');
    const name = section(zh, '### 名稱').trim();
    expect(locale).toContain(`\nextName: ${name}\n`);
    const short = section(zh, '### 簡短說明').replace(/^>\s?/gm, '').trim();
    expect(short.length).toBeGreaterThan(20);
    expect(short.length).toBeLessThanOrEqual(132);
    expect(section(zh, '### 詳細說明')).toContain('API 金鑰');
  });

  it('lists screenshots, each 1280 × 800 as both stores accept', () => {
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    for (const upload of uploads) {
      const { width, height } = PNG.sync.read(readFileSync(join(ROOT, upload ?? '')));
      expect({ upload, width, height }).toEqual({ upload, width: 1280, height: 800 });
    }
  });

  it('lists every picture in docs/store/', () => {
    const made = readdirSync(join(ROOT, 'docs/store')).map((name) => `docs/store/${name}`);
    expect(made.sort()).toEqual([...uploads].sort());
  });
});

describe('the README', () => {
  it('has a Privacy section naming what is stored and where requests go', () => {
    const privacy = section(readme, '## Privacy');
    for (const fact of ['storage.local', '`apiKey`', '`settings`', '`draft`', '`history:meta`']) {
      expect(privacy).toContain(fact);
    }
    expect(privacy).toContain('https://api.payfect.finance/api/v1');
    expect(privacy).toMatch(/no analytics/);
  });

  it('says how to load the Firefox build and change the shortcut', () => {
    const firefox = section(readme, '### Firefox');
    expect(firefox).toContain('Load Temporary Add-on');
    expect(firefox).toContain('.output/firefox-mv2/manifest.json');
    const shortcut = section(readme, '### Keyboard shortcut');
    expect(shortcut).toContain('chrome://extensions/shortcuts');
    expect(shortcut).toContain('Manage Extension Shortcuts');
  });

  it('links only pictures that exist', () => {
    const pictures = [...readme.matchAll(/\]\((docs\/[\w/-]+\.png)\)/g)].map((match) => match[1]);
    expect(pictures).toContain('docs/popup-keyboard.png');
    for (const picture of pictures) expect(existsSync(join(ROOT, picture ?? ''))).toBe(true);
  });
});
