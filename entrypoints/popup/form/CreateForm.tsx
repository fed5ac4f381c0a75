import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { draftTax, draftTotal, hasPricedItems } from '../../../lib/draft.ts';
import type { LiveQuestion } from '../../../lib/live-question.ts';
import { strayErrors } from './draft-edit.ts';
import { FormFooter } from './FormFooter.tsx';
import { ItemList } from './ItemList.tsx';
import { SavedItems } from './SavedItems.tsx';
import { TopFields } from './TopFields.tsx';
import { useCreateForm, type CreateFormOptions } from './useCreateForm.ts';

interface CreateFormProps extends CreateFormOptions {
  /** The profile whose settings these are: the link is made with its key. */
  profileId?: string | undefined;
  /** A status line above the items, until the form is submitted. */
  initialNotice?: string;
  /** The last link made (its total), shown again by "Last link" while the form is empty. */
  lastLink?: { total: string; onShow: () => void } | undefined;
  /**
   * Asked before the profile's first live link (lib/live-question.ts): 'live' for a key
   * known to be live, 'maybe' for one not used yet. The worker asks too, when this is stale.
   */
  liveQuestion?: LiveQuestion | undefined;
  /** Hydrated from the first screen popup-boot drew: it may hold typing, and a held submit. */
  hydrated?: boolean;
}

/** The create form: Saved items, the items, the fields outside them, and its footer. */
export function CreateForm(props: CreateFormProps) {
  const { settings, initialError, lastLink, hydrated = false } = props;
  const { values, submitButton, formElement, ...edit } = useCreateForm(props);
  const { draft, errors, alert } = values;
  return (
    <form ref={formElement} className="create-form" noValidate onSubmit={edit.submit}>
      <div className="form-body">
        {values.notice && <StatusMessage>{values.notice}</StatusMessage>}
        <SavedItems
          current={edit.current}
          onPicked={edit.pickTemplate}
          onInvalidItems={edit.showErrors}
        />
        <ItemList
          draft={draft}
          errors={errors}
          onChange={edit.setItem}
          onLeave={edit.checkLeftField}
          onRemove={edit.removeItem}
          onAdd={edit.addItem}
          // Hydrated, the field had it from the drawn page (autofocus) and the user may have
          // moved on since.
          autoFocusFirst={initialError === null && !hydrated}
        />
        <TopFields
          draft={draft}
          errors={errors}
          settings={settings}
          currencyNote={values.currencyNote}
          onChange={edit.setTop}
          onKnownClient={edit.fillClient}
          moreOpen={values.moreOpen}
          onMoreToggle={edit.setMoreOpen}
        />
      </div>
      <FormFooter
        asking={values.asking}
        onLiveConfirm={edit.confirmLive}
        onLiveCancel={edit.cancelLive}
        alert={alert}
        stray={alert ? strayErrors(draft, alert.fields) : []}
        lastLink={lastLink && !hasPricedItems(draft) ? lastLink : undefined}
        total={draftTotal(draft)}
        tax={draftTax(draft)}
        currencyLabel={draft.currency.toUpperCase()}
        usualCurrency={
          draft.currency === settings.currency ? undefined : settings.currency.toUpperCase()
        }
        busy={values.busy}
        submitButton={submitButton}
      />
    </form>
  );
}
