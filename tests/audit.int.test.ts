import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { createUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// The audit trail is append-only: the app has no way to change it, and the
// database refuses to, except for the foreign keys' own ON DELETE SET NULL.

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("audit"));
  await migrate(db);
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

async function newEdition(slug: string): Promise<number> {
  const edition = await db.prisma.edition.create({ data: { slug, title: slug, source: "test" }, select: { id: true } });
  return edition.id;
}

describe("the audit trail", () => {
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const id = await recordAudit(db, { actorId: null, action: "edition.uploaded", details: { file: "a.csv" } });
    const attempts = [
      `UPDATE "audit_event" SET "action" = 'edition.published' WHERE "id" = ${id}`,
      `UPDATE "audit_event" SET "details" = '{}' WHERE "id" = ${id}`,
      `UPDATE "audit_event" SET "at" = now() - interval '1 year' WHERE "id" = ${id}`,
      `DELETE FROM "audit_event" WHERE "id" = ${id}`,
      `TRUNCATE "audit_event"`,
    ];
    for (const sql of attempts) {
      await expect(
        db.withConnection((c) => c.exec(sql)),
        sql,
      ).rejects.toThrow(/audit_event is append-only/);
    }
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    const row = await db.prisma.auditEvent.findUnique({ where: { id } });
    expect(row).toMatchObject({ action: "edition.uploaded", details: { file: "a.csv" } });
  });

  it("refuses to detach an event from a user or edition that still exists", async () => {
    const user = await createUser(db, { email: "keeper@example.org", password: "a long enough password" }, null);
    const editionId = await newEdition("kept-edition");
    const id = await recordAudit(db, { actorId: user.id, action: "edition.published", editionId, details: {} });
    await expect(
      db.withConnection((c) => c.exec(`UPDATE "audit_event" SET "actor_id" = NULL WHERE "id" = ${id}`)),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.withConnection((c) => c.exec(`UPDATE "audit_event" SET "edition_id" = NULL WHERE "id" = ${id}`)),
    ).rejects.toThrow(/append-only/);
  });

  it("keeps the events of a deleted user or edition, with actor and edition set to NULL", async () => {
    const user = await createUser(db, { email: "leaver@example.org", password: "a long enough password" }, null);
    const editionId = await newEdition("retired-and-deleted");
    const id = await recordAudit(db, {
      actorId: user.id,
      action: "edition.retired",
      editionId,
      details: { reason: "superseded" },
    });
    await db.prisma.user.delete({ where: { id: user.id } });
    await db.prisma.edition.delete({ where: { id: editionId } });
    const row = await db.prisma.auditEvent.findUnique({ where: { id } });
    expect(row).toMatchObject({
      actorId: null,
      editionId: null,
      action: "edition.retired",
      details: { reason: "superseded" },
    });
  });

  it("commits an event with the write it belongs to, or not at all", async () => {
    const before = await db.prisma.auditEvent.count();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await recordAudit(tx, { actorId: null, action: "edition.published", details: { slug: "never" } });
        throw new Error("publish failed");
      }),
    ).rejects.toThrow("publish failed");
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("lists events newest first, a page at a time, with who and which edition", async () => {
    const user = await createUser(db, { email: "lister@example.org", password: "a long enough password" }, null);
    const editionId = await newEdition("listed-edition");
    for (let i = 1; i <= 5; i++) {
      await recordAudit(db, {
        actorId: user.id,
        action: "edition.uploaded",
        editionId,
        details: { n: i, note: "<b>not html</b>" },
      });
    }
    const total = await db.prisma.auditEvent.count();
    const first = await listAuditEvents(db, 1, 3);
    expect(first.total).toBe(total);
    expect(first.pageCount).toBe(Math.ceil(total / 3));
    expect(first.events.map((event) => (event.details as { n: number }).n)).toEqual([5, 4, 3]);
    expect(first.events[0]).toMatchObject({
      actorEmail: "lister@example.org",
      editionSlug: "listed-edition",
      action: "edition.uploaded",
    });
    const second = await listAuditEvents(db, 2, 3);
    expect(second.events.map((event) => (event.details as { n?: number }).n)).toEqual([2, 1, undefined]);
    const beyond = await listAuditEvents(db, 999, 3);
    expect(beyond.events).toEqual([]);
    expect(beyond.page).toBe(999);
  });
});
