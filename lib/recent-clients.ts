import { z } from 'zod/mini';
import { ClientSchema, type Client } from './invoice.ts';

/*
 * The clients of the last links, newest first: "Client name" suggests them as it is typed,
 * and picking one fills the email and address too, so a client is typed once. Written by the
 * background when a link is made; read by the popup when the field is first used.
 */

export const MAX_RECENT_CLIENTS = 30;

/** The clients as stored (storage/recent-clients.ts). */
export const RecentClientsSchema = z.array(ClientSchema);

function sameName(a: Client, b: Client): boolean {
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

/** `clients` with `client` first and its older entry (same name) gone; at most 30. */
export function withRecentClient(clients: readonly Client[], client: Client): Client[] {
  if (client.name.trim() === '') return [...clients];
  return [client, ...clients.filter((known) => !sameName(known, client))].slice(
    0,
    MAX_RECENT_CLIENTS,
  );
}

/** The known client named exactly `name` (any letter case), for filling the other fields. */
export function clientNamed(clients: readonly Client[], name: string): Client | undefined {
  const wanted = name.trim().toLowerCase();
  if (wanted === '') return undefined;
  return clients.find((client) => client.name.trim().toLowerCase() === wanted);
}

/**
 * Up to three known clients whose name holds `typed` (any letter case), names starting with
 * it first; none for an empty field or once a name is typed in full.
 */
export function clientsMatching(clients: readonly Client[], typed: string): Client[] {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '' || clientNamed(clients, typed) !== undefined) return [];
  const named = (client: Client) => client.name.trim().toLowerCase();
  const starting = clients.filter((client) => named(client).startsWith(wanted));
  const containing = clients.filter(
    (client) => !named(client).startsWith(wanted) && named(client).includes(wanted),
  );
  return [...starting, ...containing].slice(0, 3);
}
