import "server-only";
import type { Database } from "@/lib/server/db";

export interface TAuditEventRow {
  id: string;
  at: Date;
  action: string;
  actorEmail: string | null;
  editionId: number | null;
  editionSlug: string | null;
  details: unknown;
}

export interface TAuditPage {
  events: TAuditEventRow[];
  page: number;
  pageCount: number;
  total: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit trail, newest first. Pages past the end come back empty with the real page count. */
export async function listAuditEvents(db: Database, page: number, pageSize = AUDIT_PAGE_SIZE): Promise<TAuditPage> {
  const current = Math.max(1, Math.floor(page));
  const [total, rows] = await Promise.all([
    db.prisma.auditEvent.count(),
    db.prisma.auditEvent.findMany({
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (current - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        at: true,
        action: true,
        editionId: true,
        details: true,
        actor: { select: { email: true } },
        edition: { select: { slug: true } },
      },
    }),
  ]);
  return {
    events: rows.map((row) => ({
      id: row.id.toString(),
      at: row.at,
      action: row.action,
      actorEmail: row.actor?.email ?? null,
      editionId: row.editionId,
      editionSlug: row.edition?.slug ?? null,
      details: row.details,
    })),
    page: current,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    total,
  };
}
