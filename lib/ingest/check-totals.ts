import { NATION_CODE } from "@/lib/ingest/aliases";
import type { BilingualText } from "@/lib/ingest/names";
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

  const { names } = builder;
  for (const group of groups.values()) {
    for (const [regionCode, totalIndex] of group.regions) {
      const parts = group.provinces.filter((i) => regionOfProvince.get(store.at(i).geoCode) === regionCode);
      if (parts.length === 0) continue;
      const region = names.geo({ level: "REGION", code: regionCode });
      compare(
        builder,
        totalIndex,
        parts,
        { en: `${provinces(parts.length)} of ${region.en}`, zh: `${region.zh}的${parts.length}个省份` },
        { en: "regional total", zh: `${region.zh}合计` },
      );
    }
    if (group.nation !== undefined) {
      const national = { en: "national total", zh: "全国合计" };
      if (group.provinces.length > 0) {
        const count = group.provinces.length;
        compare(builder, group.nation, group.provinces, { en: provinces(count), zh: `${count}个省份` }, national);
      }
      if (group.regions.size === reference.regions.length && reference.regions.length > 0) {
        const count = group.regions.size;
        const parts = [...group.regions.values()];
        compare(builder, group.nation, parts, { en: `${count} regions`, zh: `${count}个地区` }, national);
      }
    }
  }
}

function provinces(count: number): string {
  return count === 1 ? "1 province" : `${count} provinces`;
}

function compare(
  builder: ObservationBuilder,
  totalIndex: number,
  partIndexes: number[],
  parts: BilingualText,
  totalName: BilingualText,
): void {
  const { store } = builder;
  const total = store.at(totalIndex);
  const sum = partIndexes.reduce((s, i) => s + store.valueAt(i), 0);
  const slack = partIndexes.reduce((s, i) => s + store.extrasAt(i).roundingSlack, store.extrasAt(totalIndex).roundingSlack);
  const difference = Math.abs(sum - total.value);
  if (difference <= Math.max(TOTAL_TOLERANCE * Math.abs(total.value), slack) + 1e-9 * Math.abs(total.value)) return;

  const unit = builder.unitOf(total.indicatorCode);
  const indicator = builder.names.indicator(total.indicatorCode, total.breakdown);
  const pct = total.value !== 0 ? ((difference / Math.abs(total.value)) * 100).toFixed(1) : null;
  const [sumText, totalText] = [formatAmount(sum), formatAmount(total.value)];
  builder.problem(
    "warning",
    "sum_mismatch",
    { sheet: total.sheet ?? null, row: total.row, column: store.extrasAt(totalIndex).column },
    {
      en: `The ${parts.en} in this upload ${partIndexes.length === 1 ? "adds" : "add"} up to ${sumText} ${unit.en} of ${indicator.en} in ${total.year}, but the ${totalName.en} is ${totalText}${pct ? ` (${pct}% apart)` : ""}. Check for a missing or mistyped row (rounding allows 0.5%).`,
      zh: `本次上传中${parts.zh}的${total.year}年${indicator.zh}合计为${sumText}${unit.zh}，但${totalName.zh}为${totalText}${unit.zh}${pct ? `（相差${pct}%）` : ""}。请检查是否有漏填或填错的行（允许 0.5% 的舍入误差）。`,
    },
    String(total.value),
  );
}

function formatAmount(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
