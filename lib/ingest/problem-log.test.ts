import { describe, expect, it } from "vitest";
import { ProblemLog } from "@/lib/ingest/problem-log";
import type { IngestProblem } from "@/lib/ingest/types";

const problem = (severity: IngestProblem["severity"], row: number): IngestProblem => ({
  severity,
  sheet: null,
  row,
  column: null,
  reason: `problem ${row}`,
  code: "unknown_geo",
});

describe("ProblemLog", () => {
  it("keeps everything under the cap", () => {
    const log = new ProblemLog(3);
    log.add(problem("error", 1));
    log.add(problem("warning", 2));
    expect(log.toArray().map((p) => p.row)).toEqual([1, 2]);
    expect(log.isTruncated).toBe(false);
    expect([log.errorCount, log.warningCount]).toEqual([1, 1]);
  });

  it("keeps the first problems over the cap, counts the rest, and ends with a summary", () => {
    const log = new ProblemLog(2);
    for (let row = 1; row <= 5; row++) log.add(problem(row % 2 ? "error" : "warning", row));
    const problems = log.toArray();
    expect(problems.map((p) => p.row)).toEqual([1, 2, null]);
    expect(problems[2]).toMatchObject({
      severity: "error",
      code: "problems_truncated",
      reason: expect.stringMatching(/^3 more problems are not listed \(2 errors, 1 warnings\)/),
    });
    expect([log.errorCount, log.warningCount, log.isTruncated]).toEqual([3, 2, true]);
  });

  it("marks the summary a warning when only warnings were left out", () => {
    const log = new ProblemLog(1);
    log.add(problem("error", 1));
    log.add(problem("warning", 2));
    expect(log.toArray()[1]).toMatchObject({ severity: "warning", code: "problems_truncated" });
  });
});
