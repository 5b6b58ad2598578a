import type { CsvEncoding, CsvSeparator, IngestResult, IngestSheetSummary } from "@/lib/ingest";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import type { TLang } from "@/lib/view-state";

// How an upload was read: a CSV's encoding and separator, or what each sheet
// of a workbook gave. Every field is optional: reports stored before they
// existed show nothing.

interface ReadSummaryProps {
  report: {
    format: IngestResult["format"];
    encoding?: CsvEncoding | null;
    separator?: CsvSeparator | null;
    sheets?: readonly IngestSheetSummary[];
  };
  lang?: TLang;
}


export function ReadSummary({ report, lang = "en" }: ReadSummaryProps) {
  const text = appDictionary(lang).admin.readSummary;
  const cell = "border-b border-slate-200 px-2 py-1";
  if (report.format === "csv") {
    if (!report.encoding || !report.separator) return null;
    return (
      <p className="text-sm text-slate-700" data-testid="read-summary">
        {text.readAs(text.encodings[report.encoding], text.separators[report.separator])}
      </p>
    );
  }
  if (!report.sheets?.length) return null;
  return (
    <table className="text-left text-sm" data-testid="read-summary">
      <caption className="text-left font-medium">{text.sheetsCaption}</caption>
      <thead>
        <tr>
          {text.columns.map((column) => (
            <th key={column} scope="col" className={cell}>{column}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.sheets.map((sheet) => (
          <tr key={sheet.name}>
            <td className={cell}>{sheet.name}</td>
            <td className={cell}>{sheet.skipped ? text.skipped[sheet.skipped] : sheet.layout ? text.layouts[sheet.layout] : "—"}</td>
            <td className={`${cell} tabular-nums`}>{sheet.observations.toLocaleString(lang)}</td>
            <td className={`${cell} tabular-nums`}>{sheet.errors}</td>
            <td className={`${cell} tabular-nums`}>{sheet.warnings}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
