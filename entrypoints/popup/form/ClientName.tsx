import { useState, type FocusEvent } from 'react';
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

/**
 * "Client name", suggesting the clients of earlier links as it is typed: up to three buttons
 * under the field (a datalist would make the field a combobox, and it is a textbox). They
 * are read when the field is first used, not when the popup opens. Typing a known name in
 * full fills the email and address as picking it does.
 */
export function ClientName({ value, error, onValueChange, onKnownClient }: ClientNameProps) {
  const [clients, setClients] = useState<readonly Client[] | undefined>(undefined);
  const [active, setActive] = useState(false);

  function load() {
    setActive(true);
    if (clients !== undefined) return;
    setClients([]);
    void readRecentClients().then(setClients, () => setClients([]));
  }

  function change(next: string) {
    onValueChange(next);
    const known = clientNamed(clients ?? [], next);
    if (known !== undefined) onKnownClient(known);
  }

  function pick(client: Client) {
    onValueChange(client.name);
    onKnownClient(client);
    setActive(false);
    document.getElementById(fieldId('clientName'))?.focus();
  }

  function leave(event: FocusEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget)) setActive(false);
  }

  const matches = active ? clientsMatching(clients ?? [], value) : [];
  return (
    <div className="client-name" onBlur={leave}>
      <TextField
        id={fieldId('clientName')}
        label={t('popup.form.clientName')}
        value={value}
        onValueChange={change}
        onFocus={load}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && matches.length > 0) {
            // Closes the suggestions, not the popup.
            event.preventDefault();
            setActive(false);
          }
        }}
        error={error}
        autoComplete="off"
      />
      {matches.length > 0 && (
        <ul className="client-suggestions" aria-label={t('popup.form.recentClients')}>
          {matches.map((client) => (
            <li key={client.name}>
              <button
                type="button"
                className="button button--small"
                title={client.email || undefined}
                onClick={() => pick(client)}
              >
                {client.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
