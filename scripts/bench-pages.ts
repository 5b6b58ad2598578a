// Page measures for scripts/bench.ts: the JavaScript each route loads up front,
// and the dashboard in headless Chromium (first chart, LCP, filter changes).
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";

/**
 * Gzipped size of every script a route's HTML loads up front, in KB. `noModule`
 * scripts (Next's polyfills for old browsers) are skipped: modern browsers never fetch them.
 */
export async function measureFirstLoadJs(base: string, route: string): Promise<number> {
  const page = await fetch(new URL(route, base));
  if (!page.ok) throw new Error(`${route} answered ${page.status}`);
  const html = await page.text();
  const sources = [...html.matchAll(/<script[^>]+>/g)]
    .filter(([tag]) => !/\snoModule/i.test(tag))
    .flatMap(([tag]) => tag.match(/\ssrc="([^"]+)"/)?.slice(1) ?? []);
  let total = 0;
  for (const source of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return total / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

declare global {
  interface Window {
    /** Set by LOAD_PROBE, in milliseconds since navigation start. */
    benchTimes?: { firstChart?: number; interactiveChart?: number; lcp?: number };
  }
}

/**
 * Runs in the page before its own scripts (as text: the bundler's helpers do not
 * exist there). Marks the first frame that shows a chart (the server's static
 * SVG), the first that shows the interactive (Recharts) chart, and the latest
 * largest-contentful-paint candidate. A frame has been painted once a task
 * queued from its animation frame runs.
 */
const LOAD_PROBE = `(() => {
  const times = (window.benchTimes = {});
  const markAfterPaint = (key) => requestAnimationFrame(() => setTimeout(() => (times[key] ??= performance.now())));
  new MutationObserver(() => {
    if (times.firstChart === undefined && document.querySelector('[data-testid="chart-area"] svg')) markAfterPaint("firstChart");
    if (times.interactiveChart === undefined && document.querySelector('[data-testid="chart-area"] svg.recharts-surface'))
      markAfterPaint("interactiveChart");
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) times.lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
})();`;

export interface DashboardLoad {
  /** The HTML's first byte: the server's render of the view. */
  ttfbMs: number;
  fcpMs: number;
  firstChartMs: number;
  interactiveChartMs: number;
  lcpMs: number;
  runs: number;
}

/**
 * Medians over `runs` loads of the dashboard, each in a fresh browser context
 * (empty HTTP cache) on a warm server, timed in the page from navigation start.
 */
export async function measureDashboardLoad(base: string, runs = 5): Promise<DashboardLoad> {
  const browser = await launch();
  const samples: (Required<NonNullable<Window["benchTimes"]>> & { ttfb: number; fcp: number })[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      await context.addInitScript({ content: LOAD_PROBE });
      const page = await context.newPage();
      await page.goto(`${base}/`, { waitUntil: "networkidle" });
      await page.waitForFunction(
        () => window.benchTimes?.interactiveChart !== undefined && window.benchTimes.firstChart !== undefined,
      );
      const times = await page.evaluate(() => ({
        ...window.benchTimes!,
        ttfb: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseStart,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      }));
      if (times.lcp === undefined || times.fcp === undefined)
        throw new Error("The browser reported no contentful paint");
      // The server's HTML carries the chart: it is on screen from the first paint, not before.
      const firstChart = Math.max(times.firstChart!, times.fcp);
      samples.push({ ...times, firstChart, interactiveChart: times.interactiveChart!, lcp: times.lcp, fcp: times.fcp });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    ttfbMs: median(samples.map((s) => s.ttfb)),
    fcpMs: median(samples.map((s) => s.fcp)),
    firstChartMs: median(samples.map((s) => s.firstChart)),
    interactiveChartMs: median(samples.map((s) => s.interactiveChart)),
    lcpMs: median(samples.map((s) => s.lcp)),
    runs,
  };
}

/** None of them the default metric, which the canonical query leaves out. */
const FILTER_METRICS = [
  "registered_firms",
  "tax_revenue",
  "exports",
  "revenue",
  "employees",
  "industrial_output",
  "net_profit",
];

/**
 * In the page (as text, like LOAD_PROBE): window.benchFilter resolves with the
 * milliseconds from the next change event to the first frame painted once the
 * chart area shows `metric`'s data and is no longer loading, and to the end of
 * the /api/v1/series response it waited for (NaN when it was prefetched).
 */
const filterProbe = (metric: string) => `window.benchFilter = new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error("no updated chart within 10 s")), 10000);
  const metric = ${JSON.stringify(metric)};
  let changedAt;
  document.addEventListener("change", (event) => (changedAt = event.timeStamp), { capture: true, once: true });
  const observer = new MutationObserver(() => {
    const area = document.querySelector('[data-testid="chart-area"]');
    if (changedAt === undefined || area?.dataset.state !== "ready" || !area.dataset.query.startsWith("metric=" + metric + "&")) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      const fetched = performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/v1/series") && e.startTime >= changedAt).at(-1);
      resolve({ totalMs: performance.now() - changedAt, responseMs: fetched ? fetched.responseEnd - changedAt : NaN });
    }));
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state", "data-query"] });
}); undefined`;

/**
 * Median time from a metric change to the chart showing the new data, in a
 * production build in headless Chromium, timed in the page (the test driver's
 * round trips left out).
 */
export interface FilterChange {
  medianMs: number;
  /** Median time to the end of the data's response: the rest is React and the chart drawing. */
  responseMedianMs: number;
  runs: number;
}

export async function measureFilterChange(base: string): Promise<FilterChange> {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/?level=province`, { waitUntil: "networkidle" });
    await page.waitForSelector("html[data-hydrated]");
    const times: { totalMs: number; responseMs: number }[] = [];
    for (const metric of FILTER_METRICS) {
      await page.evaluate(filterProbe(metric));
      await page.getByLabel("Metric", { exact: true }).selectOption(metric);
      times.push(await page.evaluate<{ totalMs: number; responseMs: number }>("window.benchFilter"));
    }
    return {
      medianMs: median(times.map((t) => t.totalMs)),
      responseMedianMs: median(times.map((t) => t.responseMs)),
      runs: times.length,
    };
  } finally {
    await browser.close();
  }
}
