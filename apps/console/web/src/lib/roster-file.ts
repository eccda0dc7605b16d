import { stringify } from 'csv-stringify/browser/esm/sync';

/** The most rows one import may hold (the membership service refuses more, with the same number). */
export const IMPORT_MAX_ROWS = 50_000;

/** The roster template's columns (花名册), as the membership service reads them. */
export const ROSTER_TEMPLATE_HEADERS = [
  '姓名',
  '身份证号',
  '民族',
  '学历',
  '联系电话',
  '工作单位',
  '职务',
  '人员类别',
  '所在支部编码',
  '党小组编码',
  '发展阶段',
  '入党日期',
  '转正日期',
];

export class RosterFileError extends Error {}

/**
 * Reads a roster file (.xlsx or .csv) into the CSV the import takes: the first sheet, its first
 * row as headers. Refuses what is not a spreadsheet, an empty file and one over the row limit
 * before anything is sent, each with a message that says what to do.
 */
export async function rosterFileToCsv(file: File): Promise<{ csv: string; rows: number }> {
  const name = file.name.toLowerCase();
  if (file.size === 0) throw new RosterFileError('文件是空的：请在模板中填写党员信息后再导入。');
  let rows: string[][];
  if (name.endsWith('.csv')) {
    const text = new TextDecoder('utf-8').decode(await file.arrayBuffer()).replace(/^\uFEFF/, '');
    return checked(text, text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);
  } else if (name.endsWith('.xlsx')) {
    rows = await readXlsx(file);
  } else {
    throw new RosterFileError('只能导入 Excel 工作簿（.xlsx）或 CSV 文件（.csv）；旧版 .xls 请在 Excel 中另存为 .xlsx。');
  }
  const body = rows.filter((r) => r.some((c) => c.trim() !== ''));
  return checked(stringify(body), body.length - 1);
}

function checked(csv: string, dataRows: number): { csv: string; rows: number } {
  if (dataRows < 1) throw new RosterFileError('文件中只有表头，没有党员数据行。');
  if (dataRows > IMPORT_MAX_ROWS) {
    throw new RosterFileError(
      `一次最多导入 ${IMPORT_MAX_ROWS.toLocaleString('zh-CN')} 行，本文件有 ${dataRows.toLocaleString('zh-CN')} 行：请拆分后分批导入。`,
    );
  }
  return { csv, rows: dataRows };
}

async function readXlsx(file: File): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(await file.arrayBuffer());
  } catch {
    throw new RosterFileError('无法读取该文件：它不是有效的 Excel 工作簿（.xlsx），可能已损坏或只是改了扩展名。');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new RosterFileError('工作簿中没有工作表。');
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

/** Dates become YYYY-MM-DD, numbers and text their text; an ID number typed as a number keeps its digits. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: string; result?: unknown; richText?: Array<{ text: string }> };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value);
}
