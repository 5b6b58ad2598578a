import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_PROBLEMS, ProblemLog } from "@/lib/ingest/problem-log";
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

  it("keeps the first 1,000 by default and counts the rest exactly, in English and Chinese", () => {
    const log = new ProblemLog();
    for (let row = 1; row <= 2345; row++) log.add(problem(row > 2000 ? "warning" : "error", row));
    const problems = log.toArray();
    expect(DEFAULT_MAX_PROBLEMS).toBe(1000);
    expect(problems).toHaveLength(1001);
    expect(problems[999]!.row).toBe(1000);
    expect(problems[1000]).toMatchObject({
      code: "problems_truncated",
      reason: expect.stringMatching(/^1,345 more problems are not listed \(1,000 errors, 345 warnings\)/),
      reasonZh: expect.stringMatching(/^另有 1,345 个问题未列出（错误 1,000 个，警告 345 个）。/),
    });
    expect([log.errorCount, log.warningCount]).toEqual([2000, 345]);
  });

  it("marks the summary a warning when only warnings were left out", () => {
    const log = new ProblemLog(1);
    log.add(problem("error", 1));
    log.add(problem("warning", 2));
    expect(log.toArray()[1]).toMatchObject({ severity: "warning", code: "problems_truncated" });
  });
});
