import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { EmbedView } from "@/components/embed/embed-view";
import { Providers } from "@/components/dashboard/providers";
import { ServerChart } from "@/components/dashboard/server-chart";
import { getDatabase } from "@/lib/server/db";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { toQueryString } from "@/lib/server/og/view-metadata";
import { getViewForQuery } from "@/lib/server/queries/get-view-data";
import { currentQueryFor } from "@/lib/view-state";

// /embed?… — one view (the dashboard's parameters) for an iframe: chart or table, title, unit,
// editions and sources, no filters or header. The only route other sites may frame (next.config.ts).

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Torch Atlas (embedded view)", robots: { index: false } };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(searchParams: Record<string, string | string[] | undefined>) {
  try {
    const db = await getDatabase();
    return await getViewForQuery(db, toQueryString(searchParams));
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) return null;
    throw error;
  }
}

export default async function EmbedPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  const loaded = await load(params);
  // Legacy forms move to the current one, as on the dashboard (app/page.tsx).
  const current = currentQueryFor(params);
  if (current !== null) {
    const target = loaded && loaded.data.notes.length === 0 ? loaded.data.query : current;
    permanentRedirect(target ? `/embed?${target}` : "/embed");
  }
  if (!loaded) {
    return (
      <p role="alert" className="p-4 text-sm text-red-900">
        Torch Atlas: the data is unavailable right now. Try again in a minute.
      </p>
    );
  }
  return (
    <Providers>
      <EmbedView
        catalogue={loaded.catalogue}
        data={loaded.data}
        serverChart={<ServerChart data={loaded.data} catalogue={loaded.catalogue} timelineList={false} />}
      />
    </Providers>
  );
}
