import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** What a printed page holds, read back as a PDF reader would. */
export interface PrintedPdf {
  /** Its text as extracted by poppler's pdftotext (layout kept). */
  readonly text: string;
  /** The payload of the QR code on its first page, decoded from a 150 dpi rendering. */
  readonly qr: string | undefined;
  readonly pages: number;
  /** Each page's text on its own (`pdftotext -f N -l N`), first page first. */
  readonly pageTexts: readonly string[];
  readonly bytes: number;
}

/**
 * Prints `page` to PDF with Chromium's own print-to-PDF (what "Save as PDF" in the print
 * window makes), then reads it with Debian's poppler-utils: `pdftotext` for the text a
 * search or a copy gets, `pdftoppm` for the image a phone's camera would scan.
 */
export async function printedPdf(page: Page): Promise<PrintedPdf> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  return readPdf(pdf);
}

/** A PDF read back with poppler, whichever browser printed it. */
export function readPdf(pdf: Buffer): PrintedPdf {
  const dir = mkdtempSync(join(tmpdir(), 'payfect-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? '0');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page-1.png')));
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    const pageTexts = Array.from({ length: pages }, (_, index) => {
      const page = String(index + 1);
      return execFileSync('pdftotext', ['-layout', '-f', page, '-l', page, file, '-'], {
        encoding: 'utf8',
      });
    });
    return { text, qr, pages, pageTexts, bytes: pdf.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
