import type { Database } from "@/lib/server/db";
import { getViewForQuery } from "@/lib/server/queries/get-view-data";
import type { ViewData } from "@/lib/view-data";

/** What the dashboard page shows for a query, through the page's own boundary. */
export async function viewOf(db: Database, query: URLSearchParams | Record<string, string>): Promise<ViewData> {
  return (await getViewForQuery(db, new URLSearchParams(query).toString())).data;
}
