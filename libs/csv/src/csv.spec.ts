import { csvLine, parseCsv } from './csv';

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a BOM', () => {
    const text = '\ufeffname,unit\r\n"张三","合川区,交通局"\r\n"李""四""","第一行\n第二行"\n王五,\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'unit'],
      ['张三', '合川区,交通局'],
      ['李"四"', '第一行\n第二行'],
      ['王五', ''],
    ]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/closing " is missing/);
  });

  it('writes what it reads', () => {
    const row = ['a,b', 'say "hi"', 'x\ny', '', '1'];
    expect(parseCsv(csvLine(row))).toEqual([row]);
  });
});
