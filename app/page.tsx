import type { Metadata } from "next";
import { permanentRedirect, redirect } from "next/navigation";
import { Dashboard } from "@/components/dashboard/dashboard";
import { Providers } from "@/components/dashboard/providers";
import { ServerChart } from "@/components/dashboard/server-chart";
import { getDatabase } from "@/lib/server/db";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { toQueryString, viewMetadata } from "@/lib/server/og/view-metadata";
import { getViewForQuery } from "@/lib/server/queries/get-view-data";
import { currentQueryFor, HOME_QUERY } from "@/lib/view-state";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Title, description and link-preview tags (image: /og for this exact view). */
export async function generateMetadata({ searchParams }: { searchParams: TSearchParams }): Promise<Metadata> {
  return viewMetadata(toQueryString(await searchParams));
}

async function load(searchParams: Record<string, string | string[] | undefined>) {
  try {
    const db = await getDatabase();
    const { catalogue, data: initialData } = await getViewForQuery(db, toQueryString(searchParams));
    return { catalogue, initialData };
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) return null;
    throw error;
  }
}

/** The dashboard, rendered on the server from the URL so a shared link shows data before any script runs. */
export default async function DashboardPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  if (Object.keys(params).length === 0) redirect(`/?${HOME_QUERY}`);
  const loaded = await load(params);
  // An old link in a legacy form moves to its current form, so that is what gets copied on:
  // the canonical URL when every parameter was understood, else the rewritten one (its notes still show).
  const current = currentQueryFor(params);
  if (current !== null) {
    const target = loaded && loaded.initialData.notes.length === 0 ? loaded.initialData.query : current;
    permanentRedirect(target ? `/?${target}` : "/");
  }
  if (!loaded) {
    return (
      <main className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="text-2xl font-bold">Torch Atlas</h1>
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-4 text-red-900">
          The database is unavailable right now. Try again in a minute; if it persists, check /api/health.
        </p>
      </main>
    );
  }
  return (
    <Providers>
      <Dashboard
        catalogue={loaded.catalogue}
        initialData={loaded.initialData}
        serverChart={<ServerChart data={loaded.initialData} catalogue={loaded.catalogue} />}
      />
    </Providers>
  );
}
