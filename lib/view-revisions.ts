import type { ViewRow } from "@/lib/view-data";

// How the figures of a pinned view differ from the same view on the latest
// data. Pure, so the counting rule is tested without a database.

/** One table of a view: its metric ("" for the view's own metric) and rows. */
export interface RowTable {
  key: string;
  rows: readonly ViewRow[];
}

export interface RowComparison {
  /** Rows of the pinned view. */
  total: number;
  /** Rows in both whose values differ. */
  revised: number;
  /** Rows only the latest data has. */
  added: number;
  /** Rows only the pinned view has. */
  removed: number;
  /** For each newer edition behind a revised or added row: how many rows it touched. */
  causes: Map<string, number>;
}

/** Equal up to floating-point noise (derived figures are sums and quotients). */
export function isSameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function indexRows(tables: readonly RowTable[]): Map<string, ViewRow> {
  const index = new Map<string, ViewRow>();
  for (const table of tables) for (const row of table.rows) index.set(`${table.key}|${row.geoCode}|${row.year}`, row);
  return index;
}

/**
 * Compares a pinned view's rows with the latest data's, row by row (table,
 * place, year). `isNewer` says which edition slugs were published after the
 * pinned edition: they are the ones a change is credited to.
 */
export function compareViewRows(
  pinned: readonly RowTable[],
  latest: readonly RowTable[],
  isNewer: (slug: string) => boolean,
): RowComparison {
  const before = indexRows(pinned);
  const after = indexRows(latest);
  const result: RowComparison = { total: before.size, revised: 0, added: 0, removed: 0, causes: new Map() };
  const credit = (row: ViewRow) => {
    for (const slug of row.editions) if (isNewer(slug)) result.causes.set(slug, (result.causes.get(slug) ?? 0) + 1);
  };
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) {
      result.added++;
      credit(row);
    } else if (!isSameValue(old.value, row.value)) {
      result.revised++;
      credit(row);
    }
  }
  for (const key of before.keys()) if (!after.has(key)) result.removed++;
  return result;
}
