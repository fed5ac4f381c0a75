import { t } from '../../lib/i18n.ts';

/*
 * What every printed page carries in its margins: the document's number with "Page n of m"
 * at the foot, and for a test link "TEST — not payable" at the head. CSS page-margin boxes
 * (Chromium 131 and later print them; Firefox ignores them and prints the sheet alone) are
 * real text in the PDF, and only they know the page count. Their content cannot come from
 * the page's elements, so the rules are written as text with the strings escaped.
 */

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/gu, (c) => `\\${c}`).replace(/[\r\n]+/gu, ' ')}"`;
}

const PAGE = '\uE000';
const PAGES = '\uE001';

/** "Page " counter(page) " of " counter(pages), in the UI language's word order. */
function pageOfPages(): string {
  const template = t('invoice.page', { page: PAGE, pages: PAGES });
  return template
    .split(/([\uE000\uE001])/u)
    .filter((part) => part !== '')
    .map((part) =>
      part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

/** The @page rules of one document: its number and page count, and the test mark. */
export function pageRules(number: string, test: boolean): string {
  const foot = `content: ${cssString(`${number} · `)} ${pageOfPages()};`;
  const head = test ? `@top-center { content: ${cssString(t('invoice.testMark'))}; }` : '';
  return `@page { @bottom-right { ${foot} } ${head} }`;
}
