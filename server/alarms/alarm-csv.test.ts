import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './alarm-csv';

describe('alarm CSV fields', () => {
  it('leaves plain text and numbers as they are and writes null as an empty field', () => {
    expect(csvField('intrusion')).toBe('intrusion');
    expect(csvField(0.875)).toBe('0.875');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('门口，北')).toBe('门口，北');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(csvField(text).replace(/^"|"$/g, '')).toBe(`'${text}`);
  });

  it('writes records papaparse reads back field for field', () => {
    const rows = [
      ['id', 'name', 'score'],
      ['alm_1', 'Gate, "North"\nline 2', 0.5],
      ['alm_2', '', null],
    ] as const;
    const text = rows.map((row) => csvLine(row)).join('');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(Papa.parse<string[]>(text, { skipEmptyLines: true }).data).toEqual([
      ['id', 'name', 'score'],
      ['alm_1', 'Gate, "North"\nline 2', '0.5'],
      ['alm_2', '', ''],
    ]);
  });
});
