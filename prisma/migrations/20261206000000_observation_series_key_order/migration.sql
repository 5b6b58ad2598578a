-- Series reads ask for one indicator at one level (and breakdown), some or all
-- of its places, over a span of years, from the published editions. The unique
-- key's old column order put year before geo_level, so the planner, which
-- prefers it, walked every level's rows (every zone's, in a database with many
-- zones) of each year to find one province's. Same columns, same uniqueness,
-- in the order those reads narrow by.
CREATE UNIQUE INDEX "observation_edition_id_indicator_code_geo_level_breakdown_g_key"
    ON "observation"("edition_id", "indicator_code", "geo_level", "breakdown", "geo_code", "year");
DROP INDEX "observation_edition_id_indicator_code_year_geo_level_geo_co_key";
