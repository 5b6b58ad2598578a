import "server-only";
import type { Database } from "@/lib/server/db";
import type { StoredReport } from "@/lib/server/editions/create-draft";

export interface AdminEdition {
  id: number;
  slug: string;
  title: string;
  source: string;
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  isSample: boolean;
  yearbookYear: number | null;
  fileName: string | null;
  createdBy: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  retiredAt: Date | null;
  observations: number;
  report: StoredReport | null;
}

const SELECT = {
  id: true,
  slug: true,
  title: true,
  source: true,
  status: true,
  isSample: true,
  yearbookYear: true,
  fileName: true,
  createdAt: true,
  publishedAt: true,
  retiredAt: true,
  report: true,
  createdBy: { select: { email: true } },
  _count: { select: { observations: true } },
} as const;

function toAdminEdition({ createdBy, _count, report, ...edition }: Awaited<ReturnType<typeof findEditions>>[number]): AdminEdition {
  return { ...edition, createdBy: createdBy?.email ?? null, observations: _count.observations, report: report as StoredReport | null };
}

function findEditions(db: Database, where: { id?: number } = {}) {
  return db.prisma.edition.findMany({ where, select: SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Every edition, drafts and retired ones included, newest first. */
export async function listAdminEditions(db: Database): Promise<AdminEdition[]> {
  return (await findEditions(db)).map(toAdminEdition);
}

export async function getAdminEdition(db: Database, id: number): Promise<AdminEdition | null> {
  const [edition] = await findEditions(db, { id });
  return edition ? toAdminEdition(edition) : null;
}
