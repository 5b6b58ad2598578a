import Link from "next/link";
import { LanguageLink } from "@/components/i18n/language-link";
import { EditionList } from "@/components/overview/edition-list";
import { HeadlineFigures } from "@/components/overview/headline-figures";
import { ParkCountTable } from "@/components/overview/park-count-table";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { getDatabase } from "@/lib/server/db";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { getOverview, type Overview } from "@/lib/server/queries/get-overview";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadOverview(): Promise<Overview | null> {
  try {
    return await getOverview(await getDatabase());
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) return null;
    throw error;
  }
}

export default async function OverviewPage({ searchParams }: { searchParams: TSearchParams }) {
  const lang = langFrom(await searchParams);
  const t = appDictionary(lang).pages;
  const overview = await loadOverview();
  return (
    <main className="mx-auto max-w-6xl space-y-10 px-4 py-8">
      <header className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h1 className="text-3xl font-bold">{t.overview.title}</h1>
          <LanguageLink className="text-sm text-sky-800 underline" />
        </div>
        <p className="max-w-3xl text-slate-700">{t.overview.intro}</p>
      </header>

      {overview === null ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          {t.databaseUnavailable}
        </p>
      ) : (
        <>
          <section aria-labelledby="headline-heading" className="space-y-3">
            <h2 id="headline-heading" className="text-xl font-semibold">
              {t.overview.headlineHeading}
            </h2>
            <p className="text-sm text-slate-600">
              {t.overview.headlineIntro.before}
              <em>{t.overview.headlineIntro.work}</em>
              {t.overview.headlineIntro.after}
            </p>
            <HeadlineFigures headline={overview.headline} lang={lang} />
          </section>

          <section aria-labelledby="parks-heading" className="space-y-3">
            <h2 id="parks-heading" className="text-xl font-semibold">
              {t.overview.parksHeading}
            </h2>
            <p className="text-sm text-slate-600">
              {t.overview.parksIntro({
                listed: overview.registry.listed,
                dated: overview.registry.dated,
                total: overview.registry.nationalTotal === null ? "—" : String(overview.registry.nationalTotal),
              })}
            </p>
            <ParkCountTable points={overview.parkCounts} lang={lang} />
          </section>

          <section aria-labelledby="editions-heading" className="space-y-3">
            <h2 id="editions-heading" className="text-xl font-semibold">
              {t.overview.editionsHeading}
            </h2>
            <EditionList editions={overview.editions} lang={lang} />
            <p className="text-sm">
              <Link href={withLang("/editions", lang)} className="text-sky-800 underline">
                {t.overview.allEditions}
              </Link>
              {" · "}
              <a href="/api/docs" className="text-sky-800 underline">
                {t.overview.apiDocs}
              </a>
            </p>
          </section>

          <footer className="border-t border-slate-200 pt-4 text-xs text-slate-500">
            {t.overview.footer(String(overview.dataVersion))}
          </footer>
        </>
      )}
    </main>
  );
}
