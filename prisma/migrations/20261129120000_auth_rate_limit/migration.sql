-- Admin sign-in: Better Auth's rate-limit table, the generated auth secret,
-- and the append-only rule for audit_event. Written by hand to match schema.prisma.

CREATE TABLE "rate_limit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,
    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rate_limit_key_key" ON "rate_limit"("key");
-- Better Auth prunes rows older than the longest window: WHERE last_request < cutoff.
CREATE INDEX "rate_limit_last_request_idx" ON "rate_limit"("last_request");

-- Holds the auth secret when BETTER_AUTH_SECRET is not set, so sessions survive
-- restarts and every app instance on this database signs cookies alike.
CREATE TABLE "app_secret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "app_secret_pkey" PRIMARY KEY ("name")
);

-- audit_event is append-only. The one change allowed is the database's own
-- ON DELETE SET NULL: when the user or edition an event points at is deleted,
-- its actor_id / edition_id becomes NULL and nothing else changes. A manual
-- UPDATE, DELETE or TRUNCATE fails. (The table owner can still drop or disable
-- the trigger; this guards against application bugs and casual edits.)
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW."id" = OLD."id"
            AND NEW."at" = OLD."at"
            AND NEW."action" = OLD."action"
            AND NEW."details" = OLD."details"
            AND (NEW."actor_id" IS NOT DISTINCT FROM OLD."actor_id"
                 OR (NEW."actor_id" IS NULL AND NOT EXISTS (SELECT 1 FROM "user" WHERE "id" = OLD."actor_id")))
            AND (NEW."edition_id" IS NOT DISTINCT FROM OLD."edition_id"
                 OR (NEW."edition_id" IS NULL AND NOT EXISTS (SELECT 1 FROM "edition" WHERE "id" = OLD."edition_id")))
        THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_event_append_only_rows"
    BEFORE UPDATE OR DELETE ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "audit_event_append_only_truncate"
    BEFORE TRUNCATE ON "audit_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
