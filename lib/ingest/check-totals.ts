import { NATION_CODE } from "@/lib/ingest/aliases";
import { isAdditive, type ObservationBuilder } from "@/lib/ingest/validate";
import type { IngestReference } from "@/lib/ingest/types";

// Warns when the provinces in an upload do not add up to the regional or
// national total the same upload reports (and the four regions to the nation),
// beyond 0.5% or what the printed rounding allows. Only additive indicators:
// shares and ratios do not sum.

export const TOTAL_TOLERANCE = 0.005;

interface Group {
  nation?: number;
  regions: Map<string, number>;
  provinces: number[];
}

export function checkTotals(builder: ObservationBuilder, reference: IngestReference): void {
  const additive = new Set(reference.indicators.filter(isAdditive).map((i) => i.code));
  const regionOfProvince = new Map(reference.provinces.map((p) => [String(p.adcode), p.regionCode]));
  const { store } = builder;

  const groups = new Map<string, Group>();
  for (let index = 0; index < store.length; index++) {
    if (store.levelAt(index) === "PARK") continue;
    const o = store.at(index);
    if (!additive.has(o.indicatorCode)) continue;
    const key = `${o.indicatorCode}|${o.year}|${o.breakdown}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { regions: new Map(), provinces: [] }));
    if (o.geoLevel === "NATION" && o.geoCode === NATION_CODE) group.nation = index;
    else if (o.geoLevel === "REGION") group.regions.set(o.geoCode, index);
    else if (o.geoLevel === "PROVINCE") group.provinces.push(index);
  }

  for (const group of groups.values()) {
    for (const [regionCode, totalIndex] of group.regions) {
      const parts = group.provinces.filter((i) => regionOfProvince.get(store.at(i).geoCode) === regionCode);
      if (parts.length > 0)
        compare(
          builder,
          totalIndex,
          parts,
          `provinces of the ${regionName(reference, regionCode)} region`,
          "regional total",
        );
    }
    if (group.nation !== undefined) {
      if (group.provinces.length > 0) compare(builder, group.nation, group.provinces, "provinces", "national total");
      if (group.regions.size === reference.regions.length && reference.regions.length > 0) {
        compare(builder, group.nation, [...group.regions.values()], "regions", "national total");
      }
    }
  }
}

function regionName(reference: IngestReference, code: string): string {
  return reference.regions.find((r) => r.code === code)?.nameEn ?? code;
}

function compare(
  builder: ObservationBuilder,
  totalIndex: number,
  partIndexes: number[],
  partsName: string,
  totalName: string,
): void {
  const { store } = builder;
  const total = store.at(totalIndex);
  const sum = partIndexes.reduce((s, i) => s + store.valueAt(i), 0);
  const slack = partIndexes.reduce((s, i) => s + store.extrasAt(i).roundingSlack, store.extrasAt(totalIndex).roundingSlack);
  const difference = Math.abs(sum - total.value);
  if (difference <= Math.max(TOTAL_TOLERANCE * Math.abs(total.value), slack) + 1e-9 * Math.abs(total.value)) return;

  const unit = builder.unitOf(total.indicatorCode);
  const pct = total.value !== 0 ? ` (${((difference / Math.abs(total.value)) * 100).toFixed(1)}% apart)` : "";
  builder.problem(
    "warning",
    "sum_mismatch",
    { sheet: total.sheet ?? null, row: total.row, column: store.extrasAt(totalIndex).column },
    `The ${partIndexes.length} ${partsName} in this upload add up to ${formatAmount(sum)} ${unit} of ${total.indicatorCode} in ${total.year}, but the ${totalName} is ${formatAmount(total.value)}${pct}. Check for a missing or mistyped row (rounding allows 0.5%).`,
    String(total.value),
  );
}

function formatAmount(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
