-- An uploaded edition keeps its validation summary and warnings, for the admin
-- reviewing the draft and for the record once it is published.
ALTER TABLE "edition" ADD COLUMN "report" JSONB;
