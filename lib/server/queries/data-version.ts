import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/server/db";

// The data version changes whenever published data changes; every cache and
// ETag of the read path is keyed by it. Each process keeps it in memory: read
// once, then raised by the NOTIFY that every bump sends when it commits (to
// every process using the database), and at once by this process's own
// commits. While the listening connection is down, or while one of this
// process's own changes is committing, requests read it from the database.
// Versions only go up.

const CHANNEL = "data_version";
const ZNotifiedVersion = z.string().regex(/^\d+$/).transform(Number);

/** The data version as stored (in the primary, or in a read replica): one query. */
export async function readDataVersion(db: Pick<Database, "query">): Promise<number> {
  const [row] = await db.query<{ version: number }>(`SELECT version FROM data_version WHERE id = 1`);
  return row?.version ?? 0;
}

class DataVersionTracker {
  /** The newest version known to have committed. */
  private known = 0;
  /** `known` is the stored version, and notifications keep it so. */
  private isCurrent = false;
  /** Changes each time listening (re)starts; null while not listening. A read makes `known` current only if it began while listening. */
  private session: symbol | null = null;
  private isSubscribed = false;
  /** This process's own transactions that bump the version and have not settled. */
  private openChanges = 0;
  /** Called with each newer version this process learns of. */
  readonly onChange = new Set<(version: number) => void>();

  constructor(private readonly db: Database) {}

  async get(): Promise<number> {
    this.subscribe();
    if (this.isCurrent && this.openChanges === 0) return this.known;
    return this.read();
  }

  raise(version: number): void {
    if (version <= this.known) return;
    this.known = version;
    for (const listener of this.onChange) listener(version);
  }

  beginChange(): void {
    this.openChanges++;
  }

  endChange(): void {
    this.openChanges--;
  }

  private subscribe(): void {
    if (this.isSubscribed) return;
    this.isSubscribed = true;
    this.db.listen(CHANNEL, {
      onNotify: (payload) => {
        const parsed = ZNotifiedVersion.safeParse(payload);
        if (parsed.success) this.raise(parsed.data);
        else this.isCurrent = false;
      },
      onListening: () => {
        this.session = Symbol("listening");
        this.isCurrent = false;
        // A NOTIFY may have been missed while not listening.
        this.read().catch(() => {});
      },
      onLost: () => {
        this.session = null;
        this.isCurrent = false;
      },
    });
  }

  private async read(): Promise<number> {
    const session = this.session;
    this.raise(await readDataVersion(this.db));
    if (session !== null && session === this.session) this.isCurrent = true;
    return this.known;
  }
}

// In globalThis, like the shared database: the custom server's read API and the
// Next.js bundle (where publishes run) load this module separately, and must
// share one tracker per database for a publish to be seen by the next request.
const globalForVersions = globalThis as unknown as { torchDataVersions?: WeakMap<Database, DataVersionTracker> };
const trackers = (globalForVersions.torchDataVersions ??= new WeakMap());

function trackerFor(db: Database): DataVersionTracker {
  let tracker = trackers.get(db);
  if (!tracker) {
    tracker = new DataVersionTracker(db);
    trackers.set(db, tracker);
  }
  return tracker;
}

/**
 * The current data version, for the read path: from memory, without a query,
 * while this process is listening for changes (the first call starts it).
 */
export function getDataVersion(db: Database): Promise<number> {
  return trackerFor(db).get();
}

/** Calls `listener` with each newer data version this process learns of: by NOTIFY, a read, or its own commit. */
export function onDataVersionChange(db: Database, listener: (version: number) => void): void {
  trackerFor(db).onChange.add(listener);
}

/**
 * Runs `work` as one Prisma transaction that may change published data. It
 * calls `bump` after its writes to raise the data version, which notifies every
 * process on commit; this one knows the new version as soon as the commit
 * returns, so its next request reads the new data. From the bump until the
 * transaction settles, this process reads the version from the database.
 */
export async function changePublishedData<T>(
  db: Database,
  work: (tx: Prisma.TransactionClient, bump: () => Promise<void>) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  const tracker = trackerFor(db);
  const bumped: { version?: number } = {};
  let isBumping = false;
  try {
    const result = await db.prisma.$transaction(
      (tx) =>
        work(tx, async () => {
          if (!isBumping) tracker.beginChange();
          isBumping = true;
          bumped.version = await bumpDataVersion(tx);
        }),
      options,
    );
    if (bumped.version !== undefined) tracker.raise(bumped.version);
    return result;
  } finally {
    if (isBumping) tracker.endChange();
  }
}

async function bumpDataVersion(tx: Prisma.TransactionClient): Promise<number> {
  const { version } = await tx.dataVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 }, updatedAt: new Date() },
    select: { version: true },
  });
  // Transactional: delivered when the transaction commits, and only then.
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${String(version)})`;
  return version;
}
