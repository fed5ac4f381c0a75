import { encode } from 'uqr';
import { t } from '../lib/i18n.ts';

/** Light modules around the code: the QR standard asks for four, and phones need them. */
export const QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side, quiet zone included. */
  readonly dimension: number;
  /** SVG path data of the dark modules, in module units, one subpath per horizontal run. */
  readonly path: string;
  readonly dark: readonly (readonly boolean[])[];
}

/** Medium error correction: survives a smudged screen or a photo at an angle. */
export function qrMatrix(text: string): QrMatrix {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  const runs: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x += 1;
      runs.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  });
  return { dimension: size + 2 * QUIET_ZONE, path: runs.join(''), dark: data };
}

/** A standalone SVG file: black on white whatever the page's theme, as scanners expect. */
export function qrSvgMarkup(matrix: QrMatrix, pixelsPerModule = 10): string {
  const { dimension, path } = matrix;
  const side = dimension * pixelsPerModule;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${dimension} ${dimension}" ` +
    `width="${side}" height="${side}" shape-rendering="crispEdges">` +
    `<rect width="${dimension}" height="${dimension}" fill="#fff"/>` +
    `<path d="${path}" fill="#000"/></svg>\n`
  );
}

/** A PNG of whole pixels per module, so every module stays a sharp square. */
export function qrPngBlob(matrix: QrMatrix, pixelsPerModule = 10): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const side = matrix.dimension * pixelsPerModule;
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error(t('popup.qr.noCanvas')));
  context.fillStyle = '#fff';
  context.fillRect(0, 0, side, side);
  context.fillStyle = '#000';
  matrix.dark.forEach((row, y) => {
    row.forEach((isDark, x) => {
      if (!isDark) return;
      context.fillRect(
        (x + QUIET_ZONE) * pixelsPerModule,
        (y + QUIET_ZONE) * pixelsPerModule,
        pixelsPerModule,
        pixelsPerModule,
      );
    });
  });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error(t('popup.qr.noPng')));
    }, 'image/png');
  });
}

/** Saves a blob under a file name through a temporary <a download>. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; a later revoke would only leak.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
