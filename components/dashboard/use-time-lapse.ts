"use client";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import {
  FRAME_MS,
  frameData,
  isTimeLapseView,
  nextYear,
  playStartYear,
  previousYear,
  spanQuery,
  spanScale,
  timeLapseSpan,
  type SpanScale,
  type TimeLapseSpan,
} from "@/lib/time-lapse";
import type { ViewData } from "@/lib/view-data";
import { serializeViewState, type ViewCatalogue, type ViewState } from "@/lib/view-state";
import { useSpanData } from "./queries";

interface Session {
  span: TimeLapseSpan;
  /** The year on screen. */
  year: number;
  isPlaying: boolean;
  /** The view the session belongs to, but for its year and language. */
  viewKey: string;
  /** The year the URL holds: written on every pause, left alone while playing. */
  urlYear: number;
}

/** One frame of a time-lapse: the year shown, its data, and the scale shared by every frame. */
export interface TimeLapseFrame {
  year: number;
  data: ViewData;
  scale: SpanScale;
}

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

function subscribeToReducedMotion(onChange: () => void): () => void {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeToReducedMotion,
    () => window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );
}

/**
 * The time-lapse of a compare or map view. A session starts with Play or a step and lasts
 * while the view stays the same; any other change of the view (a filter, the year picked
 * by hand, back/forward) ends it. The span's data loads once, when the session starts.
 */
export function useTimeLapse(
  state: ViewState,
  catalogue: ViewCatalogue,
  view: ViewData,
  update: (change: Partial<ViewState>) => void,
) {
  const isReducedMotion = usePrefersReducedMotion();
  const [session, setSession] = useState<Session | null>(null);
  const viewKey = serializeViewState({ ...state, year: state.to, lang: "en" }, catalogue);
  const active =
    session && isTimeLapseView(state.view) && session.viewKey === viewKey && session.urlYear === state.year ? session : null;
  const span = active?.span ?? (isTimeLapseView(state.view) ? timeLapseSpan(state) : null);
  const yearShown = active?.year ?? state.year;

  const spanData = useSpanData(active ? spanQuery(state, active.span, catalogue) : null);
  const loaded = active ? (spanData.data ?? null) : null;
  const activeSpan = active?.span;
  const scale = useMemo(() => (loaded && activeSpan ? spanScale(loaded.rows, activeSpan) : null), [loaded, activeSpan]);
  // Memoised, so the charts redraw once a year rather than on every render.
  const frame = useMemo<TimeLapseFrame | null>(
    () => (active && loaded && scale ? { year: active.year, data: frameData(view, loaded, active.year, catalogue), scale } : null),
    [active, loaded, scale, view, catalogue],
  );

  const startSession = useCallback(
    (spanToPlay: TimeLapseSpan): Session => active ?? { span: spanToPlay, year: state.year, isPlaying: false, viewKey, urlYear: state.year },
    [active, state.year, viewKey],
  );

  const showYear = useCallback(
    (current: Session, year: number) => {
      setSession({ ...current, year, isPlaying: false, urlYear: year });
      update({ year });
    },
    [update],
  );

  const play = useCallback(() => {
    if (!span || isReducedMotion) return;
    const current = startSession(span);
    setSession({ ...current, year: playStartYear(current.span, current.year), isPlaying: true });
  }, [span, isReducedMotion, startSession]);

  const pause = useCallback(() => {
    if (active) showYear(active, active.year);
  }, [active, showYear]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!span) return;
      const current = startSession(span);
      const year = direction === 1 ? nextYear(current.span, current.year) : previousYear(current.span, current.year);
      if (year !== null) showYear(current, year);
    },
    [span, startSession, showYear],
  );

  // One year a second, once the span has loaded; the last year pauses, and so is written to the URL.
  useEffect(() => {
    if (!active?.isPlaying || !loaded) return;
    const timer = window.setTimeout(() => {
      const year = nextYear(active.span, active.year);
      if (year === null || year === active.span.to) showYear(active, active.span.to);
      else setSession({ ...active, year });
    }, FRAME_MS);
    return () => window.clearTimeout(timer);
  }, [active, loaded, showYear]);

  return {
    span,
    yearShown,
    frame,
    isPlaying: !!active?.isPlaying,
    isLoading: !!active && !loaded && !spanData.isError,
    isError: !!active && spanData.isError,
    isReducedMotion,
    canPlay: !!span && !isReducedMotion,
    canStepBack: !!span && previousYear(span, yearShown) !== null,
    canStepForward: !!span && nextYear(span, yearShown) !== null,
    /** A session is under way (the announcements speak only then). */
    isActive: !!active,
    play,
    pause,
    stepBack: useCallback(() => step(-1), [step]),
    stepForward: useCallback(() => step(1), [step]),
  };
}

export type TimeLapse = ReturnType<typeof useTimeLapse>;
