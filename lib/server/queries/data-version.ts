import "server-only";
import type { Database } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The current data version: it changes whenever published data changes. */
export async function getDataVersion(db: Database): Promise<number> {
  const [row] = await db.query<{ version: number }>(`SELECT version FROM data_version WHERE id = 1`);
  return row?.version ?? 0;
}

/** Call inside the transaction that changes published data. */
export async function bumpDataVersion(tx: Prisma.TransactionClient): Promise<void> {
  await tx.dataVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 }, updatedAt: new Date() },
  });
}
