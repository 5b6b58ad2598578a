import Link from "next/link";
import { formatMeasure } from "@/lib/display-unit";
import { findIndicator } from "@/lib/metrics";
import type { DiffCounts, DiffRow, TDiffList } from "@/lib/edition-diff";
import type { TLang } from "@/lib/view-state";

export const DIFF_PAGE_SIZE = 100;

// The diff's own words in both languages (the page passes its language).
const TEXT = {
  en: {
    heading: "Diff",
    summary: (against: string, c: DiffCounts) =>
      `Against ${against}: ${c.changed.toLocaleString("en")} changed, ${c.added.toLocaleString("en")} added, ${c.unchanged.toLocaleString("en")} unchanged, ${c.notRestated.toLocaleString("en")} not restated (they stay as published).`,
    titles: { changed: "Changed", added: "Added", notRestated: "Not restated here" } satisfies Record<TDiffList, string>,
    notRestatedHelp:
      "Publishing removes nothing: these figures, published before for the indicators, years and levels this edition covers, are not in it and stay shown from their older edition.",
    stillShownFrom: (title: string) => `not restated here — still shown from ${title}`,
    matching: " matching the filter",
    rows: (from: number, to: number) => ` — rows ${from.toLocaleString("en")}–${to.toLocaleString("en")}`,
    previous: "← Previous page",
    next: "Next page →",
    none: "None.",
    shownFromColumn: "Readers see",
  },
  zh: {
    heading: "差异",
    summary: (against: string, c: DiffCounts) =>
      `与${against}相比：修改 ${c.changed.toLocaleString("zh")} 项，新增 ${c.added.toLocaleString("zh")} 项，未变 ${c.unchanged.toLocaleString("zh")} 项，本版未重列 ${c.notRestated.toLocaleString("zh")} 项（保持已发布的数据）。`,
    titles: { changed: "修改", added: "新增", notRestated: "本版未重列" } satisfies Record<TDiffList, string>,
    notRestatedHelp: "发布不会删除任何数据：这些数据此前已就本版涵盖的指标、年份和层级发布，本版未重列，仍显示旧版本的数据。",
    stillShownFrom: (title: string) => `本版未重列——仍显示${title}的数据`,
    matching: "（符合筛选条件）",
    rows: (from: number, to: number) => `——第 ${from.toLocaleString("zh")}–${to.toLocaleString("zh")} 行`,
    previous: "← 上一页",
    next: "下一页 →",
    none: "无。",
    shownFromColumn: "读者看到的数据",
  },
};

interface EditionDiffProps {
  /** Counts matching the filter, and over the whole edition. */
  counts: DiffCounts;
  totals: DiffCounts;
  /** The first page of each list, or the requested page of the paged one. */
  pages: Record<TDiffList, { offset: number; rows: DiffRow[] }>;
  geoName: (level: string, code: string) => string;
  filter: { indicator?: string; geo?: string };
  indicators: { code: string; nameEn: string }[];
  basePath: string;
  /** What the diff compares against, in words. */
  against: string;
  lang?: TLang;
}

function measure(indicatorCode: string, value: number | null): string {
  if (value === null) return "—";
  const indicator = findIndicator(indicatorCode);
  return indicator ? formatMeasure(value, { unit: indicator.unit }, "en") : String(value);
}

function describeKey(o: Pick<DiffRow, "indicatorCode" | "breakdown">): string {
  const indicator = findIndicator(o.indicatorCode);
  const name = indicator?.nameEn ?? o.indicatorCode;
  return o.breakdown ? `${name}: ${indicator?.breakdowns?.[o.breakdown]?.en ?? o.breakdown}` : name;
}

const cell = "border-b border-slate-200 px-2 py-1.5 align-top";

function ObservationTable({ list, rows, geoName, text }: { list: "added" | "notRestated"; rows: DiffRow[]; geoName: EditionDiffProps["geoName"]; text: (typeof TEXT)["en"] }) {
  return (
    <table className="min-w-full text-left text-sm" data-testid={list === "added" ? "diff-added" : "diff-not-restated"}>
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>Indicator</th>
          <th scope="col" className={cell}>Year</th>
          <th scope="col" className={cell}>Geography</th>
          <th scope="col" className={`${cell} text-right`}>Value</th>
          {list === "notRestated" && <th scope="col" className={cell}>{text.shownFromColumn}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={`${o.indicatorCode}|${o.year}|${o.geoLevel}|${o.geoCode}|${o.breakdown}`}>
            <td className={cell}>{describeKey(o)}</td>
            <td className={`${cell} tabular-nums`}>{o.year}</td>
            <td className={cell}>{geoName(o.geoLevel, o.geoCode)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(o.indicatorCode, o.new ?? o.old)}</td>
            {list === "notRestated" && <td className={cell}>{text.stillShownFrom(o.shownFrom?.title ?? "")}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeTable({ rows, geoName }: { rows: DiffRow[]; geoName: EditionDiffProps["geoName"] }) {
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
        {rows.map((c) => (
          <tr key={`${c.indicatorCode}|${c.year}|${c.geoLevel}|${c.geoCode}|${c.breakdown}`}>
            <td className={cell}>{describeKey(c)}</td>
            <td className={`${cell} tabular-nums`}>{c.year}</td>
            <td className={cell}>{geoName(c.geoLevel, c.geoCode)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(c.indicatorCode, c.old)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(c.indicatorCode, c.new)}</td>
            <td className={`${cell} text-right tabular-nums ${(c.absChange ?? 0) < 0 ? "text-red-800" : "text-green-800"}`}>
              {c.pctChange === null ? "from 0" : `${c.pctChange > 0 ? "+" : ""}${c.pctChange.toFixed(1)}%`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Changed (biggest first), added and not restated figures, a page at a time, filterable by indicator and geography. */
export function EditionDiff({ counts, totals, pages, geoName, filter, indicators, basePath, against, lang = "en" }: EditionDiffProps) {
  const text = TEXT[lang];
  const isFiltered = Boolean(filter.indicator || filter.geo);
  const pageHref = (list: TDiffList, offset: number) => {
    const params = new URLSearchParams({ ...(filter.indicator ? { indicator: filter.indicator } : {}), ...(filter.geo ? { geo: filter.geo } : {}) });
    if (offset > 0) {
      params.set("list", list);
      params.set("page", String(offset / DIFF_PAGE_SIZE + 1));
    }
    const query = params.toString();
    return `${basePath}${query ? `?${query}` : ""}#diff-${list}`;
  };
  const bodies: Record<TDiffList, React.ReactNode> = {
    changed: <ChangeTable rows={pages.changed.rows} geoName={geoName} />,
    added: <ObservationTable list="added" rows={pages.added.rows} geoName={geoName} text={text} />,
    notRestated: <ObservationTable list="notRestated" rows={pages.notRestated.rows} geoName={geoName} text={text} />,
  };
  return (
    <section aria-labelledby="diff-heading" className="space-y-4" data-testid="edition-diff">
      <div>
        <h2 id="diff-heading" className="text-xl font-semibold">{text.heading}</h2>
        <p className="text-sm text-slate-600" data-testid="diff-summary">{text.summary(against, totals)}</p>
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
      {(["changed", "added", "notRestated"] as const).map((list) => {
        const { offset, rows } = pages[list];
        const count = counts[list];
        return (
          <details key={list} id={`diff-${list}`} open={count > 0 && (list !== "notRestated" || offset > 0)} className="rounded border border-slate-200">
            <summary className="cursor-pointer bg-slate-50 px-3 py-2 font-medium">
              {text.titles[list]} ({count.toLocaleString(lang)}{isFiltered ? text.matching : ""})
              {count > rows.length && rows.length > 0 && <span className="font-normal text-slate-600">{text.rows(offset + 1, offset + rows.length)}</span>}
            </summary>
            {list === "notRestated" && <p className="px-3 pt-2 text-sm text-slate-600">{text.notRestatedHelp}</p>}
            <div className="max-h-[32rem] overflow-auto">
              {rows.length > 0 ? bodies[list] : <p className="p-3 text-sm text-slate-600">{text.none}</p>}
            </div>
            {count > DIFF_PAGE_SIZE && (
              <nav className="flex gap-4 px-3 py-2 text-sm" aria-label={text.titles[list]}>
                {offset > 0 && <Link href={pageHref(list, offset - DIFF_PAGE_SIZE)} className="text-sky-700 underline">{text.previous}</Link>}
                {offset + rows.length < count && <Link href={pageHref(list, offset + DIFF_PAGE_SIZE)} className="text-sky-700 underline">{text.next}</Link>}
              </nav>
            )}
          </details>
        );
      })}
    </section>
  );
}
