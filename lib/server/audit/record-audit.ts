import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database, SqlConnection } from "@/lib/server/db";

// The one way to write the audit trail. There is deliberately no update or
// delete here, and the database refuses both (see the audit_event trigger in
// prisma/migrations/20261129120000_auth_rate_limit).

export type TAuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out"
  | "user.created"
  | "user.role_changed"
  | "edition.uploaded"
  | "edition.upload_rejected"
  | "edition.published"
  | "edition.retired"
  | "edition.deleted";

export interface TAuditEventInput {
  /** The signed-in user who acted; null when nobody is signed in (a failed sign-in, a CLI run). */
  actorId: string | null;
  action: TAuditAction;
  editionId?: number | null;
  /** What happened, in plain values. Never passwords, tokens or secrets. */
  details: Prisma.InputJsonObject;
}

/** A Database, or the transaction client of a write the event belongs to (so both commit or neither does). */
export type TAuditWriter = Database | Prisma.TransactionClient;

/** Appends one event to the audit trail and returns its id. */
export async function recordAudit(db: TAuditWriter, event: TAuditEventInput): Promise<bigint> {
  const client = "prisma" in db ? db.prisma : db;
  const row = await client.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      editionId: event.editionId ?? null,
      details: event.details,
    },
    select: { id: true },
  });
  return row.id;
}

/** recordAudit on a raw transaction's connection (see Database.transaction): the same event, the same table. */
export async function recordAuditOn(connection: SqlConnection, event: TAuditEventInput): Promise<bigint> {
  const [row] = await connection.query<{ id: string }>(
    `INSERT INTO "audit_event" ("actor_id", "action", "edition_id", "details") VALUES ($1, $2, $3, $4::jsonb) RETURNING "id"::text AS id`,
    [event.actorId, event.action, event.editionId ?? null, JSON.stringify(event.details)],
  );
  return BigInt(row!.id);
}
