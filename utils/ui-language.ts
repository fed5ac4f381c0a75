import { browser } from 'wxt/browser';
import { setUiLanguage } from '../lib/i18n.ts';

/*
 * Hands lib/i18n.ts the browser's UI language (lib/ itself touches no browser API). Imported
 * for this effect, first, by every entry: the popup (start/start.tsx, where its code that
 * formats anything starts, keeping this out of what the popup loads at first), the options
 * and invoice pages and the worker.
 */
setUiLanguage(() => browser.i18n.getUILanguage());
