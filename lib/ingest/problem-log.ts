import type { IngestProblem } from "@/lib/ingest/types";

// The validation report under construction: keeps the first problems in file
// order and counts the rest, so a broken million-row file reports "1,000
// shown, 999,000 more" instead of exhausting memory.

export const DEFAULT_MAX_PROBLEMS = 1000;

export class ProblemLog {
  private readonly kept: IngestProblem[] = [];
  private dropped = 0;
  private droppedErrors = 0;
  errorCount = 0;
  warningCount = 0;

  constructor(private readonly maxKept = DEFAULT_MAX_PROBLEMS) {}

  add(problem: IngestProblem): void {
    if (problem.severity === "error") this.errorCount++;
    else this.warningCount++;
    if (this.kept.length < this.maxKept) {
      this.kept.push(problem);
    } else {
      this.dropped++;
      if (problem.severity === "error") this.droppedErrors++;
    }
  }

  get isTruncated(): boolean {
    return this.dropped > 0;
  }

  /** The kept problems, and when some were dropped a last entry that says how many. */
  toArray(): IngestProblem[] {
    if (this.dropped === 0) return [...this.kept];
    const warnings = this.dropped - this.droppedErrors;
    return [
      ...this.kept,
      {
        severity: this.droppedErrors > 0 ? "error" : "warning",
        sheet: null,
        row: null,
        column: null,
        code: "problems_truncated",
        reason: `${this.dropped.toLocaleString("en-US")} more problems are not listed (${this.droppedErrors.toLocaleString("en-US")} errors, ${warnings.toLocaleString("en-US")} warnings). Fix the ones above and upload again to see them.`,
      },
    ];
  }
}
