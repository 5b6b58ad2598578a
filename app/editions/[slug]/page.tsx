import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditionChanges } from "@/components/editions/edition-changes";
import { LanguageLink } from "@/components/i18n/language-link";
import { SampleBadge } from "@/components/overview/sample-badge";
import { formatCount } from "@/lib/format";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { getDatabase } from "@/lib/server/db";
import { findReaderEdition, getEditionChanges, parseChangeFilter } from "@/lib/server/editions/reader-editions";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { toQueryString } from "@/lib/server/og/view-metadata";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";

export const dynamic = "force-dynamic";

type TParams = Promise<{ slug: string }>;
type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params, searchParams }: { params: TParams; searchParams: TSearchParams }): Promise<Metadata> {
  const { slug } = await params;
  const t = appDictionary(langFrom(await searchParams)).pages.edition;
  try {
    const edition = await findReaderEdition(await getDatabase(), slug);
    if (edition) {
      return {
        title: t.metaTitle(edition.title),
        description: t.metaDescription({ title: edition.title, source: edition.source, isSample: edition.isSample }),
      };
    }
  } catch {
    // The page itself says what is wrong.
  }
  return { title: t.metaFallback };
}

const date = (value: Date | null) => (value ? `${value.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

/** One edition for readers: what it is, and what it added, revised and did not restate (filterable, downloadable). */
export default async function EditionPage({ params, searchParams }: { params: TParams; searchParams: TSearchParams }) {
  const { slug } = await params;
  const rawQuery = await searchParams;
  const lang = langFrom(rawQuery);
  const t = appDictionary(lang).pages;
  const query = new URLSearchParams(toQueryString(rawQuery));
  let loaded;
  try {
    const db = await getDatabase();
    const { filter, problems } = parseChangeFilter(query, await getCatalogue(db));
    loaded = { filter, problems, result: await getEditionChanges(db, slug, filter) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError || isDatabaseUnavailable(error)) {
      return (
        <main className="mx-auto max-w-3xl px-4 py-12">
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
            {t.databaseUnavailable}
          </p>
        </main>
      );
    }
    throw error;
  }
  const { filter, problems, result } = loaded;
  const { edition, comparedWith } = result;
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <p className="flex flex-wrap justify-between gap-4 text-sm">
        <Link href={withLang("/editions", lang)} className="text-sky-800 underline">{t.edition.allEditions}</Link>
        <LanguageLink className="text-sky-800 underline" />
      </p>
      <section aria-labelledby="edition-heading" className="space-y-3">
        <h1 id="edition-heading" className="text-3xl font-bold">
          {edition.title}
          {edition.isSample && <SampleBadge lang={lang} />}
        </h1>
        {edition.isSample && (
          <p className="rounded border-l-4 border-orange-700 bg-orange-50 p-3 text-sm font-medium text-orange-900" data-testid="sample-banner">
            {t.edition.sampleBanner}
          </p>
        )}
        <dl className="grid max-w-3xl grid-cols-[9rem_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t.edition.status}</dt>
          <dd data-testid="edition-status">{edition.status === "RETIRED" ? t.edition.retiredOn(date(edition.retiredAt)) : t.edition.published}</dd>
          <dt className="text-slate-600">{t.edition.slug}</dt>
          <dd className="font-mono">{edition.slug}</dd>
          <dt className="text-slate-600">{t.edition.source}</dt>
          <dd>{edition.source}</dd>
          {edition.yearbookYear !== null && (
            <>
              <dt className="text-slate-600">{t.edition.yearbook}</dt>
              <dd>{edition.yearbookYear}</dd>
            </>
          )}
          <dt className="text-slate-600">{t.edition.publishedAt}</dt>
          <dd>{date(edition.publishedAt)}</dd>
          <dt className="text-slate-600">{t.edition.figures}</dt>
          <dd className="tabular-nums">
            {t.edition.figureCount({
              figures: formatCount(edition.figures, lang),
              indicators: edition.indicators,
              years: edition.years ? `${edition.years.min}–${edition.years.max}` : null,
            })}
          </dd>
          <dt className="text-slate-600">{t.edition.comparedWith}</dt>
          <dd>
            {comparedWith.length === 0
              ? t.edition.firstEdition
              : <>{t.edition.comparedBefore}{comparedWith.map((e, index) => (
                  <span key={e.slug}>{index > 0 && ", "}<Link href={withLang(`/editions/${e.slug}`, lang)} className="text-sky-800 underline">{e.title}</Link></span>
                ))}{t.edition.comparedAfter}</>}
          </dd>
        </dl>
        {edition.status === "PUBLISHED" && (
          <p className="text-sm">
            <Link href={withLang(`/?edition=${encodeURIComponent(edition.slug)}`, lang)} className="text-sky-800 underline">
              {t.edition.openDashboard}
            </Link>
          </p>
        )}
      </section>
      <EditionChanges
        slug={edition.slug}
        changes={result.changes}
        totals={result.totals}
        indicators={result.indicators}
        geos={result.geos}
        filter={filter}
        notes={problems.map((p) => (lang === "zh" ? t.changes.unknownFilter[p.parameter] : p.message))}
        lang={lang}
      />
    </main>
  );
}
