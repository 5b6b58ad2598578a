import { appDictionary } from "@/lib/i18n/app-dictionary";
import type { IngestProblem } from "@/lib/ingest";
import type { TLang } from "@/lib/view-state";

interface ValidationReportProps {
  problems: readonly IngestProblem[];
  errorCount: number;
  warningCount: number;
  /** True when more problems were found than listed. */
  truncated?: boolean;
  lang: TLang;
}

/** Every problem with where it is (sheet, row, column) and why, in Chinese where it is translated; text only, never HTML. */
export function ValidationReport({ problems, errorCount, warningCount, truncated, lang }: ValidationReportProps) {
  const t = appDictionary(lang).admin.report;
  const cell = "border-b border-slate-200 px-2 py-1.5 align-top";
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const reason = (problem: IngestProblem) => (lang === "zh" && problem.reasonZh ? problem.reasonZh : problem.reason);
  return (
    <div className="space-y-4" data-testid="validation-report">
      <p className="text-sm">
        <strong className={errorCount ? "text-red-800" : "text-green-800"}>{t.errors(errorCount)}</strong>
        {lang === "zh" ? "，" : ", "}
        <span className="text-amber-800">{t.warnings(warningCount)}</span>
        {truncated && <span className="text-slate-600">{t.firstListed(problems.length)}</span>}
      </p>
      {[
        { title: t.errorsTitle, list: errors, testId: "report-errors", tone: "text-red-900" },
        { title: t.warningsTitle, list: warnings, testId: "report-warnings", tone: "text-amber-900" },
      ]
        .filter((group) => group.list.length > 0)
        .map((group) => (
          <section key={group.testId} aria-label={group.title}>
            <h3 className={`mb-1 font-semibold ${group.tone}`}>{group.title}</h3>
            <div className="max-h-96 overflow-auto rounded border border-slate-200">
              <table className="min-w-full text-left text-sm" data-testid={group.testId}>
                <thead className="sticky top-0 bg-slate-50">
                  <tr>
                    <th scope="col" className={cell}>{t.columns.sheet}</th>
                    <th scope="col" className={cell}>{t.columns.row}</th>
                    <th scope="col" className={cell}>{t.columns.column}</th>
                    <th scope="col" className={cell}>{t.columns.problem}</th>
                    <th scope="col" className={cell}>{t.columns.value}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.list.map((problem, index) => (
                    <tr key={index}>
                      <td className={cell}>{problem.sheet ?? "—"}</td>
                      <td className={`${cell} tabular-nums`}>{problem.row ?? "—"}</td>
                      <td className={cell}>{problem.column ?? "—"}</td>
                      <td className={cell}>{reason(problem)}</td>
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
