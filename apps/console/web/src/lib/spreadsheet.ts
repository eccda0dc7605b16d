import { stringify } from 'csv-stringify/browser/esm/sync';
// The exports' own guard (libs/csv), aliased to its import-free file so no Node code is bundled.
import { neutralise } from '@partybuild/csv/formula-guard';

/** A table as the console shows it: Chinese headers, then rows of plain values. */
export interface Table {
  headers: string[];
  rows: Array<Array<string | number | null>>;
}

/** CSV that Excel on a Chinese Windows opens correctly: UTF-8 with a byte-order mark. */
export function tableToCsv(table: Table): Blob {
  const text = stringify([table.headers, ...table.rows.map((r) => r.map(neutralise))]);
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

export async function tableToXlsx(table: Table, sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(neutralise));
  sheet.columns.forEach((column) => {
    column.width = 14;
  });
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
