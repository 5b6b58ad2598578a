import type { CsvEncoding, CsvSeparator, IngestResult, IngestSheetSummary } from "@/lib/ingest";
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

const TEXT = {
  en: {
    encodings: {
      "utf-8": "UTF-8",
      "utf-8-bom": "UTF-8 (with BOM)",
      "utf-16le": "UTF-16 LE",
      "utf-16be": "UTF-16 BE",
      gb18030: "GB18030 (GBK)",
    },
    separators: { ",": "commas", ";": "semicolons", "\t": "tabs" },
    readAs: (encoding: string, separator: string) => `Read as ${encoding} text, cells separated by ${separator}.`,
    sheetsCaption: "Sheets read",
    columns: ["Sheet", "Table", "Figures", "Errors", "Warnings"],
    layouts: { long: "long layout", wide: "wide layout" },
    skipped: { hidden: "skipped: hidden", empty: "skipped: empty", no_table: "skipped: no table" },
  },
  zh: {
    encodings: {
      "utf-8": "UTF-8",
      "utf-8-bom": "UTF-8（带 BOM）",
      "utf-16le": "UTF-16 LE",
      "utf-16be": "UTF-16 BE",
      gb18030: "GB18030（GBK）",
    },
    separators: { ",": "逗号", ";": "分号", "\t": "制表符" },
    readAs: (encoding: string, separator: string) => `按 ${encoding} 编码读取，单元格以${separator}分隔。`,
    sheetsCaption: "已读取的工作表",
    columns: ["工作表", "表格", "数据条数", "错误", "警告"],
    layouts: { long: "长表", wide: "宽表" },
    skipped: { hidden: "已跳过：隐藏", empty: "已跳过：空表", no_table: "已跳过：无表格" },
  },
} as const;

export function ReadSummary({ report, lang = "en" }: ReadSummaryProps) {
  const text = TEXT[lang];
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
