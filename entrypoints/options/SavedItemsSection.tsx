import { TextField } from '../../components/Field.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import {
  MAX_TEMPLATE_NAME_LENGTH,
  templateSummary,
  toJson,
  type Template,
} from '../../lib/saved-items.ts';
import { useSavedItemsSection, type Renaming } from './useSavedItemsSection.ts';

type Section = ReturnType<typeof useSavedItemsSection>;

function download(list: readonly Template[]): void {
  const url = URL.createObjectURL(new Blob([toJson(list)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'payfect-saved-items.json';
  link.click();
  // The download has its own copy once started; the next task is late enough to let go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function RenameForm({ section, renaming }: { section: Section; renaming: Renaming }) {
  return (
    <form className="template-rename" noValidate onSubmit={section.confirmRename}>
      <TextField
        id={`${section.id}-name`}
        label={t('savedItems.templateName')}
        value={renaming.name}
        onValueChange={section.editName}
        error={renaming.error || undefined}
        maxLength={MAX_TEMPLATE_NAME_LENGTH}
        autoComplete="off"
        autoFocus
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            section.cancelRename();
          }
        }}
      />
      <div className="template-actions">
        <button type="submit" className="button button--primary button--small">
          {t('savedItems.options.rename')}
        </button>
        <button type="button" className="button button--small" onClick={section.cancelRename}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function TemplateRow({ section, template }: { section: Section; template: Template }) {
  return (
    <>
      <div className="template-text">
        <p className="template-name">{template.name}</p>
        <p className="template-summary">{template.items.map((item) => item.name).join(', ')}</p>
        <p className="template-summary">{templateSummary(template)}</p>
      </div>
      <div className="template-actions">
        <button
          type="button"
          id={section.buttonId('rename', template)}
          className="button button--small"
          onClick={() => section.startRename(template)}
        >
          {t('savedItems.options.rename')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          onClick={() => section.remove(template)}
        >
          {t('savedItems.options.delete')}
        </button>
      </div>
    </>
  );
}

function TemplateList({ section }: { section: Section }) {
  const { templates, renaming } = section;
  if (templates === null) return <p className="muted">{t('common.loading')}</p>;
  if (templates.length === 0) return <p className="muted">{t('savedItems.options.empty')}</p>;
  return (
    <ul className="template-list" aria-label={t('savedItems.options.list')}>
      {templates.map((template) => (
        <li key={template.id} className="template">
          {renaming?.id === template.id ? (
            <RenameForm section={section} renaming={renaming} />
          ) : (
            <TemplateRow section={section} template={template} />
          )}
        </li>
      ))}
    </ul>
  );
}

function Transfer({ section }: { section: Section }) {
  const { id, templates } = section;
  return (
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
          onChange={section.importFile}
        />
        <p id={`${id}-import-hint`} className="field-hint">
          {t('savedItems.options.importHint')}
        </p>
      </div>
    </div>
  );
}

function SectionMessage({ section }: { section: Section }) {
  const { message } = section;
  if (message?.tone === 'error') {
    return (
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
    );
  }
  return (
    <StatusMessage tone={message?.tone ?? 'info'}>
      {message && (
        <span className="template-message">
          {message.text}
          {section.undoable && (
            <button
              type="button"
              id={`${section.id}-undo`}
              className="button button--small"
              onClick={section.undo}
            >
              {t('savedItems.options.undo')}
            </button>
          )}
        </span>
      )}
    </StatusMessage>
  );
}

/**
 * The saved templates: rename, delete (with undo), export to a JSON file and import one.
 * Not part of the settings form: each action is stored at once, as the popup stores them.
 */
export function SavedItemsSection() {
  const section = useSavedItemsSection();
  return (
    <section className="card saved-items" aria-labelledby={`${section.id}-title`}>
      <h2 id={`${section.id}-title`}>{t('savedItems.options.title')}</h2>
      <p className="section-intro">{t('savedItems.options.intro')}</p>
      <TemplateList section={section} />
      <Transfer section={section} />
      <SectionMessage section={section} />
    </section>
  );
}
