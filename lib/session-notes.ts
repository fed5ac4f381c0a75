import { z } from 'zod/mini';
import { t } from './i18n.ts';
import { err, ok, type Result } from './result.ts';

/*
 * A session's own note and tags: what the freelancer writes about the client or the job,
 * to find the link again and to carry into the bookkeeping export. Tags are kept in one
 * form (trimmed, lower case, no repeats), so "Acme" and "acme " are one tag for search.
 */

export const MAX_NOTE_LENGTH = 500;
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 30;

function isNormalTag(tag: string): boolean {
  return tag === normalTag(tag) && !tag.includes(',');
}

/** A tag as stored: what a comma-separated text box can give back unchanged. */
export const TagSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(MAX_TAG_LENGTH), z.refine(isNormalTag));

export const TagsSchema = z.array(TagSchema).check(
  z.maxLength(MAX_TAGS),
  // Not shown to the user (validateNotes answers the dialog): stays English, for developers.
  z.refine((tags) => new Set(tags).size === tags.length, 'Tags repeat.'),
);

export const NoteSchema = z.string().check(z.maxLength(MAX_NOTE_LENGTH));

export interface SessionNotes {
  readonly note: string;
  readonly tags: string[];
}

function normalTag(tag: string): string {
  return tag.normalize('NFKC').trim().toLowerCase();
}

/** "Acme, urgent , acme,," → ["acme", "urgent"]: trimmed, lower case, in order, no repeats. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = normalTag(part);
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** The tags as the text box shows them: "acme, urgent". */
export function tagsText(tags: readonly string[] | undefined): string {
  return (tags ?? []).join(', ');
}

export type NotesErrors = Partial<Record<'note' | 'tags', string>>;

/** The note and tags as typed in the dialog, ready to store, or a message per field. */
export function validateNotes(typed: {
  readonly note: string;
  readonly tags: string;
}): Result<SessionNotes, NotesErrors> {
  const errors: NotesErrors = {};
  const note = typed.note.trim();
  if (note.length > MAX_NOTE_LENGTH) {
    errors.note = t('validation.noteTooLong', { max: MAX_NOTE_LENGTH, count: note.length });
  }
  const tags = parseTags(typed.tags);
  const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (tags.length > MAX_TAGS) errors.tags = t('validation.tagsTooMany', { max: MAX_TAGS });
  else if (long !== undefined) {
    errors.tags = t('validation.tagTooLong', { max: MAX_TAG_LENGTH, start: long.slice(0, 12) });
  }
  return Object.keys(errors).length === 0 ? ok({ note, tags }) : err(errors);
}

/** The note's first line, for a one-line row; the whole note is in the row's tooltip. */
export function noteFirstLine(note: string | undefined): string {
  return (note ?? '').split(/\r?\n/, 1)[0]?.trim() ?? '';
}
