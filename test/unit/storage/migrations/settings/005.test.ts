import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/005.ts';
import v4 from './fixtures/v4.json';

describe('settings 005', () => {
  it('produces version 5', () => {
    expect(version).toBe(5);
  });

  it('turns stored v4 settings into the profile "Default" and keeps the shared fields', () => {
    const { messageTemplate, historyCap, reminderMinutes, ...own } = v4.settings;
    expect(migrate(v4.settings)).toEqual({
      activeProfileId: 'default',
      profiles: [
        {
          id: 'default',
          name: 'Default',
          ...own,
          business: {
            name: '',
            address: '',
            taxId: '',
            email: '',
            footer: '',
            invoicePrefix: 'INV-',
            nextInvoiceNumber: 1,
            issued: {},
          },
        },
      ],
      messageTemplate,
      historyCap,
      reminderMinutes,
    });
  });

  it('starts from the v4 defaults when the stored value does not fit v4', () => {
    const migrated = migrate({ ...v4.settings, historyCap: -1 }) as {
      profiles: { currency: string }[];
      historyCap: number;
    };
    expect(migrated.historyCap).toBe(0);
    expect(migrated.profiles[0]?.currency).toBe('usdt');
  });
});
