// HTTP load for scripts/bench.ts: autocannon at a fixed number of connections,
// with every response time recorded, so p50/p95/p99 are computed exactly
// (autocannon's own summary has p97.5, not p95).
import autocannon from "autocannon";

export interface LoadResult {
  /** Completed responses. */
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Socket errors, timeouts and non-2xx answers. */
  errors: number;
  /** How many distinct paths were sent; fewer than `requests` means some were asked again. */
  distinct: number;
}

/** The nearest-rank percentile of ascending `sorted` values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

/**
 * `connections` clients, each sending its next request as soon as the last is
 * answered, for `seconds`. Paths are taken in order from one shared cursor, so
 * no path is asked twice until the list runs out. Requests accept gzip, as
 * browsers, curl --compressed, Python's requests and R's httr do.
 */
export async function measureLoad(base: string, paths: readonly string[], seconds: number, connections = 32): Promise<LoadResult> {
  let cursor = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        headers: { "accept-encoding": "gzip" },
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[cursor++ % paths.length]! }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const elapsedSeconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    requests: times.length,
    rps: times.length / elapsedSeconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    errors: result.errors + result.timeouts + result.non2xx,
    distinct: Math.min(cursor, paths.length),
  };
}

/**
 * Each path once, one at a time, on an otherwise idle server: the service time
 * without queueing. Returns the times in path order.
 */
export async function timeSequentially(base: string, paths: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(new URL(path, base), { headers: { "accept-encoding": "gzip" } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}
