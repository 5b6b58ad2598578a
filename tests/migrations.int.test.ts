import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import internals from "@prisma/internals";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db";
import { checksumOf, migrate, MIGRATIONS_DIR, readMigrationFiles } from "@/lib/server/migrate";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("migrations"));
  await migrate(db);
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

/** Prisma scalar → the PostgreSQL type information_schema reports for it. */
function expectedType(field: { type: string; kind: string; nativeType?: unknown }): string {
  if (field.kind === "enum") return `enum:${field.type}`;
  const native = Array.isArray(field.nativeType) ? String(field.nativeType[0]) : null;
  if (field.type === "DateTime") return native === "Timestamptz" ? "timestamp with time zone" : "timestamp without time zone";
  const types: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Float: "double precision",
    Boolean: "boolean",
    Json: "jsonb",
  };
  return types[field.type] ?? `unmapped:${field.type}`;
}

// schema.prisma's relations that statement-level triggers enforce instead of
// foreign keys (migration 20261215000000; tests/observation-references.int.test.ts).
const OBSERVATION_REFERENCES_BY_TRIGGERS = ["observation(edition_id) -> edition(id)", "observation(indicator_code) -> indicator(code)"];

describe("migrations", () => {
  it("match schema.prisma: same tables, columns, types, nullability, indexes and foreign keys", async () => {
    const dmmf = await internals.getDMMF({ datamodel: await fs.readFile("prisma/schema.prisma", "utf8") });
    const expectedColumns: string[] = [];
    const expectedIndexes: string[] = [];
    const expectedForeignKeys: string[] = [];
    for (const model of dmmf.datamodel.models) {
      const table = model.dbName ?? model.name;
      const column = (name: string) => model.fields.find((f) => f.name === name)!.dbName ?? name;
      for (const field of model.fields) {
        if (field.kind === "object") {
          if (field.relationFromFields?.length) {
            const target = dmmf.datamodel.models.find((m) => m.name === field.type)!;
            const targetColumn = (name: string) => target.fields.find((f) => f.name === name)!.dbName ?? name;
            expectedForeignKeys.push(
              `${table}(${field.relationFromFields.map(column).join(",")}) -> ${target.dbName ?? target.name}(${field.relationToFields!.map(targetColumn).join(",")})`,
            );
          }
          continue;
        }
        expectedColumns.push(`${table}.${field.dbName ?? field.name} ${expectedType(field)} ${field.isRequired ? "NOT NULL" : "NULL"}`);
      }
      for (const index of dmmf.datamodel.indexes.filter((i) => i.model === model.name)) {
        const kind = index.type === "normal" ? "index" : "unique"; // id and unique both make unique indexes
        expectedIndexes.push(`${table} ${kind} (${index.fields.map((f) => column(f.name)).join(",")})`);
      }
    }

    const actualColumns = await db.withConnection((c) =>
      c.query<{ line: string }>(`
        SELECT table_name || '.' || column_name || ' ' ||
          CASE WHEN data_type = 'USER-DEFINED' THEN 'enum:' || udt_name ELSE data_type END || ' ' ||
          CASE WHEN is_nullable = 'YES' THEN 'NULL' ELSE 'NOT NULL' END AS line
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
    );
    const actualIndexes = await db.withConnection((c) =>
      c.query<{ line: string }>(`
        SELECT t.relname || ' ' || CASE WHEN ix.indisunique THEN 'unique' ELSE 'index' END || ' (' ||
          string_agg(a.attname, ',' ORDER BY k.ordinality) || ')' AS line
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ordinality)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, ix.indexrelid, ix.indisunique`),
    );
    const actualForeignKeys = await db.withConnection((c) =>
      c.query<{ line: string }>(`
        SELECT src.relname || '(' || string_agg(sa.attname, ',' ORDER BY k.ordinality) || ') -> ' ||
          dst.relname || '(' || string_agg(da.attname, ',' ORDER BY k.ordinality) || ')' AS line
        FROM pg_constraint con
        JOIN pg_class src ON src.oid = con.conrelid
        JOIN pg_class dst ON dst.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = src.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(src_att, dst_att, ordinality)
        JOIN pg_attribute sa ON sa.attrelid = src.oid AND sa.attnum = k.src_att
        JOIN pg_attribute da ON da.attrelid = dst.oid AND da.attnum = k.dst_att
        WHERE con.contype = 'f' AND n.nspname = 'public'
        GROUP BY con.oid, src.relname, dst.relname`),
    );

    expect(actualColumns.map((r) => r.line).sort()).toEqual(expectedColumns.sort());
    expect(actualIndexes.map((r) => r.line).sort()).toEqual(expectedIndexes.sort());
    const byTriggers = (line: string) => OBSERVATION_REFERENCES_BY_TRIGGERS.includes(line);
    expect(actualForeignKeys.map((r) => r.line).sort()).toEqual(expectedForeignKeys.filter((l) => !byTriggers(l)).sort());
    expect(expectedForeignKeys.filter(byTriggers).sort()).toEqual([...OBSERVATION_REFERENCES_BY_TRIGGERS].sort());
  });

  it("records each migration the way Prisma does, with its sha256 checksum", async () => {
    const files = await readMigrationFiles();
    const rows = await db.withConnection((c) =>
      c.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
        `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      files.map((f) => [f.name, checksumOf(f.sql), 1]),
    );
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("is a no-op the second time, also when runs overlap", async () => {
    const results = await Promise.all([migrate(db), migrate(db)]);
    expect(results.map((r) => r.applied)).toEqual([[], []]);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "torch-migrations-"));
    await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = await readMigrationFiles(dir);
    await fs.appendFile(path.join(dir, first!.name, "migration.sql"), "\n-- edited\n");
    await expect(migrate(db, dir)).rejects.toThrow(/was edited after it was applied/);
    await fs.rm(dir, { recursive: true });
  });

  it("rolls a failing migration back completely", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "torch-migrations-"));
    await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29991231000000_broken");
    await fs.mkdir(broken);
    await fs.writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";`);
    await expect(migrate(db, dir)).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
    const leftovers = await db.withConnection((c) =>
      c.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'
               UNION ALL SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`),
    );
    expect(leftovers).toEqual([]);
    await fs.rm(dir, { recursive: true });
  });
});
