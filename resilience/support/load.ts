// A load loop that reads whole bodies, which autocannon can't give back:
// `workers` concurrent requests, one after another each, until the time is up.

/**
 * One request's outcome. `worker` numbers the loop that sent it (its requests
 * go one after another); `startedAt` is a Date.now() time.
 */
export type TAnswer = { path: string; worker: number; startedAt: number; ms: number } & (
  | { status: number; headers: Headers; body: string }
  | { error: string }
);

export interface LoadOptions {
  baseUrl: string;
  workers: number;
  durationMs: number;
  /** Ends the run early: each reader finishes its request in flight and stops. */
  stop?: AbortSignal;
  /** The path of the n-th request (n counts across workers). */
  pick: (n: number) => string;
  /** Headers for a request, e.g. If-None-Match. */
  headersFor?: (path: string) => Record<string, string> | undefined;
  onAnswer: (answer: TAnswer) => void;
  /** A request taking longer than this is aborted and counts as an error. */
  timeoutMs?: number;
}

export async function runLoad(options: LoadOptions): Promise<{ requests: number }> {
  const deadline = Date.now() + options.durationMs;
  let n = 0;
  const worker = async (_: unknown, worker: number) => {
    while (Date.now() < deadline && !options.stop?.aborted) {
      const path = options.pick(n++);
      const startedAt = Date.now();
      const started = performance.now();
      try {
        const response = await fetch(options.baseUrl + path, {
          headers: options.headersFor?.(path),
          signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        });
        const body = await response.text();
        options.onAnswer({ path, worker, startedAt, ms: performance.now() - started, status: response.status, headers: response.headers, body });
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : String(error);
        options.onAnswer({ path, worker, startedAt, ms: performance.now() - started, error: reason });
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  return { requests: n };
}

/** A fixed, interleaved order of paths with the given weights, so every stretch of the run mixes them all. */
export function weightedDeck(weights: readonly (readonly [path: string, weight: number])[]): string[] {
  const deck: { path: string; at: number }[] = [];
  for (const [path, weight] of weights) {
    for (let i = 0; i < weight; i++) deck.push({ path, at: (i + 0.5) / weight });
  }
  return deck.sort((a, b) => a.at - b.at).map((entry) => entry.path);
}
