"use client";
import { useEffect, type ReactNode } from "react";
import { ChartArea } from "@/components/dashboard/chart-area";
import { unitLabel } from "@/lib/display-unit";
import { dictionary } from "@/lib/i18n";
import type { Catalogue, ViewData } from "@/lib/view-data";

interface EmbedViewProps {
  catalogue: Catalogue;
  data: ViewData;
  /** data's chart, drawn by the server (ServerChart). */
  serverChart: ReactNode;
}

/**
 * One view without the app around it, for an iframe: title and unit, the chart
 * or table, the editions and sources, and a link to the full dashboard. It
 * fills the frame's width; its height is the chart's.
 */
export function EmbedView({ catalogue, data, serverChart }: EmbedViewProps) {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  const { state } = data;
  const lang = state.lang;
  const t = dictionary(lang);
  const metricName = lang === "zh" ? data.metric.nameZh : data.metric.nameEn;
  const years = state.view === "compare" || state.view === "map" ? String(state.year) : `${state.from}–${state.to}`;
  const fullHref = `/${data.query ? `?${data.query}` : ""}`;
  const pinnedTitle = catalogue.publishedEditions.find((e) => e.slug === state.edition)?.title ?? state.edition;
  const sourceLine = [
    `${t.editionsUsed}: ${data.editions.map((e) => e.title).join(", ") || "—"}${state.edition !== "latest" ? ` (${t.sharePinned(pinnedTitle)})` : ""}`,
    `${t.source}: ${data.editions.map((e) => e.source).join(" | ") || "—"}`,
    "Torch Atlas",
  ].join(" · ");
  return (
    <div lang={lang === "zh" ? "zh-CN" : "en"} className="w-full space-y-1.5 px-3 py-2" data-testid="embed">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-base font-semibold" data-testid="chart-title">
          {metricName}{" "}
          <span className="font-normal text-slate-600">
            ({unitLabel(data.unit, lang)}), {years}
          </span>
        </h1>
        <a href={fullHref} target="_blank" rel="noopener" className="text-sm text-blue-800 underline">
          {t.openInFull} <span aria-hidden="true">↗</span>
        </a>
      </header>
      {data.notes.length > 0 && (
        <p className="text-xs text-amber-900" data-testid="view-notes">
          {t.notesTitle} {data.notes.map((note) => note.message).join(" ")}
        </p>
      )}
      <main data-testid="chart-area" data-query={data.query}>
        <ChartArea data={data} state={state} catalogue={catalogue} t={t} timelineList={false} serverChart={serverChart} />
      </main>
      <footer className="space-y-0.5 text-xs text-slate-600" data-testid="embed-sources">
        {data.hasSample && (
          <p className="font-medium text-orange-900" data-testid="sample-banner">
            {t.embedSample}
          </p>
        )}
        {/* Two lines at most, so the default 480 px frame holds a trend chart; the full text is the tooltip. */}
        <p className="line-clamp-2" title={sourceLine}>
          {sourceLine}
        </p>
      </footer>
    </div>
  );
}
