import type { IngestContext, LayoutReader } from "@/lib/ingest/ingest-context";
import { detectLongHeader, LongLayoutReader } from "@/lib/ingest/long-layout";
import { isBlankRow, type RowLimiter, type SheetRow, type SheetSource } from "@/lib/ingest/table-source";
import { detectWideHeader, WideLayoutReader } from "@/lib/ingest/wide-layout";

// One sheet (or the one table of a CSV): look at its first rows for a header,
// decide the layout (long when a row names year, indicator and value columns,
// else wide), then stream every row through that layout's reader.

/** Non-blank rows looked at for a header: room for a title block above the table. */
export const HEADER_SCAN_ROWS = 12;

function chooseLayout(rows: SheetRow[], context: IngestContext, sheet: string | null): LayoutReader | null {
  for (const row of rows) {
    const long = detectLongHeader(row);
    if (long) return new LongLayoutReader(context, long, sheet, row.number);
  }
  const wide = detectWideHeader(rows, context);
  return wide ? new WideLayoutReader(context, wide, sheet, rows) : null;
}

/** What became of a sheet: read in a layout, or skipped for having no rows or no table. */
export type SheetOutcome = { layout: "long" | "wide" } | { skipped: "empty" | "no_table" };

function skippedMessage(sheet: string | null, why: "empty" | "no_table"): { en: string; zh: string } {
  const shapes = {
    en: "no header with year, indicator and value columns, nor places with indicator columns",
    zh: "既没有含年份、指标和数值列的表头，也没有地区加指标列的表格",
  };
  if (sheet === null) {
    return {
      en: `The file has no table this app recognises (${shapes.en}).`,
      zh: `文件中没有可识别的表格（${shapes.zh}）。`,
    };
  }
  return why === "empty"
    ? { en: `Sheet “${sheet}” is empty and was skipped.`, zh: `工作表“${sheet}”为空，已跳过。` }
    : {
        en: `Sheet “${sheet}” holds no table and was skipped (${shapes.en}).`,
        zh: `工作表“${sheet}”中没有可识别的表格，已跳过（${shapes.zh}）。`,
      };
}

/**
 * Reads one sheet into the context's builder. A sheet without a table is
 * skipped with a warning (an empty one too, unless it is a CSV's only table:
 * the upload then reports that no table was found).
 */
export async function readSheet(
  source: SheetSource,
  context: IngestContext,
  limiter: RowLimiter,
): Promise<SheetOutcome> {
  const scanned: SheetRow[] = [];
  let reader: LayoutReader | null = null;
  let isDecided = false;

  for await (const row of source.rows) {
    limiter.check(source.name, row);
    if (isDecided) {
      reader?.readRow(row);
      continue;
    }
    if (isBlankRow(row)) continue;
    scanned.push(row);
    if (scanned.length < HEADER_SCAN_ROWS && !detectLongHeader(row)) continue;
    reader = chooseLayout(scanned, context, source.name);
    isDecided = true;
    for (const buffered of scanned) reader?.readRow(buffered);
  }
  if (!isDecided && scanned.length > 0) {
    reader = chooseLayout(scanned, context, source.name);
    for (const buffered of scanned) reader?.readRow(buffered);
  }

  if (reader) return { layout: reader.layout };
  const skipped = scanned.length > 0 ? "no_table" : "empty";
  if (skipped === "no_table" || source.name !== null) {
    context.builder.problem(
      "warning",
      "no_table",
      { sheet: source.name, row: null, column: null },
      skippedMessage(source.name, skipped),
    );
  }
  return { skipped };
}
