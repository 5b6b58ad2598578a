import Link from "next/link";
import { notFound } from "next/navigation";
import { EditionActions } from "@/components/admin/edition-actions";
import { DIFF_PAGE_SIZE, EditionDiff } from "@/components/admin/edition-diff";
import { ReadSummary } from "@/components/admin/read-summary";
import { ValidationReport } from "@/components/admin/validation-report";
import { ZoneChanges } from "@/components/admin/zone-changes";
import { formatCount } from "@/lib/format";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { DIFF_LISTS } from "@/lib/edition-diff";
import { INDICATORS } from "@/lib/metrics";
import { requirePageUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { getEditionDiffCounts, getEditionDiffOverview } from "@/lib/server/editions/edition-diff";
import { getAdminEdition } from "@/lib/server/editions/list-editions";
import { getEditionParkChanges } from "@/lib/server/editions/registry-changes";
import { AppError } from "@/lib/server/errors";
import { parseEditionId } from "@/lib/server/http";
import { getGeography } from "@/lib/server/queries/geography";

export const dynamic = "force-dynamic";

type TParams = Promise<{ id: string }>;
type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const minute = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

function one(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text.slice(0, 100) : undefined;
}

/** One edition: its report, its diff against what readers see, and what can be done with it. */
export default async function AdminEditionPage({ params, searchParams }: { params: TParams; searchParams: TSearchParams }) {
  const { id: segment } = await params;
  const query = await searchParams;
  const lang = langFrom(query);
  await requirePageUser(withLang(`/admin/editions/${encodeURIComponent(segment)}`, lang), { role: "editor" });
  const t = appDictionary(lang).admin;
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
  const filter = { indicator: one(query.indicator), geo: one(query.geo) };
  // One list is paged (?list=added&page=3); the others show their first page.
  const pagedList = DIFF_LISTS.find((list) => list === one(query.list));
  const pageNumber = Math.min(Math.max(Number.parseInt(one(query.page) ?? "1", 10) || 1, 1), 100_000);
  const isFiltered = Boolean(filter.indicator || filter.geo);
  const [diff, totals, geography, parks, zoneChanges] = await Promise.all([
    getEditionDiffOverview(db, id, { filter, offsets: pagedList ? { [pagedList]: (pageNumber - 1) * DIFF_PAGE_SIZE } : {}, limit: DIFF_PAGE_SIZE }),
    isFiltered ? getEditionDiffCounts(db, id) : null,
    getGeography(db),
    db.prisma.park.findMany({ select: { slug: true, nameZh: true, nameEn: true } }),
    getEditionParkChanges(db, id, edition.status),
  ]);
  const isZh = lang === "zh";
  const names = new Map<string, string>([
    ["NATION:CN", t.diff.nation],
    ...geography.regions.map((r) => [`REGION:${r.code}`, t.diff.region(isZh ? r.nameZh : r.nameEn)] as const),
    ...geography.provinces.map((p) => [`PROVINCE:${p.adcode}`, isZh ? p.nameZh : `${p.nameEn} ${p.nameZh}`] as const),
    ...parks.map((p) => [`PARK:${p.slug}`, (isZh ? p.nameZh : p.nameEn) ?? p.nameZh] as const),
    // A draft's zones new to the registry are named by the draft.
    ...zoneChanges.filter((z) => z.kind === "ADD").map((z) => [`PARK:${z.slug}`, (isZh ? z.nameZh : z.nameEn) ?? z.nameZh] as const),
  ]);
  const provinceName = (adcode: number) => {
    const province = geography.provinces.find((p) => p.adcode === adcode);
    return province ? (lang === "zh" ? province.nameZh : province.nameEn) : String(adcode);
  };
  const geoName = (level: string, code: string) => names.get(`${level}:${code}`) ?? code;
  const report = edition.report;
  const basePath = `/admin/editions/${id}`;
  return (
    <>
      <p className="text-sm">
        <Link href={withLang("/admin/editions", lang)} className="text-sky-700 underline">{t.edition.allEditions}</Link>
      </p>
      <section aria-labelledby="edition-heading" className="space-y-3">
        <h1 id="edition-heading" className="text-2xl font-bold">{edition.title}</h1>
        <dl className="grid max-w-3xl grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t.edition.status}</dt>
          <dd data-testid="edition-status">{t.statuses[edition.status]}{edition.isSample ? t.edition.sampleSuffix : ""}</dd>
          <dt className="text-slate-600">{t.edition.slug}</dt>
          <dd className="font-mono">{edition.slug}</dd>
          <dt className="text-slate-600">{t.edition.source}</dt>
          <dd>{edition.source}</dd>
          <dt className="text-slate-600">{t.edition.figures}</dt>
          <dd className="tabular-nums">{formatCount(edition.observations, lang)}</dd>
          {edition.fileName && (
            <>
              <dt className="text-slate-600">{t.edition.file}</dt>
              <dd>
                {edition.fileName}
                {report?.kind === "registry"
                  ? t.edition.registryFileSummary(report.format)
                  : report
                    ? t.edition.fileSummary({ format: report.format, layout: report.layout, rows: formatCount(report.rowsRead, lang), skipped: report.skippedCells })
                    : ""}
              </dd>
            </>
          )}
          <dt className="text-slate-600">{t.edition.uploaded}</dt>
          <dd>{minute(edition.createdAt)} {t.utc}{edition.createdBy ? t.edition.by(edition.createdBy) : ""}</dd>
          {edition.publishedAt && (
            <>
              <dt className="text-slate-600">{t.edition.published}</dt>
              <dd>{minute(edition.publishedAt)} {t.utc}</dd>
            </>
          )}
        </dl>
        <EditionActions id={edition.id} slug={edition.slug} status={edition.status} lang={lang} />
      </section>
      {report && (
        <section aria-labelledby="report-heading" className="space-y-2">
          <h2 id="report-heading" className="text-xl font-semibold">{t.edition.reportHeading}</h2>
          <ReadSummary report={report} lang={lang} />
          <ValidationReport problems={report.warnings} errorCount={0} warningCount={report.warningCount} truncated={report.warningCount > report.warnings.length} lang={lang} />
        </section>
      )}
      <ZoneChanges changes={zoneChanges} status={edition.status} lang={lang} provinceName={provinceName} />
      <EditionDiff
        counts={diff.counts}
        totals={totals ?? diff.counts}
        pages={diff.pages}
        geoName={geoName}
        filter={filter}
        indicators={INDICATORS.map((i) => ({ code: i.code, name: isZh ? i.nameZh : i.nameEn }))}
        basePath={basePath}
        against={edition.status === "DRAFT" ? t.edition.againstDraft : t.edition.againstPublished}
        lang={lang}
      />
    </>
  );
}
