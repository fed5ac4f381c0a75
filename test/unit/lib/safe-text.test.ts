import { describe, expect, it } from 'vitest';
import { validateDraft, emptyDraft } from '../../../lib/draft.ts';
import { hasHiddenCharacters, withoutHiddenCharacters } from '../../../lib/safe-text.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';

const EMOJI_NAMES = ['Dev support 👩🏽‍💻', 'Family 👨‍👩‍👧 Bakery 🏳️‍🌈', 'Logo ❤️‍🔥'];

describe('hidden characters', () => {
  it.each(EMOJI_NAMES)('accepts the joiner inside an emoji: %s', (name) => {
    expect(hasHiddenCharacters(name)).toBe(false);
    expect(withoutHiddenCharacters(name)).toBe(name);
  });

  it.each([
    ['a direction override', 'Logo \u202Egpj.exe'],
    ['a zero-width space', 'Lo\u200Bgo'],
    ['a joiner between letters', 'Lo\u200Dgo'],
    ['a joiner after an emoji, before a letter', '👩\u200Dgo'],
    ['a joiner before an emoji, after a letter', 'go\u200D💻'],
    ['a non-joiner', 'Lo\u200Cgo'],
    ['a control character', 'Logo\u0007'],
  ])('refuses %s', (_, text) => {
    expect(hasHiddenCharacters(text)).toBe(true);
    expect(hasHiddenCharacters(withoutHiddenCharacters(text))).toBe(false);
  });

  it('lets the form send emoji item and client names exactly as typed', () => {
    const [item, client] = EMOJI_NAMES;
    const checked = validateDraft(
      {
        ...emptyDraft(DEFAULT_SETTINGS, ''),
        items: [{ name: item ?? '', description: '', unitPrice: '10', quantity: '1' }],
        clientName: client ?? '',
      },
      { baseUrl: DEFAULT_SETTINGS.baseUrl },
    );
    expect(checked.ok && checked.value.items[0]?.name).toBe(item);
    expect(checked.ok && checked.value.client?.name).toBe(client);
  });
});
