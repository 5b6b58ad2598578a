import Link from "next/link";
import { formatMeasure } from "@/lib/display-unit";
import { dictionary, type TDictionary } from "@/lib/i18n";
import { withLang } from "@/lib/i18n/lang";
import type { IngestObservation, ObservationChange, ObservationDiff } from "@/lib/ingest";
import { findIndicator } from "@/lib/metrics";
import type { TLang } from "@/lib/view-state";

const ROWS_SHOWN = 200;

interface EditionDiffProps {
  diff: ObservationDiff;
  /** The unfiltered counts, to say what the filter hides. */
  totals: { added: number; changed: number; removed: number };
  geoName: (level: string, code: string) => string;
  filter: { indicator?: string; geo?: string };
  indicators: { code: string; name: string }[];
  basePath: string;
  /** What the diff compares against, in words. */
  against: string;
  lang: TLang;
}

function measure(indicatorCode: string, value: number, lang: TLang): string {
  const indicator = findIndicator(indicatorCode);
  return indicator ? formatMeasure(value, { unit: indicator.unit }, lang) : String(value);
}

function describeKey(o: Pick<IngestObservation, "indicatorCode" | "breakdown">, lang: TLang): string {
  const indicator = findIndicator(o.indicatorCode);
  const name = (lang === "zh" ? indicator?.nameZh : indicator?.nameEn) ?? o.indicatorCode;
  return o.breakdown ? `${name}: ${indicator?.breakdowns?.[o.breakdown]?.[lang] ?? o.breakdown}` : name;
}

const cell = "border-b border-slate-200 px-2 py-1.5 align-top";

interface TableProps {
  geoName: EditionDiffProps["geoName"];
  lang: TLang;
  t: TDictionary["admin"]["diff"];
}

function ObservationTable({ rows, geoName, testId, lang, t }: TableProps & { rows: IngestObservation[]; testId: string }) {
  return (
    <table className="min-w-full text-left text-sm" data-testid={testId}>
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>{t.columns.indicator}</th>
          <th scope="col" className={cell}>{t.columns.year}</th>
          <th scope="col" className={cell}>{t.columns.geography}</th>
          <th scope="col" className={`${cell} text-right`}>{t.columns.value}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, ROWS_SHOWN).map((o) => (
          <tr key={`${o.indicatorCode}|${o.year}|${o.geoLevel}|${o.geoCode}|${o.breakdown}`}>
            <td className={cell}>{describeKey(o, lang)}</td>
            <td className={`${cell} tabular-nums`}>{o.year}</td>
            <td className={cell}>{geoName(o.geoLevel, o.geoCode)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(o.indicatorCode, o.value, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeTable({ rows, geoName, lang, t }: TableProps & { rows: ObservationChange[] }) {
  return (
    <table className="min-w-full text-left text-sm" data-testid="diff-changed">
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>{t.columns.indicator}</th>
          <th scope="col" className={cell}>{t.columns.year}</th>
          <th scope="col" className={cell}>{t.columns.geography}</th>
          <th scope="col" className={`${cell} text-right`}>{t.columns.published}</th>
          <th scope="col" className={`${cell} text-right`}>{t.columns.thisEdition}</th>
          <th scope="col" className={`${cell} text-right`}>{t.columns.change}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, ROWS_SHOWN).map((c) => (
          <tr key={c.key}>
            <td className={cell}>{describeKey(c, lang)}</td>
            <td className={`${cell} tabular-nums`}>{c.year}</td>
            <td className={cell}>{geoName(c.geoLevel, c.geoCode)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(c.indicatorCode, c.old, lang)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(c.indicatorCode, c.new, lang)}</td>
            <td className={`${cell} text-right tabular-nums ${c.absChange < 0 ? "text-red-800" : "text-green-800"}`}>
              {c.pctChange === null ? t.fromZero : `${c.pctChange > 0 ? "+" : ""}${c.pctChange.toFixed(1)}%`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Added, changed (biggest first) and no longer reported figures, filterable by indicator and geography. */
export function EditionDiff({ diff, totals, geoName, filter, indicators, basePath, against, lang }: EditionDiffProps) {
  const t = dictionary(lang).admin.diff;
  const table = { geoName, lang, t };
  const sections = [
    { id: "changed", title: t.changed, count: diff.changed.length, body: <ChangeTable rows={diff.changed} {...table} /> },
    { id: "added", title: t.added, count: diff.added.length, body: <ObservationTable rows={diff.added} testId="diff-added" {...table} /> },
    { id: "removed", title: t.removed, count: diff.removed.length, body: <ObservationTable rows={diff.removed} testId="diff-removed" {...table} /> },
  ];
  const isFiltered = Boolean(filter.indicator || filter.geo);
  return (
    <section aria-labelledby="diff-heading" className="space-y-4" data-testid="edition-diff">
      <div>
        <h2 id="diff-heading" className="text-xl font-semibold">{t.heading}</h2>
        <p className="text-sm text-slate-600">
          {t.summary({ against, ...totals, unchanged: diff.unchangedCount })}
        </p>
      </div>
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3 text-sm" aria-label={t.filterLabel}>
        {lang === "zh" && <input type="hidden" name="lang" value="zh" />}
        <div>
          <label htmlFor="diff-indicator" className="block font-medium">{t.indicator}</label>
          <select id="diff-indicator" name="indicator" defaultValue={filter.indicator ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t.allIndicators}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>{i.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="diff-geo" className="block font-medium">{t.geoCode}</label>
          <input id="diff-geo" name="geo" defaultValue={filter.geo ?? ""} placeholder="CN, eastern, 110000 …" className="mt-1 rounded border border-slate-300 px-2 py-1.5" />
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">{t.filter}</button>
        {isFiltered && <Link href={withLang(basePath, lang)} className="text-sky-700 underline">{t.clearFilter}</Link>}
      </form>
      {sections.map((section) => (
        <details key={section.id} open={section.count > 0 && section.id !== "removed"} className="rounded border border-slate-200">
          <summary className="cursor-pointer bg-slate-50 px-3 py-2 font-medium">
            {section.title} ({section.count}{isFiltered ? t.matchingFilter : ""})
            {section.count > ROWS_SHOWN && <span className="font-normal text-slate-600">{t.firstShown(ROWS_SHOWN)}</span>}
          </summary>
          <div className="max-h-[32rem] overflow-auto">
            {section.count > 0 ? section.body : <p className="p-3 text-sm text-slate-600">{t.none}</p>}
          </div>
        </details>
      ))}
    </section>
  );
}
