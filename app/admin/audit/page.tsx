import { AuditTable } from "@/components/admin/audit-table";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { requirePageUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The audit trail: who did what, when, to which edition. */
export default async function AdminAuditPage({ searchParams }: { searchParams: TSearchParams }) {
  const { page: rawPage } = await searchParams;
  const requested = Number.parseInt(typeof rawPage === "string" ? rawPage : "1", 10);
  await requirePageUser(`/admin/audit${Number.isFinite(requested) && requested > 1 ? `?page=${requested}` : ""}`, {
    role: "editor",
  });
  const result = await listAuditEvents(await getDatabase(), Number.isFinite(requested) ? requested : 1);
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <h1 id="audit-heading" className="text-2xl font-bold">
        Audit trail
      </h1>
      <AuditTable
        rows={result.events.map((event) => ({ ...event, at: event.at.toISOString() }))}
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
      />
    </section>
  );
}
