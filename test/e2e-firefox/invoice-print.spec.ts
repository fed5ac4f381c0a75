import { z } from 'zod';
import { readPdf } from '../support/pdf.ts';
import { createLink, expect, saveKey, test } from './fixtures.ts';

/*
 * Firefox prints no CSS page-margin boxes, where Chromium puts the test mark and the number
 * with "Page n of m" on every page (entrypoints/invoice/page-rules.ts). Printed here as
 * Firefox's own print-to-PDF does (WebDriver:Print), twice the size so the invoice runs over
 * two pages, and read back with poppler as the Chromium suite reads its PDFs.
 */

const PrintSchema = z.union([z.string(), z.object({ value: z.string() })]);

test('a test invoice printed in Firefox says TEST and its number on every page', async ({
  firefox,
  sandbox,
}) => {
  await saveKey(firefox, sandbox);
  const session = await createLink(firefox, sandbox, 'Logo design', '80');
  await firefox.open(`invoice.html?session=${session.id}&kind=invoice`);
  await firefox.getByRole('heading', { name: 'Invoice' });

  const printed = PrintSchema.parse(
    await firefox.marionette.send('WebDriver:Print', {
      background: true,
      shrinkToFit: false,
      // Twice the size: the invoice's head, items and How to pay no longer fit on one page.
      scale: 2,
    }),
  );
  const pdf = readPdf(Buffer.from(typeof printed === 'string' ? printed : printed.value, 'base64'));
  expect(pdf.pages).toBeGreaterThan(1);
  for (const [index, text] of pdf.pageTexts.entries()) {
    expect(text, `page ${index + 1}`).toContain('TEST — not payable');
    expect(text, `page ${index + 1}`).toContain('INV-0001');
  }
});
