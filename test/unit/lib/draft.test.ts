import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  draftTotal,
  emptyDraft,
  fieldForApiPath,
  validateDraft,
  type Draft,
  type DraftItem,
} from '../../../lib/draft.ts';
import type { Order } from '../../../lib/order.ts';
import { DEFAULT_SETTINGS } from '../../../lib/settings.ts';

const LIVE = { baseUrl: 'https://api.payfect.finance/api/v1' };
const SANDBOX = { baseUrl: 'http://127.0.0.1:8787/api/v1' };

function draftWith(item: Partial<DraftItem>, rest: Partial<Draft> = {}): Draft {
  const base = emptyDraft(DEFAULT_SETTINGS, 'INV-1');
  return {
    ...base,
    items: [{ name: 'Logo design', description: '', unitPrice: '20', quantity: '1', ...item }],
    ...rest,
  };
}

function errorsOf(draft: Draft, options = LIVE): Record<string, string> {
  const result = validateDraft(draft, options);
  return result.ok ? {} : result.error;
}

type ItemField = 'name' | 'description' | 'unitPrice' | 'quantity';
type TopField = 'reference' | 'successUrl' | 'cancelUrl' | 'callbackUrl';
/** `items` is the number of line items, typed as a count. */
type CaseField = ItemField | TopField | 'items';

interface FormInputCase {
  readonly field: CaseField;
  readonly input: string;
  /** A part of the message shown beside the field, or the value sent when it is accepted. */
  readonly outcome: { readonly refused: string } | { readonly sent: string | number };
  readonly currency?: string;
  /** The API base URL is the loopback sandbox (plain-http redirect URLs allowed there). */
  readonly sandbox?: true;
}

const ITEM_FIELDS: readonly string[] = ['name', 'description', 'unitPrice', 'quantity'];

function isItemField(field: CaseField): field is ItemField {
  return ITEM_FIELDS.includes(field);
}

/** A valid one-item draft with only the case's field changed. */
function draftFor(testCase: FormInputCase): Draft {
  const { field, input } = testCase;
  const currency = testCase.currency === undefined ? {} : { currency: testCase.currency };
  if (isItemField(field)) return draftWith({ [field]: input }, currency);
  if (field === 'items') {
    const item = { name: 'Hour', description: '', unitPrice: '1', quantity: '1' };
    return draftWith({}, { ...currency, items: Array.from({ length: Number(input) }, () => item) });
  }
  return draftWith({}, { ...currency, [field]: input });
}

/** The form key the message is shown beside: `items.0.unitPrice`, `successUrl`, `items`. */
function formKey(field: CaseField): string {
  return isItemField(field) ? `items.0.${field}` : field;
}

/** What the order carries for the field, as it will be sent. */
function sentValue(order: Order, field: CaseField): string | number | undefined {
  if (field === 'items') return order.items.length;
  if (isItemField(field)) {
    const line = order.items[0];
    if (line === undefined) return undefined;
    return field === 'unitPrice' ? line.unitAmount : line[field];
  }
  return order[field];
}

const LABELS: Readonly<Record<CaseField, string>> = {
  name: 'Item name',
  description: 'Description',
  unitPrice: 'Unit price',
  quantity: 'Quantity',
  reference: 'Reference',
  successUrl: 'Success URL',
  cancelUrl: 'Cancel URL',
  callbackUrl: 'Callback URL',
  items: 'A number of line items',
};

function quoted(value: string | number, lengthPrefix: string): string {
  if (typeof value === 'number') return String(value);
  return value.length > 40 ? `${lengthPrefix}${value.length} characters` : JSON.stringify(value);
}

/** `Unit price "0.001" (usd) is refused beside the field`. */
function caseTitle(testCase: FormInputCase): string {
  const shown = testCase.field === 'items' ? `of ${testCase.input}` : quoted(testCase.input, 'of ');
  const context = [testCase.currency, testCase.sandbox ? 'sandbox' : undefined].filter(Boolean);
  const where = context.length > 0 ? ` (${context.join(', ')})` : '';
  const verdict =
    'refused' in testCase.outcome
      ? 'is refused beside the field'
      : `is accepted and sent as ${quoted(testCase.outcome.sent, '')}`;
  return `${LABELS[testCase.field]} ${shown}${where} ${verdict}`;
}

const refused = (message: string) => ({ refused: message });

describe('prices as typed in the UI languages', () => {
  // parseUnitPrice reads "," as grouping and "." as the decimal point: true of every UI
  // language the extension ships. One that writes 1.234,50 must change that rule first.
  it.each(['en', 'zh-TW'])('%s groups with "," and marks decimals with "."', (locale) => {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234.5);
    const separators = parts
      .filter((part) => part.type === 'group' || part.type === 'decimal')
      .map((part) => part.value);
    expect(separators).toEqual([',', '.']);
  });

  it('ships no other UI language', () => {
    expect(readdirSync('locales').sort()).toEqual(['en.yml', 'zh-TW.yml']);
  });
});
const sent = (value: string | number) => ({ sent: value });

/**
 * Every kind of bad (or merely unusual) input the create form must handle. Each is refused
 * with a message beside its field, so nothing is sent, or accepted and normalised on purpose.
 * The e2e table in test/e2e/bad-input.spec.ts types a subset of these into the real popup.
 */
const FORM_INPUT_CASES: readonly FormInputCase[] = [
  // Unit price, in USDT (6 decimals) unless a case says otherwise.
  { field: 'unitPrice', input: '', outcome: refused('Enter a price.') },
  { field: 'unitPrice', input: '   ', outcome: refused('Enter a price.') },
  { field: 'unitPrice', input: '0', outcome: refused('more than 0') },
  { field: 'unitPrice', input: '0.000000', outcome: refused('more than 0') },
  { field: 'unitPrice', input: '-1', outcome: refused('cannot be negative') },
  { field: 'unitPrice', input: '1e3', outcome: refused('plain digits') },
  // As people type prices in both UI languages (en, zh-TW: 1,234.50), with the form's own
  // currency marker; the other convention and another currency's marker are refused.
  { field: 'unitPrice', input: '1,000.50', outcome: sent('1000.5') },
  { field: 'unitPrice', input: '15,000', outcome: sent('15000') },
  { field: 'unitPrice', input: '1,234,567.89', outcome: sent('1234567.89') },
  { field: 'unitPrice', input: '80 USDT', outcome: sent('80') },
  { field: 'unitPrice', input: 'usdt 80', outcome: sent('80') },
  { field: 'unitPrice', input: '$80', currency: 'usd', outcome: sent('80') },
  { field: 'unitPrice', input: 'NT$4,500', currency: 'twd', outcome: sent('4500') },
  { field: 'unitPrice', input: '4500 TWD', currency: 'twd', outcome: sent('4500') },
  { field: 'unitPrice', input: '1.000', outcome: sent('1') },
  { field: 'unitPrice', input: '15.000,50', outcome: refused('Use a point for decimals') },
  { field: 'unitPrice', input: '1.000.000', outcome: refused('Use a point for decimals') },
  { field: 'unitPrice', input: '20,5', outcome: refused('Use a point for decimals') },
  { field: 'unitPrice', input: '1,50,000', outcome: refused('Group thousands by three') },
  { field: 'unitPrice', input: '15 000', outcome: refused('Group thousands by three') },
  { field: 'unitPrice', input: '$80', outcome: refused('“$” is USD, but this form is in USDT') },
  {
    field: 'unitPrice',
    input: 'NT$4,500',
    currency: 'usd',
    outcome: refused('“NT$” is TWD, but this form is in USD'),
  },
  { field: 'unitPrice', input: '€80', outcome: refused('in digits') },
  { field: 'unitPrice', input: '$80 USD', currency: 'usd', outcome: refused('in digits') },
  { field: 'unitPrice', input: 'NaN', outcome: refused('in digits') },
  { field: 'unitPrice', input: 'Infinity', outcome: refused('in digits') },
  { field: 'unitPrice', input: 'twenty', outcome: refused('in digits') },
  { field: 'unitPrice', input: '0x10', outcome: refused('in digits') },
  { field: 'unitPrice', input: '1'.repeat(30), outcome: refused('too large') },
  { field: 'unitPrice', input: '0.0000001', outcome: refused('at most 6 decimals') },
  { field: 'unitPrice', input: '0.001', currency: 'usd', outcome: refused('at most 2 decimals') },
  { field: 'unitPrice', input: '20.5', outcome: sent('20.5') },
  { field: 'unitPrice', input: '20.50', outcome: sent('20.5') },
  { field: 'unitPrice', input: ' 20 ', outcome: sent('20') },
  { field: 'unitPrice', input: '0.000001', outcome: sent('0.000001') },
  { field: 'unitPrice', input: '0.01', currency: 'usd', outcome: sent('0.01') },
  { field: 'unitPrice', input: '２０．５', outcome: sent('20.5') },
  { field: 'unitPrice', input: '.5', outcome: sent('0.5') },
  { field: 'unitPrice', input: '999999999999999', outcome: sent('999999999999999') },
  // Quantity: a whole number from 1 to 1,000,000.
  { field: 'quantity', input: '', outcome: refused('Enter a quantity.') },
  { field: 'quantity', input: '0', outcome: refused('at least 1') },
  { field: 'quantity', input: '-2', outcome: refused('at least 1') },
  { field: 'quantity', input: '1.5', outcome: refused('whole number') },
  { field: 'quantity', input: 'two', outcome: refused('whole number') },
  { field: 'quantity', input: '1e3', outcome: refused('whole number') },
  { field: 'quantity', input: '10000000', outcome: refused('at most 1000000') },
  { field: 'quantity', input: '1000000', outcome: sent(1_000_000) },
  { field: 'quantity', input: ' 3 ', outcome: sent(3) },
  { field: 'quantity', input: '１２', outcome: sent(12) },
  // Item name: 1 to 255 characters, kept exactly as typed apart from outer spaces.
  { field: 'name', input: '', outcome: refused('Enter what the client pays for.') },
  { field: 'name', input: '   ', outcome: refused('Enter what the client pays for.') },
  { field: 'name', input: 'x'.repeat(500), outcome: refused('at most 255 characters') },
  { field: 'name', input: 'x'.repeat(255), outcome: sent('x'.repeat(255)) },
  { field: 'name', input: ' Logo ', outcome: sent('Logo') },
  { field: 'name', input: 'Café ☕ design 🎨', outcome: sent('Café ☕ design 🎨') },
  { field: 'name', input: 'تصميم شعار', outcome: sent('تصميم شعار') },
  // Invisible characters that make a name read as something else are refused.
  { field: 'name', input: 'Logo \u202Egpj.exe', outcome: refused('invisible characters') },
  { field: 'name', input: 'Lo\u200Bgo', outcome: refused('invisible characters') },
  { field: 'name', input: 'Logo\u2066x\u2069', outcome: refused('invisible characters') },
  { field: 'name', input: 'Logo\u0007', outcome: refused('invisible characters') },
  { field: 'name', input: 'עיצוב לוגו (Logo)', outcome: sent('עיצוב לוגו (Logo)') },
  {
    field: 'name',
    input: '<b>Logo</b><script>alert(1)</script>',
    outcome: sent('<b>Logo</b><script>alert(1)</script>'),
  },
  // Description: optional, up to 500 characters.
  { field: 'description', input: 'y'.repeat(501), outcome: refused('at most 500 characters') },
  { field: 'description', input: ' v2 ', outcome: sent('v2') },
  // Reference: up to 100 characters; an empty one gets a UUID (see the test below).
  { field: 'reference', input: 'R'.repeat(101), outcome: refused('at most 100 characters') },
  { field: 'reference', input: ' INV-7 ', outcome: sent('INV-7') },
  // Redirect URLs: empty, https, or plain http to this machine next to the sandbox.
  { field: 'successUrl', input: 'javascript:alert(1)', outcome: refused('Only https://') },
  { field: 'successUrl', input: 'JavaScript:alert(1)', outcome: refused('Only https://') },
  { field: 'successUrl', input: 'data:text/html,hi', outcome: refused('Only https://') },
  { field: 'successUrl', input: 'ftp://example.com/x', outcome: refused('Only https://') },
  { field: 'successUrl', input: 'example.com/thanks', outcome: refused('Start the address') },
  { field: 'successUrl', input: 'https://', outcome: refused('not a valid web address') },
  { field: 'cancelUrl', input: 'http://example.com/cancel', outcome: refused('Use an https://') },
  {
    field: 'callbackUrl',
    input: 'http://127.0.0.1:9000/hook',
    outcome: refused('Use an https://'),
  },
  {
    field: 'callbackUrl',
    input: 'http://127.0.0.1:9000/hook',
    sandbox: true,
    outcome: sent('http://127.0.0.1:9000/hook'),
  },
  { field: 'cancelUrl', input: '', outcome: sent('') },
  {
    field: 'successUrl',
    input: ' https://example.com/thanks ',
    outcome: sent('https://example.com/thanks'),
  },
  // Line items: at most 20.
  { field: 'items', input: '21', outcome: refused('at most 20 items') },
  { field: 'items', input: '20', outcome: sent(20) },
];

describe('validateDraft: bad form input', () => {
  it('covers at least 40 cases', () => {
    expect(FORM_INPUT_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(FORM_INPUT_CASES.map((testCase) => [caseTitle(testCase), testCase] as const))(
    '%s',
    (_title, testCase) => {
      const result = validateDraft(draftFor(testCase), testCase.sandbox ? SANDBOX : LIVE);
      if ('refused' in testCase.outcome) {
        // Refused means no order at all: the popup has nothing to send.
        expect(result.ok).toBe(false);
        const errors = result.ok ? {} : result.error;
        expect(Object.keys(errors)).toEqual([formKey(testCase.field)]);
        expect(errors[formKey(testCase.field)]).toContain(testCase.outcome.refused);
      } else {
        expect(result.ok ? {} : result.error).toEqual({});
        expect(result.ok && sentValue(result.value, testCase.field)).toEqual(testCase.outcome.sent);
      }
    },
  );
});

describe('validateDraft: the whole form', () => {
  it('reports every invalid field at once', () => {
    const draft: Draft = {
      ...draftWith({ name: '', unitPrice: 'abc' }),
      successUrl: 'nope',
    };
    expect(Object.keys(errorsOf(draft)).sort()).toEqual([
      'items.0.name',
      'items.0.unitPrice',
      'successUrl',
    ]);
  });

  it('leaves an empty reference for the invoice number and keeps a typed one', () => {
    const fresh = validateDraft(draftWith({}, { reference: ' ' }), LIVE);
    expect(fresh.ok && fresh.value.reference).toBe('');
    const typed = validateDraft(draftWith({}, { reference: ' INV-7 ' }), LIVE);
    expect(typed.ok && typed.value.reference).toBe('INV-7');
  });

  it('trims names and descriptions', () => {
    const result = validateDraft(draftWith({ name: ' Logo ', description: ' v2 ' }), LIVE);
    expect(result.ok && result.value.items[0]).toEqual({
      name: 'Logo',
      description: 'v2',
      unitAmount: '20',
      quantity: 1,
    });
  });
});

describe('draftTotal', () => {
  it('sums valid lines exactly and ignores lines still being typed', () => {
    const draft = draftWith({});
    draft.items = [
      { name: 'a', description: '', unitPrice: '0.1', quantity: '1' },
      { name: 'b', description: '', unitPrice: '0.2', quantity: '1' },
      { name: 'c', description: '', unitPrice: '9.99', quantity: '12' },
      { name: 'd', description: '', unitPrice: '12.', quantity: 'x' },
    ];
    expect(draftTotal(draft)).toBe('120.18');
  });

  it('is undefined while no line has a valid price', () => {
    expect(draftTotal(draftWith({ unitPrice: '' }))).toBeUndefined();
  });
});

describe('fieldForApiPath', () => {
  it.each([
    ['invoice_items.1.price_data.unit_amount', 'items.1.unitPrice'],
    ['invoice_items.0.quantity', 'items.0.quantity'],
    ['invoice_items.0.price_data.product_data.name', 'items.0.name'],
    ['client_reference_id', 'reference'],
    ['success_url', 'successUrl'],
    ['payment_method_data.paymentMethodDetail.network', 'network'],
  ])('maps %s onto %s', (path, field) => {
    expect(fieldForApiPath(path)).toBe(field);
  });

  it('leaves paths it does not know unmapped', () => {
    expect(fieldForApiPath('merchant')).toBeUndefined();
    expect(fieldForApiPath('invoice_items.0.price_data.currency')).toBeUndefined();
  });
});

describe('validateDraft: the client on the invoice', () => {
  it('sends the client trimmed, and none when nothing was typed', () => {
    const typed = validateDraft(
      draftWith({}, { clientName: ' ACME ', clientEmail: ' ap@acme.example ', clientAddress: '' }),
      LIVE,
    );
    expect(typed.ok && typed.value.client).toEqual({
      name: 'ACME',
      email: 'ap@acme.example',
      address: '',
    });
    const none = validateDraft(draftWith({}, { clientName: ' ' }), LIVE);
    expect(none.ok && 'client' in none.value).toBe(false);
    // Drafts stored before invoices have no client fields at all.
    expect(validateDraft(draftWith({}), LIVE).ok).toBe(true);
  });

  it('marks an email that is not one, hidden characters and over-long fields', () => {
    const result = validateDraft(
      draftWith(
        {},
        {
          clientName: 'ACME \u202Egpj.exe',
          clientEmail: 'ap at acme',
          clientAddress: `${'x'.repeat(501)}`,
        },
      ),
      LIVE,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.error).sort()).toEqual([
      'clientAddress',
      'clientEmail',
      'clientName',
    ]);
  });

  it('keeps line breaks in the address', () => {
    const result = validateDraft(draftWith({}, { clientAddress: '1 Main St\nTaipei' }), LIVE);
    expect(result.ok && result.value.client?.address).toBe('1 Main St\nTaipei');
  });
});
