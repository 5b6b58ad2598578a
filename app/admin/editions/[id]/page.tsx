import Link from "next/link";
import { notFound } from "next/navigation";
import { EditionActions } from "@/components/admin/edition-actions";
import { DIFF_PAGE_SIZE, EditionDiff } from "@/components/admin/edition-diff";
import { ValidationReport } from "@/components/admin/validation-report";
import { DIFF_LISTS } from "@/lib/edition-diff";
import { INDICATORS } from "@/lib/metrics";
import { requirePageUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { getEditionDiffCounts, getEditionDiffOverview } from "@/lib/server/editions/edition-diff";
import { getAdminEdition } from "@/lib/server/editions/list-editions";
import { AppError } from "@/lib/server/errors";
import { parseEditionId } from "@/lib/server/http";
import { getGeography } from "@/lib/server/queries/geography";

export const dynamic = "force-dynamic";

type TParams = Promise<{ id: string }>;
type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

function one(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text.slice(0, 100) : undefined;
}

/** One edition: its report, its diff against what readers see, and what can be done with it. */
export default async function AdminEditionPage({ params, searchParams }: { params: TParams; searchParams: TSearchParams }) {
  const { id: segment } = await params;
  await requirePageUser(`/admin/editions/${encodeURIComponent(segment)}`, { role: "editor" });
  let id: number;
  try {
    id = parseEditionId(segment);
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
  const db = await getDatabase();
  const edition = await getAdminEdition(db, id);
  if (!edition) notFound();
  const query = await searchParams;
  const filter = { indicator: one(query.indicator), geo: one(query.geo) };
  // One list is paged (?list=added&page=3); the others show their first page.
  const pagedList = DIFF_LISTS.find((list) => list === one(query.list));
  const pageNumber = Math.min(Math.max(Number.parseInt(one(query.page) ?? "1", 10) || 1, 1), 100_000);
  const isFiltered = Boolean(filter.indicator || filter.geo);
  const [diff, totals, geography, parks] = await Promise.all([
    getEditionDiffOverview(db, id, { filter, offsets: pagedList ? { [pagedList]: (pageNumber - 1) * DIFF_PAGE_SIZE } : {}, limit: DIFF_PAGE_SIZE }),
    isFiltered ? getEditionDiffCounts(db, id) : null,
    getGeography(db),
    db.prisma.park.findMany({ select: { slug: true, nameZh: true, nameEn: true } }),
  ]);
  const names = new Map<string, string>([
    ["NATION:CN", "China (national)"],
    ...geography.regions.map((r) => [`REGION:${r.code}`, `${r.nameEn} region`] as const),
    ...geography.provinces.map((p) => [`PROVINCE:${p.adcode}`, `${p.nameEn} ${p.nameZh}`] as const),
    ...parks.map((p) => [`PARK:${p.slug}`, p.nameEn ?? p.nameZh] as const),
  ]);
  const geoName = (level: string, code: string) => names.get(`${level}:${code}`) ?? code;
  const report = edition.report;
  const basePath = `/admin/editions/${id}`;
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/editions" className="text-sky-700 underline">← All editions</Link>
      </p>
      <section aria-labelledby="edition-heading" className="space-y-3">
        <h1 id="edition-heading" className="text-2xl font-bold">{edition.title}</h1>
        <dl className="grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">Status</dt>
          <dd data-testid="edition-status">{edition.status.toLowerCase()}{edition.isSample ? " (synthetic sample)" : ""}</dd>
          <dt className="text-slate-600">Slug</dt>
          <dd className="font-mono">{edition.slug}</dd>
          <dt className="text-slate-600">Source</dt>
          <dd>{edition.source}</dd>
          <dt className="text-slate-600">Figures</dt>
          <dd className="tabular-nums">{edition.observations.toLocaleString("en")}</dd>
          {edition.fileName && (
            <>
              <dt className="text-slate-600">File</dt>
              <dd>{edition.fileName}{report ? ` (${report.format}, ${report.layout} layout, ${report.rowsRead.toLocaleString("en")} rows read, ${report.skippedCells} “not available” cells skipped)` : ""}</dd>
            </>
          )}
          <dt className="text-slate-600">Uploaded</dt>
          <dd>{edition.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC{edition.createdBy ? ` by ${edition.createdBy}` : ""}</dd>
          {edition.publishedAt && (
            <>
              <dt className="text-slate-600">Published</dt>
              <dd>{edition.publishedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</dd>
            </>
          )}
        </dl>
        <EditionActions id={edition.id} slug={edition.slug} status={edition.status} />
      </section>
      {report && (
        <section aria-labelledby="report-heading" className="space-y-2">
          <h2 id="report-heading" className="text-xl font-semibold">Validation report</h2>
          <ValidationReport problems={report.warnings} errorCount={0} warningCount={report.warningCount} truncated={report.warningCount > report.warnings.length} />
        </section>
      )}
      <EditionDiff
        counts={diff.counts}
        totals={totals ?? diff.counts}
        pages={diff.pages}
        geoName={geoName}
        filter={filter}
        indicators={INDICATORS.map((i) => ({ code: i.code, nameEn: i.nameEn }))}
        basePath={basePath}
        against={edition.status === "DRAFT" ? "what is published now" : "what was published before it"}
      />
    </>
  );
}
