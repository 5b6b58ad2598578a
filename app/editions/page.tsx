import type { Metadata } from "next";
import Link from "next/link";
import { EditionTable } from "@/components/editions/edition-table";
import { LanguageLink } from "@/components/i18n/language-link";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { getDatabase } from "@/lib/server/db";
import { listReaderEditions } from "@/lib/server/editions/reader-editions";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: TSearchParams }): Promise<Metadata> {
  const t = appDictionary(langFrom(await searchParams)).pages.editions;
  return { title: t.metaTitle, description: t.metaDescription };
}

async function load() {
  try {
    return await listReaderEditions(await getDatabase());
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) return null;
    throw error;
  }
}

/** Every published edition, newest first, and apart the retired ones. */
export default async function EditionsPage({ searchParams }: { searchParams: TSearchParams }) {
  const lang = langFrom(await searchParams);
  const t = appDictionary(lang).pages;
  const editions = await load();
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <header className="space-y-2">
        <p className="flex flex-wrap justify-between gap-4 text-sm">
          <span>
            <Link href={withLang("/", lang)} className="text-sky-800 underline">{t.editions.home}</Link> ·{" "}
            <Link href={withLang("/overview", lang)} className="text-sky-800 underline">{t.editions.overview}</Link>
          </span>
          <LanguageLink className="text-sky-800 underline" />
        </p>
        <h1 className="text-3xl font-bold">{t.editions.title}</h1>
        <p className="max-w-3xl text-slate-700">{t.editions.intro}</p>
      </header>
      {editions === null ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          {t.databaseUnavailable}
        </p>
      ) : (
        <>
          <section aria-labelledby="published-heading" className="space-y-3">
            <h2 id="published-heading" className="text-xl font-semibold">{t.editions.published(editions.published.length)}</h2>
            {editions.published.length > 0 ? (
              <EditionTable editions={editions.published} label={t.editions.publishedLabel} lang={lang} />
            ) : (
              <p className="text-slate-600">{t.editions.noneYet}</p>
            )}
          </section>
          <section aria-labelledby="retired-heading" className="space-y-3">
            <h2 id="retired-heading" className="text-xl font-semibold">{t.editions.retired(editions.retired.length)}</h2>
            <p className="text-sm text-slate-600">{t.editions.retiredHelp}</p>
            {editions.retired.length > 0 ? (
              <EditionTable editions={editions.retired} label={t.editions.retiredLabel} lang={lang} isRetired />
            ) : (
              <p className="text-slate-600">{t.editions.none}</p>
            )}
          </section>
        </>
      )}
    </main>
  );
}
