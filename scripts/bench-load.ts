// HTTP load for scripts/bench.ts: autocannon at a fixed number of connections,
// with every response time recorded, so p50/p95/p99 are computed exactly
// (autocannon's own summary has p97.5, not p95).
import http from "node:http";
import autocannon from "autocannon";

/** One autocannon run's raw figures. */
export interface LoadSample {
  times: number[];
  /** Bytes received, headers and (gzipped) bodies. */
  bytes: number;
  seconds: number;
  /** Socket errors, timeouts and non-2xx answers. */
  errors: number;
}

export interface LoadResult {
  /** Completed responses. */
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** Mean bytes received per response, headers and (gzipped) body. */
  meanKb: number;
}

/** The nearest-rank percentile of ascending `sorted` values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

export function summarize(samples: readonly LoadSample[]): LoadResult {
  const times = samples.flatMap((s) => s.times).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  return {
    requests: times.length,
    rps: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    meanKb: samples.reduce((sum, s) => sum + s.bytes, 0) / 1024 / times.length,
  };
}

/** Paths in order, from one cursor shared by every connection and run: none comes twice until the list runs out. */
export function cursorOver(paths: readonly string[]): { next: () => string; taken: () => number } {
  let cursor = 0;
  return { next: () => paths[cursor++ % paths.length]!, taken: () => cursor };
}

/**
 * `connections` clients, each sending its next request (path from `nextPath`)
 * as soon as the last is answered, for `seconds`. Requests accept gzip, as
 * browsers, curl --compressed, Python's requests and R's httr do. Waits a
 * second afterwards: the server is still answering the requests autocannon
 * abandoned at the end, which would otherwise slow the next measure.
 */
export async function measureLoad(
  base: string,
  nextPath: () => string,
  seconds: number,
  connections: number,
): Promise<LoadSample> {
  const times: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        headers: { "accept-encoding": "gzip" },
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: nextPath() }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, responseBytes, responseTime) => {
      times.push(responseTime);
      bytes += responseBytes;
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return {
    times,
    bytes,
    seconds: (result.finish.getTime() - result.start.getTime()) / 1000,
    errors: result.errors + result.non2xx, // errors include timeouts
  };
}

/**
 * Each path once, one at a time, on an otherwise idle server: the service time
 * without queueing. Returns the times in path order. A keep-alive node:http
 * client that reads the gzipped body without decompressing it, as autocannon
 * does: fetch's decompression and overhead added 2–3 ms to every view (an
 * all-provinces view answered from the server's cache: 4.35 ms by fetch, 0.96 ms so).
 */
export async function timeSequentially(base: string, paths: readonly string[]): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  try {
    for (const path of paths) {
      const started = performance.now();
      const status = await getOnce(new URL(path, base), agent);
      if (status < 200 || status > 299) throw new Error(`${path} answered ${status}`);
      times.push(performance.now() - started);
    }
  } finally {
    agent.destroy();
  }
  return times;
}

/** GET, accepting gzip; resolves with the status once the whole body has arrived. */
function getOnce(url: URL, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { "accept-encoding": "gzip" } }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}
