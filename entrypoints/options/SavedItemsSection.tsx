import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { TextField } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import {
  findByName,
  MAX_IMPORT_BYTES,
  MAX_TEMPLATE_NAME_LENGTH,
  MAX_TEMPLATES,
  mergeImport,
  parseImport,
  renamed,
  templateSummary,
  toJson,
  validTemplates,
  withoutTemplate,
  type Merged,
  type RenameError,
  type Template,
} from '../../lib/saved-items.ts';
import { readSavedItems, savedItemsItem, updateSavedItems } from '../../storage/saved-items.ts';

type Message =
  | { tone: 'success' | 'info'; text: string }
  | { tone: 'error'; text: string; problems?: readonly string[] };

interface Renaming {
  readonly id: string;
  readonly name: string;
  readonly error: string;
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

function download(list: readonly Template[]): void {
  const url = URL.createObjectURL(new Blob([toJson(list)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'payfect-saved-items.json';
  link.click();
  // The download has its own copy once started; the next task is late enough to let go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The saved templates: rename, delete (with undo), export to a JSON file and import one.
 * Not part of the settings form: each action is stored at once, as the popup stores them.
 */
export function SavedItemsSection() {
  const id = useId();
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [renaming, setRenaming] = useState<Renaming | null>(null);
  const [deleted, setDeleted] = useState<{ template: Template; index: number } | null>(null);
  const buttonId = (action: string, template: Template) => `${id}-${action}-${template.id}`;

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

  async function store(change: (list: Template[]) => Template[] | undefined) {
    try {
      const next = await updateSavedItems(change);
      if (next) setTemplates(next);
      return next;
    } catch (error) {
      console.error('Could not store the saved items', error);
      setMessage({ tone: 'error', text: t('savedItems.writeFailed') });
      return undefined;
    }
  }

  async function confirmRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!renaming) return;
    const refused: { error?: RenameError } = {};
    const next = await store((list) => {
      const result = renamed(list, renaming.id, renaming.name, Date.now());
      if (result.ok) return result.value;
      refused.error = result.error;
      return undefined;
    });
    if (refused.error) {
      setRenaming({ ...renaming, error: renameMessage(refused.error) });
      return;
    }
    const template = next?.find((other) => other.id === renaming.id);
    if (!template) return;
    flushSync(() => {
      setRenaming(null);
      setDeleted(null);
      setMessage({
        tone: 'success',
        text: t('savedItems.options.renamed', { name: template.name }),
      });
    });
    focusById(buttonId('rename', template));
  }

  function cancelRename() {
    const template = templates?.find((other) => other.id === renaming?.id);
    flushSync(() => setRenaming(null));
    if (template) focusById(buttonId('rename', template));
  }

  async function remove(template: Template) {
    const index = templates?.findIndex((other) => other.id === template.id) ?? -1;
    const next = await store((list) => withoutTemplate(list, template.id));
    if (!next) return;
    flushSync(() => {
      setDeleted({ template, index });
      setMessage({ tone: 'info', text: t('savedItems.options.deleted', { name: template.name }) });
    });
    focusById(`${id}-undo`);
  }

  async function undo() {
    if (!deleted) return;
    const { template, index } = deleted;
    const next = await store((list) => {
      // A template of that name saved since (in the popup) wins: nothing to restore into.
      if (findByName(list, template.name)) return undefined;
      const restored = [...list];
      restored.splice(index < 0 ? restored.length : index, 0, template);
      return restored;
    });
    flushSync(() => {
      setDeleted(null);
      if (next) {
        setMessage({
          tone: 'success',
          text: t('savedItems.options.restored', { name: template.name }),
        });
      }
    });
    if (next) focusById(buttonId('rename', template));
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setDeleted(null);
    const failed = (problems: readonly string[]) =>
      setMessage({ tone: 'error', text: t('savedItems.options.importFailed'), problems });
    if (file.size > MAX_IMPORT_BYTES) {
      input.value = '';
      failed([t('savedItems.import.tooBig')]);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      console.error('Could not read the file', error);
      setMessage({ tone: 'error', text: t('savedItems.options.readFileFailed') });
      return;
    } finally {
      // The same file can be chosen again after it is fixed.
      input.value = '';
    }
    const now = Date.now();
    const parsed = parseImport(text, now);
    if (!parsed.ok) {
      failed(parsed.error);
      return;
    }
    const outcome: { merged?: Merged; tooMany?: true } = {};
    const next = await store((list) => {
      const merged = mergeImport(list, parsed.value, () => crypto.randomUUID(), now);
      if (merged) outcome.merged = merged;
      else outcome.tooMany = true;
      return merged?.list;
    });
    if (outcome.tooMany) {
      setMessage({
        tone: 'error',
        text: t('savedItems.options.importTooMany', { max: MAX_TEMPLATES }),
      });
    }
    if (!next || !outcome.merged) return;
    const { added, replaced, skipped } = outcome.merged;
    setMessage({
      tone: 'success',
      text: t('savedItems.options.imported', { added, replaced, skipped }),
    });
  }

  return (
    <section className="card saved-items" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('savedItems.options.title')}</h2>
      <p className="section-intro">{t('savedItems.options.intro')}</p>
      {templates === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : templates.length === 0 ? (
        <p className="muted">{t('savedItems.options.empty')}</p>
      ) : (
        <ul className="template-list" aria-label={t('savedItems.options.list')}>
          {templates.map((template) => (
            <li key={template.id} className="template">
              {renaming?.id === template.id ? (
                <form
                  className="template-rename"
                  noValidate
                  onSubmit={(e) => void confirmRename(e)}
                >
                  <TextField
                    id={`${id}-name`}
                    label={t('savedItems.templateName')}
                    value={renaming.name}
                    onValueChange={(name) => setRenaming({ ...renaming, name, error: '' })}
                    error={renaming.error || undefined}
                    maxLength={MAX_TEMPLATE_NAME_LENGTH}
                    autoComplete="off"
                    autoFocus
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') {
                        event.preventDefault();
                        cancelRename();
                      }
                    }}
                  />
                  <div className="template-actions">
                    <button type="submit" className="button button--primary button--small">
                      {t('savedItems.options.rename')}
                    </button>
                    <button type="button" className="button button--small" onClick={cancelRename}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </form>
              ) : (
                <>
                  <div className="template-text">
                    <p className="template-name">{template.name}</p>
                    <p className="template-summary">
                      {template.items.map((item) => item.name).join(', ')}
                    </p>
                    <p className="template-summary">{templateSummary(template)}</p>
                  </div>
                  <div className="template-actions">
                    <button
                      type="button"
                      id={buttonId('rename', template)}
                      className="button button--small"
                      onClick={() => {
                        setMessage(null);
                        setDeleted(null);
                        setRenaming({ id: template.id, name: template.name, error: '' });
                      }}
                    >
                      {t('savedItems.options.rename')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => void remove(template)}
                    >
                      {t('savedItems.options.delete')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="template-transfer">
        <button
          type="button"
          className="button"
          disabled={!templates || templates.length === 0}
          onClick={() => templates && download(templates)}
        >
          {t('savedItems.options.export')}
        </button>
        <div className="field">
          <label htmlFor={`${id}-import`}>{t('savedItems.options.import')}</label>
          <input
            id={`${id}-import`}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-import-hint`}
            onChange={(event) => void importFile(event)}
          />
          <p id={`${id}-import-hint`} className="field-hint">
            {t('savedItems.options.importHint')}
          </p>
        </div>
      </div>
      {message?.tone === 'error' ? (
        <StatusMessage tone="error">
          <p>{message.text}</p>
          {message.problems && (
            <ul>
              {message.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </StatusMessage>
      ) : (
        <StatusMessage tone={message?.tone ?? 'info'}>
          {message && (
            <span className="template-message">
              {message.text}
              {deleted && (
                <button
                  type="button"
                  id={`${id}-undo`}
                  className="button button--small"
                  onClick={() => void undo()}
                >
                  {t('savedItems.options.undo')}
                </button>
              )}
            </span>
          )}
        </StatusMessage>
      )}
    </section>
  );
}
