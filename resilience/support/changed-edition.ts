import type { Snapshot } from "./views";

// An upload (long-layout CSV) that reports every figure the snapshot's JSON
// views show with a different value: once published, every one of those
// figures changes, so a response mixing old and new data cannot pass for
// either version.

interface TRow {
  geoCode: string;
  year: number;
  value: number | null;
}

interface TViewBody {
  metric: { code: string };
  unit: { unit: string };
  level: string;
  rows: TRow[];
  extra: { metric: { code: string }; unit: { unit: string }; rows: TRow[] }[];
}

/** How the upload writes each canonical unit (its values are in that unit already). */
const SOURCE_UNIT: Record<string, string> = { zones: "个", firms: "家", persons: "人", CNY: "元", USD: "美元", percent: "%" };

/**
 * A different value for every figure, and a different one again for each
 * step (1, 2, 3): shares stay within 0-100, counts stay whole.
 */
export function changedValue(value: number, unit: string, step: number): number {
  return unit === "percent" ? Number(((value + 25 * step) % 100).toFixed(3)) : Math.round(value * (1 + step / 4)) + 2 * step + 1;
}

export interface ExtraFigure {
  metric: string;
  level: string;
  geo: string;
  year: number;
  value: number;
  unit: string;
}

/**
 * The CSV. Editions made from one snapshot with different steps differ from it
 * and from each other in every figure; `extra` adds figures of its own (e.g. a
 * year nothing published has yet).
 */
export function editionChangingEveryFigure(snapshot: Snapshot, { step = 1, extra = [] }: { step?: number; extra?: ExtraFigure[] } = {}): string {
  const lines = new Map<string, string>();
  const add = (metric: string, level: string, geoCode: string, year: number, value: number, unit: string) => {
    const [geo, breakdown = ""] = geoCode.split(":");
    lines.set(`${metric} ${level} ${geoCode} ${year}`, [year, level, geo, metric, breakdown, value, unit].join(","));
  };
  for (const [path, text] of snapshot.bodies) {
    if (!path.startsWith("/api/v1/series") || path.includes("format=csv")) continue;
    const view = JSON.parse(text) as TViewBody;
    for (const table of [{ metric: view.metric, unit: view.unit, rows: view.rows }, ...view.extra]) {
      const unit = table.unit.unit;
      for (const row of table.rows) {
        if (row.value === null) throw new Error(`${path}: ${row.geoCode} ${row.year} has no value to change`);
        add(table.metric.code, view.level, row.geoCode, row.year, changedValue(row.value, unit, step), SOURCE_UNIT[unit]!);
      }
    }
  }
  for (const figure of extra) add(figure.metric, figure.level, figure.geo, figure.year, figure.value, figure.unit);
  return ["year,level,geo,indicator,breakdown,value,unit", ...lines.values()].join("\n") + "\n";
}

/** Figures (metric, geo, year) of a view's JSON body that another body of it shows with the same value, or not at all. */
export function figuresNotChanged(before: string, after: string): string[] {
  const figures = (text: string) => {
    const view = JSON.parse(text) as TViewBody;
    const tables = [{ metric: view.metric, rows: view.rows }, ...view.extra];
    return new Map(tables.flatMap((t) => t.rows.map((row) => [`${t.metric.code} ${row.geoCode} ${row.year}`, row.value] as const)));
  };
  const now = figures(after);
  return [...figures(before)].filter(([key, value]) => !now.has(key) || now.get(key) === value).map(([key]) => key);
}
