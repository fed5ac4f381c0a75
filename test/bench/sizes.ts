import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Bytes {
  readonly raw: number;
  readonly gzip: number;
}

export interface EntrySize {
  readonly entry: string;
  /** Every script the page or worker loads before it runs: the entry and its static imports. */
  readonly atStart: Bytes;
  /** Scripts it can load later through `import()` (none unless the code splits). */
  readonly lazy: Bytes;
  readonly files: readonly string[];
  readonly lazyFiles: readonly string[];
}

export interface SizeReport {
  readonly popup: EntrySize;
  /**
   * The popup's critical path: the classic scripts that run before its first paint (a drawn
   * first screen takes input after these alone), and, for a popup with no first screen to
   * draw, every script loaded before its form is drawn (the entry, start-*.js, their imports).
   */
  readonly popupPath: { readonly firstPaint: Bytes; readonly withoutFirstScreen: Bytes };
  readonly options: EntrySize;
  /** The invoice page (not loaded by the popup: its own tab). */
  readonly invoice: EntrySize;
  readonly background: EntrySize;
  readonly zipBytes: number | null;
}

function bytesOf(root: string, files: readonly string[]): Bytes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(root, file));
    raw += content.length;
    // Level 9, per file: what a store or a CDN would send, and what most tools report.
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Extension-root paths of the scripts an HTML page loads (entry and modulepreloads). */
function scriptsOfPage(root: string, page: string): string[] {
  const html = readFileSync(join(root, page), 'utf8');
  const found = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ];
  return found.flatMap((match) => (match[1] ? [match[1].replace(/^\//, '')] : []));
}

/** Extension-root paths of the classic (not module) scripts of an HTML page: they block its parsing. */
function classicScriptsOfPage(root: string, page: string): string[] {
  const html = readFileSync(join(root, page), 'utf8');
  return [...html.matchAll(/<script(?![^>]*type="module")[^>]*\ssrc="([^"]+)"/g)].flatMap(
    (match) => (match[1] ? [match[1].replace(/^\//, '')] : []),
  );
}

/** Relative imports of one bundled file, split into static and dynamic. */
function importsOf(root: string, file: string): { statics: string[]; dynamics: string[] } {
  const code = readFileSync(join(root, file), 'utf8');
  const resolveFrom = (specifier: string) =>
    posix.normalize(posix.join(posix.dirname(file), specifier));
  const statics = [...code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)].flatMap((m) =>
    m[1] ? [resolveFrom(m[1])] : [],
  );
  const dynamics = [...code.matchAll(/import\(\s*"(\.{1,2}\/[^"]+\.js)"\s*\)/g)].flatMap((m) =>
    m[1] ? [resolveFrom(m[1])] : [],
  );
  return { statics, dynamics };
}

function closure(root: string, starts: readonly string[], follow: 'static' | 'all'): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file) || !existsSync(join(root, file))) continue;
    seen.add(file);
    const { statics, dynamics } = importsOf(root, file);
    queue.push(...statics, ...(follow === 'all' ? dynamics : []));
  }
  return seen;
}

function entrySize(root: string, entry: string, starts: readonly string[]): EntrySize {
  const atStart = closure(root, starts, 'static');
  const lazy = [...closure(root, starts, 'all')].filter((file) => !atStart.has(file));
  const files = [...atStart].sort();
  return {
    entry,
    atStart: bytesOf(root, files),
    lazy: bytesOf(root, lazy),
    files,
    lazyFiles: lazy.sort(),
  };
}

/** JS sizes of the built extension in `root` (a chrome-mv3 folder) and of its store zip. */
export function measureSizes(root: string, zipFile: string | null): SizeReport {
  const popupScripts = scriptsOfPage(root, 'popup.html');
  const start = readdirSync(join(root, 'chunks'))
    .filter((file) => /^start-[\w-]+\.js$/.test(file))
    .map((file) => `chunks/${file}`);
  if (start.length !== 1) throw new Error(`Expected one chunks/start-*.js, found ${start.length}`);
  return {
    popup: entrySize(root, 'popup.html', popupScripts),
    popupPath: {
      firstPaint: bytesOf(root, classicScriptsOfPage(root, 'popup.html')),
      withoutFirstScreen: bytesOf(root, [...closure(root, [...popupScripts, ...start], 'static')]),
    },
    options: entrySize(root, 'options.html', scriptsOfPage(root, 'options.html')),
    invoice: entrySize(root, 'invoice.html', scriptsOfPage(root, 'invoice.html')),
    background: entrySize(root, 'background.js', ['background.js']),
    zipBytes: zipFile && existsSync(zipFile) ? statSync(zipFile).size : null,
  };
}

/** The zip `wxt zip` wrote next to the chrome-mv3 folder, if there is one. */
export function findZip(outDir: string, name: string, version: string): string {
  return join(outDir, `${name}-${version}-chrome.zip`);
}
