import Link from "next/link";
import type { EditionChange, TChangeKind } from "@/lib/edition-changes";
import { formatCount } from "@/lib/format";
import { dictionary, type TDictionary } from "@/lib/i18n";
import { withLang } from "@/lib/i18n/lang";
import { findIndicator } from "@/lib/metrics";
import { CANONICAL_UNITS } from "@/lib/units";
import type { TLang, TLevel } from "@/lib/view-state";

// The CSV download has every change; the page stays light enough to open quickly (its HTML carries each row twice: markup and React payload).
const ROWS_SHOWN = 200;
const KINDS: TChangeKind[] = ["added", "revised", "dropped"];
const cell = "border-b border-slate-200 px-2 py-1.5 align-top";

interface EditionChangesProps {
  slug: string;
  changes: EditionChange[];
  totals: Record<TChangeKind, number> & { unchanged: number };
  indicators: { code: string; nameEn: string }[];
  geos: { code: string; level: TLevel; nameEn: string; nameZh: string }[];
  filter: { indicator?: string; geo?: string };
  /** Filter values that were not understood, in words. */
  notes: string[];
  lang: TLang;
}

function indicatorName(code: string, nameEn: string, lang: TLang): string {
  return lang === "zh" ? (findIndicator(code)?.nameZh ?? nameEn) : nameEn;
}

function indicatorLabel(change: EditionChange, lang: TLang): string {
  const name = indicatorName(change.indicatorCode, change.indicatorNameEn, lang);
  if (!change.breakdownNameEn) return name;
  const breakdown = lang === "zh" ? findIndicator(change.indicatorCode)?.breakdowns?.[change.breakdown]?.zh : undefined;
  return `${name}: ${breakdown ?? change.breakdownNameEn}`;
}

/** A place in the page's language, with its name in the other script beside it where that differs. */
function Geography({ change, lang }: { change: EditionChange; lang: TLang }) {
  if (lang === "zh") return <>{change.geoNameZh}</>;
  return (
    <>
      {change.geoNameEn}
      {change.geoNameZh !== change.geoNameEn && (
        <span lang="zh-CN" className="ml-1 text-slate-500">{change.geoNameZh}</span>
      )}
    </>
  );
}

function pct(change: EditionChange, fromZero: string): string {
  if (change.pctChange === null) return fromZero;
  return `${change.pctChange > 0 ? "+" : ""}${change.pctChange.toFixed(1)}%`;
}

function ChangeTable({ kind, rows, lang, t }: { kind: TChangeKind; rows: EditionChange[]; lang: TLang; t: TDictionary["pages"]["changes"] }) {
  const isRevised = kind === "revised";
  const exact = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 4 });
  return (
    <table className="min-w-full text-left text-sm" data-testid={`changes-${kind}`}>
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>{t.columns.indicator}</th>
          <th scope="col" className={cell}>{t.columns.year}</th>
          <th scope="col" className={cell}>{t.columns.geography}</th>
          {kind !== "added" && <th scope="col" className={`${cell} text-right`}>{isRevised ? t.columns.before : t.columns.lastPublished}</th>}
          {kind !== "dropped" && <th scope="col" className={`${cell} text-right`}>{isRevised ? t.columns.now : t.columns.value}</th>}
          {isRevised && <th scope="col" className={`${cell} text-right`}>{t.columns.change}</th>}
          <th scope="col" className={cell}>{t.columns.unit}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, ROWS_SHOWN).map((c) => (
          <tr key={`${c.indicatorCode}|${c.breakdown}|${c.year}|${c.level}|${c.geoCode}`}>
            <td className={cell}>{indicatorLabel(c, lang)}</td>
            <td className={`${cell} tabular-nums`}>{c.year}</td>
            <td className={cell}><Geography change={c} lang={lang} /></td>
            {kind !== "added" && <td className={`${cell} text-right tabular-nums`}>{c.old === null ? "—" : exact.format(c.old)}</td>}
            {kind !== "dropped" && <td className={`${cell} text-right tabular-nums`}>{c.new === null ? "—" : exact.format(c.new)}</td>}
            {isRevised && (
              <td className={`${cell} text-right tabular-nums ${(c.new ?? 0) < (c.old ?? 0) ? "text-red-800" : "text-green-800"}`}>{pct(c, t.fromZero)}</td>
            )}
            <td className={cell}>{CANONICAL_UNITS[c.unit][lang]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An edition's changes: a GET filter form (indicator, geography), the CSV link, and a table per kind of change. */
export function EditionChanges({ slug, changes, totals, indicators, geos, filter, notes, lang }: EditionChangesProps) {
  const dict = dictionary(lang);
  const t = dict.pages.changes;
  const basePath = `/editions/${slug}`;
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  const isFiltered = query !== "";
  const byKind = (kind: TChangeKind) => changes.filter((c) => c.kind === kind);
  const levels = [...new Set(geos.map((g) => g.level))];
  const count = (n: number) => formatCount(n, lang);
  return (
    <section aria-labelledby="changes-heading" className="space-y-4">
      <div>
        <h2 id="changes-heading" className="text-xl font-semibold">{t.heading}</h2>
        <p className="text-sm text-slate-600" data-testid="change-totals">
          {t.totals({ added: count(totals.added), revised: count(totals.revised), dropped: count(totals.dropped), unchanged: count(totals.unchanged) })}
        </p>
      </div>
      {notes.length > 0 && (
        <ul role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {notes.map((note) => (
            <li key={note}>{t.showingAll(note)}</li>
          ))}
        </ul>
      )}
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3 text-sm" aria-label={t.filterLabel}>
        {lang === "zh" && <input type="hidden" name="lang" value="zh" />}
        <div>
          <label htmlFor="changes-indicator" className="block font-medium">{t.indicator}</label>
          <select id="changes-indicator" name="indicator" defaultValue={filter.indicator ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t.allIndicators}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>{indicatorName(i.code, i.nameEn, lang)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="changes-geo" className="block font-medium">{t.geography}</label>
          <select id="changes-geo" name="geo" defaultValue={filter.geo ?? ""} className="mt-1 max-w-xs rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t.allGeographies}</option>
            {levels.map((level) => (
              <optgroup key={level} label={dict.levels[level]}>
                {geos.filter((g) => g.level === level).map((g) => (
                  <option key={g.code} value={g.code}>{lang === "zh" ? g.nameZh : g.nameEn === g.nameZh ? g.nameEn : `${g.nameEn} ${g.nameZh}`}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">{t.filter}</button>
        {isFiltered && <Link href={withLang(basePath, lang)} className="text-sky-800 underline">{t.clearFilter}</Link>}
        <a href={`${basePath}/diff.csv${query ? `?${query}` : ""}`} download className="ml-auto rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
          {t.downloadCsv}{isFiltered ? t.filtered : ""}
        </a>
      </form>
      {KINDS.map((kind) => {
        const rows = byKind(kind);
        const { title, help } = t.sections[kind];
        return (
          <details key={kind} open={rows.length > 0} className="rounded border border-slate-200">
            <summary className="cursor-pointer bg-slate-50 px-3 py-2 font-medium">
              {title} ({count(rows.length)}{isFiltered ? t.matchingFilter : ""})
              {rows.length > ROWS_SHOWN && <span className="font-normal text-slate-600">{t.firstShown(ROWS_SHOWN)}</span>}
            </summary>
            <p className="px-3 pt-2 text-xs text-slate-600">{help}</p>
            <div className="max-h-[36rem] overflow-auto">
              {rows.length > 0 ? <ChangeTable kind={kind} rows={rows} lang={lang} t={t} /> : <p className="p-3 text-sm text-slate-600">{t.none}</p>}
            </div>
          </details>
        );
      })}
    </section>
  );
}
