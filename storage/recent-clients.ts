import { z } from 'zod/mini';
import { isEmptyClient, type Client } from '../lib/invoice.ts';
import { RecentClientsSchema, withRecentClient } from '../lib/recent-clients.ts';
import { storage } from './item.ts';

/* The clients of the last links (lib/recent-clients.ts says why): written by the background. */

export const recentClientsItem = storage.defineItem<Client[]>('local:recentClients', {
  fallback: [],
  version: 1,
});

/** The stored clients; a stored value that fails the schema counts as none. */
export async function readRecentClients(): Promise<Client[]> {
  const parsed = z.safeParse(RecentClientsSchema, await recentClientsItem.getValue());
  return parsed.success ? parsed.data : [];
}

/** Remembers the client of a link just made (nothing when no name was typed). */
export async function rememberClient(client: Client | undefined): Promise<void> {
  if (client === undefined || isEmptyClient(client) || client.name.trim() === '') return;
  await recentClientsItem.setValue(withRecentClient(await readRecentClients(), client));
}
