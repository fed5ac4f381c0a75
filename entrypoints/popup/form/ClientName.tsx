import { useState, type KeyboardEvent } from 'react';
import { fieldId, TextField } from '../../../components/Field.tsx';
import { t } from '../../../lib/i18n.ts';
import type { Client } from '../../../lib/invoice.ts';
import { clientNamed, clientsMatching } from '../../../lib/recent-clients.ts';
import { readRecentClients } from '../../../storage/recent-clients.ts';

interface ClientNameProps {
  value: string;
  error: string | undefined;
  onValueChange: (value: string) => void;
  /** A known client was chosen: the form fills what is still empty from it. */
  onKnownClient: (client: Client) => void;
}

/** No suggestion highlighted: Enter keeps the typed text and creates the link. */
const NONE = -1;

/** The highlight after ↓ (step 1) or ↑ (step -1), wrapping round; ↑ from none is the last. */
function moved(active: number, step: 1 | -1, count: number): number {
  if (active === NONE) return step === 1 ? 0 : count - 1;
  return (active + step + count) % count;
}

/**
 * "Client name", a combobox suggesting the clients of earlier links as it is typed (the ARIA
 * 1.2 pattern, as Saved items): ↑/↓ highlight a suggestion, Enter picks the highlighted one
 * instead of creating the link, Escape closes the list and not the popup. Nothing is
 * highlighted until an arrow is pressed, so typing and Enter bill what was typed. The clients
 * are read when the field is first used, not when the popup opens. Typing a known name in
 * full fills the email and address as picking it does.
 */
export function ClientName({ value, error, onValueChange, onKnownClient }: ClientNameProps) {
  const [clients, setClients] = useState<readonly Client[] | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(NONE);
  const id = fieldId('clientName');
  const listId = `${id}-list`;

  function load() {
    if (clients !== undefined) return;
    setClients([]);
    void readRecentClients().then(setClients, () => setClients([]));
  }

  function close() {
    setOpen(false);
    setActive(NONE);
  }

  function change(next: string) {
    onValueChange(next);
    setOpen(true);
    setActive(NONE);
    const known = clientNamed(clients ?? [], next);
    if (known !== undefined) onKnownClient(known);
  }

  function pick(client: Client) {
    onValueChange(client.name);
    onKnownClient(client);
    close();
  }

  const matches = open ? clientsMatching(clients ?? [], value) : [];
  const listed = matches.length > 0;
  const highlighted = listed && active !== NONE ? matches[active] : undefined;

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    const all = clientsMatching(clients ?? [], value);
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (all.length === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive(moved(listed ? active : NONE, event.key === 'ArrowDown' ? 1 : -1, all.length));
        return;
      case 'Enter':
        // Only a highlighted suggestion stops the form's submit; otherwise Enter creates.
        if (highlighted === undefined) return;
        event.preventDefault();
        pick(highlighted);
        return;
      case 'Escape':
        if (!listed) return;
        // Closes the suggestions, not the popup.
        event.preventDefault();
        close();
        return;
    }
  }

  return (
    <div className="client-name">
      <TextField
        id={id}
        label={t('popup.form.clientName')}
        value={value}
        onValueChange={change}
        onFocus={load}
        onBlur={close}
        onKeyDown={keyDown}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={listed}
        aria-controls={listed ? listId : undefined}
        aria-activedescendant={highlighted === undefined ? undefined : `${listId}-${active}`}
        error={error}
        autoComplete="off"
      />
      {listed && (
        <ul
          id={listId}
          role="listbox"
          className="client-suggestions"
          aria-label={t('popup.form.recentClients')}
        >
          {matches.map((client, index) => (
            <li
              key={client.name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="client-option"
              title={client.email || undefined}
              // Keeps focus in the combobox, so the click is the pick and nothing blurs.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(client)}
            >
              {client.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
