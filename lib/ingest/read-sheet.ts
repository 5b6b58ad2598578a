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

/** Reads one sheet into the context's builder; returns its layout, or null when it holds no table. */
export async function readSheet(
  source: SheetSource,
  context: IngestContext,
  limiter: RowLimiter,
): Promise<"long" | "wide" | null> {
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

  if (!reader && scanned.length > 0) {
    context.builder.problem(
      "warning",
      "no_table",
      { sheet: source.name, row: null, column: null },
      `${source.name === null ? "The file" : `Sheet “${source.name}”`} has no table this app recognises (no header with year, indicator and value columns, nor places with indicator columns); it was skipped.`,
    );
  }
  return reader?.layout ?? null;
}
