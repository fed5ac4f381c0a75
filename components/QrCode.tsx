import { useEffect, useState } from 'react';
import { t } from '../lib/i18n.ts';
import { downloadBlob, qrMatrix, qrPngBlob, qrSvgMarkup, type QrMatrix } from './qr-image.ts';

interface QrCodeProps {
  value: string;
  /** Roughly the side in CSS pixels; rounded to whole pixels per module to stay crisp. */
  size?: number;
  /** File name without extension for the downloads. */
  fileName?: string;
}

/**
 * The matrix of `value`, encoded once the frame showing the rest of the view is painted:
 * encoding took 10–40 ms in `npm run bench:profile -- --create`, and the result view's
 * "Link copied" should not wait for it.
 */
function useMatrixAfterPaint(value: string): QrMatrix | null {
  const [encoded, setEncoded] = useState<{ value: string; matrix: QrMatrix } | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setEncoded({ value, matrix: qrMatrix(value) }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return encoded?.value === value ? encoded.matrix : null;
}

/** The link as a QR code for a phone to scan from the screen, with PNG and SVG downloads. */
export function QrCode({ value, size = 180, fileName = 'payfect-qr' }: QrCodeProps) {
  const matrix = useMatrixAfterPaint(value);
  if (matrix === null) {
    // Its place is kept, so the view does not move when the code appears a frame later.
    return (
      <div className="qr" aria-busy="true">
        <svg className="qr-image" width={size} height={size} aria-hidden="true" />
      </div>
    );
  }
  return <QrImage matrix={matrix} size={size} fileName={fileName} />;
}

function QrImage({ matrix, size, fileName }: { matrix: QrMatrix; size: number; fileName: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const pixelsPerModule = Math.max(2, Math.round(size / matrix.dimension));
  const side = matrix.dimension * pixelsPerModule;

  function downloadPng() {
    setProblem(null);
    qrPngBlob(matrix).then(
      (blob) => downloadBlob(blob, `${fileName}.png`),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  }

  function downloadSvg() {
    setProblem(null);
    downloadBlob(new Blob([qrSvgMarkup(matrix)], { type: 'image/svg+xml' }), `${fileName}.svg`);
  }

  return (
    <div className="qr">
      <svg
        role="img"
        aria-label={t('popup.qr.image')}
        className="qr-image"
        viewBox={`0 0 ${matrix.dimension} ${matrix.dimension}`}
        width={side}
        height={side}
        shapeRendering="crispEdges"
      >
        <rect width={matrix.dimension} height={matrix.dimension} fill="#fff" />
        <path d={matrix.path} fill="#000" />
      </svg>
      <div className="qr-actions">
        <button type="button" className="button button--small" onClick={downloadPng}>
          {t('popup.qr.downloadPng')}
        </button>
        <button type="button" className="button button--small" onClick={downloadSvg}>
          {t('popup.qr.downloadSvg')}
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
