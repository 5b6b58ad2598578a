// Link-preview render time, for scripts/bench.ts: how long /og takes on a warm server
// for a view it has not rendered yet (the per-view cache would otherwise answer), and
// for one it has.

/** Views that differ only in their year range, so each one is a fresh render of the same work. */
function freshViews(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `metric=registered_firms&level=province&lang=zh&from=${1995 + i}&to=2020`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeRequest(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200 || body[1] !== 0x50 /* "P" of \x89PNG */) throw new Error(`/og answered ${response.status}`);
  return performance.now() - started;
}

export interface OgRenderTimes {
  /** Median over `runs` views the server had not rendered, after one warm-up render. */
  renderMs: number;
  /** Median of the same view again: the per-view cache. */
  cachedMs: number;
  runs: number;
}

/** Times /og on the server at `base`, one request at a time. */
export async function measureOgRender(base: string, runs = 7): Promise<OgRenderTimes> {
  // Warm-up: loads the fonts, Satori's and resvg's WebAssembly, and the catalogue.
  await timeRequest(`${base}/og?metric=tax_revenue&view=compare&level=province`);
  const renders: number[] = [];
  for (const query of freshViews(runs)) renders.push(await timeRequest(`${base}/og?${query}`));
  const cached: number[] = [];
  const [first] = freshViews(1);
  for (let i = 0; i < runs; i++) cached.push(await timeRequest(`${base}/og?${first}`));
  return { renderMs: median(renders), cachedMs: median(cached), runs };
}
