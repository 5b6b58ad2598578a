import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

/** A one-sheet workbook written into `dir`, as an admin would pick it; returns its path. */
export async function writeWorkbook(
  dir: string,
  fileName: string,
  sheet: string,
  rows: (string | number | null)[][],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  for (const row of rows) worksheet.addRow(row);
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}
