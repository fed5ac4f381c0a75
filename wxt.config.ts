import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // PAYFECT_OUT_DIR lets two test or benchmark runs on one machine build side by side
  // without one rewriting the extension the other's Chromium is loading.
  outDir: process.env.PAYFECT_OUT_DIR ?? '.output',
  manifest: {
    name: 'Payfect Quick Links',
    description:
      'Create Payfect crypto checkout links from the toolbar and see when they are paid.',
    permissions: [
      'storage',
      'clipboardWrite',
      // Polling open sessions while the worker sleeps, and telling the user a link was paid.
      'alarms',
      'notifications',
      // 10,000 sessions at ~600 B each is 6 MB, close to storage.local's 10 MB quota in
      // Chrome (5 MB before Chrome 114), with settings and draft on top.
      'unlimitedStorage',
    ],
    // The worker calls the live API without depending on its CORS policy (unknown). A
    // custom base URL, such as the loopback sandbox, answers CORS itself and needs none.
    // README "Permissions" explains each one; test/e2e/key-safety.spec.ts pins the list.
    host_permissions: ['https://api.payfect.finance/*'],
  },
  webExt: {
    // `wxt` (dev) opens this browser; Debian's chromium where present.
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
