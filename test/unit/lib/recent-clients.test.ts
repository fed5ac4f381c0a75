import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clientNamed,
  clientsMatching,
  MAX_RECENT_CLIENTS,
  withRecentClient,
} from '../../../lib/recent-clients.ts';
import {
  readRecentClients,
  recentClientsItem,
  rememberClient,
} from '../../../storage/recent-clients.ts';

const acme = { name: 'ACME Trading Ltd', email: 'ap@acme.example', address: '1 Main St' };
const bolt = { name: 'Bolt & Co', email: '', address: '' };
const wang = { name: '王小明有限公司', email: 'wang@example.tw', address: '台北市' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('withRecentClient', () => {
  it('puts the newest first and keeps one entry per name, whatever its letter case', () => {
    const updated = { ...acme, name: 'acme trading ltd', email: 'new@acme.example' };
    expect(withRecentClient([bolt, acme], updated)).toEqual([updated, bolt]);
  });

  it(`keeps at most ${MAX_RECENT_CLIENTS}`, () => {
    const many = Array.from({ length: MAX_RECENT_CLIENTS }, (_, i) => ({ ...bolt, name: `C${i}` }));
    const result = withRecentClient(many, acme);
    expect(result).toHaveLength(MAX_RECENT_CLIENTS);
    expect(result[0]).toEqual(acme);
    expect(result.at(-1)?.name).toBe(`C${MAX_RECENT_CLIENTS - 2}`);
  });

  it('ignores a client without a name', () => {
    expect(withRecentClient([bolt], { name: ' ', email: 'x@y', address: '' })).toEqual([bolt]);
  });
});

describe('clientsMatching', () => {
  const known = [bolt, acme, wang, { ...bolt, name: 'Tacme' }];

  it('suggests names starting with what is typed first, then names holding it', () => {
    expect(clientsMatching(known, 'ac').map((client) => client.name)).toEqual([
      'ACME Trading Ltd',
      'Tacme',
    ]);
    expect(clientsMatching(known, '小明')).toEqual([wang]);
  });

  it('suggests nothing for an empty field or a name typed in full', () => {
    expect(clientsMatching(known, ' ')).toEqual([]);
    expect(clientsMatching(known, 'acme trading ltd')).toEqual([]);
  });

  it('finds a known client by its full name in any letter case', () => {
    expect(clientNamed(known, ' Bolt & co ')).toEqual(bolt);
    expect(clientNamed(known, 'Bolt')).toBeUndefined();
  });
});

describe('rememberClient', () => {
  it('stores the clients of links made, newest first', async () => {
    await rememberClient(acme);
    await rememberClient(undefined);
    await rememberClient({ name: '', email: 'only@email', address: '' });
    await rememberClient(wang);
    expect(await readRecentClients()).toEqual([wang, acme]);
  });

  it('reads a damaged stored list as none', async () => {
    await recentClientsItem.setValue([{ name: 3 }] as never);
    expect(await readRecentClients()).toEqual([]);
  });
});
