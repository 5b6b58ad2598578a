// The benchmark's output: measures with their budgets, printed as markdown
// tables and written to bench/results.json.
import fs from "node:fs";

export interface Row {
  measure: string;
  value: number;
  unit: string;
  /** "≤ 20", "0" …; empty when the measure has no budget. */
  budget: string;
  /** null: no budget; false: missed (a failed measurement, NaN, misses too). */
  ok: boolean | null;
}

/** A measure with an upper bound (`max`) or none. */
export function row(measure: string, value: number, unit: string, max?: number): Row {
  if (max === undefined) return { measure, value, unit, budget: "", ok: null };
  return { measure, value, unit, budget: `≤ ${max.toLocaleString("en")}`, ok: value <= max };
}

/** A measure with a lower bound. */
export function rowAtLeast(measure: string, value: number, unit: string, min: number): Row {
  return { measure, value, unit, budget: `≥ ${min.toLocaleString("en")}`, ok: value >= min };
}

function format(value: number): string {
  if (!Number.isFinite(value)) return "failed";
  return value.toLocaleString("en", { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 1 });
}

export function printTable(rows: Row[]): void {
  console.log("\n| measure | value | budget | |\n| --- | ---: | --- | --- |");
  for (const r of rows) {
    const flag = r.ok === null ? "" : r.ok ? "ok" : "**over budget**";
    console.log(`| ${r.measure} | ${format(r.value)} ${r.unit} | ${r.budget} | ${flag} |`);
  }
}

/** A plain markdown table: a header and rows of cells. */
export function printGrid(header: string[], cells: (string | number)[][]): void {
  console.log(`\n| ${header.join(" | ")} |\n| ${header.map(() => "---").join(" | ")} |`);
  for (const line of cells) console.log(`| ${line.map((c) => (typeof c === "number" ? format(c) : c)).join(" | ")} |`);
}

export function writeResults(results: object): void {
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
}
