import "server-only";
import type { DisplayUnit } from "@/lib/display-unit";
import type { Database } from "@/lib/server/db";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { listPublishedEditions, type EditionSummary } from "@/lib/server/queries/editions";
import { getSeries } from "@/lib/server/queries/get-series";
import type { SeriesPoint } from "@/lib/series-math";

/** The article's 2017 headline figures, in the order the article gives them. */
export const HEADLINE_METRICS = [
  { metric: "registered_firms", breakdown: "" },
  { metric: "high_tech_enterprises", breakdown: "" },
  { metric: "hte_density", breakdown: "" },
  { metric: "tax_revenue", breakdown: "" },
  { metric: "exports", breakdown: "" },
  { metric: "exports_share_national", breakdown: "" },
  { metric: "firm_ownership_share", breakdown: "state_owned" },
] as const;

export interface Overview {
  dataVersion: number;
  editions: EditionSummary[];
  parkCounts: SeriesPoint[];
  headline: { metric: string; unit: DisplayUnit; breakdown: string; point: SeriesPoint | null }[];
  registry: { listed: number; dated: number; nationalTotal: number | null };
}

/** What the first page shows: editions loaded, national zone counts, the 2017 headline figures. */
export async function getOverview(db: Database): Promise<Overview> {
  const [dataVersion, editions, parkCounts, listed, dated, headline] = await Promise.all([
    getDataVersion(db),
    listPublishedEditions(db),
    getSeries(db, { metric: "park_count", level: "NATION", from: 1988, to: 2025 }),
    db.prisma.park.count(),
    db.prisma.park.count({ where: { approvalYear: { not: null } } }),
    Promise.all(
      HEADLINE_METRICS.map(async ({ metric, breakdown }) => {
        const series = await getSeries(db, { metric, breakdown, level: "NATION", from: 2017, to: 2017 });
        return { metric, unit: series.unit, breakdown, point: series.points[0] ?? null };
      }),
    ),
  ]);
  const reportedCounts = parkCounts.points.filter((p) => !p.isComputed);
  return {
    dataVersion,
    editions,
    parkCounts: parkCounts.points,
    headline,
    registry: { listed, dated, nationalTotal: reportedCounts.at(-1)?.value ?? null },
  };
}
