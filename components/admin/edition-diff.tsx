import Link from "next/link";
import { formatMeasure } from "@/lib/display-unit";
import type { IngestObservation, ObservationChange, ObservationDiff } from "@/lib/ingest";
import { findIndicator } from "@/lib/metrics";

const ROWS_SHOWN = 200;

interface EditionDiffProps {
  diff: ObservationDiff;
  /** The unfiltered counts, to say what the filter hides. */
  totals: { added: number; changed: number; removed: number };
  geoName: (level: string, code: string) => string;
  filter: { indicator?: string; geo?: string };
  indicators: { code: string; nameEn: string }[];
  basePath: string;
  /** What the diff compares against, in words. */
  against: string;
}

function measure(indicatorCode: string, value: number): string {
  const indicator = findIndicator(indicatorCode);
  return indicator ? formatMeasure(value, { unit: indicator.unit }, "en") : String(value);
}

function describeKey(o: Pick<IngestObservation, "indicatorCode" | "breakdown">): string {
  const indicator = findIndicator(o.indicatorCode);
  const name = indicator?.nameEn ?? o.indicatorCode;
  return o.breakdown ? `${name}: ${indicator?.breakdowns?.[o.breakdown]?.en ?? o.breakdown}` : name;
}

const cell = "border-b border-slate-200 px-2 py-1.5 align-top";

function ObservationTable({ rows, geoName, testId }: { rows: IngestObservation[]; geoName: EditionDiffProps["geoName"]; testId: string }) {
  return (
    <table className="min-w-full text-left text-sm" data-testid={testId}>
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>Indicator</th>
          <th scope="col" className={cell}>Year</th>
          <th scope="col" className={cell}>Geography</th>
          <th scope="col" className={`${cell} text-right`}>Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, ROWS_SHOWN).map((o) => (
          <tr key={`${o.indicatorCode}|${o.year}|${o.geoLevel}|${o.geoCode}|${o.breakdown}`}>
            <td className={cell}>{describeKey(o)}</td>
            <td className={`${cell} tabular-nums`}>{o.year}</td>
            <td className={cell}>{geoName(o.geoLevel, o.geoCode)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(o.indicatorCode, o.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeTable({ rows, geoName }: { rows: ObservationChange[]; geoName: EditionDiffProps["geoName"] }) {
  return (
    <table className="min-w-full text-left text-sm" data-testid="diff-changed">
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>Indicator</th>
          <th scope="col" className={cell}>Year</th>
          <th scope="col" className={cell}>Geography</th>
          <th scope="col" className={`${cell} text-right`}>Published</th>
          <th scope="col" className={`${cell} text-right`}>This edition</th>
          <th scope="col" className={`${cell} text-right`}>Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, ROWS_SHOWN).map((c) => (
          <tr key={c.key}>
            <td className={cell}>{describeKey(c)}</td>
            <td className={`${cell} tabular-nums`}>{c.year}</td>
            <td className={cell}>{geoName(c.geoLevel, c.geoCode)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(c.indicatorCode, c.old)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(c.indicatorCode, c.new)}</td>
            <td className={`${cell} text-right tabular-nums ${c.absChange < 0 ? "text-red-800" : "text-green-800"}`}>
              {c.pctChange === null ? "from 0" : `${c.pctChange > 0 ? "+" : ""}${c.pctChange.toFixed(1)}%`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Added, changed (biggest first) and no longer reported figures, filterable by indicator and geography. */
export function EditionDiff({ diff, totals, geoName, filter, indicators, basePath, against }: EditionDiffProps) {
  const sections = [
    { id: "changed", title: "Changed", count: diff.changed.length, body: <ChangeTable rows={diff.changed} geoName={geoName} /> },
    { id: "added", title: "Added", count: diff.added.length, body: <ObservationTable rows={diff.added} geoName={geoName} testId="diff-added" /> },
    { id: "removed", title: "No longer reported", count: diff.removed.length, body: <ObservationTable rows={diff.removed} geoName={geoName} testId="diff-removed" /> },
  ];
  const isFiltered = Boolean(filter.indicator || filter.geo);
  return (
    <section aria-labelledby="diff-heading" className="space-y-4" data-testid="edition-diff">
      <div>
        <h2 id="diff-heading" className="text-xl font-semibold">Diff</h2>
        <p className="text-sm text-slate-600">
          Against {against}: {totals.changed} changed, {totals.added} added, {totals.removed} no longer reported,{" "}
          {diff.unchangedCount} unchanged.
        </p>
      </div>
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the diff">
        <div>
          <label htmlFor="diff-indicator" className="block font-medium">Indicator</label>
          <select id="diff-indicator" name="indicator" defaultValue={filter.indicator ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
            <option value="">All indicators</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>{i.nameEn}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="diff-geo" className="block font-medium">Geography code</label>
          <input id="diff-geo" name="geo" defaultValue={filter.geo ?? ""} placeholder="CN, eastern, 110000 …" className="mt-1 rounded border border-slate-300 px-2 py-1.5" />
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">Filter</button>
        {isFiltered && <Link href={basePath} className="text-sky-700 underline">Clear filter</Link>}
      </form>
      {sections.map((section) => (
        <details key={section.id} open={section.count > 0 && section.id !== "removed"} className="rounded border border-slate-200">
          <summary className="cursor-pointer bg-slate-50 px-3 py-2 font-medium">
            {section.title} ({section.count}{isFiltered ? " matching the filter" : ""})
            {section.count > ROWS_SHOWN && <span className="font-normal text-slate-600"> — the first {ROWS_SHOWN} shown</span>}
          </summary>
          <div className="max-h-[32rem] overflow-auto">
            {section.count > 0 ? section.body : <p className="p-3 text-sm text-slate-600">None.</p>}
          </div>
        </details>
      ))}
    </section>
  );
}
