import type { IngestProblem } from "@/lib/ingest";

interface ValidationReportProps {
  problems: readonly IngestProblem[];
  errorCount: number;
  warningCount: number;
  /** True when more problems were found than listed. */
  truncated?: boolean;
}

/** Every problem with where it is (sheet, row, column) and why; text only, never HTML. */
export function ValidationReport({ problems, errorCount, warningCount, truncated }: ValidationReportProps) {
  const cell = "border-b border-slate-200 px-2 py-1.5 align-top";
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  return (
    <div className="space-y-4" data-testid="validation-report">
      <p className="text-sm">
        <strong className={errorCount ? "text-red-800" : "text-green-800"}>
          {errorCount === 1 ? "1 error" : `${errorCount} errors`}
        </strong>
        {", "}
        <span className="text-amber-800">{warningCount === 1 ? "1 warning" : `${warningCount} warnings`}</span>
        {truncated && <span className="text-slate-600"> (the first {problems.length} are listed)</span>}
      </p>
      {[
        { title: "Errors (must be fixed before the edition can be published)", list: errors, testId: "report-errors", tone: "text-red-900" },
        { title: "Warnings (worth a look; they do not block publishing)", list: warnings, testId: "report-warnings", tone: "text-amber-900" },
      ]
        .filter((group) => group.list.length > 0)
        .map((group) => (
          <section key={group.testId} aria-label={group.title}>
            <h3 className={`mb-1 font-semibold ${group.tone}`}>{group.title}</h3>
            <div className="max-h-96 overflow-auto rounded border border-slate-200">
              <table className="min-w-full text-left text-sm" data-testid={group.testId}>
                <thead className="sticky top-0 bg-slate-50">
                  <tr>
                    <th scope="col" className={cell}>Sheet</th>
                    <th scope="col" className={cell}>Row</th>
                    <th scope="col" className={cell}>Column</th>
                    <th scope="col" className={cell}>Problem</th>
                    <th scope="col" className={cell}>Value</th>
                  </tr>
                </thead>
                <tbody>
                  {group.list.map((problem, index) => (
                    <tr key={index}>
                      <td className={cell}>{problem.sheet ?? "—"}</td>
                      <td className={`${cell} tabular-nums`}>{problem.row ?? "—"}</td>
                      <td className={cell}>{problem.column ?? "—"}</td>
                      <td className={cell}>{problem.reason}</td>
                      <td className={`${cell} font-mono text-xs`}>{problem.value ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
    </div>
  );
}
