import Link from "next/link";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { withLang } from "@/lib/i18n/lang";
import type { TLang } from "@/lib/view-state";

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
  lang: TLang;
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
export function AuditTable({ rows, page, pageCount, total, lang }: AuditTableProps) {
  const t = appDictionary(lang).admin.audit;
  const cell = "border-b border-slate-200 px-3 py-2 align-top";
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {t.summary(total, page, pageCount)}
      </p>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm" data-testid="audit-table">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={cell}>
                {t.columns.when}
              </th>
              <th scope="col" className={cell}>
                {t.columns.who}
              </th>
              <th scope="col" className={cell}>
                {t.columns.what}
              </th>
              <th scope="col" className={cell}>
                {t.columns.edition}
              </th>
              <th scope="col" className={cell}>
                {t.columns.details}
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
                <td className={cell}>
                  {t.events[row.action] ?? row.action}
                  <code className="block text-xs text-slate-500">{row.action}</code>
                </td>
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
                  {t.noEvents}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label={t.pagesLabel} className="flex gap-4 text-sm">
        {page > 1 ? (
          <Link href={withLang(`/admin/audit?page=${page - 1}`, lang)} className="text-sky-700 underline">
            {t.newer}
          </Link>
        ) : (
          <span className="text-slate-400">{t.newer}</span>
        )}
        {page < pageCount ? (
          <Link href={withLang(`/admin/audit?page=${page + 1}`, lang)} className="text-sky-700 underline">
            {t.older}
          </Link>
        ) : (
          <span className="text-slate-400">{t.older}</span>
        )}
      </nav>
    </div>
  );
}
