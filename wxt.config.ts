import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Payfect Quick Links',
    description:
      'Create Payfect crypto checkout links from the toolbar and see when they are paid.',
    permissions: ['storage', 'clipboardWrite'],
  },
  webExt: {
    // `wxt` (dev) opens this browser; Debian's chromium where present.
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
