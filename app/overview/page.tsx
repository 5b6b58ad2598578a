import Link from "next/link";
import { EditionList } from "@/components/overview/edition-list";
import { HeadlineFigures } from "@/components/overview/headline-figures";
import { ParkCountTable } from "@/components/overview/park-count-table";
import { getDatabase } from "@/lib/server/db";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { getOverview, type Overview } from "@/lib/server/queries/get-overview";

export const dynamic = "force-dynamic";

async function loadOverview(): Promise<{ overview: Overview } | { error: string }> {
  try {
    return { overview: await getOverview(await getDatabase()) };
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) {
      return { error: "The database is unavailable right now. Try again in a minute; if it persists, check /api/health." };
    }
    throw error;
  }
}

export default async function HomePage() {
  const result = await loadOverview();
  return (
    <main className="mx-auto max-w-6xl space-y-10 px-4 py-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Torch Atlas</h1>
        <p className="max-w-3xl text-slate-700">
          China&apos;s national high-tech zones (国家高新区) in numbers: zone counts, firms, high-tech enterprises, taxes and
          exports by region, province and year, from the China Torch Statistical Yearbook and other public sources.
        </p>
      </header>

      {"error" in result ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          {result.error}
        </p>
      ) : (
        <>
          <section aria-labelledby="headline-heading" className="space-y-3">
            <h2 id="headline-heading" className="text-xl font-semibold">
              The zones in 2017
            </h2>
            <p className="text-sm text-slate-600">
              The headline figures of MacroPolo&apos;s <em>Torchbearer</em> (2019), national totals, with the source of each.
            </p>
            <HeadlineFigures headline={result.overview.headline} />
          </section>

          <section aria-labelledby="parks-heading" className="space-y-3">
            <h2 id="parks-heading" className="text-xl font-semibold">
              National high-tech zones by year
            </h2>
            <p className="text-sm text-slate-600">
              Bold figures are reported counts. Grey figures are counted from the zone registry, which lists{" "}
              {result.overview.registry.listed} zones and dates {result.overview.registry.dated} of the{" "}
              {result.overview.registry.nationalTotal ?? "—"} zones reported most recently; it is complete up to 2009
              and undercounts after. Years with neither are left blank.
            </p>
            <ParkCountTable points={result.overview.parkCounts} />
          </section>

          <section aria-labelledby="editions-heading" className="space-y-3">
            <h2 id="editions-heading" className="text-xl font-semibold">
              Editions loaded
            </h2>
            <EditionList editions={result.overview.editions} />
            <p className="text-sm">
              <Link href="/editions" className="text-sky-800 underline">All editions, retired ones included, and what each changed</Link>
              {" · "}
              <a href="/api/docs" className="text-sky-800 underline">API documentation</a>
            </p>
          </section>

          <footer className="border-t border-slate-200 pt-4 text-xs text-slate-500">
            Data version {result.overview.dataVersion}. Province and region series in the synthetic sample edition are
            invented for demonstration and are labelled wherever they appear.
          </footer>
        </>
      )}
    </main>
  );
}
