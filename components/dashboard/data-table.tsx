"use client";
import { useMemo, useState } from "react";
import type { TDictionary } from "@/lib/i18n";
import type { ViewRow } from "@/lib/view-data";

type TSortKey = "geo" | "year" | "value";

interface DataTableProps {
  rows: readonly ViewRow[];
  nameOf: (row: ViewRow) => string;
  formatValue: (value: number) => string;
  unitLabel: string;
  t: TDictionary;
}

/** Every figure with its unit, edition and source; sortable by place, year or value. */
export function DataTable({ rows, nameOf, formatValue, unitLabel, t }: DataTableProps) {
  const [sort, setSort] = useState<{ key: TSortKey; descending: boolean }>({ key: "geo", descending: false });
  const sorted = useMemo(() => {
    const compare = (a: ViewRow, b: ViewRow) =>
      sort.key === "value" ? a.value - b.value : sort.key === "year" ? a.year - b.year : nameOf(a).localeCompare(nameOf(b)) || a.year - b.year;
    const result = [...rows].sort(compare);
    return sort.descending ? result.reverse() : result;
  }, [rows, sort, nameOf]);

  const header = (key: TSortKey, label: string, align = "text-left") => {
    const isActive = sort.key === key;
    return (
      <th scope="col" className={`px-2 py-2 ${align}`} aria-sort={isActive ? (sort.descending ? "descending" : "ascending") : "none"}>
        <button
          type="button"
          className="font-semibold underline-offset-2 hover:underline"
          onClick={() => setSort({ key, descending: isActive ? !sort.descending : key === "value" })}
          aria-label={t.sortBy(label)}
        >
          {label} {isActive ? (sort.descending ? "↓" : "↑") : ""}
        </button>
      </th>
    );
  };

  return (
    <div className="overflow-x-auto rounded border border-slate-200" data-testid="data-table">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="px-2 py-1 text-left text-xs text-slate-600">
          {t.rows(rows.length)} · {t.unit}: {unitLabel}
        </caption>
        <thead className="bg-slate-50">
          <tr>
            {header("geo", t.geography)}
            {header("year", t.year)}
            {header("value", t.value, "text-right")}
            <th scope="col" className="px-2 py-2">{t.edition_}</th>
            <th scope="col" className="px-2 py-2">{t.source}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={`${row.geoCode}-${row.year}`} className="border-t border-slate-100 align-top">
              <td className="px-2 py-1.5">{nameOf(row)}</td>
              <td className="px-2 py-1.5 tabular-nums">{row.year}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">
                {formatValue(row.value)}
                {row.isSample && <span className="ml-1 font-semibold text-orange-800" title={t.sampleMark}>*</span>}
              </td>
              <td className="px-2 py-1.5 text-xs">
                {row.editions.join(", ")}
                {row.isComputed && <span className="block text-slate-500">{t.computedMark}</span>}
              </td>
              <td className="max-w-md px-2 py-1.5 text-xs text-slate-600">
                {row.source}
                {row.note && <span className="block text-slate-500">{row.note}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
