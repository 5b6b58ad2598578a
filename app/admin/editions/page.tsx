import Link from "next/link";
import { UploadForm } from "@/components/admin/upload-form";
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

/** Every edition (drafts, published, retired) and the upload form. */
export default async function AdminEditionsPage() {
  await requirePageUser("/admin/editions", { role: "editor" });
  const editions = await listAdminEditions(await getDatabase());
  const cell = "border-b border-slate-200 px-3 py-2 align-top";
  return (
    <>
      <section aria-labelledby="upload-heading" className="space-y-3">
        <h1 id="upload-heading" className="text-2xl font-bold">Upload a yearbook edition</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Long layout: one value per row (year, level, geo, breakdown, indicator, value, unit, note, source_ref). Wide
          layout: the yearbook&apos;s own tables, one year per sheet, places in rows and indicators in columns with their
          units. Places may be adcodes, English or Chinese names; units (个, 人, 千元, 万元, 亿元, 千美元, 亿美元 …) are
          converted. A clean file becomes a draft you can review and publish; a file with errors is reported and not saved.
        </p>
        <p className="text-sm">
          Templates:{" "}
          <a href="/api/admin/templates/long.csv" className="text-sky-700 underline">long layout (CSV)</a>
          {" · "}
          <a href="/api/admin/templates/wide.xlsx" className="text-sky-700 underline">wide layout (XLSX)</a>
        </p>
        <UploadForm />
      </section>

      <section aria-labelledby="editions-heading" className="space-y-3">
        <h2 id="editions-heading" className="text-xl font-semibold">Editions</h2>
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="editions-table">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={cell}>Edition</th>
                <th scope="col" className={cell}>Status</th>
                <th scope="col" className={`${cell} text-right`}>Figures</th>
                <th scope="col" className={cell}>Uploaded (UTC)</th>
                <th scope="col" className={cell}>Published (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {editions.map((edition) => (
                <tr key={edition.id}>
                  <td className={cell}>
                    <Link href={`/admin/editions/${edition.id}`} className="font-medium text-sky-700 underline">
                      {edition.title}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {edition.slug}
                      {edition.fileName ? ` · ${edition.fileName}` : ""}
                      {edition.createdBy ? ` · by ${edition.createdBy}` : ""}
                    </span>
                  </td>
                  <td className={cell}>
                    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[edition.status]}`}>{edition.status.toLowerCase()}</span>
                    {edition.isSample && <span className="ml-1 rounded bg-orange-100 px-1.5 py-0.5 text-xs font-semibold text-orange-900">synthetic sample</span>}
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>{edition.observations.toLocaleString("en")}</td>
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
