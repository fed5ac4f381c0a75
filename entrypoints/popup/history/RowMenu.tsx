import { useId, useRef, useState, type KeyboardEvent, type ToggleEvent } from 'react';

export interface RowMenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** The item opens a dialog, said to screen readers as "…, dialog". */
  opensDialog?: boolean;
}

interface RowMenuProps {
  /** The button's accessible name ("More actions"); it shows "⋯". */
  label: string;
  /** Asked only while the menu is open: a History screen holds a dozen closed menus. */
  items: () => readonly RowMenuItem[];
}

/**
 * A row's secondary actions behind one "⋯" button (WAI-ARIA menu button). The list is a
 * popover: in the top layer, so a row's fixed height never clips it, and the browser closes
 * it on Escape or a click elsewhere. Opening moves focus to the first item; arrow keys,
 * Home and End move between items; Tab or choosing one closes it, and focus goes back to
 * the button — also before a dialog opens, so the dialog returns focus there.
 */
export function RowMenu({ label, items }: RowMenuProps) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  function menuItems(): HTMLButtonElement[] {
    return [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  }

  // Before the browser shows or hides it: the items are drawn by the time it is shown
  // (a discrete event, so React renders at once), and only then.
  function onBeforeToggle(event: ToggleEvent<HTMLDivElement>) {
    setOpen(event.newState === 'open');
  }

  function onToggle(event: ToggleEvent<HTMLDivElement>) {
    const isOpen = event.newState === 'open';
    const list = menu.current;
    const anchor = button.current?.getBoundingClientRect();
    if (!isOpen || !list || !anchor) return;
    // Under the button, right-aligned with it; above it when the popup has no room below.
    const below = anchor.bottom + 4;
    const top =
      below + list.offsetHeight > window.innerHeight
        ? Math.max(4, anchor.top - 4 - list.offsetHeight)
        : below;
    list.style.top = `${top}px`;
    list.style.left = `${Math.max(4, anchor.right - list.offsetWidth)}px`;
    menuItems()
      .find((item) => !item.disabled)
      ?.focus();
  }

  function close() {
    menu.current?.hidePopover();
    button.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = menuItems().filter((item) => !item.disabled);
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const go = (index: number) => all[(index + all.length) % all.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(all.length - 1);
        break;
      case 'Escape':
        close();
        break;
      case 'Tab':
        menu.current?.hidePopover();
        button.current?.focus();
        return; // and let Tab move on from the button
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button--small row-menu-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        popoverTarget={id}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        role="menu"
        aria-label={label}
        className="row-menu"
        onBeforeToggle={onBeforeToggle}
        onToggle={onToggle}
        onKeyDown={onKeyDown}
      >
        {open &&
          items().map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className="row-menu-item"
              disabled={item.disabled}
              aria-haspopup={item.opensDialog ? 'dialog' : undefined}
              tabIndex={-1}
              onClick={() => {
                close();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
      </div>
    </>
  );
}
