import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditionChanges } from "@/components/editions/edition-changes";
import { SampleBadge } from "@/components/overview/sample-badge";
import { getDatabase } from "@/lib/server/db";
import { findReaderEdition, getEditionChanges, parseChangeFilter } from "@/lib/server/editions/reader-editions";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { toQueryString } from "@/lib/server/og/view-metadata";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";

export const dynamic = "force-dynamic";

type TParams = Promise<{ slug: string }>;
type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: TParams }): Promise<Metadata> {
  const { slug } = await params;
  try {
    const edition = await findReaderEdition(await getDatabase(), slug);
    if (edition) {
      return {
        title: `${edition.title} — what it changed | Torch Atlas`,
        description: `${edition.isSample ? "SYNTHETIC SAMPLE — not official statistics. " : ""}Figures added, revised and dropped by the edition "${edition.title}" (${edition.source}).`,
      };
    }
  } catch {
    // The page itself says what is wrong.
  }
  return { title: "Edition | Torch Atlas" };
}

const date = (value: Date | null) => (value ? `${value.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

/** One edition for readers: what it is, and what it added, revised and dropped (filterable, downloadable). */
export default async function EditionPage({ params, searchParams }: { params: TParams; searchParams: TSearchParams }) {
  const { slug } = await params;
  const query = new URLSearchParams(toQueryString(await searchParams));
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
            The database is unavailable right now. Try again in a minute; if it persists, check /api/health.
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
      <p className="text-sm">
        <Link href="/editions" className="text-sky-800 underline">← All editions</Link>
      </p>
      <section aria-labelledby="edition-heading" className="space-y-3">
        <h1 id="edition-heading" className="text-3xl font-bold">
          {edition.title}
          {edition.isSample && <SampleBadge />}
        </h1>
        {edition.isSample && (
          <p className="rounded border-l-4 border-orange-700 bg-orange-50 p-3 text-sm font-medium text-orange-900" data-testid="sample-banner">
            Synthetic sample: these figures are invented for demonstration, not official statistics.
          </p>
        )}
        <dl className="grid max-w-3xl grid-cols-[9rem_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">Status</dt>
          <dd data-testid="edition-status">{edition.status === "RETIRED" ? `retired ${date(edition.retiredAt)}` : "published"}</dd>
          <dt className="text-slate-600">Slug</dt>
          <dd className="font-mono">{edition.slug}</dd>
          <dt className="text-slate-600">Source</dt>
          <dd>{edition.source}</dd>
          {edition.yearbookYear !== null && (
            <>
              <dt className="text-slate-600">Yearbook</dt>
              <dd>{edition.yearbookYear}</dd>
            </>
          )}
          <dt className="text-slate-600">Published</dt>
          <dd>{date(edition.publishedAt)}</dd>
          <dt className="text-slate-600">Figures</dt>
          <dd className="tabular-nums">
            {edition.figures.toLocaleString("en-US")} ({edition.indicators} indicators
            {edition.years ? `, ${edition.years.min}–${edition.years.max}` : ""})
          </dd>
          <dt className="text-slate-600">Compared with</dt>
          <dd>
            {comparedWith.length === 0
              ? "Nothing: it was the first edition published, so every figure in it was added."
              : <>what was published before it ({comparedWith.map((e, index) => (
                  <span key={e.slug}>{index > 0 && ", "}<Link href={`/editions/${e.slug}`} className="text-sky-800 underline">{e.title}</Link></span>
                ))}): for each figure, the newest earlier value.</>}
          </dd>
        </dl>
        {edition.status === "PUBLISHED" && (
          <p className="text-sm">
            <Link href={`/?edition=${encodeURIComponent(edition.slug)}`} className="text-sky-800 underline">
              Open the dashboard as this edition published it
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
        notes={problems.map((p) => p.message)}
      />
    </main>
  );
}
