-- A figure may be a lower bound: a count from a registry known to be incomplete,
-- or a source that says "more than 3,200". Readers see it as "at least", and a
-- total made of such parts is never shown as the total.
ALTER TABLE "observation" ADD COLUMN "is_lower_bound" BOOLEAN NOT NULL DEFAULT false;
