-- Zones new to the registry, and corrections to it, come with editions: an
-- edition's changes to the registry wait in edition_park until it is published,
-- and a zone remembers the edition that brought it in, so retiring that edition
-- can take it out again.
CREATE TYPE "ParkChangeKind" AS ENUM ('ADD', 'UPDATE');

CREATE TABLE "edition_park" (
    "edition_id" INTEGER NOT NULL,
    "park_slug" TEXT NOT NULL,
    "kind" "ParkChangeKind" NOT NULL,
    "values" JSONB NOT NULL,
    "previous" JSONB,
    "sheet" TEXT,
    "row" INTEGER,
    CONSTRAINT "edition_park_pkey" PRIMARY KEY ("edition_id", "park_slug")
);
CREATE INDEX "edition_park_park_slug_idx" ON "edition_park"("park_slug");
ALTER TABLE "edition_park" ADD CONSTRAINT "edition_park_edition_id_fkey"
    FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "park" ADD COLUMN "introduced_by_edition_id" INTEGER;
CREATE INDEX "park_introduced_by_edition_id_idx" ON "park"("introduced_by_edition_id");
ALTER TABLE "park" ADD CONSTRAINT "park_introduced_by_edition_id_fkey"
    FOREIGN KEY ("introduced_by_edition_id") REFERENCES "edition"("id") ON DELETE SET NULL ON UPDATE CASCADE;
