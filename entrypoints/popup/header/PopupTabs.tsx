import { useRef, type KeyboardEvent } from 'react';
import { t } from '../../../lib/i18n.ts';

export type Tab = 'create' | 'history';

const TABS: readonly Tab[] = ['create', 'history'];

function tabLabel(tab: Tab): string {
  return tab === 'create' ? t('popup.newLink') : t('popup.history');
}

export function tabId(tab: Tab): string {
  return `tab-${tab}`;
}

export function panelId(tab: Tab): string {
  return `panel-${tab}`;
}

interface PopupTabsProps {
  selected: Tab;
  /** Arrow keys, Home, End: show the tab (WAI-ARIA tabs with automatic activation). */
  onSelect: (tab: Tab) => void;
  /** A click, Enter or Space: "New link" then also leaves a finished result for a new form. */
  onActivate: (tab: Tab) => void;
  /** The panels that exist: History is not rendered until first opened. */
  hasPanel: (tab: Tab) => boolean;
}

function neighbour(current: number, key: string): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % TABS.length;
    case 'ArrowLeft':
      return (current - 1 + TABS.length) % TABS.length;
    case 'Home':
      return 0;
    case 'End':
      return TABS.length - 1;
    default:
      return undefined;
  }
}

/** "New link" and "History": one tab stop, arrow keys between them. */
export function PopupTabs({ selected, onSelect, onActivate, hasPanel }: PopupTabsProps) {
  const buttons = useRef(new Map<Tab, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const next = neighbour(index, event.key);
    const target = next === undefined ? undefined : TABS[next];
    if (!target) return;
    event.preventDefault();
    buttons.current.get(target)?.focus();
    onSelect(target);
  }

  return (
    <div className="tabs" role="tablist" aria-label={t('popup.sections')}>
      {TABS.map((tab, index) => {
        const isSelected = tab === selected;
        return (
          <button
            key={tab}
            ref={(element) => {
              if (element) buttons.current.set(tab, element);
              else buttons.current.delete(tab);
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            className="tab"
            aria-selected={isSelected}
            aria-controls={hasPanel(tab) ? panelId(tab) : undefined}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onActivate(tab)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tabLabel(tab)}
          </button>
        );
      })}
    </div>
  );
}
