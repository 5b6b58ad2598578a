import "server-only";
import type { Database } from "@/lib/server/db";
import { getDataVersion, onDataVersionChange } from "@/lib/server/queries/data-version";
import { deriveAhead } from "@/lib/server/queries/get-series";
import { versionResolved } from "@/lib/server/queries/resolved-series";

// An instance's warm-up for a data version: the read model resolved whole
// (resolved-series.ts: every zone of "latest" too), then what views derive from
// it (regions' and the nation's sums of provinces, get-series.ts), so that no
// view pays for a first computation. The server begins it at start and on every
// change of the data version; /api/health reports it (and begins it if nothing has).

// In globalThis, like the read model it warms up (resolved-series.ts).
const globalForWarmUps = globalThis as unknown as { torchWarmUps?: WeakMap<Database, { version: number; isDone: boolean }> };
const warmUps = (globalForWarmUps.torchWarmUps ??= new WeakMap());

/** "ready" once this data version is warmed up, "resolving" before (and begins it if nothing has). */
export async function readModelState(db: Database): Promise<"ready" | "resolving"> {
  const version = await getDataVersion(db);
  const current = warmUps.get(db);
  if (current?.version === version) return current.isDone ? "ready" : "resolving";
  const warmUp = { version, isDone: false };
  warmUps.set(db, warmUp);
  // A failed step leaves the rest to the views, which compute what they need themselves.
  void versionResolved(db)
    .then(() => deriveAhead(db))
    .catch(() => undefined)
    .finally(() => (warmUp.isDone = true));
  return "resolving";
}

/** Warms the read model up now, and again whenever the data version changes (the server calls it at start). */
export function keepReadModelWarm(db: Database): void {
  onDataVersionChange(db, () => void readModelState(db).catch(() => undefined));
  void readModelState(db).catch(() => undefined);
}
