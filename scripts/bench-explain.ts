// Evidence for docs/PERFORMANCE.md: EXPLAIN ANALYZE of the app's own series
// statement (observationStatement) for the heaviest views of the query mix,
// on each benchmark database.
import pg from "pg";
import { observationStatement, type ObservationSelection } from "@/lib/server/queries/resolved-series";

export interface ExplainedStatement {
  view: string;
  rows: number;
  executionMs: number;
  planningMs: number;
  /** Shared buffers hit and read. */
  buffers: number;
  /** The plan's nodes, outermost first, e.g. "Index Scan using …". */
  plan: string;
}

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Shared Hit Blocks": number;
  "Shared Read Blocks": number;
  Plans?: PlanNode[];
}

function describePlan(node: PlanNode): string {
  const self = node["Index Name"] ? `${node["Node Type"]} using ${node["Index Name"]}` : node["Node Type"];
  return [self, ...(node.Plans ?? []).map(describePlan)].join(" → ");
}

/**
 * The views that read the most rows: every province over every year (also what
 * a region or national total sums), and eight zones over every year, from every
 * published edition, for an indicator every edition reports.
 */
export async function explainHeaviestViews(url: string): Promise<ExplainedStatement[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const editionIds = (await client.query(`SELECT id FROM edition WHERE status = 'PUBLISHED' ORDER BY id`)).rows.map(
      (r) => r.id,
    );
    const zones = (
      await client.query(`SELECT slug FROM park ORDER BY province_adcode DESC, slug DESC LIMIT 8`)
    ).rows.map((r) => r.slug);
    const base = { indicatorCode: "revenue", breakdown: "", editionIds };
    const views: [string, ObservationSelection][] = [
      ["revenue, every province, every year", { ...base, level: "PROVINCE", geos: [] }],
      ["revenue, 8 zones, every year", { ...base, level: "PARK", geos: zones }],
    ];
    const explained: ExplainedStatement[] = [];
    for (const [view, selection] of views) {
      const { text, values } = observationStatement(selection);
      await client.query(text, values); // warm, as under load
      const [result] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, values)).rows[0][
        "QUERY PLAN"
      ];
      const root: PlanNode = result.Plan;
      explained.push({
        view,
        rows: root["Actual Rows"],
        executionMs: result["Execution Time"],
        planningMs: result["Planning Time"],
        buffers: root["Shared Hit Blocks"] + root["Shared Read Blocks"],
        plan: describePlan(root),
      });
    }
    return explained;
  } finally {
    await client.end();
  }
}
