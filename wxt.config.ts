import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ConfigEnv, type UserManifest } from 'wxt';
import { popupBootTag } from './build/popup-boot-tag.ts';

/**
 * The shortcut that opens the popup unless the user changes it. Chromium (156) keeps
 * Alt+Shift+P for itself, as it does A, B, C, N, R, T, W, X and Z, and silently leaves a
 * command suggesting it unbound; L (for link) is free there. Firefox takes Alt+Shift+P.
 */
export const POPUP_SHORTCUT = { chromium: 'Alt+Shift+L', firefox: 'Alt+Shift+P' } as const;

/** Every icon size, all rendered from assets/icon.svg by `npm run icons`. */
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** The icons as the manifest declares them: size → path inside the extension (and public/). */
export const ICONS: Record<string, string> = Object.fromEntries(
  ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]),
);

// WXT 0.21's manifest type does not know data_collection_permissions yet; the object is
// built apart so the extra key passes. Firefox 127 and older refuse the key and 140 (142 on
// Android) is the first to show it at install, hence the minimum versions.
const gecko = {
  id: 'quick-links@payfect-extension',
  strict_min_version: '140.0',
  // What leaves the browser: the invoices typed into the popup (financial) and the API key
  // that authenticates them, sent only to the Payfect API base URL the user configured.
  // Nothing goes to the developer or anyone else (README "Privacy").
  // websiteContent: text selected on a page becomes an item's description when the user
  // makes a link from it (Create payment link for "…"), and so reaches Payfect.
  data_collection_permissions: {
    required: ['financialAndPaymentInfo', 'authenticationInfo', 'websiteContent'],
  },
};

/** The most a user can grant, one https origin at a time (lib/key-hosts.ts). */
export const ANY_HTTPS_ORIGIN = 'https://*/*';

/**
 * Asked for one origin at a time, only when the user ticks "Send my API key to <host>" in
 * Settings for a base URL that is neither the live API nor loopback: nothing is granted at
 * install. MV3 names it optional_host_permissions; WXT drops that key for Firefox MV2 without
 * moving it, so MV2 lists the pattern in optional_permissions itself. (Built apart: WXT's
 * type for optional_permissions knows Chrome's permission names only.)
 */
function optionalHostAccess(manifestVersion: 2 | 3): Record<string, string[]> {
  return manifestVersion === 2
    ? { optional_permissions: [ANY_HTTPS_ORIGIN] }
    : { optional_host_permissions: [ANY_HTTPS_ORIGIN] };
}

/** The manifest for one target: Chromium MV3, or Firefox MV2 with its own keys. */
export function manifestFor({ browser, manifestVersion }: ConfigEnv): UserManifest {
  // MV2 names the toolbar button's command after browser_action; WXT does not rename it.
  const openPopupCommand = manifestVersion === 2 ? '_execute_browser_action' : '_execute_action';
  const shortcut = browser === 'firefox' ? POPUP_SHORTCUT.firefox : POPUP_SHORTCUT.chromium;
  return {
    // Strings from locales/<lang>.yml (@wxt-dev/i18n), in the browser's language.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    icons: ICONS,
    permissions: [
      'storage',
      'clipboardWrite',
      // Polling open sessions while the worker sleeps, and telling the user a link was paid.
      'alarms',
      'notifications',
      // 10,000 sessions at ~600 B each is 6 MB, close to storage.local's 10 MB quota in
      // Chrome (5 MB before Chrome 114), with settings and draft on top.
      'unlimitedStorage',
      // "Create payment link for …" on selected text, and the title of the page it was
      // chosen on (activeTab: that one tab, only when the menu item is clicked).
      'contextMenus',
      'activeTab',
    ],
    // The worker calls the live API without depending on its CORS policy (unknown). A
    // custom base URL, such as the loopback sandbox, answers CORS itself and needs none.
    // README "Permissions" explains each one; test/e2e/key-safety.spec.ts pins the list.
    host_permissions: ['https://api.payfect.finance/*'],
    ...optionalHostAccess(manifestVersion),
    commands: {
      [openPopupCommand]: { suggested_key: { default: shortcut } },
    },
    // Chromium warns about keys it does not know, so the Firefox ones go to Firefox only.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  };
}

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // PAYFECT_OUT_DIR lets two test or benchmark runs on one machine build side by side
  // without one rewriting the extension the other's Chromium is loading.
  outDir: process.env.PAYFECT_OUT_DIR ?? '.output',
  manifest: manifestFor,
  hooks: {
    // The toolbar button's tooltip in the browser's language. WXT copies the popup's <title>
    // over any default_title set in the manifest (and ignores a manifest.default_title meta).
    'build:manifestGenerated': (_wxt, manifest) => {
      const button = manifest.action ?? manifest.browser_action;
      if (button) button.default_title = '__MSG_extName__';
    },
  },
  vite: () => ({
    plugins: [popupBootTag()],
    resolve: {
      alias: {
        // The popup renders the next popup's first screen with renderToString only
        // (entrypoints/popup/start/first-screen.ts): react-dom/server.browser would bring the
        // streaming renderer too, 61 kB gzip in all against 32 kB for this one.
        'react-dom/server': join(
          dirname(fileURLToPath(import.meta.resolve('react-dom'))),
          'cjs/react-dom-server-legacy.browser.production.js',
        ),
      },
    },
    build: {
      // `npm run bench:sizes` builds with source maps to weigh each module; shipped builds
      // have none.
      sourcemap: process.env.PAYFECT_SOURCEMAP === '1',
      // Vite's modulepreload polyfill is for browsers without <link rel="modulepreload">; every
      // browser this extension supports has it (Chromium 66+, Firefox 115+): −0.25 kB gzip in
      // each page.
      modulePreload: { polyfill: false },
      // Terser with two passes packs the bundles ~5 % tighter than esbuild (popup −1.9 kB,
      // background −1.5 kB gzip; `npm run bench`, size section): bytes every open parses.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 } },
      rollupOptions: {
        // zod 4 puts some @__PURE__ annotations where Rollup cannot use them; Rollup drops
        // those comments (the code is unchanged) and says so four times on every build.
        // Nothing here to act on, so that one warning from zod is not shown; all others are.
        onwarn(warning, warn) {
          if (
            warning.code === 'INVALID_ANNOTATION' &&
            /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? '')
          ) {
            return;
          }
          warn(warning);
        },
      },
    },
  }),
  zip: {
    // The sources zip is for AMO's reviewers: what builds the extension and the sandbox to
    // try it with, not tests, benchmark results or screenshots (WXT already leaves out
    // dot-folders and node_modules).
    // test/support holds the Chromium launcher `npm start` uses, so the zip runs it too.
    includeSources: ['test/sandbox/**', 'test/support/**'],
    excludeSources: [
      'test/**',
      'test-results*/**',
      'playwright-report/**',
      'blob-report/**',
      'bench/**',
      'docs/**',
      '*.zip',
    ],
  },
  webExt: {
    // `wxt` (dev) opens this browser; Debian's chromium where present.
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
