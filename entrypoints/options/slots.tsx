import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with elements inside: each `{name}` left in `text` becomes
 * `slots[name]` (a <code>, say), wherever the language puts it. t() is called with the
 * marks themselves (`{ live: '{live}' }`) so they survive its own substitution.
 */
export function withSlots(text: string, slots: Readonly<Record<string, ReactNode>>): ReactNode {
  return text
    .split(/\{(\w+)\}/)
    .map((part, index) => (
      <Fragment key={index}>{index % 2 === 1 ? (slots[part] ?? `{${part}}`) : part}</Fragment>
    ));
}
