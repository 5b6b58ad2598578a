import type { IngestContext } from "@/lib/ingest/ingest-context";
import { ProblemLog } from "@/lib/ingest/problem-log";
import { readSheet } from "@/lib/ingest/read-sheet";
import { readXlsxSheets } from "@/lib/ingest/read-xlsx";
import type { RowLimiter } from "@/lib/ingest/table-source";
import type { IngestLimits, IngestProblem, IngestSheetSummary } from "@/lib/ingest/types";

// A workbook, sheet by sheet: each sheet is its own table, with its own shape,
// year and units. Hidden sheets and sheets without a table are skipped with a
// warning naming them; the result says what each sheet gave.

/** The problem log, counting each sheet's errors and warnings as well, those found after its rows were read included. */
export class SheetProblemLog extends ProblemLog {
  private readonly tallies = new Map<string, { errors: number; warnings: number }>();

  override add(problem: IngestProblem): void {
    super.add(problem);
    if (problem.sheet === null) return;
    const tally = this.tallies.get(problem.sheet) ?? { errors: 0, warnings: 0 };
    if (problem.severity === "error") tally.errors++;
    else tally.warnings++;
    this.tallies.set(problem.sheet, tally);
  }

  tallyOf(sheet: string): { errors: number; warnings: number } {
    return this.tallies.get(sheet) ?? { errors: 0, warnings: 0 };
  }
}

/** "N cells were empty or marked as not available …": one warning per sheet (sheet null for a CSV). */
export function reportSkippedCells(context: IngestContext, sheet: string | null, cells: number): void {
  if (cells === 0) return;
  context.builder.problem(
    "warning",
    "skipped_symbols",
    { sheet, row: null, column: null },
    {
      en: `${cells.toLocaleString("en-US")} cells were empty or marked as not available (/, —, …) and were skipped.`,
      zh: `${cells} 个单元格为空或标为无数据（/、—、… 等），已跳过。`,
    },
  );
}

/**
 * Reads every sheet of an XLSX into the context's builder. Returns the sheets
 * without their error and warning counts, which SheetProblemLog.tallyOf gives
 * once every check has run.
 */
export async function readWorkbook(
  zip: Buffer,
  context: IngestContext,
  limiter: RowLimiter,
  limits: IngestLimits,
): Promise<Omit<IngestSheetSummary, "errors" | "warnings">[]> {
  const { builder } = context;
  const sheets: Omit<IngestSheetSummary, "errors" | "warnings">[] = [];
  for await (const sheet of readXlsxSheets(zip, limits)) {
    if (sheet.isHidden) {
      for await (const row of sheet.rows) limiter.check(sheet.name, row);
      builder.problem(
        "warning",
        "no_table",
        { sheet: sheet.name, row: null, column: null },
        {
          en: `Sheet “${sheet.name}” is hidden and was not read.`,
          zh: `工作表“${sheet.name}”为隐藏工作表，未读取。`,
        },
      );
      sheets.push({ name: sheet.name, layout: null, observations: 0, skipped: "hidden" });
      continue;
    }
    const observationsBefore = builder.store.length;
    const skippedBefore = builder.skippedCells;
    const outcome = await readSheet(sheet, context, limiter);
    reportSkippedCells(context, sheet.name, builder.skippedCells - skippedBefore);
    sheets.push({
      name: sheet.name,
      observations: builder.store.length - observationsBefore,
      ...("layout" in outcome ? { layout: outcome.layout } : { layout: null, skipped: outcome.skipped }),
    });
  }
  return sheets;
}
