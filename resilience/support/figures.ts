import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// What the suite did, reported at the end of its run (resilience/support/global-setup.ts):
// each test adds its counts under an area; test files run in workers, so each
// writes its own file in the folder the global setup made.

export interface Figures {
  /** HTTP requests the app answered during the test. */
  requests: number;
  /** Faults injected: database outages, killed servers. */
  faults: number;
  /** Malformed inputs tried: query strings, uploads, forged requests. */
  inputs: number;
  /** Figures lost or changed that should not have been: must be 0. */
  dataLost: number;
}

export const NO_FIGURES: Figures = { requests: 0, faults: 0, inputs: 0, dataLost: 0 };

declare module "vitest" {
  export interface ProvidedContext {
    figuresDir: string;
  }
}

/** Adds to an area's counts (an area is a line of the final report, such as "load during publish"). */
export function recordFigures(area: string, figures: Partial<Figures>): void {
  const file = path.join(inject("figuresDir"), `${process.pid}-${area.replace(/[^a-z0-9]+/gi, "-")}.json`);
  const previous: Figures = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { figures: Figures }).figures : NO_FIGURES;
  const next = { ...previous };
  for (const key of Object.keys(NO_FIGURES) as (keyof Figures)[]) next[key] += figures[key] ?? 0;
  fs.writeFileSync(file, JSON.stringify({ area, figures: next }));
}

/** Every area's counts, merged across workers. */
export function readFigures(dir: string): Map<string, Figures> {
  const areas = new Map<string, Figures>();
  for (const name of fs.readdirSync(dir).sort()) {
    const { area, figures } = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as { area: string; figures: Figures };
    const total = areas.get(area) ?? { ...NO_FIGURES };
    for (const key of Object.keys(NO_FIGURES) as (keyof Figures)[]) total[key] += figures[key];
    areas.set(area, total);
  }
  return areas;
}
