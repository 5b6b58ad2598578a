import "server-only";
import type { GeoLevel } from "@/lib/geo-level";
import { INDICATORS } from "@/lib/metrics";
import type { Database } from "@/lib/server/db";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { listPublishedEditions } from "@/lib/server/queries/editions";
import { PackedPointsBuilder, PointTraits, type PackedPoints } from "@/lib/server/queries/packed-points";
import {
  compareByGeoThenYear,
  resolveVintage,
  type EditionInfo,
  type ObservationRow,
  type SeriesPoint,
} from "@/lib/series-math";

// The read model: observations with the vintage rule already applied, kept in
// memory per data version (published data changes only when it does). A block
// holds one indicator at one level and breakdown, under one set of editions
// ("latest", or a pinned edition and those before it), place by place over every
// year, so views that differ in years, view or mode share it. When the version
// changes, "latest" is resolved whole in the background, zones included; until
// then, and for pinned editions' zones, a request reads the places its block
// lacks with one indexed query, and nothing once they are there.

/**
 * Zone points read for views, kept in all across blocks: about 40 MB; the least recently used blocks go
 * first. The nation, regions and provinces are kept whole for the version (at 100 times the seed, about
 * 35,000 points per set of editions): evicting them made views of every province read three vintages again.
 * The zones of "latest", once resolved, are packed apart (PackedPoints) and not counted here.
 */
const MAX_POINTS = 250_000;

export interface ObservationSelection {
  indicatorCode: string;
  level: GeoLevel;
  /** Empty: every place at the level. */
  geos: readonly string[];
  breakdown: string;
  editionIds: readonly number[];
}

/** An observation as the vintage rule reads it (lib/series-math.ts ObservationRow). */
const OBSERVATION_ROW_COLUMNS = `edition_id AS "editionId", geo_code AS "geoCode", year, breakdown, value, note,
  source_ref AS "sourceRef", confidence, is_lower_bound AS "isLowerBound"`;

/** The statement a block's places are read with (exported so the benchmark can EXPLAIN exactly it). */
export function observationStatement(selection: ObservationSelection): { text: string; values: unknown[] } {
  const { indicatorCode, level, geos, breakdown, editionIds } = selection;
  const values: unknown[] = [indicatorCode, level, breakdown, editionIds];
  if (geos.length) values.push(geos);
  return {
    text: `SELECT ${OBSERVATION_ROW_COLUMNS}
     FROM observation
     WHERE indicator_code = $1 AND geo_level = $2::"GeoLevel" AND breakdown = $3
       AND edition_id = ANY($4::int[])${geos.length ? " AND geo_code = ANY($5::text[])" : ""}`,
    values,
  };
}

interface Block {
  /** Each place's points over every year, in year order; an empty list for a place with none. */
  byGeo: Map<string, readonly SeriesPoint[]>;
  /** True once every place of the level has been read (a view of "all places" needs no query). */
  isComplete: boolean;
  /** The places in order, kept for views of them all once the block is complete. */
  sortedGeos?: readonly string[];
  points: number;
}

class ResolvedStore {
  /** Blocks above zone level and what is derived from them, for the version's life. */
  private readonly kept = new Map<string, Block>();
  /** Zone blocks, in insertion order, refreshed on use: the first is the least recently used. */
  private readonly blocks = new Map<string, Block>();
  /** The zones of "latest", every place of a block, once resolved. */
  private readonly packed = new Map<string, PackedPoints>();
  private readonly traits = new PointTraits();
  private points = 0;

  constructor(readonly version: number) {}

  packedBlock(key: string): PackedPoints | undefined {
    return this.packed.get(key);
  }

  /** A builder of blocks of every place, packed; `pack` keeps what it built. */
  packer(): PackedPointsBuilder {
    return new PackedPointsBuilder(this.traits);
  }

  /** Keeps a block of every place packed, in place of the places views had read of it. */
  pack(key: string, packed: PackedPoints): void {
    this.packed.set(key, packed);
    const read = this.blocks.get(key);
    if (!read) return;
    this.blocks.delete(key);
    this.points -= read.points;
  }

  get(key: string): Block | undefined {
    const kept = this.kept.get(key);
    if (kept) return kept;
    const block = this.blocks.get(key);
    if (block) {
      this.blocks.delete(key);
      this.blocks.set(key, block);
    }
    return block;
  }

  /** Adds a whole block for the version's life. */
  keep(key: string, points: readonly SeriesPoint[]): void {
    const block: Block = { byGeo: new Map(), isComplete: true, points: 0 };
    addPlaces(block, points, []);
    this.kept.set(key, block);
  }

  /** Adds a block's places, then drops the least recently used blocks beyond the budget (never `key`'s own). */
  add(key: string, points: readonly SeriesPoint[], geos: readonly string[], isComplete: boolean): void {
    if (this.kept.has(key) || this.packed.has(key)) return;
    const block = this.get(key) ?? { byGeo: new Map(), isComplete: false, points: 0 };
    this.blocks.set(key, block);
    this.points += addPlaces(block, points, geos);
    block.isComplete ||= isComplete;
    for (const [oldest, old] of this.blocks) {
      if (this.points <= MAX_POINTS || oldest === key) break;
      this.blocks.delete(oldest);
      this.points -= old.points;
    }
  }
}

/** Adds the places the block lacks (`geos` with none as empty lists); returns how many points it added. */
function addPlaces(block: Block, points: readonly SeriesPoint[], geos: readonly string[]): number {
  const byGeo = new Map<string, SeriesPoint[]>(geos.map((geo) => [geo, []]));
  for (const point of points) {
    let list = byGeo.get(point.geoCode);
    if (!list) byGeo.set(point.geoCode, (list = []));
    list.push(Object.freeze(point));
  }
  let added = 0;
  for (const [geo, list] of byGeo) {
    if (block.byGeo.has(geo)) continue;
    block.byGeo.set(geo, list);
    added += list.length;
  }
  block.points += added;
  return added;
}

interface StoreEntry {
  store: ResolvedStore;
  ready: Promise<void>;
  settled: Promise<void>;
}

// In globalThis, like the data version's tracker: the custom server's read API and
// the Next.js bundle (the pages) load this module separately, and share one read
// model per database instead of resolving every zone twice.
const globalForStores = globalThis as unknown as { torchResolvedStores?: WeakMap<Database, StoreEntry> };
const stores = (globalForStores.torchResolvedStores ??= new WeakMap());

const blockKey = (editions: readonly EditionInfo[], indicatorCode: string, level: GeoLevel, breakdown: string) =>
  [editions.map((e) => e.id).join(","), indicatorCode, level, breakdown].join("|");

type AboveZoneRow = ObservationRow & { indicatorCode: string; level: GeoLevel };

/** The scope's rows by block: each (indicator, level, breakdown) of the editions in it. */
function blocksOf(rows: readonly AboveZoneRow[], editions: readonly EditionInfo[]): Map<string, ObservationRow[]> {
  const inScope = new Set(editions.map((e) => e.id));
  const groups = new Map<string, ObservationRow[]>();
  for (const row of rows) {
    if (!inScope.has(row.editionId)) continue;
    const key = blockKey(editions, row.indicatorCode, row.level, row.breakdown);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  return groups;
}

/**
 * When the version changes, the nation, regions and provinces are resolved at
 * once from one query (a few tens of thousands of points per scope, even at a
 * hundred times the seed), so no view of them reads the database until the next
 * publish: "latest" before the first view is answered, each pinned edition's
 * scope after, a scope at a time, between requests; then the zones of "latest"
 * (1,500 of them at that size), packed.
 */
async function resolveAboveZones(db: Database, store: ResolvedStore): Promise<{ rest: Promise<void> }> {
  const published = await listPublishedEditions(db);
  const rows = await db.readAtVersion<AboveZoneRow>(
    store.version,
    `SELECT indicator_code AS "indicatorCode", geo_level AS level, ${OBSERVATION_ROW_COLUMNS}
     FROM observation WHERE edition_id = ANY($1::int[]) AND geo_level <> 'PARK'`,
    [published.map((e) => e.id)],
  );
  const resolveScope = async (editions: readonly EditionInfo[]) => {
    if ((await getDataVersion(db)) !== store.version) return;
    for (const [key, group] of blocksOf(rows, editions)) store.keep(key, resolveVintage(group, editions));
  };
  await resolveScope(published);
  const rest = (async () => {
    for (const edition of published.slice(0, -1)) {
      await nextTurn();
      await resolveScope(published.filter((e) => e.rank <= edition.rank));
    }
    await resolveZones(db, store, published);
  })();
  return { rest };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Zones read per query while resolving: a few tens of thousands of rows in flight at a hundred times the seed. */
const ZONES_PER_READ = 250;

/**
 * Then the zones of "latest", an indicator at a time between requests, packed: at a hundred times the seed,
 * 1,522 zones and about 900,000 points in 12 MB, resolved in 7 s. Until an indicator's zones are in, its views
 * read the places they name. Stops when the version moves on.
 */
async function resolveZones(db: Database, store: ResolvedStore, published: readonly EditionInfo[]): Promise<void> {
  const level: GeoLevel = "PARK";
  const zones = (await db.query<{ slug: string }>(`SELECT slug FROM park ORDER BY slug`)).map((zone) => zone.slug);
  for (const { code } of INDICATORS) {
    const packer = store.packer();
    for (let first = 0; first < zones.length; first += ZONES_PER_READ) {
      await nextTurn();
      const rows = await db.readAtVersion<ObservationRow>(
        store.version,
        `SELECT ${OBSERVATION_ROW_COLUMNS} FROM observation
         WHERE indicator_code = $1 AND geo_level = $2::"GeoLevel" AND edition_id = ANY($3::int[]) AND geo_code = ANY($4::text[])`,
        [code, level, published.map((e) => e.id), zones.slice(first, first + ZONES_PER_READ)],
      );
      if ((await getDataVersion(db)) !== store.version) return;
      packer.add(resolveVintage(rows, published));
    }
    for (const [breakdown, packed] of packer.build()) store.pack(blockKey(published, code, level, breakdown), packed);
  }
}

/** This version's store; the first request after a version change waits for "latest" above zone level to be resolved. */
async function storeFor(db: Database): Promise<ResolvedStore> {
  const version = await getDataVersion(db);
  let current = stores.get(db);
  if (current?.store.version !== version) {
    const store = new ResolvedStore(version);
    // A failed prewarm leaves the store empty, or its zones unpacked: views then read what they need themselves.
    const resolving = resolveAboveZones(db, store).catch(() => ({ rest: Promise.resolve() }));
    const ready = resolving.then(() => undefined);
    const settled = resolving.then(({ rest }) => rest).catch(() => undefined);
    stores.set(db, (current = { store, ready, settled }));
  }
  await current.ready;
  return current.store;
}

/** Resolves once this version is resolved whole: pinned editions above zone level, and the zones of "latest". */
export async function versionResolved(db: Database): Promise<void> {
  await storeFor(db);
  await stores.get(db)?.settled;
}

export interface ResolvedSelection extends Omit<ObservationSelection, "editionIds"> {
  from: number;
  to: number;
  /** The editions the view may read, with their order (the vintage rule). */
  editions: readonly EditionInfo[];
}

/**
 * The resolved points of one indicator at one level and breakdown for the
 * chosen places and years, sorted by place then year: from memory, reading
 * only the places not yet there.
 */
export async function readResolvedPoints(db: Database, selection: ResolvedSelection): Promise<SeriesPoint[]> {
  const { editions, from, to } = selection;
  const store = await storeFor(db);
  const key = blockKey(editions, selection.indicatorCode, selection.level, selection.breakdown);
  const packed = store.packedBlock(key);
  if (packed) return packedPointsIn(packed, selection);
  let block = store.get(key);
  const isAll = selection.geos.length === 0;
  const missing = isAll ? [] : selection.geos.filter((geo) => !block?.byGeo.has(geo));
  if (!block?.isComplete && (isAll || missing.length > 0)) {
    const { text, values } = observationStatement({
      ...selection,
      geos: missing,
      editionIds: editions.map((e) => e.id),
    });
    const points = resolveVintage(await db.readAtVersion<ObservationRow>(store.version, text, values), editions);
    // A publish may have committed while reading: those points belong to no version this store serves.
    if ((await getDataVersion(db)) !== store.version) return inRange(points, from, to).sort(compareByGeoThenYear);
    // The block may have been packed whole while this read was in flight: then it has every place.
    const packedMeanwhile = store.packedBlock(key);
    if (packedMeanwhile) return packedPointsIn(packedMeanwhile, selection);
    store.add(key, points, missing, isAll);
    block = store.get(key)!;
  }
  return pointsIn(block!, selection);
}

/**
 * Points computed from resolved ones above zone level for every place of a level
 * and every year (a region's totals filled in with sums of its provinces, say),
 * computed once per data version and kept for it beside the blocks they come
 * from; read like them. `derivation` names what `derive` computes, so that two
 * derivations of one indicator keep apart.
 */
export async function readDerivedPoints(
  db: Database,
  selection: ResolvedSelection,
  derivation: string,
  derive: () => Promise<SeriesPoint[]>,
): Promise<SeriesPoint[]> {
  const store = await storeFor(db);
  const key = `${derivation}:${blockKey(selection.editions, selection.indicatorCode, selection.level, selection.breakdown)}`;
  let block = store.get(key);
  if (!block) {
    const points = await derive();
    if ((await getDataVersion(db)) !== store.version) {
      const wanted = new Set(selection.geos);
      const inView = points.filter((point) => wanted.size === 0 || wanted.has(point.geoCode));
      return inRange(inView, selection.from, selection.to).sort(compareByGeoThenYear);
    }
    store.keep(key, points);
    block = store.get(key)!;
  }
  return pointsIn(block, selection);
}

/** A block's points for the selection's places (all when none is named) and years, sorted by place then year. */
function pointsIn(block: Block, { geos: wanted, from, to }: ResolvedSelection): SeriesPoint[] {
  // Each place's list is in year order already: sorting the places gives compareByGeoThenYear's order.
  const geos = wanted.length === 0 ? (block.sortedGeos ??= inPlaceOrder(block.byGeo.keys())) : inPlaceOrder(wanted);
  const points: SeriesPoint[] = [];
  for (const geo of geos) {
    for (const point of block.byGeo.get(geo) ?? []) if (point.year >= from && point.year <= to) points.push(point);
  }
  return points;
}

const inPlaceOrder = (geos: Iterable<string>) => [...new Set(geos)].sort((x, y) => x.localeCompare(y));

function packedPointsIn(packed: PackedPoints, { geos, from, to }: ResolvedSelection): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  const places = geos.length === 0 ? packed.geos : inPlaceOrder(geos);
  for (const geo of places) packed.collect(geo, from, to, points);
  return points;
}

function inRange(points: readonly SeriesPoint[], from: number, to: number): SeriesPoint[] {
  return points.filter((point) => point.year >= from && point.year <= to);
}
