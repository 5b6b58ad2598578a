import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** One key for every change to which editions are published (any number; distinct from the migrator's). */
const EDITIONS_LOCK_KEY = 72707370;

/**
 * Serialises publish, retire and delete: the second waits for the first to
 * commit or roll back, so two changes never interleave. Released with the transaction.
 */
export async function lockEditions(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EDITIONS_LOCK_KEY}::bigint)`;
}
