import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { t } from '../../lib/i18n.ts';
import { savedItems } from './lazy.tsx';
import type * as SavedItemsModule from './SavedItems.tsx';

/** A key or click the stand-in takes for the picker, done once the picker is in. */
export type PendingAction = 'ArrowDown' | 'ArrowUp' | 'Enter' | 'open' | 'save';

/** What the stand-in hands to the picker that replaces it. */
export interface Handover {
  readonly text: string;
  readonly focused: boolean;
  readonly selection: readonly [number, number];
  readonly action: PendingAction | null;
}

interface Picker {
  readonly module: typeof SavedItemsModule;
  readonly handover?: Handover | undefined;
}

function isPendingAction(key: string): key is PendingAction {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'Enter';
}

function logFailure(error: unknown) {
  console.error('Could not load the saved items', error);
}

/**
 * "Saved items" on the form. The picker (SavedItems.tsx, with the templates' schemas) is a
 * chunk of its own, fetched once the popup is idle (lazy.tsx prefetchLater); until it is in,
 * a stand-in with the same label, box and button takes focus, typing, arrows, Enter and a
 * click on "Save items", and hands them over in the commit that swaps it for the picker.
 */
export function SavedItemsSlot(props: SavedItemsModule.SavedItemsProps) {
  const [picker, setPicker] = useState<Picker | undefined>(() => {
    const module = savedItems.current();
    return module && { module };
  });
  const box = useRef<HTMLInputElement>(null);
  const pending = useRef<PendingAction | null>(null);

  useEffect(() => {
    if (picker) return;
    let live = true;
    void savedItems.arrived.then((module) => {
      if (!live) return;
      // The stand-in as it is in this very task: no event can land between this read and
      // the commit that puts the picker in its place.
      const input = box.current;
      const handover: Handover | undefined = input
        ? {
            text: input.value,
            focused: document.activeElement === input,
            selection: [input.selectionStart ?? 0, input.selectionEnd ?? 0],
            action: pending.current,
          }
        : undefined;
      flushSync(() => setPicker({ module, handover }));
    });
    return () => {
      live = false;
    };
  }, [picker]);

  if (picker) return <picker.module.SavedItems {...props} handover={picker.handover} />;

  function load() {
    savedItems.load().catch(logFailure);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    load();
    if (isPendingAction(event.key)) {
      // Never the form's submit: Enter here is the picker's.
      event.preventDefault();
      pending.current = event.key;
    } else if (
      event.key === 'Escape' &&
      (pending.current !== null || event.currentTarget.value !== '')
    ) {
      // As in the picker: Escape closes the list (here: the one a click asked for), else
      // clears the text.
      event.preventDefault();
      if (pending.current !== null) pending.current = null;
      else event.currentTarget.value = '';
    }
  }

  return (
    <StandIn
      box={box}
      onUse={load}
      onKeyDown={onKeyDown}
      onOpen={() => {
        // A click opens the list, as in the picker.
        pending.current = 'open';
        load();
      }}
      onSave={() => {
        pending.current = 'save';
        load();
      }}
    />
  );
}

interface StandInProps {
  box: RefObject<HTMLInputElement | null>;
  onUse: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onOpen: () => void;
  onSave: () => void;
}

/**
 * What the Saved items box is, whether the picker (SavedItems.tsx) or its stand-in draws it:
 * the same element either way, so the swap between them is not seen or heard.
 */
export function savedItemsBox() {
  return {
    type: 'text',
    role: 'combobox',
    autoComplete: 'off',
    spellCheck: false,
    placeholder: t('savedItems.placeholder'),
    'aria-autocomplete': 'list',
  } as const;
}

/** The picker's markup, closed and empty (SavedItems.tsx comboRow). */
function StandIn({ box, onUse, onKeyDown, onOpen, onSave }: StandInProps) {
  const id = useId();
  return (
    <div className="saved-items">
      <div className="saved-items-row">
        <div className="field saved-items-combo">
          <label htmlFor={`${id}-input`}>{t('savedItems.label')}</label>
          <input
            {...savedItemsBox()}
            ref={box}
            id={`${id}-input`}
            aria-expanded={false}
            onFocus={onUse}
            onPointerDown={onUse}
            onClick={onOpen}
            onKeyDown={onKeyDown}
          />
        </div>
        <button type="button" className="button button--small" onClick={onSave}>
          {t('savedItems.save')}
        </button>
      </div>
      <StatusMessage />
    </div>
  );
}
