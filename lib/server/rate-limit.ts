import "server-only";
import type { Database } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/**
 * A fixed-window counter per client address and action, kept in the database
 * (table request_window) so that several instances count together: enough to
 * stop one client from filling a table through a public write. The sign-in
 * limit is Better Auth's, in its own table.
 */
export class WindowRateLimit {
  constructor(
    private readonly action: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one event for `address`; throws TOO_MANY_REQUESTS (429), with the wait, past the limit. */
  async hit(db: Database, address: string, what: string): Promise<void> {
    // One statement: a window that has run out starts again at 1, else the count goes up.
    const [window] = await db.query<{ count: number; waitMs: number }>(
      `INSERT INTO request_window AS w (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         window_start = CASE WHEN w.window_start <= now() - $2 * interval '1 millisecond' THEN now() ELSE w.window_start END,
         count = CASE WHEN w.window_start <= now() - $2 * interval '1 millisecond' THEN 1 ELSE w.count + 1 END
       RETURNING count, (extract(epoch FROM w.window_start + $2 * interval '1 millisecond' - now()) * 1000)::float8 AS "waitMs"`,
      [`${this.action}|${address}`, this.windowMs],
    );
    // Now and then, windows long over go (a client that never comes back leaves one row).
    if (Math.random() < 0.01) await db.query(`DELETE FROM request_window WHERE window_start < now() - interval '1 day'`);
    if (window && window.count > this.limit) {
      const wait = Math.max(1, Math.ceil(window.waitMs / 1000));
      throw new AppError("TOO_MANY_REQUESTS", `Too many ${what}. Wait ${wait} seconds.`, { retryAfter: wait });
    }
  }
}

/** The client's address as the server pinned it (lib/server/app-server.ts), for per-client limits. */
export function clientAddressOf(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
