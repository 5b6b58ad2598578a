import "server-only";
import { AppError } from "@/lib/server/errors";
import { LruCache } from "@/lib/server/lru-cache";

/**
 * A fixed-window counter per key (a client address), in this process's
 * memory: enough to stop one client from filling a table through a public
 * write. Several instances each count on their own; the sign-in limit, which
 * guards secrets, is the one kept in the database.
 */
export class WindowRateLimit {
  private readonly windows: LruCache<{ start: number; count: number }>;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.windows = new LruCache(maxKeys);
  }

  /** Counts one event for `key`; throws TOO_MANY_REQUESTS (429) past the limit. */
  hit(key: string, what: string): void {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    window.count++;
    if (window.count > this.limit) {
      const wait = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
      throw new AppError("TOO_MANY_REQUESTS", `Too many ${what}. Wait ${wait} seconds.`, { retryAfter: wait });
    }
  }
}

/** The client's address as the server pinned it (lib/server/app-server.ts), for per-client limits. */
export function clientAddressOf(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
