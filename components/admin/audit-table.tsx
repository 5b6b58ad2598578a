import Link from "next/link";

export interface AuditTableRow {
  id: string;
  at: string;
  action: string;
  actorEmail: string | null;
  editionSlug: string | null;
  details: unknown;
}

interface AuditTableProps {
  rows: AuditTableRow[];
  page: number;
  pageCount: number;
  total: number;
}

/** "key: value" lines of an event's details; values are shown as text, never as HTML. */
function detailLines(details: unknown): string[] {
  if (details === null || typeof details !== "object" || Array.isArray(details))
    return details == null ? [] : [JSON.stringify(details)];
  return Object.entries(details).map(
    ([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`,
  );
}

/** The audit trail, newest first, one page at a time. */
export function AuditTable({ rows, page, pageCount, total }: AuditTableProps) {
  const cell = "border-b border-slate-200 px-3 py-2 align-top";
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {total === 1 ? "1 event" : `${total} events`}, page {page} of {pageCount}.
      </p>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm" data-testid="audit-table">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={cell}>
                When (UTC)
              </th>
              <th scope="col" className={cell}>
                Who
              </th>
              <th scope="col" className={cell}>
                What
              </th>
              <th scope="col" className={cell}>
                Edition
              </th>
              <th scope="col" className={cell}>
                Details
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className={`${cell} whitespace-nowrap tabular-nums`}>
                  <time dateTime={row.at}>{row.at.replace("T", " ").slice(0, 19)}</time>
                </td>
                <td className={cell}>{row.actorEmail ?? <span className="text-slate-500">—</span>}</td>
                <td className={`${cell} font-mono`}>{row.action}</td>
                <td className={cell}>{row.editionSlug ?? <span className="text-slate-500">—</span>}</td>
                <td className={`${cell} font-mono text-xs`}>
                  {detailLines(row.details).map((line, index) => (
                    <div key={index} className="break-all">
                      {line}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className={`${cell} text-slate-500`}>
                  No events on this page.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Audit pages" className="flex gap-4 text-sm">
        {page > 1 ? (
          <Link href={`/admin/audit?page=${page - 1}`} className="text-sky-700 underline">
            ← Newer
          </Link>
        ) : (
          <span className="text-slate-400">← Newer</span>
        )}
        {page < pageCount ? (
          <Link href={`/admin/audit?page=${page + 1}`} className="text-sky-700 underline">
            Older →
          </Link>
        ) : (
          <span className="text-slate-400">Older →</span>
        )}
      </nav>
    </div>
  );
}
