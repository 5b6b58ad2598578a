"use client";
import { memo, useId } from "react";
import type { TDictionary } from "@/lib/i18n";
import {
  LEVELS,
  MAX_ALSO,
  MODES,
  modeUnavailableReason,
  scaleUnavailableReason,
  type TLevel,
  type ViewState,
} from "@/lib/view-state";
import type { Catalogue } from "@/lib/view-data";
import { GeoPicker, type GeoOption } from "./geo-picker";

interface FilterPanelProps {
  state: ViewState;
  catalogue: Catalogue;
  update: (change: Partial<ViewState>) => void;
  t: TDictionary;
  hasParkData: boolean;
}

function geoOptions(catalogue: Catalogue, level: TLevel, lang: ViewState["lang"]): GeoOption[] {
  const pick = (en: string, zh: string) => (lang === "zh" ? { name: zh, altName: en } : { name: en, altName: zh });
  if (level === "region") return catalogue.regions.map((r) => ({ code: r.code, ...pick(r.nameEn, r.nameZh) }));
  if (level === "province") return catalogue.provinces.map((p) => ({ code: p.code, ...pick(p.nameEn, p.nameZh) }));
  if (level === "park") return catalogue.parks.map((p) => ({ code: p.code, ...pick(p.nameEn ?? p.nameZh, p.nameZh) }));
  return [];
}

const selectClass = "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Memoised: the data of a new view arriving leaves the filters as they are. */
export const FilterPanel = memo(function FilterPanel({ state, catalogue, update, t, hasParkData }: FilterPanelProps) {
  const ids = { metric: useId(), from: useId(), to: useId(), year: useId(), edition: useId(), events: useId() };
  const years: number[] = [];
  for (let y = catalogue.years.min; y <= catalogue.years.max; y++) years.push(y);
  const isOneYear = state.view === "compare" || state.view === "map";

  return (
    <form className="space-y-5" onSubmit={(event) => event.preventDefault()} aria-label="Filters">
      <div className="space-y-1">
        <label htmlFor={ids.metric} className="text-sm font-medium text-slate-700">
          {t.metric}
        </label>
        <select
          id={ids.metric}
          className={selectClass}
          value={state.metric}
          onChange={(event) => {
            const metric = event.target.value;
            update({
              metric,
              also: state.also.filter((code) => code !== metric),
              mode: modeUnavailableReason(state.mode, metric, state.level) ? "absolute" : state.mode,
            });
          }}
        >
          {catalogue.metricInfo.map((metric) => (
            <option key={metric.code} value={metric.code}>
              {state.lang === "zh" ? metric.nameZh : metric.nameEn}
            </option>
          ))}
        </select>
      </div>

      {state.view === "table" && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">{t.alsoShow}</legend>
          <div className="max-h-40 space-y-0.5 overflow-y-auto rounded border border-slate-200 p-1">
            {catalogue.metricInfo
              .filter((metric) => metric.code !== state.metric)
              .map((metric) => (
                <label key={metric.code} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    checked={state.also.includes(metric.code)}
                    disabled={!state.also.includes(metric.code) && state.also.length >= MAX_ALSO}
                    onChange={(event) =>
                      update({
                        also: event.target.checked ? [...state.also, metric.code] : state.also.filter((code) => code !== metric.code),
                      })
                    }
                  />
                  {state.lang === "zh" ? metric.nameZh : metric.nameEn}
                </label>
              ))}
          </div>
        </fieldset>
      )}

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t.level}</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {LEVELS.map((level) => {
            const disabled = level === "park" && !hasParkData;
            return (
              <label key={level} className={`flex items-center gap-1.5 text-sm ${disabled ? "text-slate-400" : ""}`} title={disabled ? t.noParkData : undefined}>
                <input
                  type="radio"
                  name="level"
                  value={level}
                  checked={state.level === level}
                  disabled={disabled}
                  onChange={() =>
                    update({ level, geos: [], mode: modeUnavailableReason(state.mode, state.metric, level) ? "absolute" : state.mode })
                  }
                />
                {t.levels[level]}
              </label>
            );
          })}
        </div>
        {!hasParkData && <p className="text-xs text-slate-500">{t.levels.park}: {t.noParkData}</p>}
      </fieldset>

      {state.level !== "nation" && (
        <GeoPicker
          options={geoOptions(catalogue, state.level, state.lang)}
          selected={state.geos}
          onChange={(geos) => update({ geos })}
          t={t}
        />
      )}

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t.years}</legend>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor={ids.from} className="text-xs text-slate-600">
              {t.from}
            </label>
            <select id={ids.from} className={selectClass} value={state.from} onChange={(e) => update({ from: Number(e.target.value) })}>
              {years.filter((y) => y <= state.to).map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.to} className="text-xs text-slate-600">
              {t.to}
            </label>
            <select id={ids.to} className={selectClass} value={state.to} onChange={(e) => update({ to: Number(e.target.value) })}>
              {years.filter((y) => y >= state.from).map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <label htmlFor={ids.year} className={`text-xs ${isOneYear ? "text-slate-800" : "text-slate-600"}`}>
            {t.year} <span className="text-slate-600">({t.yearHint})</span>
          </label>
          <select id={ids.year} className={selectClass} value={state.year} onChange={(e) => update({ year: Number(e.target.value) })}>
            {years.filter((y) => y >= state.from && y <= state.to).map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t.mode}</legend>
        {MODES.map((mode) => {
          const reason = modeUnavailableReason(mode, state.metric, state.level);
          const helpId = `mode-help-${mode}`;
          return (
            <div key={mode} className="text-sm">
              <label className={`flex items-center gap-1.5 ${reason ? "text-slate-400" : ""}`}>
                <input
                  type="radio"
                  name="mode"
                  value={mode}
                  checked={state.mode === mode}
                  disabled={reason !== null}
                  aria-describedby={helpId}
                  onChange={() => update({ mode, ...(scaleUnavailableReason(state.scale, mode) ? { scale: "linear" } : {}) })}
                />
                {t.modes[mode]}
              </label>
              <p id={helpId} className="ml-5 text-xs text-slate-500">
                {reason ? t.modeUnavailable[reason] : t.modeHelp[mode]}
              </p>
            </div>
          );
        })}
      </fieldset>

      {state.view === "trend" && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">{t.scale}</legend>
          <div className="flex gap-3">
            {(["linear", "log"] as const).map((scale) => {
              const unavailable = scaleUnavailableReason(scale, state.mode) !== null;
              return (
                <label key={scale} className={`flex items-center gap-1.5 text-sm ${unavailable ? "text-slate-400" : ""}`}>
                  <input
                    type="radio"
                    name="scale"
                    value={scale}
                    checked={state.scale === scale}
                    disabled={unavailable}
                    aria-describedby={unavailable ? "scale-help" : undefined}
                    onChange={() => update({ scale })}
                  />
                  {t[scale]}
                </label>
              );
            })}
          </div>
          {scaleUnavailableReason("log", state.mode) && (
            <p id="scale-help" className="text-xs text-slate-500">
              {t.logUnavailable}
            </p>
          )}
        </fieldset>
      )}

      {state.view === "trend" && (
        <div className="text-sm">
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={state.events === "on"}
              aria-describedby={ids.events}
              onChange={(event) => update({ events: event.target.checked ? "on" : "off" })}
            />
            {t.policyEvents}
          </label>
          <p id={ids.events} className="ml-5 text-xs text-slate-500">
            {t.policyEventsHint}
          </p>
        </div>
      )}

      <div className="space-y-1">
        <label htmlFor={ids.edition} className="text-sm font-medium text-slate-700">
          {t.edition}
        </label>
        <select id={ids.edition} className={selectClass} value={state.edition} onChange={(e) => update({ edition: e.target.value })}>
          <option value="latest">{t.latest}</option>
          {catalogue.publishedEditions.map((edition) => (
            <option key={edition.slug} value={edition.slug}>
              {edition.title}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
});
