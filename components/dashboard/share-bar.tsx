"use client";
import { useState } from "react";
import type { TDictionary } from "@/lib/i18n";
import { downloadPng, downloadSvg } from "./export-chart";

interface ShareBarProps {
  query: string;
  chartRef: React.RefObject<HTMLDivElement | null>;
  caption: string[];
  fileBase: string;
  canExportChart: boolean;
  t: TDictionary;
}

/** Copy the link to this exact view; download its data and chart. */
export function ShareBar({ query, chartRef, caption, fileBase, canExportChart, t }: ShareBarProps) {
  const [status, setStatus] = useState<string>("");
  const copy = async () => {
    const url = `${window.location.origin}/${query ? `?${query}` : ""}`;
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t.copied);
    } catch {
      setStatus(t.copyFailed);
    }
  };
  const button = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={button} onClick={copy}>
        {t.share}
      </button>
      <a className={button} href={`/api/v1/series?${query ? `${query}&` : ""}format=csv`} download={`${fileBase}.csv`}>
        {t.downloadCsv}
      </a>
      <button
        type="button"
        className={button}
        disabled={!canExportChart}
        onClick={() => chartRef.current && downloadPng(chartRef.current, caption, `${fileBase}.png`)}
      >
        {t.downloads} {t.downloadPng}
      </button>
      <button
        type="button"
        className={button}
        disabled={!canExportChart}
        onClick={() => chartRef.current && downloadSvg(chartRef.current, caption, `${fileBase}.svg`)}
      >
        {t.downloads} {t.downloadSvg}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {status}
      </span>
    </div>
  );
}
