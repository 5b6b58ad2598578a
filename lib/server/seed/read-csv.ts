import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";

export const SEED_DATA_DIR = path.join(process.cwd(), "prisma", "seed", "data");

/** Reads one of the reference CSV files in prisma/seed/data and validates every row. */
export function readSeedCsv<T extends z.ZodType>(fileName: string, schema: T): z.infer<T>[] {
  const text = fs.readFileSync(path.join(SEED_DATA_DIR, fileName), "utf8");
  const records: unknown[] = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  return records.map((record, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      throw new Error(`${fileName} row ${index + 2}: ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  });
}
