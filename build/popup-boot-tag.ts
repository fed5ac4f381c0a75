import type { WxtViteConfig } from 'wxt';

/* WXT's own Vite (7). */
type Plugin = Extract<NonNullable<WxtViteConfig['plugins']>[number], { name: string }>;

/**
 * Adds `<script src="/popup-boot.js">` to popup.html right after its root: the classic
 * script (entrypoints/popup-boot.ts, built by WXT as an unlisted script) that draws the
 * prerendered first screen before any module runs. Written into the page's source instead,
 * Vite would warn on every build that a classic script cannot be bundled.
 */
export function popupBootTag(): Plugin {
  return {
    name: 'payfect:popup-boot-tag',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { path }) {
        if (!/\/popup(\/index)?\.html$/.test(path)) return;
        return [{ tag: 'script', attrs: { src: '/popup-boot.js' }, injectTo: 'body' as const }];
      },
    },
  };
}
