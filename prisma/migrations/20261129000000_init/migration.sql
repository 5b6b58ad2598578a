-- Initial schema: reference tables, editions and observations, audit, short links,
-- data version, and Better Auth's tables. Written by hand to match schema.prisma.

CREATE TYPE "GeoLevel" AS ENUM ('NATION', 'REGION', 'PROVINCE', 'PARK');
CREATE TYPE "EditionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');
CREATE TYPE "UserRole" AS ENUM ('admin', 'editor');

CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "province" (
    "adcode" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_zh_short" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    CONSTRAINT "province_pkey" PRIMARY KEY ("adcode")
);
CREATE UNIQUE INDEX "province_slug_key" ON "province"("slug");
CREATE INDEX "province_region_code_idx" ON "province"("region_code");

CREATE TABLE "park" (
    "slug" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT,
    "city_zh" TEXT NOT NULL,
    "city_en" TEXT,
    "province_adcode" INTEGER NOT NULL,
    "approved_on" TEXT,
    "approval_year" INTEGER,
    "delisted_year" INTEGER,
    "source_ref" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "park_pkey" PRIMARY KEY ("slug")
);
CREATE INDEX "park_province_adcode_idx" ON "park"("province_adcode");
CREATE INDEX "park_approval_year_idx" ON "park"("approval_year");

CREATE TABLE "indicator" (
    "code" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "description_zh" TEXT NOT NULL,
    "is_additive" BOOLEAN NOT NULL,
    "sort_order" INTEGER NOT NULL,
    CONSTRAINT "indicator_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "edition" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "yearbook_year" INTEGER,
    "source" TEXT NOT NULL,
    "status" "EditionStatus" NOT NULL DEFAULT 'DRAFT',
    "is_sample" BOOLEAN NOT NULL DEFAULT false,
    "file_name" TEXT,
    "file_sha256" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),
    CONSTRAINT "edition_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "edition_slug_key" ON "edition"("slug");
CREATE INDEX "edition_status_published_at_idx" ON "edition"("status", "published_at");
CREATE INDEX "edition_created_by_id_idx" ON "edition"("created_by_id");

CREATE TABLE "observation" (
    "id" BIGSERIAL NOT NULL,
    "edition_id" INTEGER NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "geo_level" "GeoLevel" NOT NULL,
    "geo_code" TEXT NOT NULL,
    "breakdown" TEXT NOT NULL DEFAULT '',
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "source_ref" TEXT,
    "confidence" TEXT,
    CONSTRAINT "observation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "observation_edition_id_indicator_code_year_geo_level_geo_co_key"
    ON "observation"("edition_id", "indicator_code", "year", "geo_level", "geo_code", "breakdown");
CREATE INDEX "observation_indicator_code_geo_level_year_idx"
    ON "observation"("indicator_code", "geo_level", "year");

CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "edition_id" INTEGER,
    "details" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");
CREATE INDEX "audit_event_actor_id_idx" ON "audit_event"("actor_id");
CREATE INDEX "audit_event_edition_id_idx" ON "audit_event"("edition_id");

CREATE TABLE "short_link" (
    "code" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "short_link_pkey" PRIMARY KEY ("code")
);
CREATE UNIQUE INDEX "short_link_state_key" ON "short_link"("state");

CREATE TABLE "data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "UserRole" NOT NULL DEFAULT 'editor',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

ALTER TABLE "province" ADD CONSTRAINT "province_region_code_fkey"
    FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "park" ADD CONSTRAINT "park_province_adcode_fkey"
    FOREIGN KEY ("province_adcode") REFERENCES "province"("adcode") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "edition" ADD CONSTRAINT "edition_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "observation" ADD CONSTRAINT "observation_edition_id_fkey"
    FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "observation" ADD CONSTRAINT "observation_indicator_code_fkey"
    FOREIGN KEY ("indicator_code") REFERENCES "indicator"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey"
    FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_edition_id_fkey"
    FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "data_version" ("id", "version") VALUES (1, 1);
