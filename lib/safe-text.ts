/*
 * Characters that make text show something other than what it says: bidi overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069, and the Arabic letter mark U+061C) reorder what
 * follows them — "‮gpj.exe" reads "exe.jpg" —, zero-width ones (U+200B–U+200F, U+2060,
 * U+FEFF) hide inside a name that then looks like another, and control characters (C0, DEL,
 * C1) have no business in a name at all. A name a client reads on a checkout page, or the
 * user finds again in History, must show exactly what it is.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/** Whether `text` holds a bidi-control, zero-width or control character. */
export function hasHiddenCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** `text` without its bidi-control, zero-width and control characters. */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(UNSAFE_ALL, '');
}
