import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvFileName, itemsCell, sessionsToCsv } from '../../../lib/csv.ts';
import { NOW, session } from '../factories.ts';

/* The invoice's own columns, last, so those before them keep their places. */
const INVOICE_COLUMNS =
  'invoice_status,issue_date,due_date,paid_date,net,tax,gross,items_currency,links';
const HEADER =
  'id,url,status,amount_total,currency,network,reference,items,created_at,expires_at,paid_at,mode,note,tags,profile,' +
  'invoice_number,client_name,client_email,client_address,client_tax_id,po_number,payment_terms_days,supply_date,' +
  INVOICE_COLUMNS;

/** A row without the invoice's own columns (nine plain cells at its end). */
function linkPart(row: string | undefined): string | undefined {
  return row?.replace(/(?:,[^,]*){9}$/u, '');
}

function rows(text: string): string[] {
  return text.slice(CSV_BOM.length).split('\r\n');
}

describe('sessionsToCsv', () => {
  it('starts with a UTF-8 byte order mark, so Excel reads 品牌設計 right', () => {
    expect(sessionsToCsv([], NOW).startsWith('\uFEFF')).toBe(true);
  });

  it('has the header row first, even with no sessions, and CRLF line ends', () => {
    expect(sessionsToCsv([], NOW)).toBe(`${CSV_BOM}${HEADER}\r\n`);
  });

  it('writes one row per session with the amount as stored and ISO times', () => {
    const text = sessionsToCsv(
      [
        session({
          id: 'cs_9',
          url: 'https://buy.payfect.finance/checkouts/cs_9',
          amountTotal: '240.00',
          reference: 'INV-7',
          items: [
            { name: 'Logo design', description: '', unitAmount: '120', quantity: 2 },
            { name: 'Hosting', description: '', unitAmount: '0', quantity: 1 },
          ],
          createdAt: Date.UTC(2026, 2, 14, 11, 0),
          expiresAt: Date.UTC(2026, 2, 15, 11, 0),
          isLivemode: true,
        }),
      ],
      NOW,
    );
    expect(rows(text)).toEqual([
      HEADER,
      'cs_9,https://buy.payfect.finance/checkouts/cs_9,open,240.00,USDT,tron,INV-7,' +
        '"2 × Logo design; 1 × Hosting",2026-03-14T11:00:00.000Z,2026-03-15T11:00:00.000Z,,live,,,,,,,,,,,' +
        // A link from before payment terms: due the day its link expired, as it printed.
        ',unpaid,2026-03-14,2026-03-15,,240.00,0.00,240.00,USDT,1',
      '',
    ]);
  });

  it('writes one row per invoice with its state, dates, net, tax, gross and number of links', () => {
    const issued = Date.UTC(2026, 2, 2, 9, 0);
    const paid = session({
      id: 'cs_new',
      invoiceNumber: 'INV-0042',
      status: 'complete',
      amountTotal: '143.99',
      currency: 'usd',
      itemsCurrency: 'usd',
      items: [
        { name: 'Design', description: '', unitAmount: '100.00', quantity: 1 },
        { name: 'Hosting', description: '', unitAmount: '19.99', quantity: 1 },
      ],
      taxMode: 'tax',
      taxRate: '20',
      taxLabel: 'VAT',
      issuedAt: issued,
      createdAt: Date.UTC(2026, 2, 10, 9, 0),
      statusChangedAt: Date.UTC(2026, 2, 11, 9, 0),
      dueDate: '2026-04-01',
    });
    const overdue = session({
      id: 'cs_late',
      invoiceNumber: 'INV-0043',
      status: 'expired',
      expiresAt: NOW - 1,
      dueDate: '2026-03-01',
    });
    const voided = session({
      id: 'cs_void',
      invoiceNumber: 'INV-0044',
      voided: { at: NOW, reason: 'Sent twice' },
    });
    const earlier = new Map([['cs_new', [session({ id: 'cs_old', invoiceNumber: 'INV-0042' })]]]);
    const text = sessionsToCsv([paid, overdue, voided], NOW, [], earlier);
    const [header = '', ...lines] = rows(text);
    const columns = header.split(',');
    const cells = (line: string | undefined, name: string) =>
      line?.split(',')[columns.indexOf(name)];
    expect(columns.slice(-9).join(',')).toBe(INVOICE_COLUMNS);
    expect(
      ['invoice_status', 'issue_date', 'due_date', 'paid_date', 'net', 'tax', 'gross', 'links'].map(
        (name) => cells(lines[0], name),
      ),
    ).toEqual(['paid', '2026-03-02', '2026-04-01', '2026-03-11', '119.99', '24.00', '143.99', '2']);
    expect(cells(lines[0], 'items_currency')).toBe('USD');
    expect(cells(lines[1], 'invoice_status')).toBe('overdue');
    expect(cells(lines[1], 'links')).toBe('1');
    expect(cells(lines[2], 'invoice_status')).toBe('void');
  });

  it('writes the status as shown and marks test sessions', () => {
    const [, row] = rows(sessionsToCsv([session({ expiresAt: NOW - 1 })], NOW));
    expect(row?.split(',')[2]).toBe('expired');
    expect(row?.split(',')[11]).toBe('test');
  });

  it('says when a Complete session was seen paid (paid_at), and nothing for the others', () => {
    const paidAt = Date.UTC(2026, 2, 14, 14, 5);
    const text = sessionsToCsv(
      [
        session({ status: 'complete', statusChangedAt: paidAt }),
        session({ status: 'expired', statusChangedAt: paidAt }),
        session({ statusChangedAt: paidAt }),
      ],
      NOW,
    );
    const paidColumn = HEADER.split(',').indexOf('paid_at');
    expect(
      rows(text)
        .slice(1, 4)
        .map((row) => row.split(',')[paidColumn]),
    ).toEqual(['2026-03-14T14:05:00.000Z', '', '']);
  });

  it('quotes a field with a semicolon, for Excel in semicolon locales', () => {
    expect(csvField('Logo; Hosting')).toBe('"Logo; Hosting"');
  });

  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    const text = sessionsToCsv(
      [
        session({
          reference: 'a "big", job',
          items: [{ name: 'Line one\nline two', description: '', unitAmount: '1', quantity: 1 }],
        }),
      ],
      NOW,
    );
    expect(text).toContain(',"a ""big"", job","1 × Line one\nline two",');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const text = sessionsToCsv(
      [
        session({
          reference: '=HYPERLINK("http://evil","x")',
          items: [{ name: '@SUM(A1)', description: '', unitAmount: '1', quantity: 1 }],
        }),
      ],
      NOW,
    );
    expect(text).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",`);
    // The items cell starts with the quantity, so it is no formula.
    expect(text).toContain(',1 × @SUM(A1),');
  });

  it('ends each row with the note and the tags joined by "; ", defused and quoted', () => {
    const [, row] = rows(
      sessionsToCsv([session({ note: '=cmd, "half" paid', tags: ['acme', 'retainer'] })], NOW),
    );
    expect(row?.includes(`,"'=cmd, ""half"" paid","acme; retainer",`)).toBe(true);
  });

  it('ends each row with the invoice number, the client, the PO number, the terms and the supply date, quoted and defused like the rest', () => {
    const text = sessionsToCsv(
      [
        session({
          invoiceNumber: 'INV-0007',
          client: {
            name: '=ACME; Ltd',
            email: 'ap@acme.example',
            address: '1 Main St\nTaipei',
            taxId: 'GB123456789',
          },
          poNumber: '+PO 77',
          paymentTerms: '30',
          supplyDate: '2026-03-01',
        }),
        session({ id: 'old' }),
      ],
      NOW,
    );
    const [, first, second] = rows(text).map(linkPart);
    expect(
      first?.endsWith(
        `,INV-0007,"'=ACME; Ltd",ap@acme.example,"1 Main St\nTaipei",GB123456789,'+PO 77,30,2026-03-01`,
      ),
    ).toBe(true);
    expect(second?.endsWith(',,,,,,')).toBe(true);
  });

  it('puts the profile that made it after the tags: its name now, or its name then if deleted', () => {
    const profiles = [
      { id: 'default', name: 'Default' },
      { id: 'p2', name: 'Shop B (renamed)' },
    ];
    const text = sessionsToCsv(
      [
        session({ id: 'a', profileId: 'p2', profileName: 'Shop B' }),
        session({ id: 'b', profileId: 'gone', profileName: '=Old shop' }),
        session({ id: 'c' }),
      ],
      NOW,
      profiles,
    );
    const profileColumn = HEADER.split(',').indexOf('profile');
    expect(rows(text).map((row) => row.split(',')[profileColumn])).toEqual([
      'profile',
      'Shop B (renamed)',
      "'=Old shop",
      'Default',
      undefined,
    ]);
  });
});

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Logo design')).toBe('Logo design');
    expect(csvField('20.50')).toBe('20.50');
  });

  it('prefixes = + - @ tab and carriage return with a single quote', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+31 6')).toBe("'+31 6");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@me')).toBe("'@me");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
  });

  it('quotes after defusing when the cell also needs quotes', () => {
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
  });
});

describe('itemsCell', () => {
  it('lists every item with its quantity', () => {
    expect(
      itemsCell([
        { name: 'Logo design', description: '', unitAmount: '1', quantity: 2 },
        { name: 'Hosting', description: '', unitAmount: '1', quantity: 1 },
      ]),
    ).toBe('2 × Logo design; 1 × Hosting');
  });
});

describe('csvFileName', () => {
  it('names the file by the local date', () => {
    expect(csvFileName(new Date(2026, 0, 5, 10).getTime())).toBe('payfect-history-2026-01-05.csv');
  });
});
