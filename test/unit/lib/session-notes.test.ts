import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  noteFirstLine,
  parseTags,
  TagsSchema,
  tagsText,
  validateNotes,
} from '../../../lib/session-notes.ts';

describe('parseTags', () => {
  it('trims, lower-cases and drops empty and repeated tags, keeping the order', () => {
    expect(parseTags(' Acme, urgent , ACME,, retainer ')).toEqual(['acme', 'urgent', 'retainer']);
  });

  it('reads a blank text as no tags', () => {
    expect(parseTags('  , ')).toEqual([]);
  });

  it('gives back what tagsText wrote', () => {
    const tags = ['acme', 'q3 retainer'];
    expect(parseTags(tagsText(tags))).toEqual(tags);
  });
});

describe('validateNotes', () => {
  it('returns the trimmed note and the parsed tags', () => {
    expect(validateNotes({ note: '  Paid half upfront\n', tags: 'Acme, acme' })).toEqual({
      ok: true,
      value: { note: 'Paid half upfront', tags: ['acme'] },
    });
  });

  it('accepts 500 characters and 10 tags of 30, and not one more', () => {
    const tags = Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(30, 'x'));
    expect(validateNotes({ note: 'n'.repeat(500), tags: tags.join(',') }).ok).toBe(true);
    expect(validateNotes({ note: 'n'.repeat(501), tags: '' })).toMatchObject({
      ok: false,
      error: { note: expect.stringContaining('500') },
    });
    expect(validateNotes({ note: '', tags: [...tags, 'eleventh'].join(',') })).toMatchObject({
      ok: false,
      error: { tags: 'Use at most 10 tags.' },
    });
    expect(validateNotes({ note: '', tags: 'y'.repeat(31) })).toMatchObject({
      ok: false,
      error: { tags: expect.stringContaining('30 characters') },
    });
  });

  it('writes only what the background accepts', () => {
    const checked = validateNotes({ note: '', tags: ' Ａcme ,  Big Client,big client' });
    if (!checked.ok) throw new Error('valid tags expected');
    expect(checked.value.tags).toEqual(['acme', 'big client']);
    expect(z.safeParse(TagsSchema, checked.value.tags).success).toBe(true);
  });
});

describe('TagsSchema', () => {
  it.each([
    ['an upper-case tag', ['Acme']],
    ['a padded tag', [' acme']],
    ['an empty tag', ['']],
    ['a tag with a comma', ['a,b']],
    ['a repeated tag', ['a', 'a']],
  ])('refuses %s', (_name, tags) => {
    expect(z.safeParse(TagsSchema, tags).success).toBe(false);
  });
});

describe('noteFirstLine', () => {
  it('is the first line of the note, or nothing', () => {
    expect(noteFirstLine('Acme\r\nsecond line')).toBe('Acme');
    expect(noteFirstLine(undefined)).toBe('');
  });
});
