import Link from "next/link";
import type { EditionChange, TChangeKind } from "@/lib/edition-changes";
import { CANONICAL_UNITS } from "@/lib/units";
import type { TLevel } from "@/lib/view-state";

// The CSV download has every change; the page stays light enough to open quickly (its HTML carries each row twice: markup and React payload).
const ROWS_SHOWN = 200;
const LEVEL_NAMES: Record<TLevel, string> = { nation: "National", region: "Regions", province: "Provinces", park: "Zones" };
const cell = "border-b border-slate-200 px-2 py-1.5 align-top";
const exact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

interface EditionChangesProps {
  slug: string;
  changes: EditionChange[];
  totals: Record<TChangeKind, number> & { unchanged: number };
  indicators: { code: string; nameEn: string }[];
  geos: { code: string; level: TLevel; nameEn: string; nameZh: string }[];
  filter: { indicator?: string; geo?: string };
  /** Filter values that were not understood, in words. */
  notes: string[];
}

function indicatorLabel(change: EditionChange): string {
  return change.breakdownNameEn ? `${change.indicatorNameEn}: ${change.breakdownNameEn}` : change.indicatorNameEn;
}

function Geography({ change }: { change: EditionChange }) {
  return (
    <>
      {change.geoNameEn}
      {change.geoNameZh !== change.geoNameEn && (
        <span lang="zh-CN" className="ml-1 text-slate-500">{change.geoNameZh}</span>
      )}
    </>
  );
}

function pct(change: EditionChange): string {
  if (change.pctChange === null) return "from 0";
  return `${change.pctChange > 0 ? "+" : ""}${change.pctChange.toFixed(1)}%`;
}

function ChangeTable({ kind, rows }: { kind: TChangeKind; rows: EditionChange[] }) {
  const isRevised = kind === "revised";
  return (
    <table className="min-w-full text-left text-sm" data-testid={`changes-${kind}`}>
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>Indicator</th>
          <th scope="col" className={cell}>Year</th>
          <th scope="col" className={cell}>Geography</th>
          {kind !== "added" && <th scope="col" className={`${cell} text-right`}>{isRevised ? "Before" : "Last published"}</th>}
          {kind !== "dropped" && <th scope="col" className={`${cell} text-right`}>{isRevised ? "Now" : "Value"}</th>}
          {isRevised && <th scope="col" className={`${cell} text-right`}>Change</th>}
          <th scope="col" className={cell}>Unit</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, ROWS_SHOWN).map((c) => (
          <tr key={`${c.indicatorCode}|${c.breakdown}|${c.year}|${c.level}|${c.geoCode}`}>
            <td className={cell}>{indicatorLabel(c)}</td>
            <td className={`${cell} tabular-nums`}>{c.year}</td>
            <td className={cell}><Geography change={c} /></td>
            {kind !== "added" && <td className={`${cell} text-right tabular-nums`}>{c.old === null ? "—" : exact.format(c.old)}</td>}
            {kind !== "dropped" && <td className={`${cell} text-right tabular-nums`}>{c.new === null ? "—" : exact.format(c.new)}</td>}
            {isRevised && (
              <td className={`${cell} text-right tabular-nums ${(c.new ?? 0) < (c.old ?? 0) ? "text-red-800" : "text-green-800"}`}>{pct(c)}</td>
            )}
            <td className={cell}>{CANONICAL_UNITS[c.unit].en}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SECTIONS: { kind: TChangeKind; title: string; help: string }[] = [
  { kind: "added", title: "Added", help: "Figures no earlier edition had." },
  { kind: "revised", title: "Revised", help: "Figures this edition restates, biggest relative change first." },
  { kind: "dropped", title: "Dropped", help: "Figures published before for the indicators, years and levels this edition covers, which it no longer reports. The earlier value still counts." },
];

/** An edition's changes: a GET filter form (indicator, geography), the CSV link, and a table per kind of change. */
export function EditionChanges({ slug, changes, totals, indicators, geos, filter, notes }: EditionChangesProps) {
  const basePath = `/editions/${slug}`;
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  const isFiltered = query !== "";
  const byKind = (kind: TChangeKind) => changes.filter((c) => c.kind === kind);
  const levels = [...new Set(geos.map((g) => g.level))];
  return (
    <section aria-labelledby="changes-heading" className="space-y-4">
      <div>
        <h2 id="changes-heading" className="text-xl font-semibold">What it changed</h2>
        <p className="text-sm text-slate-600" data-testid="change-totals">
          {totals.added.toLocaleString("en-US")} added, {totals.revised.toLocaleString("en-US")} revised,{" "}
          {totals.dropped.toLocaleString("en-US")} dropped, {totals.unchanged.toLocaleString("en-US")} unchanged.
        </p>
      </div>
      {notes.length > 0 && (
        <ul role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {notes.map((note) => (
            <li key={note}>{note}; showing all.</li>
          ))}
        </ul>
      )}
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the changes">
        <div>
          <label htmlFor="changes-indicator" className="block font-medium">Indicator</label>
          <select id="changes-indicator" name="indicator" defaultValue={filter.indicator ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
            <option value="">All indicators</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>{i.nameEn}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="changes-geo" className="block font-medium">Geography</label>
          <select id="changes-geo" name="geo" defaultValue={filter.geo ?? ""} className="mt-1 max-w-xs rounded border border-slate-300 px-2 py-1.5">
            <option value="">All geographies</option>
            {levels.map((level) => (
              <optgroup key={level} label={LEVEL_NAMES[level]}>
                {geos.filter((g) => g.level === level).map((g) => (
                  <option key={g.code} value={g.code}>{g.nameEn === g.nameZh ? g.nameEn : `${g.nameEn} ${g.nameZh}`}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">Filter</button>
        {isFiltered && <Link href={basePath} className="text-sky-800 underline">Clear filter</Link>}
        <a href={`${basePath}/diff.csv${query ? `?${query}` : ""}`} download className="ml-auto rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
          Download CSV{isFiltered ? " (filtered)" : ""}
        </a>
      </form>
      {SECTIONS.map(({ kind, title, help }) => {
        const rows = byKind(kind);
        return (
          <details key={kind} open={rows.length > 0} className="rounded border border-slate-200">
            <summary className="cursor-pointer bg-slate-50 px-3 py-2 font-medium">
              {title} ({rows.length.toLocaleString("en-US")}{isFiltered ? " matching the filter" : ""})
              {rows.length > ROWS_SHOWN && <span className="font-normal text-slate-600"> — the first {ROWS_SHOWN} shown; the CSV has all</span>}
            </summary>
            <p className="px-3 pt-2 text-xs text-slate-600">{help}</p>
            <div className="max-h-[36rem] overflow-auto">
              {rows.length > 0 ? <ChangeTable kind={kind} rows={rows} /> : <p className="p-3 text-sm text-slate-600">None.</p>}
            </div>
          </details>
        );
      })}
    </section>
  );
}
