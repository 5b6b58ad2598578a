import Link from "next/link";
import { UploadForm } from "@/components/admin/upload-form";
import { formatCount } from "@/lib/format";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { requirePageUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { listAdminEditions, type AdminEdition } from "@/lib/server/editions/list-editions";

export const dynamic = "force-dynamic";

const STATUS_STYLE: Record<AdminEdition["status"], string> = {
  DRAFT: "bg-amber-100 text-amber-900",
  PUBLISHED: "bg-green-100 text-green-900",
  RETIRED: "bg-slate-200 text-slate-700",
};

function day(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16).replace("T", " ") : "—";
}

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every edition (drafts, published, retired) and the upload form. */
export default async function AdminEditionsPage({ searchParams }: { searchParams: TSearchParams }) {
  const lang = langFrom(await searchParams);
  await requirePageUser(withLang("/admin/editions", lang), { role: "editor" });
  const editions = await listAdminEditions(await getDatabase());
  const t = appDictionary(lang).admin;
  const cell = "border-b border-slate-200 px-3 py-2 align-top";
  return (
    <>
      <section aria-labelledby="upload-heading" className="space-y-3">
        <h1 id="upload-heading" className="text-2xl font-bold">{t.editions.uploadHeading}</h1>
        <p className="max-w-3xl text-sm text-slate-700">{t.editions.uploadHelp}</p>
        <p className="text-sm">
          {t.editions.templates}{" "}
          <a href={withLang("/api/admin/templates/long.csv", lang)} className="text-sky-700 underline">{t.editions.templateLong}</a>
          {" · "}
          <a href={withLang("/api/admin/templates/wide.xlsx", lang)} className="text-sky-700 underline">{t.editions.templateWide}</a>
        </p>
        <UploadForm lang={lang} />
      </section>

      <section aria-labelledby="editions-heading" className="space-y-3">
        <h2 id="editions-heading" className="text-xl font-semibold">{t.editions.heading}</h2>
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="editions-table">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={cell}>{t.editions.columns.edition}</th>
                <th scope="col" className={cell}>{t.editions.columns.status}</th>
                <th scope="col" className={`${cell} text-right`}>{t.editions.columns.figures}</th>
                <th scope="col" className={cell}>{t.editions.columns.uploaded}</th>
                <th scope="col" className={cell}>{t.editions.columns.published}</th>
              </tr>
            </thead>
            <tbody>
              {editions.map((edition) => (
                <tr key={edition.id}>
                  <td className={cell}>
                    <Link href={withLang(`/admin/editions/${edition.id}`, lang)} className="font-medium text-sky-700 underline">
                      {edition.title}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {edition.slug}
                      {edition.fileName ? ` · ${edition.fileName}` : ""}
                      {edition.createdBy ? ` · ${t.editions.by(edition.createdBy)}` : ""}
                    </span>
                  </td>
                  <td className={cell}>
                    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[edition.status]}`}>{t.statuses[edition.status]}</span>
                    {edition.isSample && <span className="ml-1 rounded bg-orange-100 px-1.5 py-0.5 text-xs font-semibold text-orange-900">{t.syntheticSample}</span>}
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>{formatCount(edition.observations, lang)}</td>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>{day(edition.createdAt)}</td>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>{day(edition.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
