import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { t } from '../../lib/i18n.ts';
import {
  findByName,
  MAX_IMPORT_BYTES,
  MAX_TEMPLATE_NAME_LENGTH,
  MAX_TEMPLATES,
  mergeImport,
  parseImport,
  renamed,
  validTemplates,
  withoutTemplate,
  type Merged,
  type RenameError,
  type Template,
} from '../../lib/saved-items.ts';
import { readSavedItems, savedItemsItem, updateSavedItems } from '../../storage/saved-items.ts';

export type Message =
  | { tone: 'success' | 'info'; text: string }
  | { tone: 'error'; text: string; problems?: readonly string[] };

export interface Renaming {
  readonly id: string;
  readonly name: string;
  readonly error: string;
}

interface Deleted {
  readonly template: Template;
  readonly index: number;
}

/** What the section's actions work on: the state as rendered, and its setters. */
interface Context {
  id: string;
  templates: Template[] | null;
  renaming: Renaming | null;
  deleted: Deleted | null;
  setTemplates: (templates: Template[]) => void;
  setMessage: (message: Message | null) => void;
  setRenaming: (renaming: Renaming | null) => void;
  setDeleted: (deleted: Deleted | null) => void;
}

function renameMessage(error: RenameError): string {
  switch (error) {
    case 'empty':
      return t('savedItems.nameEmpty');
    case 'too_long':
      return t('savedItems.nameTooLong', { max: MAX_TEMPLATE_NAME_LENGTH });
    case 'hidden':
      return t('validation.hiddenCharacters');
    case 'taken':
      return t('savedItems.nameTaken');
  }
}

function focusById(id: string): void {
  document.getElementById(id)?.focus();
}

function buttonId(c: Context, action: string, template: Template): string {
  return `${c.id}-${action}-${template.id}`;
}

async function store(c: Context, change: (list: Template[]) => Template[] | undefined) {
  try {
    const next = await updateSavedItems(change);
    if (next) c.setTemplates(next);
    return next;
  } catch (error) {
    console.error('Could not store the saved items', error);
    c.setMessage({ tone: 'error', text: t('savedItems.writeFailed') });
    return undefined;
  }
}

async function confirmRename(c: Context, event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
  const { renaming } = c;
  if (!renaming) return;
  const refused: { error?: RenameError } = {};
  const next = await store(c, (list) => {
    const result = renamed(list, renaming.id, renaming.name, Date.now());
    if (result.ok) return result.value;
    refused.error = result.error;
    return undefined;
  });
  if (refused.error) {
    c.setRenaming({ ...renaming, error: renameMessage(refused.error) });
    return;
  }
  const template = next?.find((other) => other.id === renaming.id);
  if (!template) return;
  flushSync(() => {
    c.setRenaming(null);
    c.setDeleted(null);
    c.setMessage({
      tone: 'success',
      text: t('savedItems.options.renamed', { name: template.name }),
    });
  });
  focusById(buttonId(c, 'rename', template));
}

function cancelRename(c: Context) {
  const template = c.templates?.find((other) => other.id === c.renaming?.id);
  flushSync(() => c.setRenaming(null));
  if (template) focusById(buttonId(c, 'rename', template));
}

async function remove(c: Context, template: Template) {
  const index = c.templates?.findIndex((other) => other.id === template.id) ?? -1;
  const next = await store(c, (list) => withoutTemplate(list, template.id));
  if (!next) return;
  flushSync(() => {
    c.setDeleted({ template, index });
    c.setMessage({ tone: 'info', text: t('savedItems.options.deleted', { name: template.name }) });
  });
  focusById(`${c.id}-undo`);
}

async function undo(c: Context) {
  if (!c.deleted) return;
  const { template, index } = c.deleted;
  const next = await store(c, (list) => {
    // A template of that name saved since (in the popup) wins: nothing to restore into.
    if (findByName(list, template.name)) return undefined;
    const restored = [...list];
    restored.splice(index < 0 ? restored.length : index, 0, template);
    return restored;
  });
  flushSync(() => {
    c.setDeleted(null);
    if (next) {
      c.setMessage({
        tone: 'success',
        text: t('savedItems.options.restored', { name: template.name }),
      });
    }
  });
  if (next) focusById(buttonId(c, 'rename', template));
}

/** The chosen file's text, or undefined once the failure is shown. */
async function importedText(c: Context, input: HTMLInputElement): Promise<string | undefined> {
  const file = input.files?.[0];
  if (!file) return undefined;
  c.setDeleted(null);
  if (file.size > MAX_IMPORT_BYTES) {
    input.value = '';
    importFailed(c, [t('savedItems.import.tooBig')]);
    return undefined;
  }
  try {
    return await file.text();
  } catch (error) {
    console.error('Could not read the file', error);
    c.setMessage({ tone: 'error', text: t('savedItems.options.readFileFailed') });
    return undefined;
  } finally {
    // The same file can be chosen again after it is fixed.
    input.value = '';
  }
}

function importFailed(c: Context, problems: readonly string[]) {
  c.setMessage({ tone: 'error', text: t('savedItems.options.importFailed'), problems });
}

async function importFile(c: Context, event: ChangeEvent<HTMLInputElement>) {
  const text = await importedText(c, event.currentTarget);
  if (text === undefined) return;
  const now = Date.now();
  const parsed = parseImport(text, now);
  if (!parsed.ok) {
    importFailed(c, parsed.error);
    return;
  }
  const outcome: { merged?: Merged; tooMany?: true } = {};
  const next = await store(c, (list) => {
    const merged = mergeImport(list, parsed.value, () => crypto.randomUUID(), now);
    if (merged) outcome.merged = merged;
    else outcome.tooMany = true;
    return merged?.list;
  });
  if (outcome.tooMany) {
    c.setMessage({
      tone: 'error',
      text: t('savedItems.options.importTooMany', { max: MAX_TEMPLATES }),
    });
  }
  if (!next || !outcome.merged) return;
  const { added, replaced, skipped } = outcome.merged;
  c.setMessage({
    tone: 'success',
    text: t('savedItems.options.imported', { added, replaced, skipped }),
  });
}

/** The saved templates as stored (and as the popup changes them), and what can be done to them. */
export function useSavedItemsSection() {
  const id = useId();
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [renaming, setRenaming] = useState<Renaming | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);

  useEffect(() => {
    let live = true;
    readSavedItems().then(
      (list) => live && setTemplates(list),
      (error: unknown) => {
        console.error('Could not read the saved items', error);
        if (live) setMessage({ tone: 'error', text: t('savedItems.readFailed') });
      },
    );
    // Templates saved in the popup while this page is open appear here too.
    const unwatch = savedItemsItem.watch((value) => setTemplates(validTemplates(value)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const c: Context = {
    id,
    templates,
    renaming,
    deleted,
    setTemplates,
    setMessage,
    setRenaming,
    setDeleted,
  };
  return {
    id,
    templates,
    message,
    renaming,
    undoable: deleted !== null,
    buttonId: (action: string, template: Template) => buttonId(c, action, template),
    editName(name: string) {
      if (renaming) setRenaming({ ...renaming, name, error: '' });
    },
    startRename(template: Template) {
      setMessage(null);
      setDeleted(null);
      setRenaming({ id: template.id, name: template.name, error: '' });
    },
    confirmRename: (event: FormEvent<HTMLFormElement>) => void confirmRename(c, event),
    cancelRename: () => cancelRename(c),
    remove: (template: Template) => void remove(c, template),
    undo: () => void undo(c),
    importFile: (event: ChangeEvent<HTMLInputElement>) => void importFile(c, event),
  };
}
