import { describe, expect, it } from 'vitest';
import { migrate, version } from '../../../../../storage/migrations/settings/007.ts';
import v6 from './fixtures/v6.json';

const EMPTY_BUSINESS = {
  name: '',
  address: '',
  taxId: '',
  email: '',
  footer: '',
  invoicePrefix: 'INV-',
  nextInvoiceNumber: 1,
  issued: {},
};

describe('settings 007', () => {
  it('produces version 7', () => {
    expect(version).toBe(7);
  });

  it('gives every profile of stored v6 settings empty business details, and Lock after an hour', () => {
    expect(migrate(v6.settings)).toEqual({
      ...v6.settings,
      lockAfterMinutes: 60,
      profiles: v6.settings.profiles.map((profile) => ({ ...profile, business: EMPTY_BUSINESS })),
    });
  });
});
