"use client";
import { useId, useRef, useState } from "react";
import { embedSnippet } from "@/lib/embed-snippet";
import type { TDictionary } from "@/lib/i18n";

/** The view as a link: on the latest data, or pinned to the edition it was published in. */
export interface ShareTargets {
  latestQuery: string;
  /** Null when no edition contributes to the view (nothing to pin to). */
  pinned: { query: string; editionTitle: string } | null;
  /** Whether the view on screen is pinned (the menu then starts on the pinned choice). */
  isPinned: boolean;
  /** For the iframe's title attribute. */
  embedTitle: string;
}

interface ShareBarProps {
  query: string;
  share: ShareTargets;
  chartRef: React.RefObject<HTMLDivElement | null>;
  /** The downloaded chart's caption, worked out only when one is downloaded. */
  captionOf: () => string[];
  fileBase: string;
  canExportChart: boolean;
  t: TDictionary;
}

type TChoice = "latest" | "pinned";

async function fetchShortLink(query: string): Promise<string> {
  const response = await fetch("/api/v1/short-links", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query }),
  });
  if (!response.ok) throw new Error(`short link: ${response.status}`);
  const { url } = (await response.json()) as { url: string };
  return url;
}

/**
 * Share (a small menu: latest or pinned data; full link, short link or embed
 * code, each copied and shown for copying by hand) and downloads of the data
 * and chart.
 */
export function ShareBar({ query, share, chartRef, captionOf, fileBase, canExportChart, t }: ShareBarProps) {
  const [isOpen, setIsOpen] = useState(false);
  // The export code loads on first use: most visits never download a chart.
  const exportChart = async (format: "png" | "svg") => {
    if (!chartRef.current) return;
    const { downloadPng, downloadSvg } = await import("./export-chart");
    const download = format === "png" ? downloadPng : downloadSvg;
    download(chartRef.current, captionOf(), `${fileBase}.${format}`);
  };
  const [choice, setChoice] = useState<TChoice | null>(null);
  const [output, setOutput] = useState("");
  const [status, setStatus] = useState("");
  const shortLinks = useRef(new Map<string, string>());
  const toggleRef = useRef<HTMLButtonElement>(null);
  const ids = { panel: useId(), title: useId(), output: useId(), choice: useId() };

  const selected: TChoice = share.pinned ? (choice ?? (share.isPinned ? "pinned" : "latest")) : "latest";
  const chosenQuery = selected === "pinned" && share.pinned ? share.pinned.query : share.latestQuery;

  const copy = async (text: string, done: string) => {
    setOutput(text);
    try {
      await navigator.clipboard.writeText(text);
      setStatus(done);
    } catch {
      setStatus(t.copyFailed);
    }
  };
  const origin = () => window.location.origin;
  const copyLink = () => copy(`${origin()}/${chosenQuery ? `?${chosenQuery}` : ""}`, t.copied);
  const copyEmbed = () => copy(embedSnippet(origin(), chosenQuery, share.embedTitle), t.embedCopied);
  const copyShortLink = async () => {
    let path = shortLinks.current.get(chosenQuery);
    if (!path) {
      setStatus(t.makingShortLink);
      try {
        path = await fetchShortLink(chosenQuery);
        shortLinks.current.set(chosenQuery, path);
      } catch {
        setStatus(t.shortLinkFailed);
        return;
      }
    }
    await copy(`${origin()}${path}`, t.shortLinkCopied);
  };

  const button = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          ref={toggleRef}
          type="button"
          className={button}
          aria-expanded={isOpen}
          aria-controls={ids.panel}
          onClick={() => setIsOpen((open) => !open)}
        >
          {t.share} <span aria-hidden="true">{isOpen ? "▴" : "▾"}</span>
        </button>
        <a
          className={button}
          href={`/api/v1/series?${query ? `${query}&` : ""}format=csv`}
          download={`${fileBase}.csv`}
        >
          {t.downloadCsv}
        </a>
        <button
          type="button"
          className={button}
          disabled={!canExportChart}
          onClick={() => void exportChart("png")}
        >
          {t.downloads} {t.downloadPng}
        </button>
        <button
          type="button"
          className={button}
          disabled={!canExportChart}
          onClick={() => void exportChart("svg")}
        >
          {t.downloads} {t.downloadSvg}
        </button>
        <span role="status" aria-live="polite" className="text-sm text-slate-600" data-testid="share-status">
          {status}
        </span>
      </div>

      {isOpen && (
        <section
          id={ids.panel}
          aria-labelledby={ids.title}
          className="space-y-3 rounded border border-slate-300 bg-slate-50 p-3 text-sm"
          data-testid="share-menu"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              setIsOpen(false);
              toggleRef.current?.focus();
            }
          }}
        >
          <h3 id={ids.title} className="font-semibold">
            {t.shareTitle}
          </h3>
          <fieldset className="space-y-1">
            <legend className="font-medium text-slate-700">{t.shareData}</legend>
            <label className="flex items-baseline gap-2">
              <input
                type="radio"
                name={ids.choice}
                checked={selected === "latest"}
                onChange={() => setChoice("latest")}
              />
              <span>
                {t.shareLatest} <span className="text-slate-600">({t.shareLatestHint})</span>
              </span>
            </label>
            {share.pinned && (
              <label className="flex items-baseline gap-2">
                <input
                  type="radio"
                  name={ids.choice}
                  checked={selected === "pinned"}
                  onChange={() => setChoice("pinned")}
                />
                <span>
                  {t.sharePinned(share.pinned.editionTitle)}{" "}
                  <span className="text-slate-600">({t.sharePinnedHint})</span>
                </span>
              </label>
            )}
          </fieldset>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={button} onClick={copyLink}>
              {t.copyLink}
            </button>
            <button type="button" className={button} onClick={copyShortLink}>
              {t.copyShortLink}
            </button>
            <button type="button" className={button} onClick={copyEmbed}>
              {t.copyEmbed}
            </button>
          </div>
          {output && (
            <div className="space-y-1">
              <label htmlFor={ids.output} className="block font-medium text-slate-700">
                {t.shareOutput}
              </label>
              <textarea
                id={ids.output}
                readOnly
                rows={output.length > 90 ? 3 : 1}
                value={output}
                onFocus={(event) => event.currentTarget.select()}
                className="w-full resize-none rounded border border-slate-300 bg-white p-1.5 font-mono text-xs"
                data-testid="share-output"
              />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
