"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from "react";
import { formatMeasure, unitLabel } from "@/lib/display-unit";
import { dictionary } from "@/lib/i18n";
import { withLang } from "@/lib/i18n/lang";
import type { ViewData } from "@/lib/view-data";
import { isTimeLapseView } from "@/lib/time-lapse";
import { dataQueryOf, serializeViewState, VIEWS, type ViewState } from "@/lib/view-state";
import type { Catalogue } from "@/lib/view-data";
import { ChartArea } from "./chart-area";
import { markCaptionLines } from "./chart-marks";
import { timelineCaptionLines, viewTimeline } from "./chart-timeline";
import { FilterPanel } from "./filter-panel";
import { usePrefetchView, useViewData } from "./queries";
import { RevisionBanner } from "./revision-banner";
import { ShareBar, type ShareTargets } from "./share-bar";
import { TimeLapseControls } from "./time-lapse-controls";
import { useTimeLapse } from "./use-time-lapse";
import { useViewState } from "./use-view-state";

interface DashboardProps {
  catalogue: Catalogue;
  initialData: ViewData;
  /** initialData's chart, drawn by the server (ServerChart). */
  serverChart: ReactNode;
}

export function Dashboard({ catalogue, initialData, serverChart }: DashboardProps) {
  const { state, notes, query, dataQuery, update: updateUrl } = useViewState(catalogue);
  const prefetchView = usePrefetchView();
  const update = useCallback((change: Partial<ViewState>) => prefetchView(updateUrl(change)), [prefetchView, updateUrl]);
  const initialDataQuery = useMemo(() => dataQueryOf(initialData.state, catalogue), [initialData, catalogue]);
  const view = useViewData(dataQuery, initialDataQuery === dataQuery ? initialData : undefined);
  const chartRef = useRef<HTMLDivElement>(null);
  // Lets tests and the benchmark know the controls are live (server HTML is shown before hydration).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  const t = dictionary(state.lang);
  const viewData = view.data ?? initialData;
  const timeLapse = useTimeLapse(state, catalogue, viewData, update);
  // During a time-lapse the chart, caption and sources follow the year on screen.
  const data = timeLapse.frame?.data ?? viewData;
  // The view's query once its data is on screen (a new sort of the same data is this view at once).
  const shownQuery = timeLapse.frame || view.isPlaceholderData || !view.data ? data.query : query;
  const shownState = timeLapse.frame ? { ...state, year: timeLapse.frame.year } : state;
  const lang = state.lang;
  const metricName = lang === "zh" ? data.metric.nameZh : data.metric.nameEn;
  const unit = unitLabel(data.unit, lang);
  const hasParkData = catalogue.levelsWithData.includes("park");
  // Pin to the view's own edition, or to the newest edition that contributes to it (data.editions is in publication order).
  const pinSlug = state.edition !== "latest" ? state.edition : data.editions.at(-1)?.slug;
  const pinTitle = catalogue.publishedEditions.find((e) => e.slug === pinSlug)?.title;
  const share: ShareTargets = {
    latestQuery: serializeViewState({ ...state, edition: "latest" }, catalogue),
    pinned: pinSlug && pinTitle ? { query: serializeViewState({ ...state, edition: pinSlug }, catalogue), editionTitle: pinTitle } : null,
    isPinned: state.edition !== "latest",
    embedTitle: t.embedTitle(metricName),
  };
  // Only a download needs it: not worked out on every render.
  const captionOf = () => [
    `${metricName} (${unit})${state.view === "compare" || state.view === "map" ? `, ${shownState.year}` : `, ${state.from}–${state.to}`}`,
    ...(timeLapse.frame ? [t.timeLapse.fixedScale(timeLapse.frame.scale.from, timeLapse.frame.scale.to)] : []),
    `${t.editionsUsed}: ${data.editions.map((e) => e.slug).join(", ") || "—"}`,
    `${t.source}: ${data.editions.map((e) => e.source).join(" | ").slice(0, 220)}`,
    ...(data.hasSample ? [t.sampleBanner] : []),
    // Growth rates are computed: the export says how, and how many figures have none.
    ...(data.state.mode === "growth" && data.metric.formulaEn
      ? [`${t.formula}: ${lang === "zh" ? data.metric.formulaZh : data.metric.formulaEn}`]
      : []),
    ...(data.gaps.length > 0 ? [t.growthGaps(data.gaps.length)] : []),
    // What the marks mean (the legends under the chart are HTML and not in the exported SVG).
    ...markCaptionLines(
      data,
      t,
      (row) => (lang === "zh" ? row.geoNameZh : row.geoNameEn),
      (value, options) => formatMeasure(value, data.unit, lang, options),
    ),
    // The chart labels events and breaks briefly: the caption says each in full, with its source.
    ...(state.view === "trend" ? timelineCaptionLines(viewTimeline(data, state, catalogue.events, t), t) : []),
    `Torch Atlas · ${window.location.href}`,
  ];

  return (
    <div lang={lang === "zh" ? "zh-CN" : "en"} className="mx-auto max-w-screen-2xl px-4 py-6">
      <header className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t.appName}</h1>
          <p className="text-sm text-slate-600">{t.tagline}</p>
        </div>
        <nav className="flex items-center gap-4 text-sm" aria-label={t.language}>
          <a href={withLang("/overview", lang)} className="text-blue-800 underline">{t.overviewLink}</a>
          <Link href={withLang("/editions", lang)} className="text-blue-800 underline">{t.editionsLink}</Link>
          <a href="/api/docs" className="text-blue-800 underline">{t.apiLink}</a>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1"
            onClick={() => update({ lang: lang === "en" ? "zh" : "en" })}
            lang={lang === "en" ? "zh-CN" : "en"}
          >
            {lang === "en" ? "中文" : "English"}
          </button>
        </nav>
      </header>

      {notes.length > 0 && (
        <div role="alert" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="view-notes">
          <p className="font-medium">{t.notesTitle}</p>
          <ul className="ml-5 list-disc">
            {notes.map((note) => (
              <li key={`${note.parameter}-${note.message}`}>{note.message}</li>
            ))}
          </ul>
        </div>
      )}

      {data.revisions && state.edition !== "latest" && data.state.edition === state.edition && (
        <RevisionBanner
          revisions={data.revisions}
          pinnedTitle={pinTitle ?? state.edition}
          onSwitch={() => update({ edition: "latest" })}
          t={t}
        />
      )}

      {data.hasSample && (
        <p className="mb-4 rounded border-l-4 border-orange-700 bg-orange-50 p-3 text-sm font-medium text-orange-900" data-testid="sample-banner">
          {t.sampleBanner}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        {/* On phones the chart comes first and the filters follow; from lg up they sit side by side. */}
        <aside className="order-2 lg:order-none">
          <FilterPanel state={state} catalogue={catalogue} update={update} t={t} hasParkData={hasParkData} />
        </aside>

        <main className="order-1 min-w-0 space-y-4 lg:order-none">
          <div role="tablist" aria-label={t.view} className="flex flex-wrap gap-1 border-b border-slate-200">
            {VIEWS.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={state.view === v}
                className={`rounded-t px-3 py-2 text-sm ${state.view === v ? "border border-b-white border-slate-200 bg-white font-semibold" : "text-slate-600 hover:text-slate-900"}`}
                onClick={() => update({ view: v })}
              >
                {t.views[v]}
              </button>
            ))}
          </div>

          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold" data-testid="chart-title">
              {metricName} <span className="font-normal text-slate-600">({unit})</span>
            </h2>
            <span role="status" aria-live="polite" className="text-sm text-slate-500">
              {view.isFetching ? t.updating : ""}
            </span>
          </div>

          {isTimeLapseView(state.view) && <TimeLapseControls timeLapse={timeLapse} t={t} />}

          {view.isError && !view.isPlaceholderData && !timeLapse.frame ? (
            <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900">
              <p>{t.loadError}</p>
              <button type="button" className="mt-2 underline" onClick={() => view.refetch()}>
                {t.retry}
              </button>
            </div>
          ) : (
            <div
              ref={chartRef}
              aria-busy={view.isFetching}
              data-testid="chart-area"
              data-query={shownQuery}
              data-state={view.isFetching ? "loading" : "ready"}
              className={view.isPlaceholderData ? "opacity-70 transition-opacity" : ""}
            >
              <ChartArea
                data={data}
                state={shownState}
                catalogue={catalogue}
                update={update}
                t={t}
                spanScale={timeLapse.frame?.scale}
                serverChart={shownQuery === initialData.query ? serverChart : undefined}
              />
            </div>
          )}
          {data.hasSample && state.view === "compare" && <p className="text-xs text-orange-900">{t.starLegend}</p>}

          <ShareBar
            query={query}
            share={share}
            chartRef={chartRef}
            captionOf={captionOf}
            fileBase={`torch-atlas-${data.metric.code}-${state.view}`}
            canExportChart={state.view !== "table" && state.view !== "coverage" && data.rows.length > 0}
            t={t}
          />

          <section aria-labelledby="about-heading" className="rounded border border-slate-200 p-3 text-sm">
            <h3 id="about-heading" className="font-semibold">{t.about}</h3>
            <p className="mt-1 text-slate-700">{lang === "zh" ? data.metric.descriptionZh : data.metric.descriptionEn}</p>
            {data.metric.formulaEn && (
              <p className="mt-1 text-slate-700">
                {t.formula}: {lang === "zh" ? data.metric.formulaZh : data.metric.formulaEn}
              </p>
            )}
            <p className="mt-1 text-slate-600">{t.unit}: {unit}</p>
          </section>

          <section aria-labelledby="sources-heading" className="rounded border border-slate-200 p-3 text-sm" data-testid="sources-panel">
            <h3 id="sources-heading" className="font-semibold">{t.sources}</h3>
            <ul className="mt-1 space-y-2">
              {data.editions.map((edition) => (
                <li key={edition.slug}>
                  <span className="font-medium">{edition.title}</span>{" "}
                  {edition.isSample && <span className="rounded bg-orange-100 px-1 text-xs font-semibold uppercase text-orange-900">{t.sampleMark}</span>}
                  <span className="block text-slate-600">{edition.source}</span>
                </li>
              ))}
            </ul>
          </section>
        </main>
      </div>
    </div>
  );
}
