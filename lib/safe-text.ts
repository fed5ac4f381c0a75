/*
 * Characters that make text show something other than what it says: bidi overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069, and the Arabic letter mark U+061C) reorder what
 * follows them — "‮gpj.exe" reads "exe.jpg" —, zero-width ones (U+200B–U+200F, U+2060,
 * U+FEFF) hide inside a name that then looks like another, and control characters (C0, DEL,
 * C1) have no business in a name at all. A name a client reads on a checkout page, or the
 * user finds again in History, must show exactly what it is.
 *
 * One zero-width character is part of what it shows: the joiner (U+200D) between two emoji
 * makes them one ("👩🏽‍💻", "👨‍👩‍👧", "🏳️‍🌈"). It hides nothing there, so it is allowed
 * there — and only there: between letters it is refused like the rest.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|(?<!\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)?)\u200D|\u200D(?!\p{Extended_Pictographic})/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/** Whether `text` holds a bidi-control, zero-width or control character (not an emoji's joiner). */
export function hasHiddenCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** `text` without its bidi-control, zero-width and control characters (emoji stay whole). */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(UNSAFE_ALL, '');
}
