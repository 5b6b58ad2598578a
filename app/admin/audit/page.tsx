import { AuditTable } from "@/components/admin/audit-table";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { requirePageUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The audit trail: who did what, when, to which edition. */
export default async function AdminAuditPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  const lang = langFrom(params);
  const rawPage = params.page;
  const requested = Number.parseInt(typeof rawPage === "string" ? rawPage : "1", 10);
  await requirePageUser(
    withLang(`/admin/audit${Number.isFinite(requested) && requested > 1 ? `?page=${requested}` : ""}`, lang),
    { role: "editor" },
  );
  const result = await listAuditEvents(await getDatabase(), Number.isFinite(requested) ? requested : 1);
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <h1 id="audit-heading" className="text-2xl font-bold">
        {appDictionary(lang).admin.audit.heading}
      </h1>
      <AuditTable
        rows={result.events.map((event) => ({ ...event, at: event.at.toISOString() }))}
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        lang={lang}
      />
    </section>
  );
}
