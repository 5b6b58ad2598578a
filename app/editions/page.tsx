import type { Metadata } from "next";
import Link from "next/link";
import { EditionTable } from "@/components/editions/edition-table";
import { getDatabase } from "@/lib/server/db";
import { listReaderEditions } from "@/lib/server/editions/reader-editions";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Editions | Torch Atlas",
  description: "Every published edition of the Torch Atlas data: source, publication date, number of figures, and what each changed.",
};

async function load() {
  try {
    return await listReaderEditions(await getDatabase());
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) return null;
    throw error;
  }
}

/** Every published edition, newest first, and apart the retired ones. */
export default async function EditionsPage() {
  const editions = await load();
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/" className="text-sky-800 underline">Torch Atlas</Link> ·{" "}
          <Link href="/overview" className="text-sky-800 underline">Data &amp; sources</Link>
        </p>
        <h1 className="text-3xl font-bold">Editions</h1>
        <p className="max-w-3xl text-slate-700">
          Each edition is one published set of figures: a yearbook or another source, loaded as published. Later editions
          restate earlier years; for every figure the dashboard shows the value from the newest edition that reports it.
          Open an edition to see what it added, revised and dropped against what was published before it.
        </p>
      </header>
      {editions === null ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          The database is unavailable right now. Try again in a minute; if it persists, check /api/health.
        </p>
      ) : (
        <>
          <section aria-labelledby="published-heading" className="space-y-3">
            <h2 id="published-heading" className="text-xl font-semibold">Published ({editions.published.length})</h2>
            {editions.published.length > 0 ? (
              <EditionTable editions={editions.published} label="Published editions" />
            ) : (
              <p className="text-slate-600">No edition is published yet.</p>
            )}
          </section>
          <section aria-labelledby="retired-heading" className="space-y-3">
            <h2 id="retired-heading" className="text-xl font-semibold">Retired ({editions.retired.length})</h2>
            <p className="text-sm text-slate-600">
              Rolled back: their figures no longer count anywhere; the values they had replaced came back.
            </p>
            {editions.retired.length > 0 ? (
              <EditionTable editions={editions.retired} label="Retired editions" isRetired />
            ) : (
              <p className="text-slate-600">None.</p>
            )}
          </section>
        </>
      )}
    </main>
  );
}
