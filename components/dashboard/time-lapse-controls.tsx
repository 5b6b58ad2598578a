"use client";
import { useId } from "react";
import type { TDictionary } from "@/lib/i18n";
import type { TimeLapse } from "./use-time-lapse";

interface TimeLapseControlsProps {
  timeLapse: TimeLapse;
  t: TDictionary;
}

const buttonClass =
  "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 aria-disabled:cursor-not-allowed aria-disabled:text-slate-500 aria-disabled:hover:bg-white";

/** Play, pause and step through the years of a compare or map view, with the year shown large. */
export function TimeLapseControls({ timeLapse, t }: TimeLapseControlsProps) {
  const words = t.timeLapse;
  const reasonId = useId();
  const reason = !timeLapse.span ? words.oneYear : timeLapse.isReducedMotion ? words.reducedMotion : null;
  const status = timeLapse.isError ? t.loadError : timeLapse.isLoading ? words.loading : null;

  return (
    <div
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded border border-slate-200 px-3 py-2"
      data-testid="time-lapse"
    >
      <p className="text-4xl font-bold tabular-nums text-slate-900" data-testid="time-lapse-year">
        <span className="sr-only">{words.yearShown}: </span>
        {timeLapse.yearShown}
      </p>
      {/* aria-disabled rather than disabled: a button that runs out of years keeps the focus. */}
      <div role="group" aria-label={words.title} aria-describedby={reason ? reasonId : undefined} className="flex gap-1">
        <button type="button" className={buttonClass} onClick={timeLapse.stepBack} aria-disabled={!timeLapse.canStepBack}>
          <span aria-hidden="true">◀ </span>
          {words.previous}
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={timeLapse.isPlaying ? timeLapse.pause : timeLapse.play}
          aria-disabled={!timeLapse.isPlaying && !timeLapse.canPlay}
        >
          <span aria-hidden="true">{timeLapse.isPlaying ? "❚❚ " : "▶ "}</span>
          {timeLapse.isPlaying ? words.pause : words.play}
        </button>
        <button type="button" className={buttonClass} onClick={timeLapse.stepForward} aria-disabled={!timeLapse.canStepForward}>
          {words.next}
          <span aria-hidden="true"> ▶</span>
        </button>
      </div>
      <div className="min-w-0 flex-1 text-xs text-slate-600">
        {reason && <p id={reasonId}>{reason}</p>}
        {timeLapse.frame && <p data-testid="time-lapse-scale">{words.fixedScale(timeLapse.frame.scale.from, timeLapse.frame.scale.to)}</p>}
        {status && <p>{status}</p>}
      </div>
      {/* One announcement a year shown, politely; silent until a session starts. */}
      <p role="status" aria-live="polite" className="sr-only" data-testid="time-lapse-announcement">
        {timeLapse.isActive ? words.showing(timeLapse.yearShown) : ""}
      </p>
    </div>
  );
}
