import type { WxtViteConfig } from 'wxt';

/* WXT's own Vite (7), not the newer one the benchmark's comparison page is built with. */
type Plugin = Extract<NonNullable<WxtViteConfig['plugins']>[number], { name: string }>;

/*
 * A page whose entry script loads the rest of its code with import() (the popup: main.tsx
 * asks its first questions, then imports start.tsx) would fetch that code only once the
 * entry has run. This adds <link rel="modulepreload"> for the entry's dynamic imports and
 * their static imports to the page's HTML, so the browser fetches and compiles them while
 * the entry runs, as it did when they were static imports. Lazily loaded parts imported
 * from those chunks (History, the QR code) are not preloaded: they are not the entry's own.
 */
export function preloadFirstImport(): Plugin {
  return {
    name: 'payfect:preload-first-import',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { chunk, bundle }) {
        if (!chunk || !bundle) return;
        const preloaded = new Set([chunk.fileName, ...chunk.imports]);
        const toPreload: string[] = [];
        const visit = (fileName: string) => {
          if (preloaded.has(fileName)) return;
          preloaded.add(fileName);
          const output = bundle[fileName];
          if (output?.type !== 'chunk') return;
          for (const imported of output.imports) visit(imported);
          toPreload.push(fileName);
        };
        for (const fileName of chunk.dynamicImports) visit(fileName);
        return toPreload.map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
