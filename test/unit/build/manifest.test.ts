import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv } from 'wxt';
import { ICON_SIZES, ICONS, manifestFor } from '../../../wxt.config.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

const CHROME: ConfigEnv = {
  browser: 'chrome',
  manifestVersion: 3,
  mode: 'production',
  command: 'build',
};
const FIREFOX: ConfigEnv = {
  browser: 'firefox',
  manifestVersion: 2,
  mode: 'production',
  command: 'build',
};

/** Width and height from the PNG's header, as the browser will read them. */
function pngSize(path: string): { width: number; height: number } {
  const { width, height } = PNG.sync.read(readFileSync(path));
  return { width, height };
}

describe('the keyboard shortcut', () => {
  // Chromium refuses Alt+Shift+P (its own accelerator): test/e2e/keyboard.spec.ts shows the
  // key it does bind.
  it('opens the popup with Alt+Shift+L in Chromium (MV3 _execute_action)', () => {
    expect(manifestFor(CHROME).commands).toEqual({
      _execute_action: { suggested_key: { default: 'Alt+Shift+L' } },
    });
  });

  it('opens the popup with Alt+Shift+P in Firefox (MV2 _execute_browser_action)', () => {
    expect(manifestFor(FIREFOX).commands).toEqual({
      _execute_browser_action: { suggested_key: { default: 'Alt+Shift+P' } },
    });
  });
});

describe('the Firefox package', () => {
  it('has a fixed add-on id and a minimum version that knows its data declaration', () => {
    expect(manifestFor(FIREFOX).browser_specific_settings).toEqual({
      gecko: {
        id: 'quick-links@payfect-extension',
        strict_min_version: '140.0',
        data_collection_permissions: {
          required: ['financialAndPaymentInfo', 'authenticationInfo', 'websiteContent'],
        },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('keeps Firefox-only keys out of the Chromium manifest', () => {
    expect(manifestFor(CHROME)).not.toHaveProperty('browser_specific_settings');
  });
});

describe('host access', () => {
  it('grants Chromium only the live API at install; any other https host is optional', () => {
    const manifest = manifestFor(CHROME);
    expect(manifest.host_permissions).toEqual(['https://api.payfect.finance/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest).not.toHaveProperty('optional_permissions');
  });

  it('lets Firefox MV2 ask for another https host through optional_permissions', () => {
    const manifest = manifestFor(FIREFOX);
    expect(manifest.optional_permissions).toEqual(['https://*/*']);
    // WXT would drop this key for MV2 anyway; it is not written at all.
    expect(manifest).not.toHaveProperty('optional_host_permissions');
  });
});

describe('the icons', () => {
  it('declares one icon per size, for both browsers', () => {
    const declared = Object.keys(ICONS).map(Number);
    expect(declared).toEqual([...ICON_SIZES]);
    expect(manifestFor(CHROME).icons).toEqual(ICONS);
    expect(manifestFor(FIREFOX).icons).toEqual(ICONS);
  });

  it.each(Object.entries(ICONS))('has a %s px PNG at %s', (size, path) => {
    expect(pngSize(join(ROOT, 'public', path))).toEqual({
      width: Number(size),
      height: Number(size),
    });
  });

  it('ships no icon the manifest does not declare', () => {
    const shipped = readdirSync(join(ROOT, 'public/icon')).map((name) => `icon/${name}`);
    expect(shipped.sort()).toEqual(Object.values(ICONS).sort());
  });

  it('draws them all from one square SVG source', () => {
    const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
    expect(svg).toMatch(/viewBox="0 0 (\d+) \1"/);
  });
});
