import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SqlConnection } from "@/lib/server/db";

/** One key for every change to which editions are published (any number; distinct from the migrator's). */
const EDITIONS_LOCK_KEY = 72707370;

/**
 * Serialises publish, retire and delete: the second waits for the first to
 * commit or roll back, so two changes never interleave. Released with the transaction.
 */
export async function lockEditions(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EDITIONS_LOCK_KEY}::bigint)`;
}

/** lockEditions on a raw transaction's connection (see Database.transaction). */
export async function lockEditionsOn(connection: SqlConnection): Promise<void> {
  await connection.query(`SELECT pg_advisory_xact_lock(${EDITIONS_LOCK_KEY}::bigint)`);
}
