import type { ViewRow } from "@/lib/view-data";
import type { TView } from "@/lib/view-state";

// The order of a view's rows: the table's sort, which the compare view's bars take too.
// It is part of the view state (`sort=` in the URL), so a table is shared as sorted.

export const TABLE_SORTS = ["value-desc", "value-asc", "place", "year"] as const;
export type TTableSort = (typeof TABLE_SORTS)[number];

/** The columns a table sorts by. */
export type TSortKey = "geo" | "year" | "value";

export interface TTableOrder {
  key: TSortKey;
  descending: boolean;
}

/** Compare shows bars largest first; the table reads by place, then year. */
export function defaultSortFor(view: TView): TTableSort {
  return view === "compare" ? "value-desc" : "place";
}

const ORDERS: Record<TTableSort, TTableOrder> = {
  "value-desc": { key: "value", descending: true },
  "value-asc": { key: "value", descending: false },
  place: { key: "geo", descending: false },
  year: { key: "year", descending: false },
};

export function tableOrderOf(sort: TTableSort): TTableOrder {
  return ORDERS[sort];
}

/** What a click on a column's header does: the value column turns between its two directions. */
export function nextSort(current: TTableSort, key: TSortKey): TTableSort {
  if (key === "value") return current === "value-desc" ? "value-asc" : "value-desc";
  return key === "geo" ? "place" : "year";
}

// One collation for both languages, so the server's HTML and the browser agree: Latin
// letters as in English, Chinese names by pinyin.
const collator = new Intl.Collator("zh-CN");
export const compareNames: (a: string, b: string) => number = collator.compare;

/** What the table sorts: figures, and in growth mode the gaps that have no value. */
export type TSortable = Pick<ViewRow, "geoCode" | "year" | "isRemainder"> & { value?: number };

/**
 * The table's order. The "not attributed" row is no place, so it never sorts among them:
 * sorted by year it is the last row of its year, otherwise the rows end with it (by year),
 * whichever the direction. Equal values keep the order of place, then year. Sorted by value,
 * rows without one (growth gaps) follow the others, by place.
 */
export function sortTableRows<T extends TSortable>(rows: readonly T[], sort: TTableOrder, nameOf: (row: T) => string): T[] {
  const byPlace = (a: T, b: T) => compareNames(nameOf(a), nameOf(b)) || a.year - b.year || a.geoCode.localeCompare(b.geoCode);
  const isValueless = (row: T) => sort.key === "value" && row.value === undefined;
  const nonRemainders = rows.filter((row) => !row.isRemainder && !isValueless(row));
  let places: T[];
  if (sort.key === "value") {
    const direction = sort.descending ? -1 : 1;
    places = nonRemainders.sort((a, b) => direction * (a.value! - b.value!) || byPlace(a, b));
  } else {
    places = nonRemainders.sort(sort.key === "year" ? (a, b) => a.year - b.year : byPlace);
    if (sort.descending) places.reverse();
  }
  places.push(...rows.filter((row) => !row.isRemainder && isValueless(row)).sort(byPlace));
  const remainders = rows.filter((row) => row.isRemainder).sort((a, b) => a.year - b.year);
  if (sort.key !== "year") return [...places, ...remainders];
  const result: T[] = [];
  for (const [index, row] of places.entries()) {
    result.push(row);
    if (places[index + 1]?.year !== row.year) result.push(...remainders.filter((remainder) => remainder.year === row.year));
  }
  // Years with nothing but the remainder (no place reports): in the years' order.
  const placed = new Set(result);
  const orphans = remainders.filter((row) => !placed.has(row));
  return [...result, ...(sort.descending ? orphans.reverse() : orphans)];
}

/**
 * The compare view's bars (one year) in the table's sort: by value either way, or by name
 * (sorted by year, every bar has the same year); equal values by name, then by code so the
 * order is stable. The "not attributed" row is no place: it always comes last.
 */
export function sortCompareBars(rows: readonly ViewRow[], sort: TTableSort, nameOf: (row: ViewRow) => string): ViewRow[] {
  const { key, descending } = tableOrderOf(sort);
  const byValue = (a: ViewRow, b: ViewRow) => (key === "value" ? (descending ? b.value - a.value : a.value - b.value) : 0);
  return [...rows].sort(
    (a, b) =>
      Number(a.isRemainder) - Number(b.isRemainder) ||
      byValue(a, b) ||
      compareNames(nameOf(a), nameOf(b)) ||
      a.geoCode.localeCompare(b.geoCode),
  );
}
