import type { ReactNode } from "react";
import { type DiffFigure, figureKey, formatPctChange, indicatorLabel, isDecrease } from "@/lib/edition-diff";
import type { TLang } from "@/lib/view-state";

// One list of an edition's diff as a table: indicator, year, place, the figure before
// and/or after, the change for revisions, and any columns of the page's own. The admin's
// draft diff and the readers' /editions/<slug> page both draw their lists with it.

const cell = "border-b border-slate-200 px-2 py-1.5 align-top";

export interface ChangesTableColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

export interface ChangesTableProps<Row extends DiffFigure> {
  rows: readonly Row[];
  testId: string;
  lang: TLang;
  /** Column headers; a list without `old` (added) or `new` (not restated) has no such column, and only one with both has `change`. */
  headers: { indicator: string; year: string; geography: string; old?: string; new?: string; change?: string };
  /** The place of a row, as the page names it. */
  geography: (row: Row) => ReactNode;
  /** A value of a row ("1.5 billion yuan" or "1,500,000,000"); a missing value is "—". */
  formatValue: (value: number, row: Row) => string;
  /** The change's words when the old value was 0 ("from 0"). */
  fromZero: string;
  /** Columns after the figures: the admin's "Readers see", the readers' "Unit". */
  extraColumns?: readonly ChangesTableColumn<Row>[];
}

export function ChangesTable<Row extends DiffFigure>({
  rows,
  testId,
  lang,
  headers,
  geography,
  formatValue,
  fromZero,
  extraColumns = [],
}: ChangesTableProps<Row>) {
  const value = (row: Row, v: number | null) => (v === null ? "—" : formatValue(v, row));
  const hasChange = headers.change !== undefined && headers.old !== undefined && headers.new !== undefined;
  return (
    <table className="min-w-full text-left text-sm" data-testid={testId}>
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>{headers.indicator}</th>
          <th scope="col" className={cell}>{headers.year}</th>
          <th scope="col" className={cell}>{headers.geography}</th>
          {headers.old !== undefined && <th scope="col" className={`${cell} text-right`}>{headers.old}</th>}
          {headers.new !== undefined && <th scope="col" className={`${cell} text-right`}>{headers.new}</th>}
          {hasChange && <th scope="col" className={`${cell} text-right`}>{headers.change}</th>}
          {extraColumns.map((column) => (
            <th key={column.header} scope="col" className={cell}>{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={figureKey(row)}>
            <td className={cell}>{indicatorLabel(row, lang)}</td>
            <td className={`${cell} tabular-nums`}>{row.year}</td>
            <td className={cell}>{geography(row)}</td>
            {headers.old !== undefined && <td className={`${cell} text-right tabular-nums`}>{value(row, row.old)}</td>}
            {headers.new !== undefined && <td className={`${cell} text-right tabular-nums`}>{value(row, row.new)}</td>}
            {hasChange && (
              <td className={`${cell} text-right tabular-nums ${isDecrease(row) ? "text-red-800" : "text-green-800"}`}>
                {formatPctChange(row.pctChange, fromZero)}
              </td>
            )}
            {extraColumns.map((column) => (
              <td key={column.header} className={cell}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
