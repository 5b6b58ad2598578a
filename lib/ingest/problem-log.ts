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
    const [dropped, errors, warnings] = [this.dropped, this.droppedErrors, this.dropped - this.droppedErrors].map(
      (n) => n.toLocaleString("en-US"),
    );
    return [
      ...this.kept,
      {
        severity: this.droppedErrors > 0 ? "error" : "warning",
        sheet: null,
        row: null,
        column: null,
        code: "problems_truncated",
        reason: `${dropped} more problems are not listed (${errors} errors, ${warnings} warnings). Fix the ones above and upload again to see them.`,
        reasonZh: `另有 ${dropped} 个问题未列出（错误 ${errors} 个，警告 ${warnings} 个）。请先改正以上问题，再重新上传查看其余问题。`,
      },
    ];
  }
}
