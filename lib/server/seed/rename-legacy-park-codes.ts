import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/server/db";
import { legacyParkSlug, type ParkRecord } from "@/lib/server/seed/reference-data";

// Databases seeded before zone_codes.csv hold zones under hash codes
// (zone-64986c59). The seed renames them to the readable codes in place, so a
// zone is never there twice, and moves what refers to the old code with it:
// zone-level observations (uploaded editions may have them) and the stored
// views of short links.

export interface ParkCodeRenames {
  parks: number;
  observations: number;
  shortLinks: number;
}

/** Legacy hash code → readable code, for every zone of the registry. */
function legacyCodePairs(parks: readonly ParkRecord[]): Map<string, string> {
  return new Map(parks.map((park) => [legacyParkSlug(park.nameZh), park.slug]));
}

/** True when some zone is still stored under its legacy hash code. */
export async function hasLegacyParkCodes(db: Database, parks: readonly ParkRecord[]): Promise<boolean> {
  const legacy = [...legacyCodePairs(parks).keys()];
  return (await db.prisma.park.count({ where: { slug: { in: legacy } } })) > 0;
}

/** A canonical view query with its zone codes renamed; the geo list stays sorted, as canonical queries keep it. */
export function renameGeosInQuery(query: string, renames: ReadonlyMap<string, string>): string {
  const params = new URLSearchParams(query);
  const geo = params.get("geo");
  if (!geo) return query;
  const renamed = [...new Set(geo.split(",").map((code) => renames.get(code) ?? code))].sort().join(",");
  if (renamed === geo) return query;
  params.set("geo", renamed);
  return params.toString().replace(/%2C/g, ",");
}

/**
 * Renames zones stored under their legacy hash codes to their readable codes,
 * with the zone-level observations and short-link views that name them. Run it
 * inside the transaction that upserts the parks, before the upsert; it does
 * nothing (one query) when no legacy code is left, so seeding stays idempotent.
 */
export async function renameLegacyParkCodes(
  tx: Prisma.TransactionClient,
  parks: readonly ParkRecord[],
): Promise<ParkCodeRenames> {
  const pairs = legacyCodePairs(parks);
  const stored = await tx.park.findMany({ where: { slug: { in: [...pairs.keys()] } }, select: { slug: true } });
  if (stored.length === 0) return { parks: 0, observations: 0, shortLinks: 0 };

  const renames = new Map(stored.map(({ slug }) => [slug, pairs.get(slug)!]));
  // JSON rather than arrays: it travels the same way through both database adapters.
  const json = JSON.stringify([...renames].map(([legacy, code]) => ({ legacy, code })));
  // A park already under its new code (it cannot happen through the app, but a hand-made one may) keeps it; the legacy row goes.
  await tx.$executeRaw`
    DELETE FROM "park" p USING jsonb_to_recordset(${json}::jsonb) AS m("legacy" text, "code" text)
    WHERE p."slug" = m."legacy" AND EXISTS (SELECT 1 FROM "park" n WHERE n."slug" = m."code")`;
  await tx.$executeRaw`
    UPDATE "park" p SET "slug" = m."code" FROM jsonb_to_recordset(${json}::jsonb) AS m("legacy" text, "code" text)
    WHERE p."slug" = m."legacy"`;
  const observations = await tx.$executeRaw`
    UPDATE "observation" o SET "geo_code" = m."code" FROM jsonb_to_recordset(${json}::jsonb) AS m("legacy" text, "code" text)
    WHERE o."geo_level" = 'PARK' AND o."geo_code" = m."legacy"`;

  let shortLinks = 0;
  for (const link of await tx.shortLink.findMany({ where: { state: { contains: "zone-" } } })) {
    const state = renameGeosInQuery(link.state, renames);
    if (state === link.state) continue;
    // The same view may already have a code of its own; then this one keeps the legacy form, which still opens it.
    if (await tx.shortLink.findUnique({ where: { state }, select: { code: true } })) continue;
    await tx.shortLink.update({ where: { code: link.code }, data: { state } });
    shortLinks++;
  }
  return { parks: renames.size, observations, shortLinks };
}
