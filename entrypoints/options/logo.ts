import { t } from '../../lib/i18n.ts';
import { err, ok, type Result } from '../../lib/result.ts';

/* The largest logo kept: an invoice's letterhead, never more (600×240 px). */
const MAX_WIDTH = 600;
const MAX_HEIGHT = 240;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('unreadable image'));
    image.src = url;
  });
}

/**
 * The chosen image scaled down to fit 600×240 px, as a PNG data URL (a JPEG one if the PNG
 * is over `maxLength`), or why it cannot be used. Stored small: the settings page and every
 * invoice read it.
 */
export async function scaledLogo(file: File, maxLength: number): Promise<Result<string, string>> {
  if (!file.type.startsWith('image/')) return err(t('options.invoices.logoNotImage'));
  const url = URL.createObjectURL(file);
  try {
    const image = await loadImage(url);
    const width = image.naturalWidth || MAX_WIDTH;
    const height = image.naturalHeight || MAX_HEIGHT;
    const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (context === null) return err(t('options.invoices.logoUnreadable'));
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = canvas.toDataURL('image/png');
    if (png.length <= maxLength) return ok(png);
    // A photo-like logo: JPEG on white is far smaller than PNG.
    context.globalCompositeOperation = 'destination-over';
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    const jpeg = canvas.toDataURL('image/jpeg', 0.85);
    return jpeg.length <= maxLength ? ok(jpeg) : err(t('options.invoices.logoTooLarge'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
