import Link from "next/link";
import { ChangesSection } from "./changes-section";
import { ChangesTable } from "./changes-table";
import type { EditionChange, TChangeKind } from "@/lib/edition-changes";
import { indicatorLabel } from "@/lib/edition-diff";
import { formatCount } from "@/lib/format";
import { appDictionary, type TAppDictionary } from "@/lib/i18n/app-dictionary";
import { withLang } from "@/lib/i18n/lang";
import { CANONICAL_UNITS } from "@/lib/units";
import type { TLang, TLevel } from "@/lib/view-state";

// The CSV download has every change; the page stays light enough to open quickly (its HTML carries each row twice: markup and React payload).
const ROWS_SHOWN = 200;
const KINDS: TChangeKind[] = ["added", "revised", "dropped"];

interface EditionChangesProps {
  slug: string;
  changes: EditionChange[];
  totals: Record<TChangeKind, number> & { unchanged: number };
  indicators: { code: string }[];
  geos: { code: string; level: TLevel; nameEn: string; nameZh: string }[];
  filter: { indicator?: string; geo?: string };
  /** Filter values that were not understood, in words. */
  notes: string[];
  lang: TLang;
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

/** Each kind's headers and columns: added figures have only a value, dropped ones only the last published one. */
function changeTable(kind: TChangeKind, rows: EditionChange[], lang: TLang, t: TAppDictionary["pages"]["changes"]) {
  const exact = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 4 });
  const { indicator, year, geography } = t.columns;
  const headers = {
    added: { indicator, year, geography, new: t.columns.value },
    revised: { indicator, year, geography, old: t.columns.before, new: t.columns.now, change: t.columns.change },
    dropped: { indicator, year, geography, old: t.columns.lastPublished },
  }[kind];
  return (
    <ChangesTable
      rows={rows.slice(0, ROWS_SHOWN)}
      testId={`changes-${kind}`}
      lang={lang}
      headers={headers}
      geography={(c) => <Geography change={c} lang={lang} />}
      formatValue={(value) => exact.format(value)}
      fromZero={t.fromZero}
      extraColumns={[{ header: t.columns.unit, cell: (c) => CANONICAL_UNITS[c.unit][lang] }]}
    />
  );
}

/** An edition's changes: a GET filter form (indicator, geography), the CSV link, and a table per kind of change. */
export function EditionChanges({ slug, changes, totals, indicators, geos, filter, notes, lang }: EditionChangesProps) {
  const dict = appDictionary(lang);
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
              <option key={i.code} value={i.code}>{indicatorLabel({ indicatorCode: i.code, breakdown: "" }, lang)}</option>
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
          <ChangesSection
            key={kind}
            isOpen={rows.length > 0}
            title={title}
            count={count(rows.length)}
            matchingFilter={isFiltered ? t.matchingFilter : ""}
            note={rows.length > ROWS_SHOWN ? t.firstShown(ROWS_SHOWN) : null}
            help={<p className="px-3 pt-2 text-xs text-slate-600">{help}</p>}
            maxHeightClass="max-h-[36rem]"
            none={t.none}
          >
            {rows.length > 0 ? changeTable(kind, rows, lang, t) : null}
          </ChangesSection>
        );
      })}
    </section>
  );
}
